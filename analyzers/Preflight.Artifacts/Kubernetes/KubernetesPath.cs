using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Kubernetes;

/// <summary>
/// Dotted paths into a YAML document, as written in preflight.yaml policies:
/// <c>spec.template.spec.nodeSelector</c>, <c>metadata.labels."kubernetes.io/hostname"</c> (a quoted segment may
/// hold dots; <c>"</c> quotes take <c>\"</c> and <c>\\</c>, <c>'</c> quotes take <c>''</c>), and sequence indexes
/// <c>spec.containers[0].image</c> (or <c>spec.containers.0.image</c>). The empty path is the document itself.
/// </summary>
public static class KubernetesPath
{
    /// <summary>Paths longer than this are refused (no path in a manifest is that deep).</summary>
    public const int MaxSegments = 128;

    /// <summary>Splits a path into segments; false with an error message when the path is malformed.</summary>
    public static bool TryParse(string? path, out IReadOnlyList<KubernetesPathSegment> segments, out string? error)
    {
        var result = new List<KubernetesPathSegment>();
        segments = result;
        error = null;
        if (path == null)
        {
            error = "the path is missing";
            return false;
        }
        var i = 0;
        var n = path.Length;
        if (n == 0)
        {
            return true;
        }
        var expectSegment = true;
        while (i < n)
        {
            if (result.Count >= MaxSegments)
            {
                error = $"the path has more than {MaxSegments} segments";
                return false;
            }
            var c = path[i];
            if (expectSegment)
            {
                if (c == '"' || c == '\'')
                {
                    var quote = c;
                    var text = new StringBuilder();
                    i++;
                    var closed = false;
                    while (i < n)
                    {
                        var d = path[i];
                        if (quote == '"' && d == '\\' && i + 1 < n && (path[i + 1] == '"' || path[i + 1] == '\\'))
                        {
                            text.Append(path[i + 1]);
                            i += 2;
                            continue;
                        }
                        if (d == quote)
                        {
                            if (quote == '\'' && i + 1 < n && path[i + 1] == '\'')
                            {
                                text.Append('\'');
                                i += 2;
                                continue;
                            }
                            closed = true;
                            i++;
                            break;
                        }
                        text.Append(d);
                        i++;
                    }
                    if (!closed)
                    {
                        error = $"unterminated {quote} quote in '{path}'";
                        return false;
                    }
                    result.Add(new KubernetesPathSegment(text.ToString(), null, true));
                }
                else if (c == '[')
                {
                    if (result.Count == 0 && i != 0)
                    {
                        error = $"empty segment in '{path}'";
                        return false;
                    }
                    // An index right after a dot: "a.[0]" is read as "a[0]".
                    if (!TryReadIndex(path, ref i, result, out error))
                    {
                        return false;
                    }
                }
                else
                {
                    var start = i;
                    while (i < n && path[i] != '.' && path[i] != '[' && path[i] != '"' && path[i] != '\''
                        && path[i] != ']')
                    {
                        i++;
                    }
                    if (i == start)
                    {
                        error = $"empty segment in '{path}'";
                        return false;
                    }
                    if (i < n && (path[i] == '"' || path[i] == '\'' || path[i] == ']'))
                    {
                        error = $"unexpected '{path[i]}' in '{path}' (quote the whole segment)";
                        return false;
                    }
                    result.Add(new KubernetesPathSegment(path.Substring(start, i - start), null, false));
                }
                expectSegment = false;
                continue;
            }
            if (c == '[')
            {
                if (!TryReadIndex(path, ref i, result, out error))
                {
                    return false;
                }
                continue;
            }
            if (c == '.')
            {
                i++;
                if (i == n)
                {
                    error = $"the path '{path}' ends with a dot";
                    return false;
                }
                expectSegment = true;
                continue;
            }
            error = $"expected '.' or '[' after a quoted segment in '{path}'";
            return false;
        }
        return true;
    }

    private static bool TryReadIndex(string path, ref int i, List<KubernetesPathSegment> result, out string? error)
    {
        error = null;
        var close = path.IndexOf(']', i);
        if (close < 0)
        {
            error = $"unterminated '[' in '{path}'";
            return false;
        }
        var digits = path.Substring(i + 1, close - i - 1).Trim();
        if (digits.Length == 0 || digits.Length > 9
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            error = $"'[{digits}]' is not an index in '{path}' (use [0], [1], ...)";
            return false;
        }
        result.Add(new KubernetesPathSegment(null, index, false));
        i = close + 1;
        return true;
    }

