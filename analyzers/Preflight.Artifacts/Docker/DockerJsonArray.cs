using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// A small strict JSON reader for exec-form arguments: the whole text must be one JSON array (surrounding whitespace
/// allowed). Gives each top-level element's string value and position, and whether all of them are strings.
/// </summary>
internal static class DockerJsonArray
{
    private const int MaxDepth = 64;

    /// <summary>The elements, or null when the text is not valid JSON.</summary>
    public static List<(string Value, int Start, int End)>? Parse(string text, int start, int end, out bool allStrings)
    {
        allStrings = true;
        var position = start;
        SkipSpace(text, ref position, end);
        if (position >= end || text[position] != '[')
        {
            return null;
        }
        position++;
        var elements = new List<(string, int, int)>();
        SkipSpace(text, ref position, end);
        if (position < end && text[position] == ']')
        {
            position++;
        }
        else
        {
            while (true)
            {
                SkipSpace(text, ref position, end);
                var elementStart = position;
                if (position < end && text[position] == '"')
                {
                    var value = ReadString(text, ref position, end);
                    if (value == null)
                    {
                        return null;
                    }
                    elements.Add((value, elementStart, position));
                }
                else
                {
                    if (!SkipValue(text, ref position, end, 1))
                    {
                        return null;
                    }
                    allStrings = false;
                }
                SkipSpace(text, ref position, end);
                if (position >= end)
                {
                    return null;
                }
                if (text[position] == ',')
                {
                    position++;
                    continue;
                }
                if (text[position] == ']')
                {
                    position++;
                    break;
                }
                return null;
            }
        }
        SkipSpace(text, ref position, end);
        return position == end ? elements : null;
    }

    private static void SkipSpace(string text, ref int position, int end)
    {
        while (position < end
            && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n' || text[position] == '\r'))
        {
            position++;
        }
    }

    private static string? ReadString(string text, ref int position, int end)
    {
        position++; // opening quote
        var value = new StringBuilder();
        while (position < end)
        {
            var c = text[position++];
            if (c == '"')
            {
                return value.ToString();
            }
            if (c < 0x20)
            {
                return null;
            }
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (position >= end)
            {
                return null;
            }
            var escaped = text[position++];
            switch (escaped)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (position + 4 > end
                        || !int.TryParse(
                        text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture,
                        out var code))
                    {
                        return null;
                    }
                    value.Append((char)code);
                    position += 4;
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    private static bool SkipValue(string text, ref int position, int end, int depth)
    {
        if (depth > MaxDepth || position >= end)
        {
            return false;
        }
        var c = text[position];
        if (c == '"')
        {
            return ReadString(text, ref position, end) != null;
        }
        if (c == '[' || c == '{')
        {
            var close = c == '[' ? ']' : '}';
            position++;
            SkipSpace(text, ref position, end);
            if (position < end && text[position] == close)
            {
                position++;
                return true;
            }
            while (true)
            {
                SkipSpace(text, ref position, end);
                if (close == '}')
                {
                    if (position >= end || text[position] != '"' || ReadString(text, ref position, end) == null)
                    {
                        return false;
                    }
                    SkipSpace(text, ref position, end);
                    if (position >= end || text[position] != ':')
                    {
                        return false;
                    }
                    position++;
                    SkipSpace(text, ref position, end);
                }
                if (!SkipValue(text, ref position, end, depth + 1))
                {
                    return false;
                }
                SkipSpace(text, ref position, end);
                if (position >= end)
                {
                    return false;
                }
                if (text[position] == ',')
                {
                    position++;
                    continue;
                }
                if (text[position] == close)
                {
                    position++;
                    return true;
                }
                return false;
            }
        }
        foreach (var literal in new[] { "true", "false", "null" })
        {
            if (position + literal.Length <= end
                && string.CompareOrdinal(text, position, literal, 0, literal.Length) == 0)
            {
                position += literal.Length;
                return true;
            }
        }
        return SkipNumber(text, ref position, end);
    }

    private static bool SkipNumber(string text, ref int position, int end)
    {
        var start = position;
        if (position < end && text[position] == '-')
        {
            position++;
        }
        if (position >= end || !IsDigit(text[position]))
        {
            return false;
        }
        if (text[position] == '0')
        {
            position++;
        }
        else
        {
            while (position < end && IsDigit(text[position]))
            {
                position++;
            }
        }
        if (position < end && text[position] == '.')
        {
            position++;
            if (position >= end || !IsDigit(text[position]))
            {
                return false;
            }
            while (position < end && IsDigit(text[position]))
            {
                position++;
            }
        }
        if (position < end && (text[position] == 'e' || text[position] == 'E'))
        {
            position++;
            if (position < end && (text[position] == '+' || text[position] == '-'))
            {
                position++;
            }
            if (position >= end || !IsDigit(text[position]))
            {
                return false;
            }
            while (position < end && IsDigit(text[position]))
            {
                position++;
            }
        }
        return position > start;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
