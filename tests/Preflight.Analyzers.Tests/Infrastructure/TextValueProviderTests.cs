using System;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Preflight.Analyzers.Infrastructure;
using Xunit;

namespace Preflight.Analyzers.Tests.Infrastructure;

/// <summary>The per-text cache the analyzers parse artifacts through (in place of Roslyn's locked TryGetValue).</summary>
public class TextValueProviderTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create("Api");

    [Fact]
    public void A_value_is_computed_once_per_compilation_and_text_instance()
    {
        var computed = 0;
        var provider = new TextValueProvider<string>(text =>
        {
            Interlocked.Increment(ref computed);
            return text.ToString().ToUpperInvariant();
        });
        var first = SourceText.From("services: {}");
        var same = SourceText.From("services: {}");

        Assert.Equal("SERVICES: {}", provider.Get(Compilation, first));
        Assert.Same(provider.Get(Compilation, first), provider.Get(Compilation, first));
        Assert.Equal(1, computed);
        Assert.Equal("SERVICES: {}", provider.Get(Compilation, same));
        Assert.Equal(2, computed); // Another instance is another key (the content cache behind the parsers shares by content).
        Assert.Equal("SERVICES: {}", provider.Get(CSharpCompilation.Create("Worker"), first));
        Assert.Equal(3, computed); // Another compilation: the values go with the compilation, not with the text.
    }

    [Fact]
    public void A_compute_that_throws_gives_no_value_and_cancellation_still_cancels()
    {
        var failing = new TextValueProvider<string>(_ => throw new FormatException("bad artifact"));
        Assert.Null(failing.Get(Compilation, SourceText.From("x")));

        var cancelled = new TextValueProvider<string>(_ => throw new OperationCanceledException());
        Assert.Throws<OperationCanceledException>(() => cancelled.Get(Compilation, SourceText.From("y")));
    }

    [Fact]
    public void A_null_value_is_remembered()
    {
        var computed = 0;
        var provider = new TextValueProvider<string>(_ =>
        {
            computed++;
            return null;
        });
        var text = SourceText.From("nothing");
        Assert.Null(provider.Get(Compilation, text));
        Assert.Null(provider.Get(Compilation, text));
        Assert.Equal(1, computed);
    }
}