    /// <summary>Looks <paramref name="path"/> up from <paramref name="root"/>; never throws.</summary>
    public static KubernetesPathMatch Find(LineMap map, YamlNode root, string path)
    {
        if (!TryParse(path, out var segments, out var error))
        {
            return new KubernetesPathMatch(
                path, false, error, false, null, YamlExtent.FullSpan(map, root), default, 0, false);
        }
        var node = root;
        SourceSpan keySpan = default;
        for (var index = 0; index < segments.Count; index++)
        {
            var segment = segments[index];
            YamlNode? next = null;
            SourceSpan nextKeySpan = default;
            if (node is YamlMappingNode mapping && segment.Key is { } key)
            {
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
                    {
                        next = entry.Value;
                        nextKeySpan = YamlDocumentLoader.SpanOf(map, entry.Key);
                        break;
                    }
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                var position = segment.Index ?? (!segment.IsQuoted && segment.Key != null &&
                    int.TryParse(segment.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed : -1);
                if (position >= 0 && position < sequence.Children.Count)
                {
                    next = sequence.Children[position];
                    nextKeySpan = YamlDocumentLoader.SpanOf(map, next);
                }
            }
            if (next == null)
            {
                var at = index == 0 ? YamlExtent.FullSpan(map, root)
                    : (keySpan.IsEmpty ? YamlDocumentLoader.SpanOf(map, node) : keySpan);
                return new KubernetesPathMatch(path, true, null, false, null, at, default, index, false);
            }
            node = next;
            keySpan = nextKeySpan;
        }
        var isEmpty = node.IsNullScalar() ||
            (node is YamlScalarNode s && string.IsNullOrEmpty(s.Value)) ||
            (node is YamlMappingNode m && m.Children.Count == 0) ||
            (node is YamlSequenceNode q && q.Children.Count == 0);
        return new KubernetesPathMatch(
            path, true, null, true, node, YamlExtent.FullSpan(map, node), keySpan, segments.Count, isEmpty);
    }
}

/// <summary>One segment of a <see cref="KubernetesPath"/>: a mapping key, or a sequence index.</summary>
public readonly struct KubernetesPathSegment
{
    internal KubernetesPathSegment(string? key, int? index, bool isQuoted)
    {
        Key = key;
        Index = index;
        IsQuoted = isQuoted;
    }

    /// <summary>The key; null for an index written <c>[n]</c>.</summary>
    public string? Key { get; }

    /// <summary>The index of <c>[n]</c>; null for a key.</summary>
    public int? Index { get; }

    /// <summary>True when the key was quoted (then it is never read as an index).</summary>
    public bool IsQuoted { get; }

    public override string ToString() => Key ?? "[" + Index?.ToString(CultureInfo.InvariantCulture) + "]";
}

/// <summary>The result of looking a path up.</summary>
public sealed class KubernetesPathMatch
{
    internal KubernetesPathMatch(
        string path, bool isValidPath, string? error, bool exists, YamlNode? node, SourceSpan span, SourceSpan keySpan,
        int matchedSegments, bool isEmpty)
    {
        Path = path;
        IsValidPath = isValidPath;
        Error = error;
        Exists = exists;
        Node = node;
        Span = span;
        KeySpan = keySpan;
        MatchedSegments = matchedSegments;
        IsEmpty = isEmpty;
    }

    internal static KubernetesPathMatch NoDocument(string path) =>
        new KubernetesPathMatch(
            path, KubernetesPath.TryParse(path, out _, out var error), error ?? "there is no such document", false,
            null, default, default, 0, false);

    public string Path { get; }

    /// <summary>False when the path itself is malformed (see <see cref="Error"/>).</summary>
    public bool IsValidPath { get; }

    /// <summary>Why the path is malformed; null otherwise.</summary>
    public string? Error { get; }

    /// <summary>True when every segment was found (the value may still be empty: see <see cref="IsEmpty"/>).</summary>
    public bool Exists { get; }

    /// <summary>The node found; null when the path does not exist.</summary>
    public YamlNode? Node { get; }

    /// <summary>The value found; when the path does not exist, the deepest part of it that does (the document when
    /// nothing does).</summary>
    public SourceSpan Span { get; }

    /// <summary>The key of the last segment found (the item itself for an index); empty for the document
    /// root.</summary>
    public SourceSpan KeySpan { get; }

    /// <summary>How many leading segments were found.</summary>
    public int MatchedSegments { get; }

    /// <summary>True when the value exists but is null, an empty string, <c>{}</c> or <c>[]</c>.</summary>
    public bool IsEmpty { get; }
}
