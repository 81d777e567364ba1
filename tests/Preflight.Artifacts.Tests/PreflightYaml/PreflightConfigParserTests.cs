using System.Linq;
using Preflight.Artifacts.PreflightYaml;
using Xunit;

namespace Preflight.Artifacts.Tests.Config;

public class PreflightConfigParserTests
{
    // The example of DESIGN.md, verbatim.
    private const string DesignExample = """
        secrets:                 # provided by a secret store at deploy time; names only, never values
          - PULUMI_ACCESS_TOKEN
          - name: OpenAI__ApiKey
            environments: [production]
        variables:               # non-secret values the platform provides at deploy time
          - ASPNETCORE_ENVIRONMENT
        images:                  # needs of third-party images, added to the built-in catalogue
          mintplexlabs/anythingllm:
            requires: [STORAGE_DIR]
            persist: [STORAGE_DIR]
        external:                # objects created outside this repository
          kubernetes:
            secrets: [mcp-secrets]
            configmaps: []
        policies:
          - name: mcp-on-mcp-node
            files: kubernetes/production/mcp-*.yaml
            kind: Deployment
            require: [spec.template.spec.nodeSelector]
          - name: no-vercel
            forbid: ["**/vercel.json"]
        """;

    [Fact]
    public void Reads_the_design_example()
    {
        var config = PreflightConfigParser.Parse(DesignExample);

        Assert.Empty(config.Errors);
        Assert.False(config.IsEmpty);
        Assert.Equal(new[] { "PULUMI_ACCESS_TOKEN", "OpenAI__ApiKey" }, config.Secrets.Select(s => s.Name));
        Assert.Equal((2, 5), (config.Secrets[0].Span.Line, config.Secrets[0].Span.Column));
        Assert.Equal((3, 11), (config.Secrets[1].Span.Line, config.Secrets[1].Span.Column));
        Assert.Equal("production", config.Secrets[1].Environments.Single().Value);
        Assert.True(config.Secrets[1].AppliesTo("Production"));
        Assert.False(config.Secrets[1].AppliesTo("staging"));
        Assert.True(config.Secrets[0].AppliesTo("staging"));
        Assert.Equal("ASPNETCORE_ENVIRONMENT", config.Variables.Single().Name);

        var image = config.Images.Single();
        Assert.Equal(("mintplexlabs/anythingllm", 8), (image.Image, image.Span.Line));
        Assert.Equal("STORAGE_DIR", image.Requires.Single().Value);
        Assert.Equal("STORAGE_DIR", image.Persist.Single().Value);
        Assert.Equal((10, 15), (image.Persist[0].Span.Line, image.Persist[0].Span.Column));

        Assert.Equal("mcp-secrets", config.External.KubernetesSecrets.Single().Value);
        Assert.Empty(config.External.KubernetesConfigMaps);

        var nodePolicy = config.Policies[0];
        Assert.Equal(("mcp-on-mcp-node", 16), (nodePolicy.Name, nodePolicy.NameSpan.Line));
        Assert.Equal("kubernetes/production/mcp-*.yaml", nodePolicy.Files.Single().Value);
        Assert.Equal("Deployment", nodePolicy.Kinds.Single().Value);
        Assert.Equal("spec.template.spec.nodeSelector", nodePolicy.Require.Single().Value);
        Assert.Equal(("no-vercel", "**/vercel.json"), (config.Policies[1].Name, config.Policies[1].Forbid.Single().Value));
        Assert.Empty(config.Policies[1].Files);
    }

