using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Preflight.Artifacts;
using Preflight.Artifacts.Rules;

namespace Preflight.Cli.Output;

/// <summary>The output formats of <c>preflight check</c>.</summary>
internal static class FindingWriter
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";

    public static readonly string[] Formats = { Text, Json, Sarif, GitHub };

    public static string Write(string format, IReadOnlyList<ReportedFinding> findings, string root) => format switch
    {
        Json => WriteJson(findings, root),
        Sarif => WriteSarif(findings, root),
        GitHub => GitHubAnnotations.Write(findings, root),
        _ => WriteText(findings),
    };

    /// <summary>MSBuild's canonical format, so editors and CI annotate the lines: <c>path(line,col): error PF1001:
    /// message</c>.</summary>
    public static string WriteText(IReadOnlyList<ReportedFinding> findings)
    {
        var builder = new StringBuilder();
        foreach (var finding in findings)
        {
            builder.Append(finding.File).Append('(').Append(finding.Line).Append(',').Append(finding.Column)
                .Append("): ")
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

    /// <summary>SARIF 2.1.0, written as the build writes its <c>PreflightSarifLog</c>.</summary>
    public static string WriteSarif(IReadOnlyList<ReportedFinding> findings, string root) =>
        SarifLog.Write(
            findings.Select(
            f => new SarifResult(
            f.RuleId, f.Severity == "info" ? "note" : f.Severity, f.Message, f.File, f.Line, f.Column, f.EndLine,
            f.EndColumn)).ToList(), root);
}
