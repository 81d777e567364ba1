using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>One line of the file as BuildKit's scanner sees it: lines end at '\n'; trailing '\r' is not part of the
/// text.</summary>
internal readonly struct DockerPhysicalLine
{
    public DockerPhysicalLine(int start, string text, string raw)
    {
        Start = start;
        Text = text;
        Raw = raw;
    }

    /// <summary>Offset of the first character in the source.</summary>
    public int Start { get; }
    /// <summary>The line without its line break.</summary>
    public string Text { get; }
    /// <summary>The line with its line break, as heredoc bodies keep it.</summary>
    public string Raw { get; }
    public int End => Start + Text.Length;
}

/// <summary>An instruction's text with continuations joined, and for every character its offset in the
/// source.</summary>
internal sealed class DockerLogicalLine
{
    public DockerLogicalLine(string text, int[] offsets, int start = -1)
    {
        Text = text;
        Offsets = offsets;
        Start = start >= 0 ? start : (offsets.Length > 0 ? offsets[0] : 0);
    }

    /// <summary>Source offset where the instruction's first line starts (after indentation).</summary>
    public int Start { get; }

    public string Text { get; }
    /// <summary>Source offset of each character, plus one more entry: the end of the last contributing line.</summary>
    public int[] Offsets { get; }

    public SourceSpan Span(LineMap map, int from, int to) =>
        to > from ? map.Span(Offsets[from], Offsets[to - 1] + 1)
            : map.Span(Offsets[Math.Min(from, Offsets.Length - 1)], Offsets[Math.Min(from, Offsets.Length - 1)]);

    public DockerLogicalLine Slice(int from, int to)
    {
        var offsets = new int[to - from + 1];
        Array.Copy(Offsets, from, offsets, 0, to - from);
        offsets[to - from] = Offsets[Offsets.Length - 1];
        return new DockerLogicalLine(Text.Substring(from, to - from), offsets);
    }
}

/// <summary>
/// Reads physical lines into logical lines the way BuildKit's parser does: parser directives at the very top, comment
/// lines dropped (also inside continuations), the escape character at the end of a line continues it, whitespace-only
/// lines inside a continuation are skipped (with a warning).
/// </summary>
internal sealed class DockerLineJoiner
{
    private static readonly Regex DirectivePattern = new Regex(
        @"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> ValidDirectives = new HashSet<string>(
        StringComparer.Ordinal) { "syntax", "escape", "check" };

    private readonly LineMap _map;
    private readonly List<DockerfileError> _errors;
    private readonly List<DockerfileError> _warnings;
    private readonly HashSet<string> _seenDirectives = new HashSet<string>(StringComparer.Ordinal);
    private bool _directivesDone;

    public DockerLineJoiner(string text, LineMap map, List<DockerfileError> errors, List<DockerfileError> warnings)
    {
        _map = map;
        _errors = errors;
        _warnings = warnings;
        Lines = Split(text);
    }

    public List<DockerPhysicalLine> Lines { get; }
    public List<DockerParserDirective> Directives { get; } = new List<DockerParserDirective>();
    public char Escape { get; private set; } = '\\';
    /// <summary>Index of the next physical line to read.</summary>
    public int Next { get; set; }

    /// <summary>The next instruction line, or null at the end of the file.</summary>
    public DockerLogicalLine? ReadLogicalLine()
    {
        while (Next < Lines.Count)
        {
            var line = Lines[Next];
            var text = line.Text;
            var start = line.Start;
            if (Next == 0 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
                start++;
            }
            var lead = 0;
            while (lead < text.Length && char.IsWhiteSpace(text[lead]))
            {
                lead++;
            }
            var trimmed = text.Substring(lead);
            start += lead;
            PossibleDirective(trimmed, start);
            Next++;
            if (trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                trimmed = string.Empty;
            }
            var content = TrimContinuation(trimmed, out var continues);
            if (!continues && content.Length == 0)
            {
                continue;
            }
            var builder = new StringBuilder();
            var offsets = new List<int>();
            Append(builder, offsets, content, start);
            var end = start + trimmed.Length;
            var firstLine = Next - 1;
            var emptyContinuation = -1;
            while (continues && Next < Lines.Count)
            {
                var next = Lines[Next];
                Next++;
                PossibleDirective(next.Text, next.Start);
                if (IsComment(next.Text))
                {
                    continue;
                }
                if (next.Text.Trim().Length == 0 && IsBlank(next.Text))
                {
                    emptyContinuation = emptyContinuation < 0 ? Next - 1 : emptyContinuation;
                    continue;
                }
                var part = TrimContinuation(next.Text, out continues);
                Append(builder, offsets, part, next.Start);
                end = next.End;
            }
            if (emptyContinuation >= 0)
            {
                var blank = Lines[emptyContinuation];
                _warnings.Add(new DockerfileError("empty continuation line", _map.Span(blank.Start, blank.End)));
            }
            if (continues)
            {
                var first = Lines[firstLine];
                _warnings.Add(
                    new DockerfileError(
                    "line continuation at the end of the file", _map.Span(first.Start + lead, first.End)));
            }
            offsets.Add(end);
            return new DockerLogicalLine(builder.ToString(), offsets.ToArray(), start);
        }
        return null;
    }

    private static void Append(StringBuilder builder, List<int> offsets, string part, int start)
    {
        builder.Append(part);
        for (var i = 0; i < part.Length; i++)
        {
            offsets.Add(start + i);
        }
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsComment(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i < text.Length && text[i] == '#';
    }

    /// <summary>
    /// Removes a trailing escape character (and spaces or tabs after it) unless it is itself escaped; BuildKit's
    /// <c>([^\\])\\[ \t]*$|^\\[ \t]*$</c>.
    /// </summary>
    private string TrimContinuation(string text, out bool continues)
    {
        var p = text.Length - 1;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t'))
        {
            p--;
        }
        continues = p >= 0 && text[p] == Escape && (p == 0 || text[p - 1] != Escape);
        return continues ? text.Substring(0, p) : text;
    }

    private void PossibleDirective(string line, int start)
    {
        if (_directivesDone)
        {
            return;
        }
        var match = DirectivePattern.Match(line);
        if (!match.Success)
        {
            _directivesDone = true;
            return;
        }
        var name = match.Groups[1].Value.ToLowerInvariant();
        if (!ValidDirectives.Contains(name))
        {
            _directivesDone = true;
            return;
        }
        var span = _map.Span(start, start + line.Length);
        var value = match.Groups[2].Value;
        if (!_seenDirectives.Add(name))
        {
            _errors.Add(new DockerfileError($"only one {name} parser directive can be used", span));
            return;
        }
        Directives.Add(new DockerParserDirective(name, value, span));
        if (name == "escape")
        {
            if (value == "`" || value == "\\")
            {
                Escape = value[0];
            }
            else
            {
                _errors.Add(new DockerfileError($"invalid escape token '{value}' does not match ` or \\", span));
            }
        }
    }

    private static List<DockerPhysicalLine> Split(string text)
    {
        var lines = new List<DockerPhysicalLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var stop = newline < 0 ? text.Length : newline + 1;
            var raw = text.Substring(start, stop - start);
            var content = raw.TrimEnd('\r', '\n');
            lines.Add(new DockerPhysicalLine(start, content, raw));
            start = stop;
        }
        return lines;
    }
}
