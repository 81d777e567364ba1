using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// A parsed <c>.dockerignore</c> with BuildKit's (moby patternmatcher) semantics: comment lines, patterns cleaned
/// (leading <c>/</c> and <c>./</c> removed), <c>*</c> and <c>?</c> (not crossing '/'), <c>**</c> (any depth),
/// <c>[...]</c>, <c>\</c> escapes, <c>!</c> exceptions, the last matching pattern wins, and a pattern matching a
/// directory excludes everything under it.
/// </summary>
public sealed class DockerIgnore
{
    internal DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns, IReadOnlyList<DockerfileError> errors)
    {
        Patterns = patterns;
        Errors = errors;
    }

    /// <summary>The valid patterns in file order.</summary>
    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }
    /// <summary>Patterns BuildKit rejects (a lone <c>!</c>, an unclosed <c>[</c>); they are not in
    /// <see cref="Patterns"/>.</summary>
    public IReadOnlyList<DockerfileError> Errors { get; }
    public bool HasExceptions => Patterns.Count > 0 && FindException() != null;

    /// <summary>True when the path (relative to the build context, '/' or '\' separated) is left out of the
    /// context.</summary>
    public bool IsExcluded(string relativePath) => DecidingPattern(relativePath)?.IsException == false;

    /// <summary>The last pattern that decides the path's fate (an exclusion or an exception), or null when none
    /// matches.</summary>
    public DockerIgnorePattern? DecidingPattern(string relativePath)
    {
        var file = DockerIgnorePattern.Clean(relativePath.Replace('\\', '/'));
        if (file.StartsWith("/", StringComparison.Ordinal))
        {
            file = file.TrimStart('/');
        }
        if (file.Length == 0 || file == ".")
        {
            return null;
        }
        var slash = file.LastIndexOf('/');
        var parentDirs = slash < 0 ? Array.Empty<string>() : file.Substring(0, slash).Split('/');
        var matched = false;
        DockerIgnorePattern? deciding = null;
        foreach (var pattern in Patterns)
        {
            if (pattern.IsException != matched)
            {
                continue;
            }
            var match = pattern.Matches(file);
            if (!match)
            {
                var parent = new StringBuilder();
                foreach (var dir in parentDirs)
                {
                    if (parent.Length > 0)
                    {
                        parent.Append('/');
                    }
                    parent.Append(dir);
                    if (pattern.Matches(parent.ToString()))
                    {
                        match = true;
                        break;
                    }
                }
            }
            if (match)
            {
                matched = !pattern.IsException;
                deciding = pattern;
            }
        }
        return deciding;
    }

    private DockerIgnorePattern? FindException()
    {
        foreach (var pattern in Patterns)
        {
            if (pattern.IsException)
            {
                return pattern;
            }
        }
        return null;
    }
}

/// <summary>One line of a <c>.dockerignore</c>.</summary>
public sealed class DockerIgnorePattern
{
    private enum MatchType
    {
        Exact,
        Prefix,
        Suffix,
        Regex,
    }

    private readonly MatchType _type;
    private readonly Regex? _regex;

    private DockerIgnorePattern(
        string text, string pattern, bool isException, SourceSpan span, MatchType type, Regex? regex)
    {
        Text = text;
        Pattern = pattern;
        IsException = isException;
        Span = span;
        _type = type;
        _regex = regex;
    }

    /// <summary>The line as written, trimmed.</summary>
    public string Text { get; }
    /// <summary>The cleaned pattern, without the leading <c>!</c>.</summary>
    public string Pattern { get; }
    /// <summary>True for <c>!pattern</c>: re-includes what earlier patterns excluded.</summary>
    public bool IsException { get; }
    public SourceSpan Span { get; }

