using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>The kind of a <see cref="ComposeNode"/>.</summary>
public enum ComposeNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A file a compose node was read from: its path (null for a text parsed without one) and the folder its relative
/// paths resolve from (the project directory, or the file's own folder for a file reached through <c>extends</c>).
/// </summary>
public sealed class ComposeSource
{
    private LineMap? _lines;

    internal ComposeSource(string? path, string? baseDirectory, string text)
    {
        Path = path;
        BaseDirectory = baseDirectory;
        Text = text;
    }

    /// <summary>The file, or null when the text was parsed without a path.</summary>
    public string? Path { get; }

    /// <summary>The folder relative paths written in this file resolve from; null when unknown.</summary>
    public string? BaseDirectory { get; }

    internal string Text { get; }

    internal LineMap Lines => _lines ??= new LineMap(Text);

    internal SourceSpan Span(long start, long end) => Lines.Span((int)start, (int)end);

    internal ComposeSource WithBaseDirectory(string? baseDirectory) =>
        new ComposeSource(Path, baseDirectory, Text) { _lines = _lines };
}

/// <summary>
/// A node of a compose YAML document after anchors, aliases and <c>&lt;&lt;</c> merge keys are resolved. Aliased
/// nodes are shared, never copied, so the nodes form a graph without cycles whose size is bounded by the text.
/// </summary>
public abstract class ComposeNode
{
    private protected ComposeNode(ComposeSource source, SourceSpan span, string? tag)
    {
        Source = source;
        Span = span;
        Tag = tag;
    }

    public ComposeSource Source { get; }

    /// <summary>The file the node is written in (null for a text parsed without a path).</summary>
    public string? SourceFile => Source.Path;

    public SourceSpan Span { get; }

    /// <summary>An explicit tag such as <c>!reset</c> or <c>!override</c>; null when none.</summary>
    public string? Tag { get; }

    /// <summary>The node's text as written in its file (quotes, escapes and folding included); empty when
    /// unknown.</summary>
    public string Written =>
        Span.Start >= 0 && Span.Length > 0
            && Span.End <= Source.Text.Length ? Source.Text.Substring(Span.Start, Span.Length) : string.Empty;

    /// <summary>
    /// Where <paramref name="part"/> is written inside the node (its first occurrence from
    /// <paramref name="startIndex"/> of
    /// <see cref="Written"/>), to locate a part of a value precisely; null when it is not written verbatim (escapes,
    /// folding).
    /// </summary>
    public SourceSpan? FindWritten(string part, int startIndex = 0)
    {
        var written = Written;
        var at = startIndex >= 0 && startIndex <= written.Length
            && part.Length > 0 ? written.IndexOf(part, startIndex, StringComparison.Ordinal) : -1;
        return at < 0 ? null : Source.Span(Span.Start + at, Span.Start + at + part.Length);
    }

    public abstract ComposeNodeKind Kind { get; }

    /// <summary>True for <c>!reset</c>: the value removes what a merged file or an extended service set.</summary>
    public bool IsReset => Tag == "!reset";

    /// <summary>True for <c>!override</c>: the value replaces what a merged file or an extended service set.</summary>
    public bool IsOverride => Tag == "!override";

    /// <summary>"a string", "a mapping" or "a list", for messages.</summary>
    public string Description => Kind switch
    {
        ComposeNodeKind.Mapping => "a mapping",
        ComposeNodeKind.Sequence => "a list",
        _ => ((ComposeScalar)this).IsNull ? "null" : "a string",
    };
}

/// <summary>A scalar: a string, number, boolean or null as written.</summary>
public sealed class ComposeScalar : ComposeNode
{
    internal ComposeScalar(
        ComposeSource source, SourceSpan span, string? tag, string value, string rawValue, bool isNull, bool isQuoted)
        : base(source, span, tag)
    {
        Value = value;
        RawValue = rawValue;
        IsNull = isNull;
        IsQuoted = isQuoted;
    }

