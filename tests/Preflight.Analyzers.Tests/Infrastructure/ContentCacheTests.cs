using System;
using Preflight.Analyzers.Infrastructure;
using Xunit;

namespace Preflight.Analyzers.Tests.Infrastructure;

public sealed class ContentCacheTests
{
    private sealed class Parsed
    {
        public Parsed(string text) => Text = text;

        public string Text { get; }
    }

    [Fact]
    public void Parses_once_per_content_whatever_the_string_instance()
    {
        var cache = new ContentCache<Parsed>();
        var computed = 0;
        Parsed Parse(string text)
        {
            computed++;
            return new Parsed(text);
        }

        var first = cache.Get(new string("FROM alpine\nEXPOSE 8080\n".ToCharArray()), Parse);
        Assert.Same(first, cache.Get(new string("FROM alpine\nEXPOSE 8080\n".ToCharArray()), Parse));
        Assert.Equal(1, computed);

        var other = cache.Get("FROM alpine\nEXPOSE 8081\n", Parse);
        Assert.NotSame(first, other);
        Assert.Equal("FROM alpine\nEXPOSE 8081\n", other.Text);
        Assert.Equal(2, computed);
    }

    [Fact]
    public void Keeps_at_most_two_generations()
    {
        var cache = new ContentCache<Parsed>();
        var computed = 0;
        Parsed Parse(string text)
        {
            computed++;
            return new Parsed(text);
        }
        var size = ContentCache<Parsed>.GenerationChars / 4;
        string Text(char c) => new string(c, size);

        cache.Get(Text('a'), Parse); // generation 1: a, b, c, d (full)
        cache.Get(Text('b'), Parse);
        cache.Get(Text('c'), Parse);
        cache.Get(Text('d'), Parse);
        cache.Get(Text('e'), Parse); // generation 2: e; generation 1 is the previous one
        Assert.Equal(5, computed);

        cache.Get(Text('d'), Parse); // found in the previous generation, kept in the current one
        Assert.Equal(5, computed);

        cache.Get(Text('f'), Parse); // generation 2: e, d, f, g (full)
        cache.Get(Text('g'), Parse);
        cache.Get(Text('h'), Parse); // generation 3: h; generation 1 (a, b, c) dropped
        Assert.Equal(8, computed);

        cache.Get(Text('d'), Parse); // still there (generation 2)
        Assert.Equal(8, computed);
        cache.Get(Text('a'), Parse); // dropped: parsed again
        Assert.Equal(9, computed);
    }
}
