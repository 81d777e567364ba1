using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>A service of a compose model (after <c>extends</c> and overrides are applied where they could
/// be).</summary>
public sealed class ComposeService : ComposeElement
{
    internal ComposeService(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, nameSpan)
    {
        Name = name;
        NameSpan = nameSpan;
    }

    public string Name { get; }

    /// <summary>Where the service's name is written (in the file that first defines it: the main file, not an
    /// override).</summary>
    public SourceSpan NameSpan { get; }

    /// <summary>The file <see cref="NameSpan"/> is in (null for a text parsed without a path).</summary>
    public string? NameSourceFile { get; internal set; }

    public ComposeBuild? Build { get; internal set; }
    public string? Image { get; internal set; }
    public SourceSpan ImageSpan { get; internal set; }
    public IReadOnlyList<ComposeEnvironmentEntry> Environment { get; internal set; } =
        Array.Empty<ComposeEnvironmentEntry>();
    public IReadOnlyList<ComposeEnvFile> EnvFiles { get; internal set; } = Array.Empty<ComposeEnvFile>();
    public IReadOnlyList<ComposePort> Ports { get; internal set; } = Array.Empty<ComposePort>();

    /// <summary>The <c>expose</c> entries as written (a port, a range, optionally <c>/protocol</c>).</summary>
    public IReadOnlyList<ComposeValue> Expose { get; internal set; } = Array.Empty<ComposeValue>();
    public IReadOnlyList<ComposeVolumeMount> Volumes { get; internal set; } = Array.Empty<ComposeVolumeMount>();

    /// <summary>The service-level <c>tmpfs</c> mounts (container paths, with options as written).</summary>
    public IReadOnlyList<ComposeValue> Tmpfs { get; internal set; } = Array.Empty<ComposeValue>();
    public IReadOnlyList<ComposeDependency> DependsOn { get; internal set; } = Array.Empty<ComposeDependency>();
    public IReadOnlyList<ComposeLink> Links { get; internal set; } = Array.Empty<ComposeLink>();

    /// <summary>The <c>volumes_from</c> entries as written (<c>service[:ro]</c> or
    /// <c>container:name[:ro]</c>).</summary>
    public IReadOnlyList<ComposeValue> VolumesFrom { get; internal set; } = Array.Empty<ComposeValue>();

    /// <summary>The <c>extends</c> of this service as written (kept after the base was merged in).</summary>
    public ComposeExtends? Extends { get; internal set; }
    public IReadOnlyList<ComposeValue> Profiles { get; internal set; } = Array.Empty<ComposeValue>();
    public IReadOnlyList<ComposeServiceNetwork> Networks { get; internal set; } = Array.Empty<ComposeServiceNetwork>();
    public IReadOnlyList<ComposeResourceReference> Secrets { get; internal set; } =
        Array.Empty<ComposeResourceReference>();
    public IReadOnlyList<ComposeResourceReference> Configs { get; internal set; } =
        Array.Empty<ComposeResourceReference>();
    public ComposeHealthcheck? Healthcheck { get; internal set; }

    /// <summary>The <c>command</c>: a list as written, or a string split at blanks; null when not set.</summary>
    public IReadOnlyList<string>? Command { get; internal set; }

    /// <summary>The <c>entrypoint</c>: a list as written, or a string split at blanks; null when not set.</summary>
    public IReadOnlyList<string>? Entrypoint { get; internal set; }

    /// <summary>The <c>network_mode</c> as written (<c>host</c>, <c>service:name</c>, ...), or null.</summary>
    public string? NetworkMode { get; internal set; }

    /// <summary>True when the service is listed under <c>profiles</c> and so exists only when one of them is
    /// active.</summary>
    public bool HasProfiles => Profiles.Count > 0;

    public override string ToString() => Name;
}

/// <summary>The <c>build</c> of a service: short (a context path) or long form.</summary>
public sealed class ComposeBuild : ComposeElement
{
    internal ComposeBuild(
        ComposeNode node, string context, SourceSpan contextSpan, string? dockerfile, SourceSpan dockerfileSpan,
        bool unresolved)
        : base(node, node.Span)
    {
        Context = context;
        ContextSpan = contextSpan;
        Dockerfile = dockerfile;
        DockerfileSpan = dockerfileSpan;
        _unresolved = unresolved;
    }

    private readonly bool _unresolved;

    /// <summary>The context as written ("." when omitted).</summary>
    public string Context { get; }
    public SourceSpan ContextSpan { get; }
    /// <summary>The dockerfile as written, relative to the context; null when omitted ("Dockerfile").</summary>
    public string? Dockerfile { get; }
    public SourceSpan DockerfileSpan { get; }

    /// <summary>The <c>dockerfile_inline</c> content: when set, no Dockerfile is read from the context.</summary>
    public string? DockerfileInline { get; internal set; }

    /// <summary>The <c>target</c> stage, or null.</summary>
    public string? Target { get; internal set; }
    public SourceSpan TargetSpan { get; internal set; }

    /// <summary>The build <c>args</c> (map or list form; a bare <c>KEY</c> has a null value).</summary>
    public IReadOnlyList<ComposeEnvironmentEntry> Args { get; internal set; } = Array.Empty<ComposeEnvironmentEntry>();

    /// <summary>True for <c>build: path</c>.</summary>
    public bool IsShortSyntax { get; internal set; }

    /// <summary>True when the context or dockerfile still holds interpolation (<c>$</c>) that was not resolved, so it
    /// cannot be resolved without the environment.</summary>
    public bool IsInterpolated => _unresolved;

    /// <summary>True when the context is a URL (git, http) rather than a folder.</summary>
    public bool IsRemote => ComposeReferences.IsRemote(Context);

    /// <summary>The context folder, resolved from the compose file's folder.</summary>
    public string ResolveContext(string composeDirectory) => PathText.Combine(composeDirectory, Context);

    /// <summary>The Dockerfile path, resolved from the context (the default path even when
    /// <see cref="DockerfileInline"/> is set).</summary>
    public string ResolveDockerfile(string composeDirectory) =>
        PathText.Combine(ResolveContext(composeDirectory), Dockerfile ?? "Dockerfile");

    /// <summary>The context folder, resolved from <see cref="ComposeElement.BaseDirectory"/>.</summary>
    public string ResolveContext() => ResolvePath(Context);

    /// <summary>The Dockerfile path, resolved from the context resolved from
    /// <see cref="ComposeElement.BaseDirectory"/>.</summary>
    public string ResolveDockerfile() => PathText.Combine(ResolveContext(), Dockerfile ?? "Dockerfile");
}

/// <summary>One <c>KEY=VALUE</c> of a service's <c>environment</c> or a build's <c>args</c> (map or list
/// form).</summary>
public sealed class ComposeEnvironmentEntry : ComposeElement
{
    internal ComposeEnvironmentEntry(ComposeNode node, string name, string? value, SourceSpan span)
        : base(node, span)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }
    /// <summary>The value (interpolated when loaded with variables); null for a bare <c>KEY</c> taken from the shell or
    /// .env.</summary>
    public string? Value { get; }

    /// <summary>Where the value is written (the list item for the list form); the entry's span when there is
    /// none.</summary>
    public SourceSpan ValueSpan { get; internal set; }

    /// <summary>True for the list form (<c>- KEY=VALUE</c>).</summary>
    public bool IsListSyntax { get; internal set; }

    public override string ToString() => Value == null ? Name : Name + "=" + Value;
}

