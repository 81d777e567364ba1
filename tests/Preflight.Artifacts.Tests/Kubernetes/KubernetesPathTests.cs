using System.Linq;
using Preflight.Artifacts.Kubernetes;
using Xunit;

namespace Preflight.Artifacts.Tests.Kubernetes;

public class KubernetesPathTests
{
    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: mcp
          labels:
            kubernetes.io/hostname: node-1
            'it''s': quoted
        spec:
          template:
            spec:
              nodeSelector:
                pool: mcp
              tolerations: []
              containers:
                - name: api
                  image: shop/api
                - name: sidecar
                  resources:
        """;

    private static KubernetesObject Object => KubernetesParser.Parse(Manifest).Objects.Single();

    [Fact]
    public void Finds_a_nested_mapping_with_its_span()
    {
        var match = Object.Find("spec.template.spec.nodeSelector");

        Assert.True(match.Exists);
        Assert.False(match.IsEmpty);
        Assert.Equal((12, 9), (match.Span.Line, match.Span.Column));
        Assert.Equal((11, 7), (match.KeySpan.Line, match.KeySpan.Column));
        Assert.Equal(4, match.MatchedSegments);
    }

    [Theory]
    [InlineData("metadata.labels.\"kubernetes.io/hostname\"", "node-1")]
    [InlineData("metadata.labels.'kubernetes.io/hostname'", "node-1")]
    [InlineData("metadata.labels.'it''s'", "quoted")]
    [InlineData("spec.template.spec.containers[1].name", "sidecar")]
    [InlineData("spec.template.spec.containers.0.image", "shop/api")]
    [InlineData("kind", "Deployment")]
    public void Finds_quoted_and_indexed_segments(string path, string value)
    {
        var match = Object.Find(path);

        Assert.True(match.Exists, path);
        Assert.Equal(value, ((YamlDotNet.RepresentationModel.YamlScalarNode)match.Node!).Value);
    }

    [Fact]
    public void Missing_path_points_at_the_deepest_part_that_exists()
    {
        var match = Object.Find("spec.template.spec.affinity.nodeAffinity");

        Assert.True(match.IsValidPath);
        Assert.False(match.Exists);
        Assert.Null(match.Node);
        Assert.Equal(3, match.MatchedSegments);
        Assert.Equal(10, match.Span.Line);
    }

    [Fact]
    public void Dotted_key_needs_quotes()
    {
        Assert.False(Object.Find("metadata.labels.kubernetes.io/hostname").Exists);
    }

    [Theory]
    [InlineData("spec.template.spec.tolerations")]
    [InlineData("spec.template.spec.containers[1].resources")]
    public void Empty_values_exist_and_are_marked_empty(string path)
    {
        var match = Object.Find(path);

        Assert.True(match.Exists);
        Assert.True(match.IsEmpty);
    }

    [Fact]
    public void Empty_path_is_the_whole_object()
    {
        var match = Object.Find("");

        Assert.True(match.Exists);
        Assert.Equal((1, 1), (match.Span.Line, match.Span.Column));
    }

    [Theory]
    [InlineData("spec..template")]
    [InlineData("spec.")]
    [InlineData(".spec")]
    [InlineData("metadata.labels.\"unterminated")]
    [InlineData("spec.containers[x]")]
    [InlineData("spec.containers[0")]
    [InlineData("a\"b\".c")]
    [InlineData("\"a\"b")]
    public void Malformed_paths_are_reported_not_thrown(string path)
    {
        Assert.False(KubernetesPath.TryParse(path, out _, out var error));
        Assert.NotNull(error);
        var match = Object.Find(path);
        Assert.False(match.IsValidPath);
        Assert.False(match.Exists);
        Assert.Equal(match.Error, error);
    }

    [Fact]
    public void Parses_segments()
    {
        Assert.True(KubernetesPath.TryParse("a.\"b.c\"[2].'d'", out var segments, out _));

        Assert.Equal(new[] { "a", "b.c", "[2]", "d" }, segments.Select(s => s.ToString()));
        Assert.True(segments[1].IsQuoted);
        Assert.Equal(2, segments[2].Index);
    }

    [Fact]
    public void File_lookup_works_on_any_document()
    {
        var file = KubernetesParser.Parse("replicaCount: 2\n---\nkind: ConfigMap\n");

        Assert.True(file.Find(0, "replicaCount").Exists);
        Assert.True(file.Find(1, "kind").Exists);
        Assert.False(file.Find(2, "kind").Exists);
        Assert.False(file.Find(-1, "kind").Exists);
    }
}
