using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Preflight.EndToEnd.Tests.Infrastructure;

/// <summary>A diagnostic line of MSBuild's canonical format: <c>path(line,col[,endLine,endCol]): error PF1001: message [project]</c>.</summary>
internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)(,\d+,\d+)?\): (?<severity>error|warning) (?<id>PF\d{4}): (?<message>.*?)( \[[^\]]+\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        Pattern.Matches(output.Replace("\r", string.Empty))
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value),
                m.Groups["severity"].Value,
                m.Groups["id"].Value,
                m.Groups["message"].Value))
            .ToList();

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}
