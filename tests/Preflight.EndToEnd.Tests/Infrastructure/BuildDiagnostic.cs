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

    /// <summary>The PF diagnostics of a build as (path from <paramref name="root"/>, line, column, id), in file and line order.</summary>
    public static (string File, int Line, int Column, string Id)[] Relative(string root, string output) =>
        Parse(output)
            .Select(d => (System.IO.Path.GetRelativePath(root, d.File).Replace('\\', '/'), d.Line, d.Column, d.Id))
            .OrderBy(d => d.Item1, System.StringComparer.Ordinal).ThenBy(d => d.Line)
            .ToArray();

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}
