using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// A value computed from a text once per compilation and <see cref="SourceText"/> instance (an artifact's parsed
/// model), shared by every analyzer that asks, dropped with the compilation (as Roslyn's own per-text cache is: a host
/// that keeps the texts for a whole run, the CLI, does not keep every model with them; the content cache behind the
/// parsers shares models across compilations, bounded). Roslyn's cache
/// (<c>CompilationStartAnalysisContext.TryGetValue</c>) takes a lock shared by all the analyzers of the compilation on
/// every call; in a build, analyzer threads asking for the repository's 60-odd artifacts spent most of that time waiting
/// on it. Here a value already computed is read without a lock; two threads may compute the same value once each (the
/// compute is pure), and the first stored wins. Like Roslyn's, a compute that throws gives no value (null), never an
/// analyzer exception.
/// </summary>
internal sealed class TextValueProvider<T> where T : class
{
    private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<SourceText, Box>>.CreateValueCallback
        NewTable = _ => new ConditionalWeakTable<SourceText, Box>();

    private readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<SourceText, Box>> _values =
        new ConditionalWeakTable<Compilation, ConditionalWeakTable<SourceText, Box>>();
    private readonly ConditionalWeakTable<SourceText, Box>.CreateValueCallback _create;

    public TextValueProvider(Func<SourceText, T?> compute) => _create = text => new Box(Compute(compute, text));

    public T? Get(Compilation compilation, SourceText text) =>
        _values.GetValue(compilation, NewTable).GetValue(text, _create).Value;

    private static T? Compute(Func<SourceText, T?> compute, SourceText text)
    {
        try
        {
            return compute(text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    private sealed class Box
    {
        public Box(T? value) => Value = value;

        public T? Value { get; }
    }
}
