using System;
using System.Collections.Generic;

namespace Preflight.Checks.Repository;

/// <summary>
/// Inline ignores for findings in files that have no <c>#pragma</c> (YAML, Dockerfiles, .env, JSON):
/// a comment <c>preflight-disable-line PF3002</c> on the finding's line, or <c>preflight-disable-next-line PF3002</c>
/// on
/// the line above it. Several ids may be listed (<c>PF3002, PF3003</c>); with no id, every rule is ignored on that
/// line.
/// Applied by every host of the checks (the MSBuild task and the CLI) alike.
/// </summary>
public static class InlineSuppressions
{
    public const string DisableLine = "preflight-disable-line";
    public const string DisableNextLine = "preflight-disable-next-line";

    public static void Apply(CheckContext context)
    {
        var lines = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        context.Findings.RemoveAll(finding => IsSuppressed(context, lines, finding));
    }

    private static bool IsSuppressed(CheckContext context, Dictionary<string, string[]?> cache, Finding finding)
    {
        if (finding.Line < 1)
        {
            return false;
        }
        if (!cache.TryGetValue(finding.File, out var lines))
        {
            var text = context.ReadText(finding.File);
            lines = text?.Split('\n');
            cache[finding.File] = lines;
        }
        if (lines == null || finding.Line > lines.Length)
        {
            return false;
        }
        return Mentions(lines[finding.Line - 1], DisableLine, finding.RuleId) ||
            (finding.Line >= 2 && Mentions(lines[finding.Line - 2], DisableNextLine, finding.RuleId));
    }

    /// <summary>True when the line holds the marker naming the rule (or naming no rule at all).</summary>
    internal static bool Mentions(string line, string marker, string ruleId)
    {
        var index = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return false;
        }
        var after = index + marker.Length;
        if (after < line.Length && (char.IsLetterOrDigit(line[after]) || line[after] == '-'))
        {
            return false; // preflight-disable-line-x, or -line inside -next-line
        }
        var named = false;
        foreach (var part in line.Substring(after).Split(
            new[] { ' ', ',', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("PF", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
            named = true;
            if (string.Equals(part, ruleId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return !named;
    }
}
