using System;
using System.Collections.Generic;
using System.IO;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Reads YAML text into <see cref="ComposeNode"/>s from YamlDotNet's event parser, without recursion: anchors and
/// aliases become shared nodes, <c>&lt;&lt;</c> merge keys (a mapping or a list of mappings) are applied, duplicate
/// keys
/// and unknown aliases become errors. Never throws.
/// </summary>
internal static class ComposeYamlReader
{
    /// <summary>Texts above this size are refused (no compose file is that large; parsing it would slow every
    /// build).</summary>
    public const int MaxLength = YamlDocumentLoader.MaxLength;

    /// <summary>Deeper nesting is refused: YamlDotNet's scanner slows down quadratically with flow nesting.</summary>
    public const int MaxDepth = 500;

    public static IReadOnlyList<ComposeNode> Read(ComposeSource source, ComposeBudget budget, List<ComposeError> errors)
    {
        var text = source.Text;
        if (text.Length > MaxLength)
        {
            errors.Add(
                new ComposeError(
                $"the file is larger than {MaxLength / (1024 * 1024)} MB and was not read",
                new SourceSpan(0, 0, 1, 1, 1, 1), ComposeErrorKind.Limit, source.Path));
            return Array.Empty<ComposeNode>();
        }
        if (LooksLikeUtf16(text))
        {
            errors.Add(
                new ComposeError(
                "the file looks UTF-16 encoded without a byte-order mark (every other byte is NUL); compose reads " +
                "UTF-8: save it as UTF-8",
                new SourceSpan(0, 0, 1, 1, 1, 1), ComposeErrorKind.Syntax, source.Path));
            return Array.Empty<ComposeNode>();
        }
        var tooDeep = FindExcessiveNesting(text);
        if (tooDeep >= 0)
        {
            errors.Add(
                new ComposeError(
                $"the YAML is nested more than {MaxDepth} levels deep and was not read",
                source.Span(tooDeep, tooDeep + 1), ComposeErrorKind.Limit, source.Path));
            return Array.Empty<ComposeNode>();
        }
        return new Reader(source, budget, errors).Run();
    }

    /// <summary>
    /// True for UTF-16 text without a byte-order mark read as UTF-8: NUL in every other character at the start (ASCII
    /// characters of UTF-16LE or BE). A BOM-marked file is decoded before it gets here.
    /// </summary>
    internal static bool LooksLikeUtf16(string text)
    {
        var length = Math.Min(text.Length, 64);
        if (length < 4)
        {
            return false;
        }
        int even = 0, odd = 0;
        for (var i = 0; i < length; i++)
        {
            if (text[i] == '\0')
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }
        var half = length / 2;
        return even >= half * 3 / 4 && odd == 0 || odd >= half * 3 / 4 && even == 0;
    }

