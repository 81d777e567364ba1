using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// Heredocs the way BuildKit finds them: the instruction line is split into shell words (quotes and escapes kept,
/// variables left alone); each word of the form <c>[n]&lt;&lt;[-]NAME</c> opens a heredoc whose body is the following
/// physical lines up to a line equal to NAME (leading tabs ignored with <c>&lt;&lt;-</c>). Quoting any part of NAME
/// turns expansion off.
/// </summary>
internal static class DockerHeredocReader
{
    private static readonly Regex Marker = new Regex(@"^(\d*)<<(-?)([^<]*)$", RegexOptions.CultureInvariant);
    private static readonly IReadOnlyDictionary<string, string> NoEnv = new Dictionary<string, string>();
    private static readonly DockerLexOptions LineOptions = new DockerLexOptions { RawQuotes = true, RawEscapes = true,
        SkipUnsetEnv = true };
    private static readonly DockerLexOptions NameOptions = new DockerLexOptions { SkipUnsetEnv = true };
    private static readonly DockerLexOptions RawNameOptions = new DockerLexOptions { RawQuotes = true,
        SkipUnsetEnv = true };

    /// <summary>True for the instructions whose (shell-form) arguments may open heredocs.</summary>
    public static bool CanContainHeredoc(DockerInstruction instruction)
    {
        var target = instruction.Keyword == "ONBUILD" ? instruction.Inner : instruction;
        return target != null && target.Keyword is "RUN" or "COPY" or "ADD" && !target.IsExecForm;
    }

    public static List<DockerHeredoc> Find(DockerLogicalLine line, LineMap map, List<DockerfileError> errors)
    {
        var heredocs = new List<DockerHeredoc>();
        var text = line.Text;
        if (text.IndexOf("<<", System.StringComparison.Ordinal) < 0)
        {
            return heredocs;
        }
        var words = DockerShellLexer.ProcessWords(text, NoEnv, '\\', LineOptions).Words;
        var search = 0;
        foreach (var word in words)
        {
            var match = Marker.Match(word);
            if (!match.Success || match.Groups[3].Length == 0)
            {
                continue;
            }
            var rest = match.Groups[3].Value;
            var plain = DockerShellLexer.ProcessWords(rest, NoEnv, '\\', NameOptions);
            var span = Locate(line, map, ref search);
            if (!plain.Success)
            {
                errors.Add(new DockerfileError("invalid heredoc delimiter: " + plain.Error, span));
                continue;
            }
            if (plain.Words.Count != 1)
            {
                continue;
            }
            var raw = DockerShellLexer.ProcessWords(rest, NoEnv, '\\', RawNameOptions);
            var name = plain.Words[0];
            var expand = raw.Words.Count == 1 && QuoteCount(name) == QuoteCount(raw.Words[0]);
            int.TryParse(match.Groups[1].Value, out var descriptor);
            heredocs.Add(new DockerHeredoc(name, expand, match.Groups[2].Value == "-", descriptor, span));
        }
        return heredocs;
    }

    /// <summary>Reads the bodies from the lines after the instruction. Returns the end offset of the last line
    /// read.</summary>
    public static int ReadBodies(
        IReadOnlyList<DockerHeredoc> heredocs, DockerLineJoiner joiner, LineMap map, List<DockerfileError> errors,
        int end)
    {
        var lines = joiner.Lines;
        foreach (var heredoc in heredocs)
        {
            var content = new StringBuilder();
            var bodyStart = joiner.Next < lines.Count ? lines[joiner.Next].Start : end;
            var bodyEnd = bodyStart;
            var terminated = false;
            while (joiner.Next < lines.Count)
            {
                var line = lines[joiner.Next];
                joiner.Next++;
                var candidate = heredoc.Chomp ? line.Text.TrimStart('\t') : line.Text;
                if (candidate == heredoc.Name)
                {
                    terminated = true;
                    heredoc.TerminatorSpan = map.Span(line.Start, line.End);
                    end = line.End;
                    break;
                }
                content.Append(line.Raw);
                bodyEnd = line.End;
                end = line.End;
            }
            heredoc.Content = content.ToString();
            heredoc.BodySpan = map.Span(bodyStart, bodyEnd);
            heredoc.IsTerminated = terminated;
            if (!terminated)
            {
                heredoc.TerminatorSpan = map.Span(end, end);
                errors.Add(
                    new DockerfileError(
                    $"unterminated heredoc '{heredoc.Name}': no line '{heredoc.Name}' closes it", heredoc.Span));
            }
        }
        return end;
    }

    private static SourceSpan Locate(DockerLogicalLine line, LineMap map, ref int search)
    {
        var text = line.Text;
        var index = text.IndexOf("<<", search, System.StringComparison.Ordinal);
        if (index < 0)
        {
            return line.Span(map, 0, text.Length);
        }
        var start = index;
        while (start > 0 && char.IsDigit(text[start - 1]))
        {
            start--;
        }
        var stop = index + 2;
        while (stop < text.Length && !char.IsWhiteSpace(text[stop]))
        {
            stop++;
        }
        search = stop;
        return line.Span(map, start, stop);
    }

    private static int QuoteCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\'' || c == '"')
            {
                count++;
            }
        }
        return count;
    }
}