    /// <summary>True when the pattern itself matches the cleaned relative path (parents are not considered).</summary>
    public bool Matches(string path)
    {
        switch (_type)
        {
            case MatchType.Exact:
                return path == Pattern;
            case MatchType.Prefix:
                return path.StartsWith(Pattern.Substring(0, Pattern.Length - 2), StringComparison.Ordinal);
            case MatchType.Suffix:
            {
                var suffix = Pattern.Substring(2);
                if (path.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
                return suffix.Length > 0 && suffix[0] == '/' && path == suffix.Substring(1);
            }
            default:
                try
                {
                    return _regex!.IsMatch(path);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }
        }
    }

    internal static DockerIgnorePattern? Create(
        string text, string pattern, bool isException, SourceSpan span, out string? error)
    {
        error = null;
        var regex = new StringBuilder("^");
        var type = MatchType.Exact;
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    var first = i == 0;
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }
                    if (i + 1 >= pattern.Length)
                    {
                        if (type == MatchType.Exact)
                        {
                            type = MatchType.Prefix;
                        }
                        else
                        {
                            regex.Append(".*");
                            type = MatchType.Regex;
                        }
                    }
                    else
                    {
                        regex.Append("(.*/)?");
                        type = MatchType.Regex;
                    }
                    if (first)
                    {
                        type = MatchType.Suffix;
                    }
                }
                else
                {
                    regex.Append("[^/]*");
                    type = MatchType.Regex;
                }
            }
            else if (ch == '?')
            {
                regex.Append("[^/]");
                type = MatchType.Regex;
            }
            else if (".+()|{}$".IndexOf(ch) >= 0)
            {
                regex.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else
                {
                    regex.Append("\\\\");
                }
            }
            else if (ch == '[' || ch == ']')
            {
                regex.Append(ch);
                type = MatchType.Regex;
            }
            else
            {
                regex.Append(ch);
            }
        }
        regex.Append('$');
        Regex? compiled = null;
        if (type == MatchType.Regex || !IsValidGlob(pattern))
        {
            if (!IsValidGlob(pattern))
            {
                error = $"syntax error in pattern '{text}'";
                return null;
            }
            try
            {
                compiled = new Regex(
                    regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                error = $"syntax error in pattern '{text}'";
                return null;
            }
        }
        return new DockerIgnorePattern(text, pattern, isException, span, type, compiled);
    }

    /// <summary>Go's filepath.Match syntax check: brackets closed and not empty, no trailing lone escape inside a
    /// class.</summary>
    private static bool IsValidGlob(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\')
            {
                i++;
                continue;
            }
            if (ch != '[')
            {
                continue;
            }
            i++;
            if (i < pattern.Length && pattern[i] == '^')
            {
                i++;
            }
            var ranges = 0;
            while (true)
            {
                if (i >= pattern.Length)
                {
                    return false;
                }
                if (pattern[i] == ']' && ranges > 0)
                {
                    break;
                }
                if (!SkipClassChar(pattern, ref i))
                {
                    return false;
                }
                if (i < pattern.Length && pattern[i] == '-')
                {
                    i++;
                    if (!SkipClassChar(pattern, ref i))
                    {
                        return false;
                    }
                }
                ranges++;
            }
        }
        return true;
    }

    private static bool SkipClassChar(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return false;
        }
        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return false;
            }
        }
        i++;
        return true;
    }

    /// <summary>Go's <c>path.Clean</c>: collapses '//' and '.', resolves '..', drops a trailing '/'.</summary>
    internal static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join("/", parts);
        if (rooted)
        {
            return "/" + joined;
        }
        return joined.Length == 0 ? "." : joined;
    }
}

/// <summary>Parses <c>.dockerignore</c> text. Never throws.</summary>
public static class DockerIgnoreParser
{
    /// <summary>Texts longer than this are not read (one error, no patterns): the same bound as the other artifact
    /// parsers.</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    public static DockerIgnore Parse(string text)
    {
        text ??= string.Empty;
        var patterns = new List<DockerIgnorePattern>();
        var errors = new List<DockerfileError>();
        if (text.Length > MaxLength)
        {
            errors.Add(
                new DockerfileError(
                $"the file is larger than {MaxLength / (1024 * 1024)} MB and was not read",
                new SourceSpan(0, 0, 1, 1, 1, 1)));
            return new DockerIgnore(patterns, errors);
        }
        var map = new LineMap(text);
        var start = 0;
        var first = true;
        while (start < text.Length && patterns.Count < 100_000)
        {
            var newline = text.IndexOf('\n', start);
            var stop = newline < 0 ? text.Length : newline;
            var line = text.Substring(start, stop - start);
            var lineStart = start;
            start = stop + 1;
            if (first && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1);
                lineStart++;
            }
            first = false;
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            var offset = lineStart + line.IndexOf(trimmed, StringComparison.Ordinal);
            var span = map.Span(offset, offset + trimmed.Length);
            var pattern = trimmed;
            var isException = pattern[0] == '!';
            if (isException)
            {
                pattern = pattern.Substring(1).Trim();
            }
            if (pattern.Length > 0)
            {
                pattern = DockerIgnorePattern.Clean(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern.Substring(1);
                }
            }
            if (isException && pattern.Length == 0)
            {
                errors.Add(new DockerfileError("illegal exclusion pattern: \"!\"", span));
                continue;
            }
            var created = DockerIgnorePattern.Create(trimmed, pattern, isException, span, out var error);
            if (created == null)
            {
                errors.Add(new DockerfileError(error ?? "invalid pattern", span));
                continue;
            }
            patterns.Add(created);
        }
        return new DockerIgnore(patterns, errors);
    }
}
