using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Preflight.Artifacts;
using Preflight.Artifacts.Reporting;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Reporting;

/// <summary>
/// Preflight's SARIF 2.1.0 log: one run of the tool "Preflight" with the rules that fired (from the rule catalogue) and
/// their results, locations relative to the repository root (<c>uriBaseId</c> SRCROOT). Written by the build (the
/// analyzers' and the file checks' findings of a project together) and by <c>preflight check --format sarif</c>.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(IReadOnlyList<SarifResult> results, string root)
    {
        var rules = results.Select(r => r.RuleId).Distinct(StringComparer.Ordinal).OrderBy(
            id => id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, rules);
            writer.WriteStartObject("originalUriBaseIds");
            writer.WriteStartObject("SRCROOT");
            writer.WriteString("uri", new Uri(PathText.Normalize(root).TrimEnd('/') + "/").AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var result in results)
            {
                WriteResult(writer, result, rules.IndexOf(result.RuleId), root);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter writer, List<string> rules)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "Preflight");
        writer.WriteString("informationUri", "https://github.com/preflight-dotnet/preflight");
        writer.WriteString("semanticVersion", typeof(SarifLog).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        writer.WriteStartArray("rules");
        foreach (var id in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            if (RuleCatalog.All.TryGetValue(id, out var rule))
            {
                writer.WriteString("name", rule.Title);
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteStartObject("fullDescription");
                writer.WriteString("text", rule.Description);
                writer.WriteEndObject();
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", Level(rule.DefaultSeverity));
                writer.WriteEndObject();
                writer.WriteStartObject("properties");
                writer.WriteString("category", rule.Category);
                writer.WriteEndObject();
            }
            writer.WriteString("helpUri", RuleCatalog.HelpLink(id));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, SarifResult result, int ruleIndex, string root)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", result.RuleId);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", result.Level);
        writer.WriteStartObject("message");
        writer.WriteString("text", result.Message);
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        var file = PathText.Normalize(result.File);
        if (PathText.IsUnder(file, root))
        {
            writer.WriteString(
                "uri", string.Join("/", PathText.Relative(root, file).Split('/').Select(Uri.EscapeDataString)));
            writer.WriteString("uriBaseId", "SRCROOT");
        }
        else
        {
            writer.WriteString("uri", new Uri(file).AbsoluteUri);
        }
        writer.WriteEndObject();
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", Math.Max(1, result.Line));
        writer.WriteNumber("startColumn", Math.Max(1, result.Column));
        writer.WriteNumber("endLine", Math.Max(Math.Max(1, result.Line), result.EndLine));
        writer.WriteNumber("endColumn", Math.Max(1, result.EndColumn));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (result.SuppressionsJson != null)
        {
            writer.WritePropertyName("suppressions");
            using var suppressions = JsonDocument.Parse(result.SuppressionsJson);
            suppressions.RootElement.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    /// <summary>SARIF's level of a finding as reported.</summary>
    public static string Level(ReportedSeverity severity) => severity switch
    {
        ReportedSeverity.Error => "error",
        ReportedSeverity.Warning => "warning",
        _ => "note",
    };

    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };
}
