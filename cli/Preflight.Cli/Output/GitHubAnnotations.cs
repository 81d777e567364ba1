using System.Collections.Generic;
using System.Text;
using Preflight.Artifacts;

namespace Preflight.Cli.Output;

/// <summary>
/// <c>--format github</c>: one GitHub Actions workflow command per finding
/// (<c>::error file=src/Api/Dockerfile,line=2,col=6,endLine=2,endColumn=12,title=PF2001::message</c>), so the findings
/// are
/// annotated on the pull request's diff without a SARIF upload. Errors are <c>::error</c>, warnings <c>::warning</c>,
/// infos <c>::notice</c>. Paths are relative to the repository root (the workspace of a checkout job).
/// </summary>
internal static class GitHubAnnotations
{
    public static string Write(IReadOnlyList<ReportedFinding> findings, string root)
    {
        var builder = new StringBuilder();
        foreach (var finding in findings)
        {
            var command = finding.Severity switch
            {
                "error" => "error",
                "warning" => "warning",
                _ => "notice",
            };
            builder.Append("::").Append(command)
                .Append(" file=").Append(EscapeProperty(PathText.Relative(root, finding.File)))
                .Append(",line=").Append(finding.Line)
                .Append(",col=").Append(finding.Column);
            if (finding.EndLine >= finding.Line && finding.EndLine > 0)
            {
                builder.Append(",endLine=").Append(finding.EndLine);
                // GitHub uses endColumn only for a single-line range.
                if (finding.EndLine == finding.Line && finding.EndColumn > finding.Column)
                {
                    builder.Append(",endColumn=").Append(finding.EndColumn);
                }
            }
            builder.Append(",title=").Append(EscapeProperty(finding.RuleId))
                .Append("::").Append(EscapeData(finding.Message + " (" + finding.HelpLink + ")"))
                .Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>The escaping of a command's message (the runner's <c>escapeData</c>).</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>The escaping of a property value (the runner's <c>escapeProperty</c>): also ':' and ','.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
