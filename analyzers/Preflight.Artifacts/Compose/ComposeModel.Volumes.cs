using System;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>The type of a service volume mount.</summary>
public enum ComposeVolumeType
{
    /// <summary>A host path (relative, absolute or <c>~</c>) mounted into the container.</summary>
    Bind,
    /// <summary>A named volume, or an anonymous volume when it has no source.</summary>
    Volume,
    Tmpfs,
    Npipe,
    Cluster,
    Image,
    /// <summary>A long-syntax <c>type</c> Preflight does not know.</summary>
    Other,
}

/// <summary>
/// One entry of a service's <c>volumes</c>: short syntax (<c>[SOURCE:]TARGET[:MODE]</c>) or long syntax
/// (<c>type</c>, <c>source</c>, <c>target</c>, <c>read_only</c>, <c>bind</c>, <c>volume</c>, <c>tmpfs</c>).
/// </summary>
public sealed class ComposeVolumeMount : ComposeElement
{
    internal ComposeVolumeMount(ComposeNode node, ComposeVolumeType type)
        : base(node, node.Span)
    {
        Type = type;
    }

    public ComposeVolumeType Type { get; }

    /// <summary>The long-syntax <c>type</c> as written (or the type inferred from the short syntax).</summary>
    public string TypeName { get; internal set; } = "volume";

    /// <summary>The host path (bind), volume name (volume) or image; null for anonymous volumes and tmpfs.</summary>
    public string? Source { get; internal set; }
    public SourceSpan SourceSpan { get; internal set; }

    /// <summary>The path in the container.</summary>
    public string? Target { get; internal set; }
    public SourceSpan TargetSpan { get; internal set; }

    public bool ReadOnly { get; internal set; }

    /// <summary>The short-syntax mode (<c>ro</c>, <c>rw,z</c>, ...), or null.</summary>
    public string? Mode { get; internal set; }

    /// <summary>The long syntax <c>bind.create_host_path</c> (null when not written; compose creates missing bind
    /// sources of the short syntax).</summary>
    public bool? CreateHostPath { get; internal set; }

    /// <summary>The long syntax <c>volume.subpath</c>, or null.</summary>
    public string? Subpath { get; internal set; }
    public bool IsLongSyntax { get; internal set; }

    public bool IsBind => Type == ComposeVolumeType.Bind;

    /// <summary>True for a named volume (a volume with a source, which must be a top-level volume).</summary>
    public bool IsNamedVolume => Type == ComposeVolumeType.Volume && !string.IsNullOrEmpty(Source);

    /// <summary>True when the bind source starts with <c>~</c> (the user's home).</summary>
    public bool IsHomeRelative => IsBind && Source != null
        && (Source == "~" || Source.StartsWith("~/", StringComparison.Ordinal)
        || Source.StartsWith("~\\", StringComparison.Ordinal));

    /// <summary>
    /// The bind source resolved from <paramref name="composeDirectory"/> (and <paramref name="homeDirectory"/> for
    /// <c>~</c>);
    /// null when this is not a bind mount, or it starts with <c>~</c> and no home is given.
    /// </summary>
    public string? ResolveSource(string composeDirectory, string? homeDirectory = null)
    {
        if (!IsBind || Source == null)
        {
            return null;
        }
        if (IsHomeRelative)
        {
            return homeDirectory == null ? null
                : PathText.Combine(homeDirectory, Source.Length <= 2 ? "." : Source.Substring(2));
        }
        return PathText.Combine(composeDirectory, Source);
    }

    /// <summary>The bind source resolved from <see cref="ComposeElement.BaseDirectory"/>; null for non-bind mounts and
    /// <c>~</c> sources.</summary>
    public string? ResolveSource() =>
        BaseDirectory != null ? ResolveSource(BaseDirectory)
            : (IsBind && !IsHomeRelative && Source != null ? PathText.Normalize(Source) : null);
}