    [Fact]
    public void Reads_catalogue_shapes_of_images()
    {
        var image = PreflightConfigParser.Parse("""
            images:
              mysql:
                any_of: [[MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD], [MYSQL_DATABASE, MYSQL_USER]]
                both_or_neither: [MONGO_INITDB_ROOT_USERNAME, MONGO_INITDB_ROOT_PASSWORD]
                forbid: RABBITMQ_DEFAULT_PASS_FILE
              plain:
            """).Images;

        Assert.Equal(new[] { 2, 2 }, image[0].AnyOf.Select(g => g.Values.Count));
        Assert.Equal("MYSQL_USER", image[0].AnyOf[1].Values[1].Value);
        Assert.Equal(new[] { "MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD" }, image[0].BothOrNeither.Single().Values.Select(v => v.Value));
        Assert.Equal("RABBITMQ_DEFAULT_PASS_FILE", image[0].Forbid.Single().Value);
        Assert.Equal("plain", image[1].Image);
        Assert.Empty(image[1].Requires);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# Preflight's optional repository file.\n# Nothing declared yet.\n")]
    [InlineData("---\n")]
    [InlineData("secrets:\nvariables: []\nimages: {}\npolicies:\n")]
    public void Empty_and_comment_only_files_are_valid_and_empty(string text)
    {
        var config = PreflightConfigParser.Parse(text);

        Assert.Empty(config.Errors);
        Assert.True(config.IsEmpty);
    }

    [Theory]
    [InlineData("secret:\n  - A\n", "secret", "secrets", 1, 1)]
    [InlineData("secrets: [A]\nvaribles: [B]\n", "varibles", "variables", 2, 1)]
    [InlineData("images:\n  x:\n    require: [A]\n", "require", "requires", 3, 5)]
    [InlineData("images:\n  x:\n    anyOf: [A]\n", "anyOf", "any_of", 3, 5)]
    [InlineData("external:\n  kubernetes:\n    configMaps: [a]\n", "configMaps", "configmaps", 3, 5)]
    [InlineData("external:\n  k8s:\n    secrets: [a]\n", "k8s", null, 2, 3)]
    [InlineData("policies:\n  - name: p\n    requires: [a]\n", "requires", "require", 3, 5)]
    [InlineData("secrets:\n  - name: A\n    environment: [prod]\n", "environment", "environments", 3, 5)]
    [InlineData("deploy: true\n", "deploy", null, 1, 1)]
    public void Unknown_keys_are_reported_with_position_and_suggestion(string text, string key, string? suggestion, int line, int column)
    {
        var error = Assert.Single(PreflightConfigParser.Parse(text).Errors);

        Assert.Equal(PreflightConfigErrorKind.UnknownKey, error.Kind);
        Assert.Equal((key, suggestion), (error.Key, error.Suggestion));
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains("allowed keys:", error.Message);
        if (suggestion != null)
        {
            Assert.Contains($"did you mean '{suggestion}'?", error.Message);
        }
        else
        {
            Assert.DoesNotContain("did you mean", error.Message);
        }
    }

    [Fact]
    public void Unknown_key_message_lists_the_allowed_keys_of_its_level()
    {
        var error = PreflightConfigParser.Parse("secret: [A]\n").Errors.Single();

        Assert.Equal("unknown key 'secret' at the top level of preflight.yaml (did you mean 'secrets'?); allowed keys: secrets, variables, images, external, policies", error.Message);
    }

    [Theory]
    [InlineData("secrets:\n  PULUMI_ACCESS_TOKEN: x\n", 2, 3, "'secrets' must be a list")]
    [InlineData("variables: ASPNETCORE_ENVIRONMENT\n", 1, 12, "'variables' must be a list")]
    [InlineData("secrets:\n  - [A, B]\n", 2, 5, "must be a name or {name, environments}")]
    [InlineData("secrets:\n  - environments: [prod]\n", 2, 5, "needs a name")]
    [InlineData("secrets:\n  - name: [A]\n", 2, 11, "must be a non-empty text")]
    [InlineData("images: [postgres]\n", 1, 9, "'images' must be a mapping")]
    [InlineData("images:\n  postgres: [POSTGRES_PASSWORD]\n", 2, 13, "'images.postgres' must be a mapping")]
    [InlineData("images:\n  postgres:\n    requires: {A: 1}\n", 3, 15, "'images.postgres.requires' must be a list")]
    [InlineData("external: [a]\n", 1, 11, "'external' must be a mapping")]
    [InlineData("external:\n  kubernetes: [a]\n", 2, 15, "'external.kubernetes' must be a mapping")]
    [InlineData("policies:\n  name: p\n", 2, 3, "'policies' must be a list")]
    [InlineData("policies:\n  - kind: Deployment\n    require: [spec]\n", 2, 5, "a policy needs a name")]
    [InlineData("policies:\n  - no-vercel\n", 2, 5, "a policy must be a mapping")]
    [InlineData("policies:\n  - name: p\n    kind: Deployment\n", 2, 11, "checks nothing")]
    [InlineData("policies:\n  - name: p\n    require: ['metadata.labels.\"open']\n", 3, 15, "is not a path")]
    [InlineData("policies:\n  - name: p\n    forbid: [[a]]\n", 3, 14, "must be a text")]
    [InlineData("- secrets\n", 1, 1, "top level of preflight.yaml must be a mapping")]
    [InlineData("secrets: [A]\n---\nvariables: [B]\n", 3, 1, "single YAML document")]
    public void Wrong_shapes_are_reported_with_position(string text, int line, int column, string message)
    {
        var error = Assert.Single(PreflightConfigParser.Parse(text).Errors);

        Assert.Equal(PreflightConfigErrorKind.Shape, error.Kind);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("secrets: [A\n")]
    [InlineData("secrets:\n  - A\n bad: indent\n")]
    [InlineData("secrets: [A]\nsecrets: [B]\n")]
    public void Malformed_yaml_is_a_syntax_error(string text)
    {
        var error = PreflightConfigParser.Parse(text).Errors.First();

        Assert.Equal(PreflightConfigErrorKind.Syntax, error.Kind);
        Assert.StartsWith("preflight.yaml is not valid YAML", error.Message);
        Assert.True(error.Span.Line >= 1);
    }

    [Fact]
    public void Errors_do_not_stop_the_rest_of_the_file()
    {
        var config = PreflightConfigParser.Parse("secret: [A]\nsecrets: [B, {environments: [x]}, C]\npolicies:\n  - {kind: Pod}\n  - {name: ok, forbid: x}\n");

        Assert.Equal(3, config.Errors.Count);
        Assert.Equal(new[] { 1, 2, 4 }, config.Errors.Select(e => e.Span.Line));
        Assert.Equal(new[] { "B", "C" }, config.Secrets.Select(s => s.Name));
        Assert.Equal("ok", config.Policies.Single().Name);
    }

    [Fact]
    public void Policy_kind_and_files_take_a_text_or_a_list()
    {
        var policy = PreflightConfigParser.Parse("policies:\n  - name: p\n    files: [a/*.yaml, b/*.yaml]\n    kind: [Deployment, StatefulSet]\n    require: spec.replicas\n").Policies.Single();

        Assert.Equal(new[] { "a/*.yaml", "b/*.yaml" }, policy.Files.Select(f => f.Value));
        Assert.Equal(new[] { "Deployment", "StatefulSet" }, policy.Kinds.Select(k => k.Value));
        Assert.Equal("spec.replicas", policy.Require.Single().Value);
    }

    [Theory]
    [InlineData("secret", "secrets")]
    [InlineData("Secrets", "secrets")]
    [InlineData("polices", "policies")]
    [InlineData("imgaes", "images")]
    [InlineData("both-or-neither", "both_or_neither")]
    [InlineData("xyz", null)]
    [InlineData("s", null)]
    public void Suggests_near_misses_only(string key, string? expected)
    {
        var allowed = PreflightConfigParser.RootKeys.Concat(PreflightConfigParser.ImageKeys).ToList();

        Assert.Equal(expected, PreflightConfigParser.Suggest(key, allowed));
    }

    [Fact]
    public void Error_count_is_capped()
    {
        var text = string.Join("\n", Enumerable.Range(0, 500).Select(i => $"unknown{i}: x"));

        Assert.Equal(PreflightConfigParser.MaxErrors, PreflightConfigParser.Parse(text).Errors.Count);
    }
}
