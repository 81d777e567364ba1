using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Config;

/// <summary>docs/preflight.schema.json (editor completion for preflight.yaml) accepts exactly what <see cref="PreflightConfigParser"/> accepts.</summary>
public class PreflightSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepositoryRoot, "docs", "preflight.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath)).GetAwaiter().GetResult());

    private static readonly string[] KnownSamples =
    {
        "broken-compose", "broken-dockerfile", "broken-platform", "broken-secrets", "broken-service", "healthy-service", "python-service",
    };

    /// <summary>Every samples/**/preflight.yaml, relative to samples/ with '/' separators.</summary>
    public static IEnumerable<object[]> Samples() => SampleFiles().Select(file => new object[] { file });

    private static IEnumerable<string> SampleFiles() => Directory.EnumerateFiles(TestPaths.Samples, "preflight.y*ml", SearchOption.AllDirectories)
        .Where(file => !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
        .Select(file => Path.GetRelativePath(TestPaths.Samples, file).Replace('\\', '/'))
        .OrderBy(file => file, StringComparer.Ordinal);

    /// <summary>The schema's errors for a YAML document, as "path: kind" (nested errors of anyOf/oneOf flattened).</summary>
    private static List<string> Validate(string yaml) => Flatten(Schema.Value.Validate(YamlJson.Convert(yaml))).ToList();

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return $"{error.Path}: {error.Kind}";
            var nestedErrors = error switch
            {
                ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e),
                MultiTypeValidationError multi => multi.Errors.Values.SelectMany(e => e),
                _ => Enumerable.Empty<ValidationError>(),
            };
            foreach (var nested in Flatten(nestedErrors))
            {
                yield return "  " + nested;
            }
        }
    }

    [Fact]
    public void The_known_samples_are_found()
    {
        var found = SampleFiles().ToList();

        foreach (var sample in KnownSamples)
        {
            Assert.Contains(sample + "/preflight.yaml", found);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_is_valid_against_the_schema_exactly_when_the_parser_accepts_it(string sample)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Samples, sample));
        var config = PreflightConfigParser.Parse(text);

        var errors = Validate(text);

        if (config.Errors.Count == 0)
        {
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        else
        {
            // broken-secrets misspells 'policies' on purpose (PF1005): the schema rejects the same key.
            Assert.NotEmpty(errors);
            foreach (var key in config.Errors.Where(e => e.Key != null).Select(e => e.Key!))
            {
                Assert.Contains(errors, error => error.StartsWith("#/" + key + ":", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Most_samples_are_valid()
    {
        // Guards the theory above against passing because every sample is broken.
        var valid = SampleFiles().Where(sample => PreflightConfigParser.Parse(File.ReadAllText(Path.Combine(TestPaths.Samples, sample))).Errors.Count == 0).ToList();

        Assert.Contains("healthy-service/preflight.yaml", valid);
        Assert.Contains("broken-platform/preflight.yaml", valid);
        Assert.Contains("python-service/preflight.yaml", valid);
        Assert.DoesNotContain("broken-secrets/preflight.yaml", valid);
        Assert.Empty(Validate(File.ReadAllText(Path.Combine(TestPaths.Samples, "broken-platform", "preflight.yaml"))));
    }

    [Fact]
    public void An_unknown_top_level_key_fails_with_an_error_naming_it()
    {
        var errors = Validate("secrets: [A]\npolices:\n  - name: x\n    forbid: a\n");

        var error = Assert.Single(errors);
        Assert.Equal("#/polices: NoAdditionalPropertiesAllowed", error);
    }

    [Fact]
    public void A_value_of_the_wrong_type_fails_with_an_error_naming_its_path()
    {
        var errors = Validate("secrets: 5\n");

        Assert.NotEmpty(errors);
        Assert.All(errors.Where(e => !e.StartsWith(" ", StringComparison.Ordinal)), error => Assert.StartsWith("#/secrets:", error));
    }

    [Fact]
    public void An_unknown_nested_key_fails_with_an_error_naming_its_path()
    {
        var errors = Validate("external:\n  kubernetes:\n    secret: [a]\n");

        Assert.Equal(new[] { "#/external.kubernetes.secret: NoAdditionalPropertiesAllowed" }, errors);
    }

    [Theory]
    // Accepted by the parser.
    [InlineData("")]
    [InlineData("# comments only\n")]
    [InlineData("secrets:\nvariables: ~\nimages:\nexternal:\npolicies:\n")]
    [InlineData("secrets: [A, B]\nvariables:\n  - C\n  - name: D\n    environments: [production, staging]\n  - name: E\n    environments: production\n  - name: F\n    environments:\n")]
    [InlineData("secrets: [42, true, 1.5, \"\"]\n")]
    [InlineData("images:\n  mintplexlabs/anythingllm:\n    requires: [STORAGE_DIR]\n    persist: STORAGE_DIR\n  other:\n  third:\n    any_of: [A, B]\n    both_or_neither: [[A, B], [C, D]]\n    forbid: X\n")]
    [InlineData("images:\n  a:\n    any_of: [[A, B], C, ~]\n    both_or_neither:\n    requires:\n")]
    [InlineData("images:\n  a:\n    any_of: []\n")]
    [InlineData("external:\n  kubernetes:\n")]
    [InlineData("external:\n  kubernetes:\n    secrets: one\n    configmaps: [a, b]\n")]
    [InlineData("policies:\n  - name: p\n    files: deploy/**\n    kind: [Deployment, StatefulSet]\n    require:\n      - spec.template.spec.nodeSelector.\"kubernetes.io/hostname\"\n      - spec.containers[0].image\n")]
    [InlineData("policies:\n  - name: p\n    forbid: [\"**/vercel.json\"]\n  - name: q\n    require:\n")]
    [InlineData("policies:\n  - name: 7\n    require: spec\n")]
    // Rejected by the parser (PF1005).
    [InlineData("[a, b]\n")]
    [InlineData("just a text\n")]
    [InlineData("secrets: A\n")]
    [InlineData("secrets: {A: 1}\n")]
    [InlineData("secrets: [~]\n")]
    [InlineData("secrets: [[A]]\n")]
    [InlineData("secrets:\n  - environments: [production]\n")]
    [InlineData("secrets:\n  - {}\n")]
    [InlineData("secrets:\n  - name: ~\n")]
    [InlineData("secrets:\n  - name: [A]\n")]
    [InlineData("secrets:\n  - name: A\n    enviroments: [production]\n")]
    [InlineData("secrets:\n  - name: A\n    environments: {production: true}\n")]
    [InlineData("variables:\n  - name: A\n    environments: [[production]]\n")]
    [InlineData("images: [a]\n")]
    [InlineData("images:\n  a: text\n")]
    [InlineData("images:\n  a:\n    require: [A]\n")]
    [InlineData("images:\n  a:\n    any_of: A\n")]
    [InlineData("images:\n  a:\n    any_of: [A, ~]\n")]
    [InlineData("images:\n  a:\n    both_or_neither: [[A, {B: 1}]]\n")]
    [InlineData("images:\n  a:\n    persist: {A: 1}\n")]
    [InlineData("external: [a]\n")]
    [InlineData("external:\n  kubernetes: [a]\n")]
    [InlineData("external:\n  docker:\n")]
    [InlineData("external:\n  kubernetes:\n    secrets: [[a]]\n")]
    [InlineData("policies: {name: p}\n")]
    [InlineData("policies:\n  - forbid: a\n")]
    [InlineData("policies:\n  - name: ~\n    forbid: a\n")]
    [InlineData("policies:\n  - name: p\n")]
    [InlineData("policies:\n  - name: p\n    files: [a]\n")]
    [InlineData("policies:\n  - name: p\n    requires: [a]\n")]
    [InlineData("policies:\n  - name: p\n    require: [\"spec..x\"]\n")]
    [InlineData("policies:\n  - name: p\n    require: spec.containers[x]\n")]
    [InlineData("policies:\n  - text\n")]
    public void The_schema_accepts_a_document_exactly_when_the_parser_does(string yaml)
    {
        var parserErrors = PreflightConfigParser.Parse(yaml).Errors;

        var schemaErrors = Validate(yaml);

        Assert.True(parserErrors.Count == 0 == (schemaErrors.Count == 0),
            $"parser: [{string.Join("; ", parserErrors.Select(e => e.Message))}]\nschema: [{string.Join("\n", schemaErrors)}]");
    }

    [Theory]
    [InlineData("spec")]
    [InlineData("spec.template.spec.nodeSelector")]
    [InlineData("metadata.labels.\"kubernetes.io/hostname\"")]
    [InlineData("metadata.labels.'kubernetes.io/hostname'")]
    [InlineData("a.'it''s'.b")]
    [InlineData("a.\"say \\\"hi\\\"\".b")]
    [InlineData("a.\"back\\slash\"")]
    [InlineData("spec.containers[0].image")]
    [InlineData("spec.containers[ 12 ].image")]
    [InlineData("spec.containers.0.image")]
    [InlineData("a.[0]")]
    [InlineData("[0].a")]
    [InlineData("a[0][1]")]
    [InlineData("\"a\"[0]")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a[x]")]
    [InlineData("a[]")]
    [InlineData("a[0")]
    [InlineData("a[1234567890]")]
    [InlineData("a\"b\"")]
    [InlineData("\"a\"b")]
    [InlineData("a]")]
    [InlineData("a[0]b")]
    [InlineData("\"unterminated")]
    [InlineData("'unterminated")]
    [InlineData("\"a\\\"")]
    public void A_require_path_matches_the_schema_pattern_exactly_when_KubernetesPath_parses_it(string path)
    {
        var parses = KubernetesPath.TryParse(path, out _, out var error);
        var yaml = "policies:\n  - name: p\n    require:\n      - '" + path.Replace("'", "''") + "'\n";

        var schemaErrors = Validate(yaml);

        Assert.True(parses == (schemaErrors.Count == 0), $"KubernetesPath: {(parses ? "parses" : error)}\nschema: [{string.Join("\n", schemaErrors)}]");
        Assert.Equal(parses, PreflightConfigParser.Parse(yaml).Errors.Count == 0);
    }

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_parser_reads_at_every_level()
    {
        var root = Schema.Value;
        var definitions = root.Definitions;
        var external = root.Properties["external"].ActualSchema;

        AssertKeys(PreflightConfigParser.RootKeys, root);
        AssertKeys(PreflightConfigParser.DeclarationKeys, definitions["declaration"]);
        AssertKeys(PreflightConfigParser.ImageKeys, definitions["image"]);
        AssertKeys(PreflightConfigParser.ExternalKeys, external);
        AssertKeys(PreflightConfigParser.ExternalKubernetesKeys, external.Properties["kubernetes"].ActualSchema);
        AssertKeys(PreflightConfigParser.PolicyKeys, definitions["policy"]);
    }

    private static void AssertKeys(IReadOnlyList<string> parserKeys, JsonSchema schema)
    {
        Assert.False(schema.AllowAdditionalProperties, "unknown keys are PF1005 errors: the schema must not allow them");
        Assert.Equal(parserKeys.OrderBy(k => k, StringComparer.Ordinal), schema.Properties.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var property in schema.Properties.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(property.Description), "every key has a description for completion");
        }
    }

    [Fact]
    public void The_schema_comment_lines_of_the_samples_point_at_the_schema()
    {
        const string Modeline = "# yaml-language-server: $schema=";
        var pointing = 0;
        foreach (var sample in SampleFiles())
        {
            var file = Path.Combine(TestPaths.Samples, sample);
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(Modeline, StringComparison.Ordinal));
            if (line != null)
            {
                pointing++;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, line.Substring(Modeline.Length).Trim()));
                Assert.Equal(SchemaPath, target);
            }
        }
        Assert.True(pointing >= 6, $"{pointing} samples carry the schema comment");
    }

    [Theory]
    [InlineData("# yaml-language-server: $schema=./docs/preflight.schema.json\nsecrets: [A]\n")]
    [InlineData("# yaml-language-server: $schema=../../docs/preflight.schema.json\n")]
    public void The_schema_comment_line_is_harmless_to_the_parser(string yaml)
    {
        var config = PreflightConfigParser.Parse(yaml);

        Assert.Empty(config.Errors);
        Assert.Equal(yaml.Contains("secrets") ? 1 : 0, config.Secrets.Count);
    }
}
