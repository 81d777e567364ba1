using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Preflight.Artifacts.EditorConfig;

/// <summary>
/// An .editorconfig section glob, compiled as Roslyn compiles it: matched against the path relative to the config's
/// folder, starting with '/'. <c>*</c> is any characters but '/', <c>**</c> any characters, <c>?</c> one character,
/// <c>[abc]</c>/<c>[!a]</c>/<c>[a-z]</c> a class, <c>{a,b}</c> alternatives, <c>{1..10}</c> an integer range, <c>\</c>
/// escapes. A glob without '/' matches a file name at any depth. Case-sensitive.
/// </summary>
internal sealed class EditorConfigSectionMatcher
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex _regex;
    private readonly List<(int Min, int Max)> _ranges;

    private EditorConfigSectionMatcher(Regex regex, List<(int Min, int Max)> ranges)
    {
        _regex = regex;
        _ranges = ranges;
    }

    /// <summary>The matcher, or null when the glob is malformed (the section then applies to nothing, as in
    /// Roslyn).</summary>
    public static EditorConfigSectionMatcher? TryCreate(string sectionName)
    {
        var builder = new StringBuilder("^");
        if (sectionName.IndexOf('/') < 0)
        {
            builder.Append(".*/");
        }
        else if (!sectionName.StartsWith("/", StringComparison.Ordinal))
        {
            builder.Append('/');
        }
        var ranges = new List<(int, int)>();
        var reader = new GlobReader(sectionName);
        if (!reader.TryTranslate(builder, ranges, inBraces: false) || !reader.AtEnd)
        {
            return null;
        }
        builder.Append('$');
        try
        {
            return new EditorConfigSectionMatcher(
                new Regex(builder.ToString(), RegexOptions.CultureInvariant, MatchTimeout), ranges);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary><paramref name="relativePath"/> starts with '/' (the config's folder is the root).</summary>
    public bool IsMatch(string relativePath)
    {
        try
        {
            var match = _regex.Match(relativePath);
            if (!match.Success)
            {
                return false;
            }
            for (var i = 0; i < _ranges.Count; i++)
            {
                var captured = match.Groups[i + 1].Value;
                if (!int.TryParse(
                    captured, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ||
                    number < _ranges[i].Min || number > _ranges[i].Max)
                {
                    return false;
                }
            }
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private sealed class GlobReader
    {
        private readonly string _glob;
        private int _position;

        public GlobReader(string glob) => _glob = glob;

        public bool AtEnd => _position >= _glob.Length;

        /// <summary>Translates up to the end (or, in braces, up to the ',' or '}' that ends the alternative).</summary>
        public bool TryTranslate(StringBuilder builder, List<(int, int)> ranges, bool inBraces)
        {
            while (_position < _glob.Length)
            {
                var c = _glob[_position];
                if (inBraces && (c == ',' || c == '}'))
                {
                    return true;
                }
                _position++;
                switch (c)
                {
                    case '*':
                        if (_position < _glob.Length && _glob[_position] == '*')
                        {
                            _position++;
                            builder.Append(".*");
                        }
                        else
                        {
                            builder.Append("[^/]*");
                        }
                        break;
                    case '?':
                        builder.Append('.');
                        break;
                    case '[':
                        if (!TryCharacterClass(builder))
                        {
                            return false;
                        }
                        break;
                    case '{':
                        if (!TryBraces(builder, ranges))
                        {
                            return false;
                        }
                        break;
                    case '\\':
                        if (_position >= _glob.Length)
                        {
                            return false;
                        }
                        builder.Append(Regex.Escape(_glob[_position++].ToString()));
                        break;
                    default:
                        builder.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            return !inBraces;
        }

        private bool TryCharacterClass(StringBuilder builder)
        {
            var close = _glob.IndexOf(']', _position);
            if (close < 0)
            {
                return false;
            }
            var body = _glob.Substring(_position, close - _position);
            _position = close + 1;
            var negate = body.StartsWith("!", StringComparison.Ordinal);
            if (negate)
            {
                body = body.Substring(1);
            }
            builder.Append(negate ? "[^" : "[");
            foreach (var ch in body)
            {
                builder.Append(
                    ch == '-' ? "-" : ch == '\\' || ch == '[' || ch == ']' || ch == '^' ? "\\" + ch : ch.ToString());
            }
            builder.Append(']');
            return true;
        }

        private bool TryBraces(StringBuilder builder, List<(int, int)> ranges)
        {
            var close = _glob.IndexOf('}', _position);
            if (close > _position && TryRange(_glob.Substring(_position, close - _position), out var range))
            {
                _position = close + 1;
                ranges.Add(range);
                builder.Append("(-?[0-9]+)");
                return true;
            }
            builder.Append("(?:");
            while (true)
            {
                if (!TryTranslate(builder, ranges, inBraces: true) || _position >= _glob.Length)
                {
                    return false;
                }
                if (_glob[_position++] == '}')
                {
                    builder.Append(')');
                    return true;
                }
                builder.Append('|');
            }
        }

        private static bool TryRange(string body, out (int, int) range)
        {
            range = default;
            var dots = body.IndexOf("..", StringComparison.Ordinal);
            if (dots <= 0 ||
                !int.TryParse(
                    body.Substring(0, dots), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                    out var first) ||
                !int.TryParse(
                    body.Substring(dots + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                    out var second))
            {
                return false;
            }
            range = (Math.Min(first, second), Math.Max(first, second));
            return true;
        }
    }
}
