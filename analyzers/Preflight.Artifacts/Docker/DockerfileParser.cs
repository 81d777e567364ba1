using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// Parses a Dockerfile the way BuildKit's parser splits it: parser directives, comments, line continuations (with
/// blank and comment lines inside), heredoc bodies, flags, exec (JSON) versus shell form. Never throws.
/// </summary>
public static class DockerfileParser
{
    private static readonly HashSet<string> KnownInstructions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    /// <summary>True for the instructions BuildKit knows.</summary>
    public static bool IsKnownInstruction(string keyword) => KnownInstructions.Contains(keyword);

    private static readonly Regex DirectivePattern = new Regex(@"^#[ \t]*([a-zA-Z][a-zA-Z0-9_]*)[ \t]*=[ \t]*(.*?)[ \t]*$", RegexOptions.CultureInvariant);
    private static readonly Regex HeredocPattern = new Regex(@"<<(-?)([""']?)([a-zA-Z_][a-zA-Z0-9_]*)\2", RegexOptions.CultureInvariant);

    public static Dockerfile Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = " " + text.Substring(1); // keep offsets stable
        }
        var map = new LineMap(text);
        var lines = SplitLines(text);
        var directives = new List<DockerParserDirective>();
        var errors = new List<DockerfileError>();
        var escape = '\\';
        var index = 0;

        // Parser directives: only at the very top, before any comment, blank line or instruction.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (; index < lines.Count; index++)
        {
            var match = DirectivePattern.Match(lines[index].Text);
            if (!match.Success)
            {
                break;
            }
            var name = match.Groups[1].Value.ToLowerInvariant();
            if (!seen.Add(name))
            {
                errors.Add(new DockerfileError($"only one '{name}' parser directive can be used", map.Span(lines[index].Start, lines[index].Start + lines[index].Text.Length)));
            }
            directives.Add(new DockerParserDirective(name, match.Groups[2].Value, map.Span(lines[index].Start, lines[index].Start + lines[index].Text.Length)));
            if (name == "escape")
            {
                var value = match.Groups[2].Value;
                if (value == "`" || value == "\\")
                {
                    escape = value[0];
                }
                else
                {
                    errors.Add(new DockerfileError($"invalid escape token '{value}' does not validate", map.Span(lines[index].Start, lines[index].Start + lines[index].Text.Length)));
                }
            }
        }

        var instructions = new List<DockerInstruction>();
        var stages = new List<DockerStage>();
        while (index < lines.Count)
        {
            var line = lines[index];
            if (IsBlankOrComment(line.Text))
            {
                index++;
                continue;
            }
            // Collect the logical line: a char buffer and, for each char, its offset in the text.
            var buffer = new StringBuilder();
            var offsets = new List<int>();
            var end = line.Start;
            var first = true;
            while (index < lines.Count)
            {
                line = lines[index];
                index++;
                if (!first && IsBlankOrComment(line.Text))
                {
                    continue;
                }
                first = false;
                var content = line.Text.TrimEnd(' ', '\t');
                var continues = content.Length > 0 && content[content.Length - 1] == escape;
                if (continues)
                {
                    content = content.Substring(0, content.Length - 1);
                }
                for (var i = 0; i < content.Length; i++)
                {
                    buffer.Append(content[i]);
                    offsets.Add(line.Start + i);
                }
                end = line.Start + line.Text.Length;
                if (!continues)
                {
                    break;
                }
            }
            offsets.Add(end);
            var instruction = ParseInstruction(buffer.ToString(), offsets, map, escape, stages.Count - 1, errors);
            if (instruction == null)
            {
                continue;
            }
            // Heredoc bodies follow the instruction's line.
            if (instruction.Keyword is "RUN" or "COPY" or "ADD")
            {
                foreach (Match heredoc in HeredocPattern.Matches(instruction.ArgumentText))
                {
                    var stripTabs = heredoc.Groups[1].Value == "-";
                    var delimiter = heredoc.Groups[3].Value;
                    var closed = false;
                    while (index < lines.Count)
                    {
                        var bodyLine = lines[index].Text;
                        index++;
                        end = lines[index - 1].Start + bodyLine.Length;
                        if ((stripTabs ? bodyLine.TrimStart('\t') : bodyLine) == delimiter)
                        {
                            closed = true;
                            break;
                        }
                    }
                    if (!closed)
                    {
                        errors.Add(new DockerfileError($"unterminated heredoc '{delimiter}'", instruction.KeywordSpan));
                    }
                }
                instruction = instruction.WithEnd(map.Span(instruction.Span.Start, end));
            }
            if (instruction.Keyword == "FROM")
            {
                var stageIndex = stages.Count;
                instruction = instruction.WithStage(stageIndex);
                var args = instruction.Arguments;
                string? name = null;
                if (args.Count >= 3 && string.Equals(args[1].Value, "AS", StringComparison.OrdinalIgnoreCase))
                {
                    name = args[2].Value.ToLowerInvariant();
                }
                stages.Add(new DockerStage(stageIndex, name, args.Count > 0 ? args[0].Value : string.Empty, instruction));
            }
            instructions.Add(instruction);
        }
        return new Dockerfile(escape, directives, instructions, stages, errors);
    }

    private static DockerInstruction? ParseInstruction(string logical, List<int> offsets, LineMap map, char escape, int stageIndex, List<DockerfileError> errors)
    {
        var position = 0;
        SkipSpaces(logical, ref position);
        var keywordStart = position;
        while (position < logical.Length && !char.IsWhiteSpace(logical[position]))
        {
            position++;
        }
        var keyword = logical.Substring(keywordStart, position - keywordStart).ToUpperInvariant();
        if (keyword.Length == 0)
        {
            return null;
        }
        var keywordSpan = map.Span(offsets[keywordStart], offsets[position - 1] + 1);
        if (!KnownInstructions.Contains(keyword))
        {
            errors.Add(new DockerfileError($"unknown instruction: {keyword}", keywordSpan));
        }
        SkipSpaces(logical, ref position);

        var flags = new List<DockerFlag>();
        while (position + 1 < logical.Length && logical[position] == '-' && logical[position + 1] == '-')
        {
            var flagStart = position;
            while (position < logical.Length && !char.IsWhiteSpace(logical[position]))
            {
                position++;
            }
            var flagText = logical.Substring(flagStart + 2, position - flagStart - 2);
            var equals = flagText.IndexOf('=');
            var flagName = equals < 0 ? flagText : flagText.Substring(0, equals);
            var flagValue = equals < 0 ? null : Unquote(flagText.Substring(equals + 1));
            flags.Add(new DockerFlag(flagName, flagValue, map.Span(offsets[flagStart], offsets[position - 1] + 1)));
            SkipSpaces(logical, ref position);
        }

        var argumentText = logical.Substring(position).TrimEnd();
        var arguments = new List<DockerArgument>();
        var isExec = false;
        if (argumentText.StartsWith("[", StringComparison.Ordinal) && TryParseJsonArray(argumentText, out var values))
        {
            isExec = true;
            var span = map.Span(offsets[position], offsets[position + argumentText.Length - 1] + 1);
            foreach (var value in values)
            {
                arguments.Add(new DockerArgument(value, value, span));
            }
        }
        else
        {
            foreach (var (start, stop, value) in SplitWords(logical, position, escape))
            {
                arguments.Add(new DockerArgument(value, logical.Substring(start, stop - start), map.Span(offsets[start], offsets[stop - 1] + 1)));
            }
        }
        var whole = map.Span(offsets[keywordStart], offsets[offsets.Count - 1]);
        return new DockerInstruction(keyword, whole, keywordSpan, flags, arguments, isExec, argumentText, stageIndex);
    }

    /// <summary>Words separated by whitespace; quotes group and are removed, the escape character escapes.</summary>
    internal static IEnumerable<(int Start, int Stop, string Value)> SplitWords(string text, int position, char escape)
    {
        var length = text.Length;
        while (true)
        {
            while (position < length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            if (position >= length)
            {
                yield break;
            }
            var start = position;
            var value = new StringBuilder();
            char quote = '\0';
            while (position < length)
            {
                var c = text[position];
                if (quote == '\0' && char.IsWhiteSpace(c))
                {
                    break;
                }
                if (c == escape && quote != '\'' && position + 1 < length)
                {
                    value.Append(text[position + 1]);
                    position += 2;
                    continue;
                }
                if (quote == '\0' && (c == '"' || c == '\''))
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    value.Append(c);
                }
                position++;
            }
            yield return (start, position, value.ToString());
        }
    }

    private static bool TryParseJsonArray(string text, out List<string> values)
    {
        values = new List<string>();
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                return false;
            }
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    return false;
                }
                values.Add(element.GetString() ?? string.Empty);
            }
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart(' ', '\t');
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    private readonly struct PhysicalLine
    {
        public PhysicalLine(int start, string text)
        {
            Start = start;
            Text = text;
        }

        public int Start { get; }
        public string Text { get; }
    }

    private static List<PhysicalLine> SplitLines(string text)
    {
        var lines = new List<PhysicalLine>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n' || text[i] == '\r')
            {
                if (i < text.Length || start < text.Length)
                {
                    lines.Add(new PhysicalLine(start, text.Substring(start, i - start)));
                }
                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        return lines;
    }
}
