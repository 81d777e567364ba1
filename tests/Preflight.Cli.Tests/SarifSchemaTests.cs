using System.Linq;
using Preflight.Tests;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>The test helper <see cref="SarifSchema"/> (tests/Shared/sarif-2.1.0-subset.schema.json) accepts valid logs and names what is wrong in invalid ones.</summary>
public class SarifSchemaTests
{
    private const string Minimal = """
        { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "Preflight" } }, "results": [] } ] }
        """;

    /// <summary>The shape Roslyn's <c>-p:ErrorLog=x.sarif,version=2.1</c> writes: a suppressed result, rule metadata with category and tags.</summary>
    private const string RoslynShaped = """
        {
          "$schema": "http://json.schemastore.org/sarif-2.1.0",
          "version": "2.1.0",
          "runs": [
            {
              "results": [
                {
                  "ruleId": "PF1001",
                  "ruleIndex": 0,
                  "level": "error",
                  "message": { "text": "Configuration key 'Storage:Root' is read here but declared in none of: appsettings.json" },
                  "suppressions": [ { "kind": "inSource", "justification": "known", "properties": { "suppressionType": "Pragma Directive" } } ],
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": { "uri": "file:///repo/src/Api/Program.cs" },
                        "region": { "startLine": 4, "startColumn": 34, "endLine": 4, "endColumn": 60 }
                      }
                    }
                  ],
                  "partialFingerprints": { "primaryLocationLineHash": "abc" },
                  "properties": { "warningLevel": 1, "customProperties": { "x": "y" } }
                }
              ],
              "tool": {
                "driver": {
                  "name": "Microsoft (R) Visual C# Compiler",
                  "version": "4.8.0-7.23572.1 (7b75981c)",
                  "dottedQuadFileVersion": "4.8.0.0",
                  "semanticVersion": "4.8.0",
                  "language": "en-US",
                  "informationUri": "https://github.com/dotnet/roslyn",
                  "rules": [
                    {
                      "id": "PF1001",
                      "name": "ConfigurationKeyNotDeclared",
                      "shortDescription": { "text": "Configuration key is not declared" },
                      "fullDescription": { "text": "A key read in code that no settings file declares." },
                      "helpUri": "https://github.com/preflight-dotnet/preflight/blob/main/docs/rules/PF1001.md",
                      "defaultConfiguration": { "level": "error", "enabled": true },
                      "properties": { "category": "Preflight.Configuration", "tags": [ "Preflight", "CompilationEnd" ] }
                    }
                  ]
                }
              },
              "invocations": [
                {
                  "executionSuccessful": true,
                  "ruleConfigurationOverrides": [ { "descriptor": { "id": "CA1516", "index": 77 }, "configuration": { "enabled": false } } ]
                }
              ],
              "originalUriBaseIds": { "SRCROOT": { "uri": "file:///repo/" } },
              "artifacts": [ { "location": { "uri": "src/Api/Program.cs", "uriBaseId": "SRCROOT" }, "hashes": { "sha-256": "00" } } ],
              "columnKind": "utf16CodeUnits"
            }
          ]
        }
        """;

    [Fact]
    public void A_minimal_log_is_valid()
    {
        Assert.Empty(SarifSchema.Validate(Minimal));
    }

    [Fact]
    public void A_log_shaped_like_Roslyns_is_valid()
    {
        Assert.Empty(SarifSchema.Validate(RoslynShaped));
    }

    [Theory]
    [InlineData("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", "#/version: NotInEnumeration")]
    [InlineData("\"level\": \"error\",\n", "\"level\": \"fatal\",\n", "#/runs[0].results[0].level: NotInEnumeration")]
    [InlineData("\"startLine\": 4", "\"startLine\": 0", "#/runs[0].results[0].locations[0].physicalLocation.region.startLine: NumberTooSmall")]
    [InlineData("\"ruleIndex\": 0", "\"ruleIndex\": -2", "#/runs[0].results[0].ruleIndex: NumberTooSmall")]
    [InlineData("\"kind\": \"inSource\"", "\"kind\": \"pragma\"", "#/runs[0].results[0].suppressions[0].kind: NotInEnumeration")]
    [InlineData("\"columnKind\": \"utf16CodeUnits\"", "\"columnKind\": \"bytes\"", "#/runs[0].columnKind: NotInEnumeration")]
    [InlineData("\"enabled\": true", "\"enabled\": \"yes\"", "#/runs[0].tool.driver.rules[0].defaultConfiguration.enabled: BooleanExpected")]
    [InlineData("\"tags\": [ \"Preflight\", \"CompilationEnd\" ]", "\"tags\": [ \"Preflight\", \"Preflight\" ]", "#/runs[0].tool.driver.rules[0].properties.tags: ItemsNotUnique")]
    [InlineData("\"helpUri\": \"https://github.com", "\"helpUri\": \"docs", "#/runs[0].tool.driver.rules[0].helpUri: UriExpected")]
    [InlineData("\"primaryLocationLineHash\": \"abc\"", "\"primaryLocationLineHash\": 5", "#/runs[0].results[0].partialFingerprints.primaryLocationLineHash: StringExpected")]
    [InlineData("\"warningLevel\": 1", "\"warningLevel\": 1 }, \"severity\": { \"x\": 1", "#/runs[0].results[0].severity: NoAdditionalPropertiesAllowed")]
    [InlineData("\"executionSuccessful\": true,", "", "#/runs[0].invocations[0].executionSuccessful: PropertyRequired")]
    [InlineData("\"descriptor\": { \"id\": \"CA1516\", \"index\": 77 }", "\"descriptor\": { \"index\": -3 }", "#/runs[0].invocations[0].ruleConfigurationOverrides[0].descriptor.index: NumberTooSmall")]
    [InlineData("\"id\": \"PF1001\",", "\"name2\": \"PF1001\",", "#/runs[0].tool.driver.rules[0].id: PropertyRequired")]
    public void A_log_breaking_a_constraint_fails_with_an_error_at_its_path(string valid, string invalid, string expected)
    {
        Assert.Contains(valid, RoslynShaped);
        var log = RoslynShaped.Replace(valid, invalid);

        var errors = SarifSchema.Validate(log);

        Assert.Contains(expected, errors);
    }

    [Fact]
    public void A_message_needs_text_or_id_and_a_run_needs_a_tool()
    {
        var errors = SarifSchema.Validate("""
            { "version": "2.1.0", "runs": [ { "results": [ { "message": { "markdown": "x" } } ] } ] }
            """);

        Assert.Contains("#/runs[0].tool: PropertyRequired", errors);
        Assert.Contains(errors, e => e.StartsWith("#/runs[0].results[0].message: "));
    }

    [Fact]
    public void Text_that_is_not_JSON_is_one_error()
    {
        var error = Assert.Single(SarifSchema.Validate("{ not json"));
        Assert.StartsWith("#: not JSON", error);
    }
}
