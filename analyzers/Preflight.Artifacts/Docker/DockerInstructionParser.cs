using System;
using System.Collections.Generic;
using System.Text;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// Turns one logical line into a <see cref="DockerInstruction"/> the way BuildKit's <c>newNodeFromLine</c> does: the
/// keyword, the leading <c>--flags</c>, then per-instruction argument parsing (JSON or shell form, name=value pairs,
/// whitespace-separated words, ONBUILD's trigger).
/// </summary>
internal static class DockerInstructionParser
{
    public static DockerInstruction? Parse(
        DockerLogicalLine line, LineMap map, char escape, List<DockerfileError> errors)
    {
        var text = line.Text;
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (start == end)
        {
            return null;
        }
        var keywordEnd = start;
        while (keywordEnd < end && !IsTokenSpace(text[keywordEnd]))
        {
            keywordEnd++;
        }
        var keyword = text.Substring(start, keywordEnd - start);
        var restStart = keywordEnd;
        while (restStart < end && IsTokenSpace(text[restStart]))
        {
            restStart++;
        }
        var flags = new List<DockerFlag>();
        var argsStart = ExtractFlags(line, restStart, end, map, flags);
        while (argsStart < end && char.IsWhiteSpace(text[argsStart]))
        {
            argsStart++;
        }
        var argsEnd = Math.Max(argsStart, end);
        var args = text.Substring(argsStart, argsEnd - argsStart);
        var upper = keyword.ToUpperInvariant();

        var values = new List<string>();
        var arguments = new List<DockerArgument>();
        DockerInstruction? inner = null;
        var isJson = false;
        switch (upper)
        {
            case "ADD":
            case "COPY":
            case "VOLUME":
                isJson = TryJson(line, argsStart, argsEnd, map, values, arguments, errors, out var jsonError)
                    && jsonError == null;
                if (!isJson && jsonError == null)
                {
                    values.AddRange(SplitWhitespace(args));
                }
                break;
            case "CMD":
            case "ENTRYPOINT":
            case "RUN":
            case "SHELL":
                if (args.Length > 0)
                {
                    isJson = TryJson(line, argsStart, argsEnd, map, values, arguments, errors, out jsonError)
                        && jsonError == null;
                    if (!isJson && jsonError == null)
                    {
                        values.Add(args);
                    }
                }
                break;
            case "ARG":
                values.AddRange(ParseWords(args, escape));
                break;
            case "ENV":
            case "LABEL":
                ParseNameValue(args, upper, escape, values, out var nameValueError);
                if (nameValueError != null)
                {
                    errors.Add(new DockerfileError(nameValueError, line.Span(map, argsStart, argsEnd)));
                }
                break;
            case "EXPOSE":
            case "FROM":
                values.AddRange(SplitWhitespace(args));
                break;
            case "HEALTHCHECK":
                ParseHealthcheck(line, argsStart, argsEnd, map, values, arguments, errors, out isJson);
                break;
            case "MAINTAINER":
            case "STOPSIGNAL":
            case "USER":
            case "WORKDIR":
                if (args.Length > 0)
                {
                    values.Add(args);
                }
                break;
            case "ONBUILD":
                if (args.Length > 0)
                {
                    inner = Parse(line.Slice(argsStart, argsEnd), map, escape, errors);
                }
                break;
        }
        if (!isJson)
        {
            foreach (var (wordStart, wordStop, value) in SplitWords(text, argsStart, argsEnd, escape))
            {
                arguments.Add(
                    new DockerArgument(
                    value, text.Substring(wordStart, wordStop - wordStart), line.Span(map, wordStart, wordStop)));
            }
        }
        var span = map.Span(line.Offsets[start], line.Offsets[line.Offsets.Length - 1]);
        return new DockerInstruction(
            upper, text, span, line.Span(map, start, keywordEnd), flags, arguments, isJson, args,
            line.Span(map, argsStart, argsEnd), values, inner);
    }

