using System;
using System.Collections.Generic;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// Values computed from a text's content (a parsed artifact), shared by every compilation of the process that is handed
/// the same content: the compiler server builds every project of a solution in one process, and each compilation reads
/// the repository's artifacts afresh (new <c>SourceText</c> instances, so the per-text cache,
/// <see cref="TextValueProvider{T}"/>, does not carry from one project to the next). Keyed by the content itself
/// (ordinal string equality, no hash collision possible), so a value is reused only for the very same text. The values must not depend on anything but the content, and must be read only.
/// Bounded: two generations of at most <see cref="GenerationChars"/> characters of content each; when the current one
/// is
/// full it becomes the previous one and the oldest is dropped, so a long-lived server keeps at most twice that much per
/// kind of value, and what every build asks for stays.
/// </summary>
internal sealed class ContentCache<T> where T : class
{
    /// <summary>About 2 MB of text per generation: the artifacts of a large repository (a thousand files of 1
    /// KB).</summary>
    internal const int GenerationChars = 1_000_000;

    private readonly object _gate = new object();
    private Dictionary<string, T> _current = new Dictionary<string, T>(StringComparer.Ordinal);
    private Dictionary<string, T> _previous = new Dictionary<string, T>(StringComparer.Ordinal);
    private long _currentChars;

    /// <summary>The value for this content: cached, or computed (outside the lock) and kept.</summary>
    public T Get(string content, Func<string, T> compute)
    {
        lock (_gate)
        {
            if (_current.TryGetValue(content, out var found))
            {
                return found;
            }
            if (_previous.TryGetValue(content, out found))
            {
                Add(content, found);
                return found;
            }
        }
        var value = compute(content);
        if (content.Length > GenerationChars / 4)
        {
            return value; // One text this large is not worth a generation.
        }
        lock (_gate)
        {
            if (_current.TryGetValue(content, out var raced))
            {
                return raced;
            }
            Add(content, value);
        }
        return value;
    }

    private void Add(string content, T value)
    {
        if (_currentChars + content.Length > GenerationChars)
        {
            _previous = _current;
            _current = new Dictionary<string, T>(StringComparer.Ordinal);
            _currentChars = 0;
        }
        _current[content] = value;
        _currentChars += content.Length;
    }
}
