using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Preflight.Artifacts;
using Preflight.Artifacts.Rules;

namespace Preflight.Cli.Output;

/// <summary>The three output formats of <c>preflight check</c>.</summary>
internal static class FindingWriter
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";

    public static readonly string[] Formats = { Text, Json, Sarif };

    public static string Write(string format, IReadOnlyList<ReportedFinding> findings, string root) => format switch
    {
        Json => WriteJson(findings, root),
        Sarif => WriteSarif(findings, root),
        _ => WriteText(findings),
    };

    /// <summary>MSBuild's canonical format, so editors and CI annotate the lines: <c>path(line,col): error PF1001: message</c>.</summary>
    public static string WriteText(IReadOnlyList<ReportedFinding> findings)
    {
        var builder = new StringBuilder();
        foreach (var finding in findings)
        {
            builder.Append(finding.File).Append('(').Append(finding.Line).Append(',').Append(finding.Column).Append("): ")
                .Append(finding.Severity).Append(' ').Append(finding.RuleId).Append(": ").Append(finding.Message)
                .Append(" [").Append(finding.HelpLink).Append(']').Append('\n');
        }
        return builder.ToString();
    }

    public static string WriteJson(IReadOnlyList<ReportedFinding> findings, string root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("root", root);
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", finding.RuleId);
                writer.WriteString("severity", finding.Severity);
                writer.WriteString("file", PathText.Relative(root, finding.File));
                writer.WriteNumber("line", finding.Line);
                writer.WriteNumber("column", finding.Column);
                writer.WriteNumber("endLine", finding.EndLine);
                writer.WriteNumber("endColumn", finding.EndColumn);
                writer.WriteString("message", finding.Message);
                writer.WriteString("helpUri", finding.HelpLink);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>SARIF 2.1.0: one run, the rules that fired, results with repository-relative locations (uriBaseId SRCROOT).</summary>
    public static string WriteSarif(IReadOnlyList<ReportedFinding> findings, string root)
    {
        var rules = findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "Preflight");
            writer.WriteString("informationUri", "https://github.com/preflight-dotnet/preflight");
            writer.WriteString("semanticVersion", typeof(FindingWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
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
                }
                writer.WriteString("helpUri", RuleCatalog.HelpLink(id));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("originalUriBaseIds");
            writer.WriteStartObject("SRCROOT");
            writer.WriteString("uri", new Uri(root.TrimEnd('/') + "/").AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var finding in findings)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", finding.RuleId);
                writer.WriteNumber("ruleIndex", rules.IndexOf(finding.RuleId));
                writer.WriteString("level", finding.Severity == "info" ? "note" : finding.Severity);
                writer.WriteStartObject("message");
                writer.WriteString("text", finding.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                var relative = PathText.IsUnder(finding.File, root) ? PathText.Relative(root, finding.File) : finding.File;
                writer.WriteString("uri", string.Join("/", relative.Split('/').Select(Uri.EscapeDataString)));
                if (PathText.IsUnder(finding.File, root))
                {
                    writer.WriteString("uriBaseId", "SRCROOT");
                }
                writer.WriteEndObject();
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", Math.Max(1, finding.Line));
                writer.WriteNumber("startColumn", Math.Max(1, finding.Column));
                writer.WriteNumber("endLine", Math.Max(finding.Line, finding.EndLine));
                writer.WriteNumber("endColumn", Math.Max(1, finding.EndColumn));
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