    private static bool IsTokenSpace(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

    /// <summary>BuildKit's extractBuilderFlags: leading words starting with "--", quotes removed, '\' escapes; "--"
    /// ends them.</summary>
    private static int ExtractFlags(DockerLogicalLine line, int position, int end, LineMap map, List<DockerFlag> flags)
    {
        var text = line.Text;
        while (true)
        {
            while (position < end && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            if (position >= end || text[position] != '-' || position + 1 >= end || text[position + 1] != '-')
            {
                return position;
            }
            var wordStart = position;
            var word = new StringBuilder();
            var quote = '\0';
            while (position < end)
            {
                var c = text[position];
                if (quote == '\0')
                {
                    if (char.IsWhiteSpace(c))
                    {
                        break;
                    }
                    if (c == '\'' || c == '"')
                    {
                        quote = c;
                        position++;
                        continue;
                    }
                }
                else if (c == quote)
                {
                    quote = '\0';
                    position++;
                    continue;
                }
                if (c == '\\')
                {
                    if (position + 1 >= end)
                    {
                        position++;
                        continue;
                    }
                    position++;
                    c = text[position];
                }
                word.Append(c);
                position++;
            }
            var value = word.ToString();
            if (value == "--")
            {
                return position;
            }
            var body = value.Substring(2);
            var equals = body.IndexOf('=');
            flags.Add(
                new DockerFlag(
                equals < 0 ? body : body.Substring(0, equals), equals < 0 ? null : body.Substring(equals + 1),
                line.Span(map, wordStart, position)));
        }
    }

    /// <summary>
    /// BuildKit's parseJSON: arguments starting with '[' that form a JSON array of strings. Returns false when the text
    /// is
    /// not valid JSON (shell form then); sets <paramref name="error"/> when it is JSON but not an array of strings.
    /// </summary>
    private static bool TryJson(
        DockerLogicalLine line, int start, int end, LineMap map, List<string> values, List<DockerArgument> arguments,
        List<DockerfileError> errors, out string? error)
    {
        error = null;
        var text = line.Text;
        if (start >= end || text[start] != '[')
        {
            return false;
        }
        var elements = DockerJsonArray.Parse(text, start, end, out var allStrings);
        if (elements == null)
        {
            return false;
        }
        if (!allStrings)
        {
            error = "when using JSON array syntax, arrays must be comprised of strings only";
            errors.Add(new DockerfileError(error, line.Span(map, start, end)));
            return true;
        }
        foreach (var (value, elementStart, elementEnd) in elements)
        {
            values.Add(value);
            arguments.Add(
                new DockerArgument(
                value, text.Substring(elementStart, elementEnd - elementStart),
                line.Span(map, elementStart, elementEnd)));
        }
        return true;
    }

    private static void ParseHealthcheck(
        DockerLogicalLine line, int start, int end, LineMap map, List<string> values, List<DockerArgument> arguments,
        List<DockerfileError> errors, out bool isJson)
    {
        isJson = false;
        var text = line.Text;
        var separator = start;
        while (separator < end && !char.IsWhiteSpace(text[separator]))
        {
            separator++;
        }
        if (separator == start)
        {
            return;
        }
        var next = separator;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }
        values.Add(text.Substring(start, separator - start));
        if (next >= end)
        {
            return;
        }
        var commandValues = new List<string>();
        var commandArguments = new List<DockerArgument>();
        isJson = TryJson(line, next, end, map, commandValues, commandArguments, errors, out var error) && error == null;
        if (isJson)
        {
            values.AddRange(commandValues);
            arguments.Add(new DockerArgument(values[0], values[0], line.Span(map, start, separator)));
            arguments.AddRange(commandArguments);
        }
        else if (error == null)
        {
            values.Add(text.Substring(next, end - next));
        }
    }

    /// <summary>BuildKit's parseNameVal (ENV, LABEL): <c>KEY value</c> (old form) or <c>k=v k2="v 2"</c>, quotes
    /// kept.</summary>
    private static void ParseNameValue(string rest, string keyword, char escape, List<string> values, out string? error)
    {
        error = null;
        var words = ParseWords(rest, escape);
        if (words.Count == 0)
        {
            return;
        }
        if (words[0].IndexOf('=') < 0)
        {
            var split = 0;
            while (split < rest.Length && !IsTokenSpace(rest[split]))
            {
                split++;
            }
            if (split >= rest.Length)
            {
                error = keyword + " must have two arguments";
                return;
            }
            var valueStart = split;
            while (valueStart < rest.Length && IsTokenSpace(rest[valueStart]))
            {
                valueStart++;
            }
            values.Add(rest.Substring(0, split));
            values.Add(rest.Substring(valueStart));
            values.Add(string.Empty);
            return;
        }
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            if (equals < 0)
            {
                error = $"Syntax error - can't find = in \"{word}\". Must be of the form: name=value";
                values.Clear();
                return;
            }
            values.Add(word.Substring(0, equals));
            values.Add(word.Substring(equals + 1));
            values.Add("=");
        }
    }

    /// <summary>BuildKit's parseWords: words separated by whitespace; quotes and escapes are kept in the
    /// words.</summary>
    internal static List<string> ParseWords(string rest, char escape)
    {
        var words = new List<string>();
        var inWord = false;
        var inQuote = false;
        var word = new StringBuilder();
        var quote = '\0';
        var blankOk = false;
        for (var pos = 0; pos <= rest.Length; pos++)
        {
            if (!inWord && !inQuote)
            {
                if (pos == rest.Length)
                {
                    break;
                }
                if (char.IsWhiteSpace(rest[pos]))
                {
                    continue;
                }
                inWord = true;
            }
            if (pos == rest.Length)
            {
                if (blankOk || word.Length > 0)
                {
                    words.Add(word.ToString());
                }
                break;
            }
            var ch = rest[pos];
            if (inWord)
            {
                if (char.IsWhiteSpace(ch))
                {
                    inWord = false;
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }
                    word.Clear();
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"')
                {
                    quote = ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                }
                if (ch == escape)
                {
                    if (pos + 1 == rest.Length)
                    {
                        continue;
                    }
                    word.Append(ch);
                    pos++;
                    ch = rest[pos];
                }
                word.Append(ch);
                continue;
            }
            // in quote
            if (ch == quote)
            {
                inQuote = false;
                inWord = true;
            }
            if (ch == escape && quote != '\'')
            {
                if (pos + 1 == rest.Length)
                {
                    inQuote = false;
                    inWord = true;
                    continue;
                }
                pos++;
                word.Append(ch);
                ch = rest[pos];
            }
            word.Append(ch);
        }
        return words;
    }

    /// <summary>Go's <c>regexp.MustCompile("[\t\v\f\r ]+").Split(s, -1)</c> on trimmed text.</summary>
    private static IEnumerable<string> SplitWhitespace(string text)
    {
        if (text.Length == 0)
        {
            yield break;
        }
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || IsTokenSpace(text[i]))
            {
                yield return text.Substring(start, i - start);
                while (i < text.Length && IsTokenSpace(text[i]))
                {
                    i++;
                }
                start = i;
                if (i == text.Length)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Words separated by whitespace; quotes group and are removed, the escape character escapes.</summary>
    internal static IEnumerable<(int Start, int Stop, string Value)> SplitWords(
        string text, int position, int length, char escape)
    {
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
            var quote = '\0';
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
}
