using System;
using Microsoft.CodeAnalysis.CSharp;
using Preflight.Analyzers.Infrastructure;
using Xunit;

namespace Preflight.Analyzers.Tests.Infrastructure;

public sealed class PerCompilationTests
{
    private sealed class Value
    {
    }

    [Fact]
    public void Computes_once_per_compilation_and_options()
    {
        var cache = new PerCompilation<Value>();
        var compilation = CSharpCompilation.Create("A");
        var other = CSharpCompilation.Create("B");
        var computed = 0;
        Value Compute()
        {
            computed++;
            return new Value();
        }

        var first = cache.Get(compilation, "/repo/src/Api/Api.csproj", 5, Compute);
        Assert.Same(first, cache.Get(compilation, "/repo/src/Api/Api.csproj", 5, Compute));
        Assert.Equal(1, computed);

        Assert.NotSame(first, cache.Get(other, "/repo/src/Api/Api.csproj", 5, Compute));
        Assert.NotSame(first, cache.Get(compilation, "/repo/src/Worker/Worker.csproj", 5, Compute));
        Assert.NotSame(first, cache.Get(compilation, "/repo/src/Api/Api.csproj", 6, Compute));
        Assert.Equal(4, computed);
    }

    [Fact]
    public void A_cancelled_computation_is_forgotten()
    {
        var cache = new PerCompilation<Value>();
        var compilation = CSharpCompilation.Create("A");

        Assert.Throws<OperationCanceledException>(() => cache.Get(compilation, null, 0, () => throw new OperationCanceledException()));
        var value = cache.Get(compilation, null, 0, () => new Value());

        Assert.Same(value, cache.Get(compilation, null, 0, () => throw new InvalidOperationException("not computed again")));
    }
}
