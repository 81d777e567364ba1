using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Findings;

/// <summary>One rule violation found by a file-system check: rule, file, position and message.</summary>
public sealed class Finding : IEquatable<Finding>
{
    public Finding(string ruleId, string file, int line, int column, int endLine, int endColumn, string message)
    {
        RuleId = ruleId;
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Message = message;
    }

    /// <summary>A finding reported at a severity other than its rule's default (e.g. PF4001's did-you-mean without a
    /// contract, a warning).</summary>
    public Finding(
        string ruleId, string file, int line, int column, int endLine, int endColumn, string message,
        RuleSeverity defaultSeverity)
        : this(ruleId, file, line, column, endLine, endColumn, message)
    {
        DefaultSeverity = defaultSeverity;
    }

    public static Finding At(RuleInfo rule, string file, SourceSpan span, params object[] arguments) =>
        new Finding(rule.Id, file, span.Line, span.Column, span.EndLine, span.EndColumn, rule.FormatMessage(arguments));

    public string RuleId { get; }
    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public int EndLine { get; }
    public int EndColumn { get; }
    public string Message { get; }

    /// <summary>The default severity of this finding when it differs from its rule's; null for the rule's.</summary>
    public RuleSeverity? DefaultSeverity { get; }

    public bool Equals(Finding? other) =>
        other != null && RuleId == other.RuleId && File == other.File && Line == other.Line && Column == other.Column
            && Message == other.Message;

    public override bool Equals(object? obj) => Equals(obj as Finding);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RuleId + File + Message) ^ Line;
    public override string ToString() => $"{File}({Line},{Column}): {RuleId}: {Message}";

    /// <summary>One line of tab-separated fields, with tabs, line breaks and backslashes escaped.</summary>
    public string Serialize() => string.Join("\t", new[]
    {
        RuleId, Escape(File), Line.ToString(CultureInfo.InvariantCulture),
            Column.ToString(CultureInfo.InvariantCulture),
        EndLine.ToString(CultureInfo.InvariantCulture), EndColumn.ToString(CultureInfo.InvariantCulture),
            Escape(Message),
    }) + (DefaultSeverity is { } severity ? "\t" + severity.ToString() : string.Empty);

    public static Finding? Deserialize(string line)
    {
        var fields = line.Split('\t');
        if ((fields.Length != 7 && fields.Length != 8)
            || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var startLine) ||
            !int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var column) ||
            !int.TryParse(fields[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var endLine) ||
            !int.TryParse(fields[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var endColumn))
        {
            return null;
        }
        if (fields.Length == 8)
        {
            return Enum.TryParse<RuleSeverity>(fields[7], out var severity)
                ? new Finding(
                    fields[0], Unescape(fields[1]), startLine, column, endLine, endColumn, Unescape(fields[6]),
                    severity)
                : null;
        }
        return new Finding(fields[0], Unescape(fields[1]), startLine, column, endLine, endColumn, Unescape(fields[6]));
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    private static string Unescape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                builder.Append(value[i] switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => value[i] });
            }
            else
            {
                builder.Append(value[i]);
            }
        }
        return builder.ToString();
    }

    public static IReadOnlyList<Finding> DeserializeAll(IEnumerable<string> lines)
    {
        var findings = new List<Finding>();
        foreach (var line in lines)
        {
            if (Deserialize(line) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return findings;
    }
}
