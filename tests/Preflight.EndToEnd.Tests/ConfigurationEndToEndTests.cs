using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>
/// One configuration story for every rule, analyzer or file check, in a real build of broken-service (PF2001, PF6004 and
/// PF6005 come from the file checks, PF1001, PF6001, PF6002 from the analyzers): .editorconfig severities, NoWarn,
/// TreatWarningsAsErrors, the family switches, and the SARIF log; the CLI honours the same configuration.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ConfigurationEndToEndTests
{
    private const string Solution = "BrokenService.sln";
    private readonly PackedPreflight _packed;

    public ConfigurationEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Editorconfig_severities_apply_to_analyzer_and_file_findings_alike_in_the_build_and_the_CLI()
    {
        var sample = _packed.CopySample("broken-service");
        File.WriteAllText(Path.Combine(sample, ".editorconfig"), string.Join("\n",
            "root = true",
            "[*.cs]",
            "dotnet_diagnostic.PF6001.severity = none",
            "[Dockerfile]",
            "dotnet_diagnostic.PF2001.severity = none",
            "[*.py]",
            "dotnet_diagnostic.PF6005.severity = warning",
            "[docker-compose.yml]",
            "dotnet_diagnostic.PF5005.severity = none",
            ""));

        var build = DotNet.Build(sample, Solution, _packed.Version);

        var diagnostics = BuildDiagnostic.Parse(build.Output);
        Assert.DoesNotContain(diagnostics, d => d.Id is "PF6001" or "PF2001");
        Assert.Equal("warning", Assert.Single(diagnostics, d => d.Id == "PF6005").Severity);
        Assert.Contains(diagnostics, d => d.Id == "PF1001" && d.Severity == "error");
        // The compiler applies no .editorconfig section to an analyzer's finding outside the C# sources (PF5005 is the
        // analyzers', in docker-compose.yml): only global configs, NoWarn and the family switches reach it. The CLI agrees.
        Assert.Contains(diagnostics, d => d.Id == "PF5005");

        var stdout = new StringWriter();
        Preflight.Cli.Program.Run(new[] { "check", sample }, stdout, new StringWriter());
        Assert.Equal(Keys(sample, diagnostics), Keys(sample, BuildDiagnostic.Parse(stdout.ToString())));
    }

    [Fact]
    public void TreatWarningsAsErrors_and_NoWarn_apply_to_file_findings()
    {
        var sample = _packed.CopySample("broken-service");

        var build = DotNet.Build(sample, Solution, _packed.Version, "minimal", "-p:TreatWarningsAsErrors=true", "-p:NoWarn=PF5005");

        var diagnostics = BuildDiagnostic.Parse(build.Output);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PF5005");
        Assert.Equal(new[] { "error", "error" }, diagnostics.Where(d => d.Id == "PF6004").Select(d => d.Severity)); // file check, a warning by default
        Assert.Equal("error", Assert.Single(diagnostics, d => d.Id == "PF6002").Severity); // analyzer, a warning by default
    }

    [Fact]
    public void A_family_switched_off_reports_none_of_its_rules()
    {
        var sample = _packed.CopySample("broken-service");

        var build = DotNet.Build(sample, Solution, _packed.Version, "minimal", "-p:PreflightWiringEnabled=false", "-p:PreflightDockerfileEnabled=false");

        var ids = BuildDiagnostic.Parse(build.Output).Select(d => d.Id).Distinct().OrderBy(id => id).ToList();
        Assert.Equal(new[] { "PF1001", "PF1003", "PF5002", "PF5005" }, ids);
    }

    [Fact]
    public void The_SARIF_log_holds_the_analyzers_and_the_file_checks_findings_of_each_project()
    {
        var sample = _packed.CopySample("broken-service");
        var folder = Path.Combine(sample, "sarif") + "/";

        var build = DotNet.Build(sample, Solution, _packed.Version, "minimal", "-p:PreflightSarifLog=" + folder);

        var logs = Directory.GetFiles(folder, "*.sarif").Select(Path.GetFileName).OrderBy(n => n).ToList();
        Assert.Equal(new[] { "Orders.Api.sarif", "Orders.Worker.sarif" }, logs);
        var fromSarif = new List<(string, int, int, string)>();
        foreach (var log in logs)
        {
            var text = File.ReadAllText(Path.Combine(folder, log!));
            Assert.Empty(SarifSchema.Validate(text));
            using var document = JsonDocument.Parse(text);
            foreach (var result in document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                fromSarif.Add((location.GetProperty("artifactLocation").GetProperty("uri").GetString()!, region.GetProperty("startLine").GetInt32(),
                    region.GetProperty("startColumn").GetInt32(), result.GetProperty("ruleId").GetString()!));
            }
        }
        var fromBuild = Keys(sample, BuildDiagnostic.Parse(build.Output));
        Assert.Equal(fromBuild, fromSarif.Distinct().OrderBy(k => k.Item1, System.StringComparer.Ordinal).ThenBy(k => k.Item2).ThenBy(k => k.Item3).ThenBy(k => k.Item4, System.StringComparer.Ordinal).ToList());
        Assert.Contains(fromSarif, k => k.Item4 == "PF1001"); // an analyzer's
        Assert.Contains(fromSarif, k => k.Item4 == "PF2001"); // a file check's
    }

    private static List<(string File, int Line, int Column, string Id)> Keys(string root, IEnumerable<BuildDiagnostic> diagnostics) =>
        diagnostics
            .Select(d => (Path.GetRelativePath(root, d.File).Replace('\\', '/'), d.Line, d.Column, d.Id))
            .Distinct()
            .OrderBy(d => d.Item1, System.StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToList();
}
