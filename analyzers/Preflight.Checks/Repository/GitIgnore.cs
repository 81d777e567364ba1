using System;
using System.Collections.Generic;
using Preflight.Artifacts;

namespace Preflight.Checks.Repository;

/// <summary>
/// A minimal reading of the repository's .gitignore files, enough to tell that a file is not committed (a local
/// <c>.env</c>, <c>appsettings.Local.json</c>): patterns with <c>*</c>, <c>?</c>, <c>**</c> and <c>[...]</c>, negation,
/// anchoring and directory patterns. The .gitignore files come from the artifacts (the targets glob them).
/// </summary>
internal sealed class GitIgnore
{
    private readonly CheckContext _context;
    private readonly Dictionary<string, List<Pattern>> _byDirectory = new Dictionary<string,
        List<Pattern>>(StringComparer.Ordinal);

    public GitIgnore(CheckContext context)
    {
        _context = context;
        foreach (var path in context.Artifacts)
        {
            if (string.Equals(PathText.GetFileName(path), ".gitignore", StringComparison.Ordinal))
            {
                _byDirectory[PathText.GetDirectory(path)] = new List<Pattern>();
            }
        }
        foreach (var directory in new List<string>(_byDirectory.Keys))
        {
            var text = context.ReadText(PathText.Combine(directory, ".gitignore"));
            if (text != null)
            {
                _byDirectory[directory] = Parse(text);
            }
        }
    }

    /// <summary>True when the last matching pattern of the .gitignore files from the root down to the file's folder
    /// ignores it.</summary>
    public bool IsIgnored(string path)
    {
        if (_byDirectory.Count == 0)
        {
            return false;
        }
        path = PathText.Normalize(path);
        var root = _context.Layout.Root.TrimEnd('/');
        if (!PathText.IsUnder(path, root))
        {
            return false;
        }
        var ignored = false;
        var directory = root;
        var rest = PathText.Relative(root, path).Split('/');
        for (var depth = 0; depth < rest.Length; depth++)
        {
            if (_byDirectory.TryGetValue(directory, out var patterns))
            {
                var relative = string.Join("/", rest, depth, rest.Length - depth);
                foreach (var pattern in patterns)
                {
                    if (pattern.Matches(relative))
                    {
                        ignored = !pattern.Negated;
                    }
                }
            }
            directory = directory + "/" + rest[depth];
        }
        return ignored;
    }

    private static List<Pattern> Parse(string text)
    {
        var patterns = new List<Pattern>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ', '\t');
            if (line.Length == 0 || line[0] == '#' || patterns.Count >= 2000)
            {
                continue;
            }
            var negated = line[0] == '!';
            if (negated)
            {
                line = line.Substring(1);
            }
            var directoryOnly = line.EndsWith("/", StringComparison.Ordinal);
            line = line.TrimEnd('/');
            var anchored = line.IndexOf('/') >= 0;
            line = line.TrimStart('/');
            if (line.Length > 0)
            {
                patterns.Add(new Pattern(line, negated, directoryOnly, anchored));
            }
        }
        return patterns;
    }

    private sealed class Pattern
    {
        private readonly string _glob;
        private readonly bool _directoryOnly;
        private readonly bool _anchored;

        public Pattern(string glob, bool negated, bool directoryOnly, bool anchored)
        {
            _glob = glob;
            Negated = negated;
            _directoryOnly = directoryOnly;
            _anchored = anchored;
        }

        public bool Negated { get; }

        /// <summary>Matches a path relative to the .gitignore's folder: the file itself or one of its
        /// folders.</summary>
        public bool Matches(string relative)
        {
            var parts = relative.Split('/');
            if (_anchored)
            {
                // The pattern, or a folder prefix of the path it names.
                for (var count = parts.Length; count >= 1; count--)
                {
                    var isFile = count == parts.Length;
                    if ((!isFile || !_directoryOnly) && Glob(_glob, 0, string.Join("/", parts, 0, count), 0, 0))
                    {
                        return true;
                    }
                }
                return false;
            }
            for (var i = 0; i < parts.Length; i++)
            {
                var isFile = i == parts.Length - 1;
                if ((!isFile || !_directoryOnly) && Glob(_glob, 0, parts[i], 0, 0))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool Glob(string pattern, int p, string text, int t, int depth)
        {
            if (depth > 64)
            {
                return false;
            }
            while (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    var doubleStar = p + 1 < pattern.Length && pattern[p + 1] == '*';
                    var next = p + (doubleStar ? 2 : 1);
                    if (doubleStar && next < pattern.Length && pattern[next] == '/')
                    {
                        // "**/x": x at any depth, including none.
                        if (Glob(pattern, next + 1, text, t, depth + 1))
                        {
                            return true;
                        }
                    }
                    for (var k = t; k <= text.Length; k++)
                    {
                        if (Glob(pattern, next, text, k, depth + 1))
                        {
                            return true;
                        }
                        if (k < text.Length && text[k] == '/' && !doubleStar)
                        {
                            break;
                        }
                    }
                    return false;
                }
                if (t >= text.Length)
                {
                    return false;
                }
                if (c == '?')
                {
                    if (text[t] == '/')
                    {
                        return false;
                    }
                }
                else if (c == '[')
                {
                    var close = pattern.IndexOf(']', p + 1);
                    if (close < 0)
                    {
                        if (text[t] != c)
                        {
                            return false;
                        }
                    }
                    else
                    {
                        if (!InClass(pattern.Substring(p + 1, close - p - 1), text[t]))
                        {
                            return false;
                        }
                        p = close;
                    }
                }
                else if (c == '\\' && p + 1 < pattern.Length)
                {
                    p++;
                    if (text[t] != pattern[p])
                    {
                        return false;
                    }
                }
                else if (text[t] != c)
                {
                    return false;
                }
                p++;
                t++;
            }
            return t == text.Length;
        }

        private static bool InClass(string set, char c)
        {
            var negate = set.Length > 0 && (set[0] == '!' || set[0] == '^');
            var found = false;
            for (var i = negate ? 1 : 0; i < set.Length; i++)
            {
                if (i + 2 < set.Length && set[i + 1] == '-')
                {
                    found |= c >= set[i] && c <= set[i + 2];
                    i += 2;
                }
                else
                {
                    found |= c == set[i];
                }
            }
            return found != negate;
        }
    }
}
