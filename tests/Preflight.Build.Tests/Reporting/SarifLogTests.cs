using System.Linq;
using System.Text.Json;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Reporting;

public sealed class SarifLogTests
{
    private const string CompilerLog = """
        {
          "$schema": "http://json.schemastore.org/sarif-2.1.0",
          "version": "2.1.0",
          "runs": [
            {
              "results": [
                { "ruleId": "CS0168", "level": "warning", "message": { "text": "unused" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/Api/Program.cs" }, "region": { "startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 6 } } } ] },
                { "ruleId": "PF1001", "ruleIndex": 1, "level": "error", "message": { "text": "Configuration key 'Storage:Root' is read here but declared in none of: appsettings.json" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/Api/Program.cs" }, "region": { "startLine": 7, "startColumn": 12, "endLine": 7, "endColumn": 40 } } } ] },
                { "ruleId": "PF6001", "level": "warning", "message": { "text": "suppressed" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/Api/Other.cs" }, "region": { "startLine": 2 } } } ],
                  "suppressions": [ { "kind": "inSource" } ] }
              ],
              "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler", "version": "4.14.0", "rules": [] } },
              "columnKind": "utf16CodeUnits"
            }
          ]
        }
        """;

    [Fact]
    public void The_compiler_log_gives_its_Preflight_results_only_with_their_positions_and_suppressions()
    {
        var results = CompilerSarif.PreflightResults(CompilerLog);
        Assert.Equal(new[] { "PF1001", "PF6001" }, results.Select(r => r.RuleId));
        var config = results[0];
        Assert.Equal(("error", "/repo/src/Api/Program.cs", 7, 12, 7, 40), (config.Level, config.File, config.Line, config.Column, config.EndLine, config.EndColumn));
        Assert.Contains("Storage:Root", config.Message);
        Assert.Null(config.SuppressionsJson);
        Assert.Contains("inSource", results[1].SuppressionsJson);
        Assert.Equal((2, 1), (results[1].Line, results[1].Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"runs\": [ {\"results\": [ {\"ruleId\": \"PF1001\"")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"runs\": 5}")]
    [InlineData("{\"runs\": [ {\"results\": [ {\"ruleId\": \"PF1001\", \"locations\": [ {\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"relative/x.cs\"}}} ] } ] } ]}")]
    public void A_broken_or_foreign_compiler_log_gives_no_results_and_no_exception(string json) =>
        Assert.Empty(CompilerSarif.PreflightResults(json));

    [Fact]
    public void The_written_log_is_valid_SARIF_with_one_Preflight_run_and_repository_relative_locations()
    {
        var results = CompilerSarif.PreflightResults(CompilerLog).Append(
            new SarifResult("PF2001", "error", "COPY source 'nope' does not exist", "/repo/src/Api/Dockerfile", 2, 6, 2, 10)).ToList();
        var sarif = SarifLog.Write(results, "/repo/");

        Assert.Empty(SarifSchema.Validate(sarif));
        using var document = JsonDocument.Parse(sarif);
        var run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("Preflight", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "PF1001", "PF2001", "PF6001" }, rules);
        var dockerfile = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PF2001");
        Assert.Equal(1, dockerfile.GetProperty("ruleIndex").GetInt32());
        var location = dockerfile.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Api/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("inSource", run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PF6001")
            .GetProperty("suppressions")[0].GetProperty("kind").GetString());
    }
}
