using System.Linq;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Secrets;
using Preflight.Artifacts.Workflows;
using Preflight.Artifacts.Yaml;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>Regression tests for the limits the robustness properties found missing.</summary>
public class ParserLimitTests
{
    [Fact]
    public void Yaml_nested_twenty_thousand_flow_levels_deep_is_refused_instead_of_overflowing_the_stack()
    {
        var text = "a: 1\nb: " + new string('[', 20_000) + "x" + new string(']', 20_000) + "\n";

        var loaded = Bounded.Run("YamlDocumentLoader", () => YamlDocumentLoader.Load(text)).Result;

        Assert.Empty(loaded.Documents);
        Assert.Equal("the YAML is nested more than 500 levels deep and was not read", loaded.Error);
        // The root mapping is level 1, so the 500th '[' (column 3 + 500) is the 501st level.
        Assert.Equal((2, 503), (loaded.ErrorSpan.Line, loaded.ErrorSpan.Column));
    }

    [Fact]
    public void Yaml_nested_as_compact_block_sequences_on_one_line_is_refused()
    {
        var text = string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n";

        var loaded = Bounded.Run("YamlDocumentLoader", () => YamlDocumentLoader.Load(text)).Result;

        Assert.Empty(loaded.Documents);
        Assert.StartsWith("the YAML is nested more than 500 levels", loaded.Error);
        Assert.Equal(1, loaded.ErrorSpan.Line);
    }

    [Fact]
    public void Yaml_nested_two_hundred_levels_deep_still_loads()
    {
        var flow = YamlDocumentLoader.Load(HostileInputs.DeepYamlFlow());
        var block = YamlDocumentLoader.Load(HostileInputs.DeepYamlBlock());

        Assert.Null(flow.Error);
        Assert.Single(flow.Documents);
        Assert.Null(block.Error);
        Assert.Single(block.Documents);
    }

    [Fact]
    public void Parsers_built_on_the_yaml_loader_report_excessive_nesting_as_an_error()
    {
        var text = "apiVersion: v1\nkind: Pod\nspec: " + HostileInputs.Unclosed('{', 10_000);

        var manifest = KubernetesParser.Parse(text);
        var workflow = WorkflowParser.Parse(text);
        var config = PreflightConfigParser.Parse(text);

        Assert.Contains(manifest.Errors, e => e.Message.Contains("nested more than 500 levels"));
        Assert.Empty(manifest.Objects);
        Assert.Empty(workflow.SecretReferences);
        Assert.NotEmpty(config.Errors);
    }

    [Fact]
    public void Dockerignore_larger_than_the_cap_is_not_read()
    {
        var text = HostileInputs.Huge("**/secret\n", "pattern/*.txt\n", megabytes: 9);

        var ignore = DockerIgnoreParser.Parse(text);

        Assert.Empty(ignore.Patterns);
        Assert.Equal("the file is larger than 8 MB and was not read", Assert.Single(ignore.Errors).Message);
        Assert.False(ignore.IsExcluded("secret"));
    }

    [Fact]
    public void Appsettings_larger_than_the_cap_is_unread_without_an_error()
    {
        var text = "{\"A\": [" + HostileInputs.Huge("1", ", 1", megabytes: 9) + "]}";

        var document = AppSettingsParser.Parse(text);

        Assert.True(document.IsUnread);
        Assert.Null(document.Error);
        Assert.Empty(document.Keys);
        Assert.False(AppSettingsParser.Parse("{\"A\": 1}").IsUnread);
    }

    [Fact]
    public void Secret_scanner_does_not_scan_texts_larger_than_the_cap()
    {
        var token = "ghp_" + new string('a', 16) + new string('B', 20);
        var small = "TOKEN=" + token + "\n";

        Assert.Single(SecretScanner.Scan(small));
        Assert.Empty(SecretScanner.Scan(HostileInputs.Huge(small, "# padding padding padding\n", megabytes: 9)));
    }

    [Fact]
    public void A_glob_that_backtracks_catastrophically_costs_one_timeout_not_one_per_path()
    {
        var glob = Preflight.Artifacts.Text.PathGlob.Parse(string.Concat(Enumerable.Repeat("*a", 24)) + "*b");
        var path = new string('a', 120);

        var (timedOut, _) = Bounded.Run("10,000 matches", () =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                Assert.False(glob.IsMatch(path + i));
            }
            return glob.TimedOut;
        }, System.TimeSpan.FromSeconds(10));

        Assert.True(timedOut);
        Assert.True(glob.IsValid);
    }

    [Fact]
    public void Repeated_any_folder_globs_match_as_one_without_backtracking()
    {
        var glob = Preflight.Artifacts.Text.PathGlob.Parse(string.Concat(Enumerable.Repeat("**/", 30)) + "x.yaml");
        var deep = string.Concat(Enumerable.Range(0, 40).Select(i => "d" + i + "/"));

        Assert.True(glob.IsMatch("x.yaml"));
        Assert.True(glob.IsMatch(deep + "x.yaml"));
        Assert.False(glob.IsMatch(deep + "y.yaml"));
        Assert.False(glob.TimedOut);
    }

    [Fact]
    public void A_glob_longer_than_any_path_is_not_compiled()
    {
        var glob = Preflight.Artifacts.Text.PathGlob.Parse(new string('{', 20_000));

        Assert.False(glob.IsValid);
        Assert.False(glob.IsMatch("a"));
    }
}
