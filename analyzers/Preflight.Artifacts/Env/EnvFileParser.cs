using System;
using System.Collections.Generic;
using System.Text;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Env;

/// <summary>One <c>KEY=VALUE</c> line of a .env file.</summary>
public sealed class EnvFileEntry
{
    internal EnvFileEntry(string key, string? value, SourceSpan span, SourceSpan valueSpan, bool isQuoted)
    {
        Key = key;
        Value = value;
        Span = span;
        ValueSpan = valueSpan;
        IsQuoted = isQuoted;
    }

    /// <summary>The variable name (without <c>export</c>).</summary>
    public string Key { get; }

    /// <summary>The value after unquoting, escapes and <c>${VAR}</c> substitution (from earlier lines only); null for a
    /// bare <c>KEY</c> taken from the environment.</summary>
    public string? Value { get; }

    /// <summary>Where the key is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>Where the value is written (quotes included); empty at the end of the line when there is
    /// none.</summary>
    public SourceSpan ValueSpan { get; }

    public bool IsQuoted { get; }

    public override string ToString() => Value == null ? Key : Key + "=" + Value;
}

/// <summary>A line of a .env file compose would reject.</summary>
public sealed class EnvFileError
{
    internal EnvFileError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }

    public override string ToString() => $"{Span}: {Message}";
}

/// <summary>The entries of a .env file, in order (a key written twice appears twice; the last wins), and its
/// errors.</summary>
public sealed class EnvFile
{
    internal EnvFile(IReadOnlyList<EnvFileEntry> entries, IReadOnlyList<EnvFileError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    public IReadOnlyList<EnvFileEntry> Entries { get; }
    public IReadOnlyList<EnvFileError> Errors { get; }

    /// <summary>The last value of a key (null when the key is absent or bare).</summary>
    public string? this[string key]
    {
        get
        {
            string? value = null;
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    value = entry.Value;
                }
            }
            return value;
        }
    }

    /// <summary>True when the file has a line for <paramref name="key"/> (with or without a value).</summary>
    public bool Contains(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The keys with their last value (bare keys excluded), for interpolation.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (entry.Value != null)
            {
                values[entry.Key] = entry.Value;
            }
        }
        return values;
    }
}

/// <summary>
/// Parses .env files as compose does: <c>KEY=VALUE</c> (or <c>KEY: VALUE</c>), an optional <c>export</c> prefix, blank
/// lines and <c>#</c> comments, single quotes (literal, <c>\'</c> allowed, may span lines), double quotes (escapes
/// <c>\n \t \r \\ \" \$</c>, may span lines, <c>${VAR}</c> substitution), unquoted values (trimmed, <c> #</c> starts a
/// comment, substitution), and a bare <c>KEY</c> taken from the environment. Substitution sees earlier lines only.
/// Never throws; a text larger than <see cref="MaxLength"/> gives one error and no entries.
/// </summary>
public static class EnvFileParser
{
    public const int MaxLength = 8 * 1024 * 1024;

    public static EnvFile Parse(string text) => Parse(text, null);

