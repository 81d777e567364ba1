using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Vercel;

/// <summary>
/// The paths a vercel.json names: the keys of <c>functions</c> (globs of serverless function files) and the
/// <c>src</c> of each <c>builds</c> entry (a path or glob). Paths are relative to the folder of vercel.json.
/// </summary>
public sealed class VercelConfig
{
    internal VercelConfig(
        IReadOnlyList<VercelPath> functions, IReadOnlyList<VercelPath> builds, string? error, SourceSpan errorSpan)
    {
        Functions = functions;
        Builds = builds;
        Error = error;
        ErrorSpan = errorSpan;
    }

    /// <summary>The keys of <c>functions</c>, in text order; each span covers the key with its quotes.</summary>
    public IReadOnlyList<VercelPath> Functions { get; }

    /// <summary>The <c>builds[].src</c> values, in text order; each span covers the value with its quotes.</summary>
    public IReadOnlyList<VercelPath> Builds { get; }

    /// <summary>Why the file is not valid JSON (or not an object); null when it is. What was read before the error is
    /// kept.</summary>
    public string? Error { get; }

    public SourceSpan ErrorSpan { get; }
}

/// <summary>A path or glob of vercel.json, and where it is written.</summary>
public sealed class VercelPath
{
    internal VercelPath(string value, SourceSpan span)
    {
        Value = value;
        Span = span;
    }

    public string Value { get; }
    public SourceSpan Span { get; }

    public override string ToString() => Value;
}
