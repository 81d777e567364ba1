using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Applies <see cref="ComposeInterpolation"/> to every scalar value of a node tree (never to keys), or only collects
/// the references when no lookup is given. Shared nodes are visited once, so aliases cost nothing extra.
/// </summary>
internal sealed class ComposeTreeInterpolator
{
    private readonly Func<string, string?>? _lookup;
    private readonly ComposeBudget _budget;
    private readonly List<ComposeError> _errors;
    private readonly Dictionary<ComposeNode, ComposeNode> _done = new Dictionary<ComposeNode, ComposeNode>();

    public ComposeTreeInterpolator(Func<string, string?>? lookup, ComposeBudget budget, List<ComposeError> errors)
    {
        _lookup = lookup;
        _budget = budget;
        _errors = errors;
    }

    public List<ComposeVariableReference> References { get; } = new List<ComposeVariableReference>();
    public List<ComposeVariableReference> Unset { get; } = new List<ComposeVariableReference>();

    /// <summary>Interpolated scalars in which a variable had no value (or that failed): their value is not what the
    /// deploy will see.</summary>
    public List<ComposeScalar> Unresolved { get; } = new List<ComposeScalar>();

    public ComposeNode Apply(ComposeNode node)
    {
        if (_done.TryGetValue(node, out var known))
        {
            return known;
        }
        if (!_budget.Take())
        {
            return node;
        }
        var result = node switch
        {
            ComposeScalar scalar => ApplyScalar(scalar),
            ComposeMapping mapping => ApplyMapping(mapping),
            ComposeSequence sequence => ApplySequence(sequence),
            _ => node,
        };
        _done[node] = result;
        return result;
    }

    private ComposeNode ApplyScalar(ComposeScalar scalar)
    {
        if (scalar.IsNull || scalar.Value.IndexOf('$') < 0)
        {
            return scalar;
        }
        if (_lookup == null)
        {
            foreach (var reference in ComposeInterpolation.FindReferences(scalar.Value))
            {
                References.Add(ToVariable(scalar, reference));
            }
            return scalar;
        }
        var result = ComposeInterpolation.Interpolate(scalar.Value, _lookup);
        foreach (var reference in result.References)
        {
            References.Add(ToVariable(scalar, reference));
        }
        foreach (var reference in result.Unset)
        {
            Unset.Add(ToVariable(scalar, reference));
        }
        foreach (var error in result.Errors)
        {
            _errors.Add(
                new ComposeError(
                error.Message, MapSpan(scalar, error.Start, error.Length), ComposeErrorKind.Interpolation,
                scalar.SourceFile) { Variable = error.Variable });
        }
        var interpolated = result.Value == scalar.Value ? scalar : scalar.WithValue(result.Value);
        if (result.Unset.Count > 0 || result.Errors.Count > 0)
        {
            Unresolved.Add(interpolated);
        }
        return interpolated;
    }

    private ComposeNode ApplyMapping(ComposeMapping mapping)
    {
        ComposeMappingEntry[]? changed = null;
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            var value = Apply(entry.Value);
            if (!ReferenceEquals(value, entry.Value))
            {
                changed ??= Copy(mapping.Entries);
                changed[i] = new ComposeMappingEntry(entry.Key, value);
            }
        }
        return changed == null ? mapping : mapping.WithEntries(changed, mapping.Tag);
    }

    private ComposeNode ApplySequence(ComposeSequence sequence)
    {
        ComposeNode[]? changed = null;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = Apply(sequence.Items[i]);
            if (!ReferenceEquals(item, sequence.Items[i]))
            {
                changed ??= Copy(sequence.Items);
                changed[i] = item;
            }
        }
        return changed == null ? sequence : sequence.WithItems(changed, sequence.Tag);
    }

    private static T[] Copy<T>(IReadOnlyList<T> items)
    {
        var copy = new T[items.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }
        return copy;
    }

    private static ComposeVariableReference ToVariable(ComposeScalar scalar, ComposeTemplateReference reference) =>
        new ComposeVariableReference(reference.Name, reference.Operator, reference.Argument, reference.IsBraced,
            MapSpan(scalar, reference.Start, reference.Length), scalar.SourceFile);

    /// <summary>
    /// The span in the file of the characters [start, start+length) of a scalar's value: exact for plain and
    /// single-line quoted scalars; for escaped or folded scalars, found by searching the written text; else the scalar.
    /// </summary>
    internal static SourceSpan MapSpan(ComposeScalar scalar, int start, int length)
    {
        var text = scalar.Source.Text;
        var span = scalar.Span;
        var value = scalar.RawValue;
        if (span.End > text.Length || start < 0 || start + length > value.Length)
        {
            return span;
        }
        var written = text.Substring(span.Start, span.Length);
        if (string.Equals(written, value, StringComparison.Ordinal))
        {
            return scalar.Source.Span(span.Start + start, span.Start + start + length);
        }
        if (written.Length == value.Length + 2 && string.CompareOrdinal(written, 1, value, 0, value.Length) == 0)
        {
            return scalar.Source.Span(span.Start + 1 + start, span.Start + 1 + start + length);
        }
        var token = value.Substring(start, length);
        var occurrence = 0;
        for (var at = value.IndexOf(token, StringComparison.Ordinal); at >= 0
            && at < start; at = value.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            occurrence++;
        }
        var found = written.IndexOf(token, StringComparison.Ordinal);
        while (found >= 0 && occurrence-- > 0)
        {
            found = written.IndexOf(token, found + 1, StringComparison.Ordinal);
        }
        return found >= 0 ? scalar.Source.Span(span.Start + found, span.Start + found + length) : span;
    }
}
