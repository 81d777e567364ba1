using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>A top-level volume, network, secret or config definition.</summary>
public abstract class ComposeResourceDefinition : ComposeElement
{
    private protected ComposeResourceDefinition(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, nameSpan)
    {
        Name = name;
        NameSpan = nameSpan;
    }

    /// <summary>The key the resource is defined under (what services refer to).</summary>
    public string Name { get; }
    public SourceSpan NameSpan { get; }

    /// <summary>The <c>name</c> attribute (the engine-side name), or null.</summary>
    public string? CustomName { get; internal set; }

    /// <summary>True for <c>external: true</c> (or the legacy <c>external: {name}</c>): created outside this
    /// project.</summary>
    public bool External { get; internal set; }

    public override string ToString() => Name;
}

/// <summary>A top-level <c>volumes</c> entry.</summary>
public sealed class ComposeVolumeDefinition : ComposeResourceDefinition
{
    internal ComposeVolumeDefinition(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, name, nameSpan)
    {
    }

    public string? Driver { get; internal set; }
}

/// <summary>A top-level <c>networks</c> entry.</summary>
public sealed class ComposeNetworkDefinition : ComposeResourceDefinition
{
    internal ComposeNetworkDefinition(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, name, nameSpan)
    {
    }

    public string? Driver { get; internal set; }
}

/// <summary>A top-level secret or config: its content comes from a <c>file</c>, an <c>environment</c> variable, inline
/// <c>content</c> (configs) or is <c>external</c>.</summary>
public abstract class ComposeDataDefinition : ComposeResourceDefinition
{
    private protected ComposeDataDefinition(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, name, nameSpan)
    {
    }

    /// <summary>The <c>file</c> as written, or null.</summary>
    public string? File { get; internal set; }
    public SourceSpan FileSpan { get; internal set; }

    /// <summary>The <c>environment</c> variable whose value is the content, or null.</summary>
    public string? EnvironmentVariable { get; internal set; }
    public SourceSpan EnvironmentVariableSpan { get; internal set; }

    /// <summary>The file resolved from <see cref="ComposeElement.BaseDirectory"/>; null when there is no
    /// <c>file</c>.</summary>
    public string? ResolveFile() => File == null ? null : ResolvePath(File);
}

/// <summary>A top-level <c>secrets</c> entry.</summary>
public sealed class ComposeSecretDefinition : ComposeDataDefinition
{
    internal ComposeSecretDefinition(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, name, nameSpan)
    {
    }
}

/// <summary>A top-level <c>configs</c> entry.</summary>
public sealed class ComposeConfigDefinition : ComposeDataDefinition
{
    internal ComposeConfigDefinition(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, name, nameSpan)
    {
    }

    /// <summary>The inline <c>content</c>, or null.</summary>
    public string? Content { get; internal set; }
}

/// <summary>
/// A top-level <c>include</c> entry: a path, or <c>{path (string or list), project_directory, env_file}</c>. Each
/// include is its own project, with its own directory and .env.
/// </summary>
public sealed class ComposeInclude : ComposeElement
{
    internal ComposeInclude(ComposeNode node, IReadOnlyList<ComposeValue> paths)
        : base(node, node.Span)
    {
        Paths = paths;
    }

    /// <summary>The compose files of the included project (later ones override earlier ones).</summary>
    public IReadOnlyList<ComposeValue> Paths { get; }

    /// <summary>The <c>project_directory</c> as written, or null (the folder of the first path).</summary>
    public ComposeValue? ProjectDirectory { get; internal set; }

    /// <summary>The <c>env_file</c> entries as written (default: <c>.env</c> in the project directory).</summary>
    public IReadOnlyList<ComposeValue> EnvFiles { get; internal set; } = System.Array.Empty<ComposeValue>();
    public bool IsShortSyntax { get; internal set; }

    /// <summary>The included project's directory, resolved from <see cref="ComposeElement.BaseDirectory"/>.</summary>
    public string ResolveProjectDirectory()
    {
        if (ProjectDirectory != null)
        {
            return ResolvePath(ProjectDirectory.Value);
        }
        return Paths.Count == 0 ? ResolvePath(".") : PathText.GetDirectory(ResolvePath(Paths[0].Value));
    }
}