/// <summary>One entry of a service's <c>env_file</c>.</summary>
public sealed class ComposeEnvFile : ComposeElement
{
    internal ComposeEnvFile(ComposeNode node, string path, bool required, SourceSpan span)
        : base(node, span)
    {
        Path = path;
        Required = required;
    }

    public string Path { get; }

    /// <summary>False for <c>required: false</c>: a missing file is then skipped.</summary>
    public bool Required { get; }

    /// <summary>The <c>format</c> of the long syntax (null: compose's .env format).</summary>
    public string? Format { get; internal set; }

    /// <summary>True for the <c>{path, required, format}</c> form.</summary>
    public bool IsLongSyntax { get; internal set; }

    /// <summary>The file, resolved from <see cref="ComposeElement.BaseDirectory"/>.</summary>
    public string ResolvePath() => ResolvePath(Path);
}

/// <summary>A service's <c>extends</c>: <c>extends: name</c> or <c>{service, file}</c>.</summary>
public sealed class ComposeExtends : ComposeElement
{
    internal ComposeExtends(ComposeNode node, string service, SourceSpan serviceSpan, string? file, SourceSpan fileSpan)
        : base(node, node.Span)
    {
        Service = service;
        ServiceSpan = serviceSpan;
        File = file;
        FileSpan = fileSpan;
    }

    /// <summary>The name of the base service.</summary>
    public string Service { get; }
    public SourceSpan ServiceSpan { get; }

    /// <summary>The file holding the base service as written; null for the same file.</summary>
    public string? File { get; }
    public SourceSpan FileSpan { get; }

    /// <summary>True when <see cref="File"/> is a remote reference (git, http, oci) that is never fetched.</summary>
    public bool IsRemote => File != null && ComposeReferences.IsRemote(File);

    /// <summary>The file, resolved from <see cref="ComposeElement.BaseDirectory"/>; null for the same file.</summary>
    public string? ResolveFile() => File == null ? null : ResolvePath(File);
}