    public override ComposeNodeKind Kind => ComposeNodeKind.Scalar;

    /// <summary>The value: interpolated when the file was loaded with variables, otherwise as written.</summary>
    public string Value { get; }

    /// <summary>The value as written in the file, before interpolation.</summary>
    public string RawValue { get; }

    /// <summary>True for an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull { get; }

    /// <summary>True when the scalar is single- or double-quoted (or a block scalar): it is a string, never a
    /// number.</summary>
    public bool IsQuoted { get; }

    /// <summary>The value, or null for a null scalar.</summary>
    public string? Text => IsNull ? null : Value;

    internal ComposeScalar WithValue(string value) =>
        new ComposeScalar(Source, Span, Tag, value, RawValue, IsNull, IsQuoted);

    /// <summary>A synthetic scalar placed at this scalar's position (used when a mapping entry becomes a KEY=VALUE list
    /// item).</summary>
    internal static ComposeScalar Synthetic(ComposeNode at, string value) =>
        new ComposeScalar(at.Source, at.Span, null, value, value, false, true);

    public override string ToString() => Value;
}

/// <summary>One <c>key: value</c> of a mapping.</summary>
public sealed class ComposeMappingEntry
{
    internal ComposeMappingEntry(ComposeScalar key, ComposeNode value)
    {
        Key = key;
        Value = value;
    }

    public ComposeScalar Key { get; }
    public ComposeNode Value { get; }
    public string Name => Key.Value;

    /// <summary>
    /// Where the value was written as an alias (<c>key: *anchor</c>) in the file as read; null otherwise. The value's
    /// own
    /// span is the anchor's, shared by every use: problems of this use are reported here.
    /// </summary>
    internal SourceSpan? ValueAlias { get; set; }
}

/// <summary>A mapping with unique keys, in the order written.</summary>
public sealed class ComposeMapping : ComposeNode
{
    private Dictionary<string, int>? _index;

    internal ComposeMapping(
        ComposeSource source, SourceSpan span, string? tag, IReadOnlyList<ComposeMappingEntry> entries)
        : base(source, span, tag)
    {
        Entries = entries;
    }

    public override ComposeNodeKind Kind => ComposeNodeKind.Mapping;

    public IReadOnlyList<ComposeMappingEntry> Entries { get; }

    /// <summary>The value of a key, or null when the key is absent.</summary>
    public ComposeNode? this[string key] => Find(key)?.Value;

    /// <summary>The entry of a key, or null when the key is absent.</summary>
    public ComposeMappingEntry? Find(string key)
    {
        if (Entries.Count <= 8)
        {
            foreach (var entry in Entries)
            {
                if (entry.Name == key)
                {
                    return entry;
                }
            }
            return null;
        }
        if (_index == null)
        {
            var index = new Dictionary<string, int>(Entries.Count, System.StringComparer.Ordinal);
            for (var i = 0; i < Entries.Count; i++)
            {
                index[Entries[i].Name] = i;
            }
            _index = index;
        }
        return _index.TryGetValue(key, out var at) ? Entries[at] : null;
    }

    internal ComposeMapping WithEntries(IReadOnlyList<ComposeMappingEntry> entries, string? tag = null) =>
        new ComposeMapping(Source, Span, tag, entries);
}

/// <summary>A list.</summary>
public sealed class ComposeSequence : ComposeNode
{
    internal ComposeSequence(ComposeSource source, SourceSpan span, string? tag, IReadOnlyList<ComposeNode> items)
        : base(source, span, tag)
    {
        Items = items;
    }

    public override ComposeNodeKind Kind => ComposeNodeKind.Sequence;

    public IReadOnlyList<ComposeNode> Items { get; }

    internal ComposeSequence WithItems(IReadOnlyList<ComposeNode> items, string? tag = null) =>
        new ComposeSequence(Source, Span, tag, items);
}