    /// <summary>Parses <paramref name="text"/>; <paramref name="environment"/> (may be null) resolves names that no
    /// earlier line defines.</summary>
    public static EnvFile Parse(string text, Func<string, string?>? environment)
    {
        var entries = new List<EnvFileEntry>();
        var errors = new List<EnvFileError>();
        text ??= string.Empty;
        var map = new LineMap(text);
        if (text.Length > MaxLength)
        {
            errors.Add(
                new EnvFileError(
                $"the file is larger than {MaxLength / (1024 * 1024)} MB and was not read", map.Span(0, 0)));
            return new EnvFile(entries, errors);
        }
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Lookup(string name) => known.TryGetValue(name, out var v) ? v : SafeLookup(environment, name);
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < text.Length)
        {
            i = SkipBlank(text, i);
            if (i >= text.Length)
            {
                break;
            }
            if (text[i] == '\n' || text[i] == '\r')
            {
                i++;
                continue;
            }
            if (text[i] == '#')
            {
                i = LineEnd(text, i);
                continue;
            }
            if (StartsWithWord(text, i, "export"))
            {
                i = SkipBlank(text, i + 6);
            }
            var keyStart = i;
            while (i < text.Length && !IsKeyEnd(text[i]))
            {
                i++;
            }
            var key = text.Substring(keyStart, i - keyStart);
            var keySpan = map.Span(keyStart, i);
            var afterKey = SkipBlank(text, i);
            if (afterKey >= text.Length || text[afterKey] == '\n' || text[afterKey] == '\r' || text[afterKey] == '#')
            {
                if (IsValidKey(key))
                {
                    entries.Add(new EnvFileEntry(key, null, keySpan, map.Span(afterKey, afterKey), false));
                }
                else
                {
                    errors.Add(new EnvFileError($"unexpected character in variable name \"{key}\"", keySpan));
                }
                i = LineEnd(text, afterKey);
                continue;
            }
            if (text[afterKey] != '=' && text[afterKey] != ':' || !IsValidKey(key))
            {
                errors.Add(new EnvFileError(key.Length == 0
                    ? "a line must start with a variable name"
                    : $"unexpected character \"{text[afterKey]}\" in variable name \"{key}\"",
                        map.Span(keyStart, Math.Max(afterKey, keyStart + 1))));
                i = LineEnd(text, afterKey);
                continue;
            }
            i = SkipBlank(text, afterKey + 1);
            var valueStart = i;
            string value;
            if (i < text.Length && (text[i] == '\'' || text[i] == '"'))
            {
                var quote = text[i];
                var close = FindClosingQuote(text, i + 1, quote);
                if (close < 0)
                {
                    errors.Add(
                        new EnvFileError($"unterminated quoted value of {key}", map.Span(valueStart, valueStart + 1)));
                    i = LineEnd(text, i);
                    continue;
                }
                var inner = text.Substring(i + 1, close - i - 1);
                value = quote == '\'' ? inner.Replace("\\'", "'") : Substitute(Unescape(inner), Lookup, true);
                i = close + 1;
                var rest = SkipBlank(text, i);
                i = LineEnd(text, rest);
                entries.Add(new EnvFileEntry(key, value, keySpan, map.Span(valueStart, close + 1), true));
            }
            else
            {
                var end = LineEnd(text, i);
                var raw = text.Substring(i, end - i);
                var comment = IndexOfComment(raw);
                if (comment >= 0)
                {
                    raw = raw.Substring(0, comment);
                }
                raw = raw.TrimEnd(' ', '\t');
                value = Substitute(raw, Lookup, false);
                entries.Add(
                    new EnvFileEntry(key, value, keySpan, map.Span(valueStart, valueStart + raw.Length), false));
                i = end;
            }
            known[key] = value;
        }
        return new EnvFile(entries, errors);
    }

    private static string? SafeLookup(Func<string, string?>? environment, string name)
    {
        try
        {
            return environment?.Invoke(name);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return null;
        }
    }

    private static string Substitute(string value, Func<string, string?> lookup, bool quoted)
    {
        if (value.IndexOf('$') < 0)
        {
            return value;
        }
        // compose's .env substitution: like the compose file, but an unparseable '$' stays as written.
        var result = ComposeInterpolation.Interpolate(value, lookup);
        return result.Errors.Count == 0 ? result.Value : value;
    }

    private static string Unescape(string value)
    {
        if (value.IndexOf('\\') < 0)
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\\' || i + 1 >= value.Length)
            {
                builder.Append(c);
                continue;
            }
            var next = value[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '$': builder.Append("$$"); break;
                default: builder.Append('\\').Append(next); break;
            }
        }
        return builder.ToString();
    }

    private static int FindClosingQuote(string text, int from, char quote)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                continue;
            }
            if (text[i] == quote)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The start of an inline comment: a <c>#</c> at the start or after a blank.</summary>
    private static int IndexOfComment(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && (i == 0 || raw[i - 1] == ' ' || raw[i - 1] == '\t'))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool StartsWithWord(string text, int at, string word) =>
        string.CompareOrdinal(text, at, word, 0, word.Length) == 0 && at + word.Length < text.Length &&
        (text[at + word.Length] == ' ' || text[at + word.Length] == '\t');

    private static bool IsKeyEnd(char c) => c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
        || c == '#';

    /// <summary>Compose accepts letters, digits, <c>_</c>, <c>.</c>, <c>-</c> and <c>[]</c> in names.</summary>
    private static bool IsValidKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']'))
            {
                return false;
            }
        }
        return true;
    }

    private static int SkipBlank(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }
        return i;
    }

    private static int LineEnd(string text, int i)
    {
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }
        return i;
    }
}
