using System;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace Preflight.Artifacts.Text;

/// <summary>
/// A path glob as repository tools write them (preflight.yaml <c>files</c>/<c>forbid</c>, vercel.json
/// <c>functions</c>):
/// <c>*</c> (any characters but <c>/</c>), <c>?</c>, <c>**</c> (any folders, including none), <c>{a,b}</c>,
/// <c>[abc]</c>/<c>[!a]</c>. Matched against '/'-separated paths relative to the glob's base folder. A leading
/// <c>./</c> or <c>/</c> is ignored. Case-sensitive, as Linux file systems are. Never throws.
/// </summary>
public sealed class PathGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Longer globs are not compiled (no path is longer; a huge pattern only costs time): they match
    /// nothing.</summary>
    public const int MaxLength = 4096;

    private readonly Regex? _regex;
    private int _timedOut;

    private PathGlob(string pattern, Regex? regex, string literalPrefix, bool hasWildcards)
    {
        Pattern = pattern;
        _regex = regex;
        LiteralPrefix = literalPrefix;
        HasWildcards = hasWildcards;
    }

    /// <summary>The glob as written.</summary>
    public string Pattern { get; }

    /// <summary>The leading folders without wildcards (e.g. <c>api/v1</c> for <c>api/v1/**/*.ts</c>); empty when the
    /// first segment has one.</summary>
    public string LiteralPrefix { get; }

    /// <summary>True when the glob has a wildcard; false for a plain path.</summary>
    public bool HasWildcards { get; }

    /// <summary>False when the glob could not be compiled (then it matches nothing).</summary>
    public bool IsValid => _regex != null;

    /// <summary>
    /// True once a match took longer than the timeout: from then on the glob matches nothing without trying, so a
    /// pathological glob costs one timeout, not one per file of the repository. Its "no match" answers are unknowns.
    /// </summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) != 0;

    public static PathGlob Parse(string pattern)
    {
        pattern ??= string.Empty;
        var text = pattern.Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text.Substring(2);
        }
        text = text.TrimStart('/');
        var hasWildcards = text.IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0;
        var prefix = LiteralFolders(text);
        if (text.Length > MaxLength)
        {
            return new PathGlob(pattern, null, prefix, hasWildcards);
        }
        try
        {
            var regex = new Regex("^" + Translate(text) + "$", RegexOptions.CultureInvariant, MatchTimeout);
            return new PathGlob(pattern, regex, prefix, hasWildcards);
        }
        catch (ArgumentException)
        {
            return new PathGlob(pattern, null, prefix, hasWildcards);
        }
    }

    /// <summary>True when <paramref name="relativePath"/> ('/'-separated, relative to the glob's base)
    /// matches.</summary>
    public bool IsMatch(string relativePath)
    {
        if (_regex == null || relativePath == null || TimedOut)
        {
            return false;
        }
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }
        try
        {
            return _regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            Volatile.Write(ref _timedOut, 1);
            return false;
        }
    }

    private static string LiteralFolders(string text)
    {
        var segments = text.Split('/');
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0)
            {
                break;
            }
            if (builder.Length > 0)
            {
                builder.Append('/');
            }
            builder.Append(segments[i]);
        }
        return builder.ToString();
    }

    private static string Translate(string glob)
    {
        var builder = new StringBuilder();
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        var atSegmentStart = i == 0 || glob[i - 1] == '/';
                        var j = i + 2;
                        while (j < glob.Length && glob[j] == '*')
                        {
                            j++;
                        }
                        if (atSegmentStart && j < glob.Length && glob[j] == '/')
                        {
                            // "**/": any number of folders, including none ("**/**/" is the same, and written once
                            // it cannot backtrack exponentially).
                            if (!EndsWith(builder, AnyFolders))
                            {
                                builder.Append(AnyFolders);
                            }
                            i = j;
                        }
                        else if (atSegmentStart && j == glob.Length)
                        {
                            // Trailing "**": everything below.
                            builder.Append(".*");
                            i = j - 1;
                        }
                        else
                        {
                            builder.Append("[^/]*");
                            i = j - 1;
                        }
                    }
                    else
                    {
                        builder.Append("[^/]*");
                    }
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '[':
                {
                    var close = glob.IndexOf(']', i + 2 <= glob.Length ? i + 2 : glob.Length);
                    if (close < 0)
                    {
                        builder.Append("\\[");
                        break;
                    }
                    var body = glob.Substring(i + 1, close - i - 1);
                    var negate = body.StartsWith("!", StringComparison.Ordinal)
                        || body.StartsWith("^", StringComparison.Ordinal);
                    if (negate)
                    {
                        body = body.Substring(1);
                    }
                    builder.Append(negate ? "[^/" : "[").Append(body.Replace("\\", "\\\\").Replace("[", "\\["))
                        .Append(']');
                    i = close;
                    break;
                }
                case '{':
                    braces++;
                    builder.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    builder.Append(')');
                    break;
                case ',' when braces > 0:
                    builder.Append('|');
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        while (braces-- > 0)
        {
            builder.Append(')');
        }
        return builder.ToString();
    }

    private const string AnyFolders = "(?:[^/]+/)*";

    private static bool EndsWith(StringBuilder builder, string value) =>
        builder.Length >= value.Length && builder.ToString(builder.Length - value.Length, value.Length) == value;

    public override string ToString() => Pattern;
}