    /// <summary>The offset where flow brackets nest deeper than <see cref="MaxDepth"/>, or -1. Brackets in strings
    /// count too: a harmless over-approximation.</summary>
    private static int FindExcessiveNesting(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '[' || c == '{')
            {
                if (++depth > MaxDepth)
                {
                    return i;
                }
            }
            else if ((c == ']' || c == '}') && depth > 0)
            {
                depth--;
            }
        }
        return -1;
    }

    private sealed class Frame
    {
        public Frame(ParsingEvent start, bool isMapping, string? tag, string? anchor, bool isFlow)
        {
            Start = start;
            IsMapping = isMapping;
            Tag = tag;
            Anchor = anchor;
            IsFlow = isFlow;
        }

        public ParsingEvent Start { get; }
        public bool IsMapping { get; }
        public string? Tag { get; }
        public string? Anchor { get; }
        public bool IsFlow { get; }
        public List<ComposeNode> Items { get; } = new List<ComposeNode>();

        /// <summary>Where an item was written as an alias (<c>*name</c>), by item index; null when none was.</summary>
        public Dictionary<int, SourceSpan>? Aliases { get; set; }
        public long LastEnd { get; set; } = -1;
    }

    private sealed class Reader
    {
        private readonly ComposeSource _source;
        private readonly ComposeBudget _budget;
        private readonly List<ComposeError> _errors;
        private readonly Dictionary<string, ComposeNode> _anchors = new Dictionary<string,
            ComposeNode>(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new Stack<Frame>();
        private readonly List<ComposeNode> _roots = new List<ComposeNode>();

        public Reader(ComposeSource source, ComposeBudget budget, List<ComposeError> errors)
        {
            _source = source;
            _budget = budget;
            _errors = errors;
        }

        public IReadOnlyList<ComposeNode> Run()
        {
            var parser = new Parser(new StringReader(_source.Text));
            try
            {
                while (parser.MoveNext())
                {
                    if (!_budget.Take())
                    {
                        ReportBudget(parser.Current);
                        return Array.Empty<ComposeNode>();
                    }
                    if (!Handle(parser.Current!))
                    {
                        return Array.Empty<ComposeNode>();
                    }
                }
            }
            catch (YamlException ex)
            {
                var at = (int)Math.Max(0, Math.Min(ex.Start.Index, _source.Text.Length));
                _errors.Add(
                    new ComposeError(CleanMessage(ex), _source.Span(at, at), ComposeErrorKind.Syntax, _source.Path));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                _errors.Add(
                    new ComposeError(
                    "the YAML could not be read (" + ex.GetType().Name + ")", _source.Span(0, 0),
                    ComposeErrorKind.Syntax, _source.Path));
            }
            return _roots;
        }

        private bool Handle(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    _anchors.Clear();
                    _stack.Clear();
                    break;
                case Scalar scalar:
                    Complete(ToScalar(scalar), AnchorOf(scalar.Anchor), scalar.End.Index);
                    break;
                case AnchorAlias alias:
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        Complete(target, null, alias.End.Index, _source.Span(alias.Start.Index, alias.End.Index));
                    }
                    else
                    {
                        _errors.Add(
                            new ComposeError(
                            $"unknown anchor '{alias.Value.Value}' referenced (an alias must follow its complete " +
                            $"anchor)", _source.Span(alias.Start.Index, alias.End.Index), ComposeErrorKind.Syntax,
                            _source.Path));
                        Complete(new ComposeScalar(
                            _source, _source.Span(alias.Start.Index, alias.End.Index), null, string.Empty, string.Empty,
                            true, false), null, alias.End.Index);
                    }
                    break;
                case MappingStart mapping:
                    if (!Push(
                        new Frame(
                        mapping, true, TagOf(mapping.Tag), AnchorOf(mapping.Anchor),
                        mapping.Style == MappingStyle.Flow)))
                    {
                        return false;
                    }
                    break;
                case SequenceStart sequence:
                    if (!Push(
                        new Frame(
                        sequence, false, TagOf(sequence.Tag), AnchorOf(sequence.Anchor),
                        sequence.Style == SequenceStyle.Flow)))
                    {
                        return false;
                    }
                    break;
                case MappingEnd:
                case SequenceEnd:
                    if (_stack.Count > 0)
                    {
                        var frame = _stack.Pop();
                        var end = frame.IsFlow || frame.LastEnd < 0 ? e.End.Index : frame.LastEnd;
                        var span = _source.Span(frame.Start.Start.Index, Math.Max(frame.Start.Start.Index, end));
                        ComposeNode node = frame.IsMapping
                            ? BuildMapping(frame, span)
                            : new ComposeSequence(_source, span, frame.Tag, frame.Items.ToArray());
                        Complete(node, frame.Anchor, end);
                    }
                    break;
            }
            return true;
        }

        private bool Push(Frame frame)
        {
            if (_stack.Count >= MaxDepth)
            {
                _errors.Add(
                    new ComposeError(
                    $"the YAML is nested more than {MaxDepth} levels deep and was not read",
                    _source.Span(frame.Start.Start.Index, frame.Start.End.Index), ComposeErrorKind.Limit,
                    _source.Path));
                _roots.Clear();
                return false;
            }
            _stack.Push(frame);
            return true;
        }

        private void Complete(ComposeNode node, string? anchor, long end, SourceSpan? alias = null)
        {
            if (anchor != null)
            {
                _anchors[anchor] = node;
            }
            if (_stack.Count == 0)
            {
                _roots.Add(node);
                return;
            }
            var parent = _stack.Peek();
            if (alias != null)
            {
                (parent.Aliases ??= new Dictionary<int, SourceSpan>())[parent.Items.Count] = alias.Value;
            }
            parent.Items.Add(node);
            parent.LastEnd = Math.Max(parent.LastEnd, end);
        }

        private ComposeScalar ToScalar(Scalar scalar)
        {
            var tag = TagOf(scalar.Tag);
            var plain = scalar.Style == ScalarStyle.Plain || scalar.Style == ScalarStyle.Any;
            var value = scalar.Value ?? string.Empty;
            var isNull = plain
                && (tag == null || tag == "tag:yaml.org,2002:null" || tag == "!reset" || tag == "!override") &&
                (value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL");
            return new ComposeScalar(
                _source, _source.Span(scalar.Start.Index, scalar.End.Index), tag, value, value, isNull, !plain);
        }

        private ComposeMapping BuildMapping(Frame frame, SourceSpan span)
        {
            var items = frame.Items;
            var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                if (items[i] is ComposeScalar key && !IsMergeKey(key))
                {
                    explicitKeys.Add(key.Value);
                }
            }
            var entries = new List<ComposeMappingEntry>(items.Count / 2);
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                if (items[i] is not ComposeScalar key)
                {
                    _errors.Add(
                        new ComposeError(
                        $"a mapping key must be a string, not {items[i].Description}", items[i].Span,
                        ComposeErrorKind.Schema, _source.Path));
                    continue;
                }
                var value = items[i + 1];
                if (IsMergeKey(key))
                {
                    foreach (var merged in MergeSources(value))
                    {
                        foreach (var entry in merged.Entries)
                        {
                            if (!explicitKeys.Contains(entry.Name) && !positions.ContainsKey(entry.Name))
                            {
                                if (!_budget.Take())
                                {
                                    ReportBudget(null);
                                    return new ComposeMapping(_source, span, frame.Tag, entries);
                                }
                                positions[entry.Name] = entries.Count;
                                entries.Add(entry);
                            }
                        }
                    }
                    continue;
                }
                if (positions.TryGetValue(key.Value, out var at))
                {
                    var first = entries[at].Key.Span;
                    _errors.Add(
                        new ComposeError(
                        $"mapping key \"{key.Value}\" already defined at line {first.Line}", key.Span,
                        ComposeErrorKind.Syntax, _source.Path));
                    entries[at] = new ComposeMappingEntry(key, value);
                    continue;
                }
                positions[key.Value] = entries.Count;
                entries.Add(new ComposeMappingEntry(key, value)
                {
                    ValueAlias = frame.Aliases != null
                        && frame.Aliases.TryGetValue(i + 1, out var alias) ? alias : null,
                });
            }
            return new ComposeMapping(_source, span, frame.Tag, entries);
        }

        private IEnumerable<ComposeMapping> MergeSources(ComposeNode value)
        {
            if (value is ComposeMapping single)
            {
                yield return single;
                yield break;
            }
            if (value is ComposeSequence list)
            {
                foreach (var item in list.Items)
                {
                    if (item is ComposeMapping mapping)
                    {
                        yield return mapping;
                    }
                    else
                    {
                        _errors.Add(
                            new ComposeError(
                            $"a << merge list may hold only mappings, not {item.Description}", item.Span,
                            ComposeErrorKind.Schema, _source.Path));
                    }
                }
                yield break;
            }
            _errors.Add(
                new ComposeError(
                $"the value of << must be a mapping or a list of mappings, not {value.Description}", value.Span,
                ComposeErrorKind.Schema, _source.Path));
        }

        private void ReportBudget(ParsingEvent? at)
        {
            if (_budget.Reported)
            {
                return;
            }
            _budget.Reported = true;
            var offset = at == null ? 0 : (int)at.Start.Index;
            _errors.Add(
                new ComposeError(
                "the YAML is too large or too repetitive to read (aliases and merges expand beyond the limit)",
                _source.Span(offset, offset), ComposeErrorKind.Limit, _source.Path));
        }

        private static bool IsMergeKey(ComposeScalar key) =>
            (key.Value == "<<" && !key.IsQuoted) || key.Tag == "tag:yaml.org,2002:merge";

        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private static string CleanMessage(YamlException ex)
        {
            var message = ex.InnerException != null
                && ex.Message.StartsWith("(Line", StringComparison.Ordinal) ? ex.InnerException.Message : ex.Message;
            if (message.StartsWith("(Line", StringComparison.Ordinal))
            {
                var cut = message.IndexOf("): ", StringComparison.Ordinal);
                if (cut > 0)
                {
                    message = message.Substring(cut + 3);
                }
            }
            return message;
        }
    }
}
