using System.Linq;
using Preflight.Artifacts.Kubernetes;
using Xunit;

namespace Preflight.Artifacts.Tests.Kubernetes;

public class KustomizationReferencesTests
{
    [Fact]
    public void Lists_local_paths_with_field_and_position_and_strips_the_key_of_files_entries()
    {
        var references = KustomizationReferences.Parse("""
            resources:
              - deployment.yaml
              - https://example.com/crd.yaml
            configMapGenerator:
              - name: app
                files:
                  - key.json=config/app.json
                  - plain.txt
            """);

        Assert.Equal(new[]
        {
            ("resources", "deployment.yaml", 2, 5),
            ("configMapGenerator 'app' files", "config/app.json", 7, 9),
            ("configMapGenerator 'app' files", "plain.txt", 8, 9),
        }, references.Select(r => (r.Field, r.Path, r.Span.Line, r.Span.Column)));
    }

    [Theory]
    [InlineData("../base", true)]
    [InlineData("deployment.yaml", true)]
    [InlineData("github.com/org/repo//deploy/base?ref=v1", false)]
    [InlineData("https://github.com/org/repo/deploy?ref=main", false)]
    [InlineData("git@github.com:org/repo.git", false)]
    [InlineData("oci://registry/chart", false)]
    [InlineData("*.yaml", false)]
    [InlineData("${OVERLAY}/x.yaml", false)]
    [InlineData("/abs/path.yaml", false)]
    public void Remote_references_globs_and_variables_are_not_local_paths(string path, bool local)
    {
        Assert.Equal(local, KustomizationReferences.IsLocalPath(path));
    }
}
