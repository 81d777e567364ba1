using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>A compose file: its services, and the errors that stopped it from loading. Relative paths in it resolve from its folder.</summary>
public sealed class ComposeFile
{
    internal ComposeFile(IReadOnlyList<ComposeService> services, IReadOnlyList<ComposeError> errors)
    {
        Services = services;
        Errors = errors;
    }

    public IReadOnlyList<ComposeService> Services { get; }
    public IReadOnlyList<ComposeError> Errors { get; }
}

public sealed class ComposeError
{
    public ComposeError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
}

public sealed class ComposeService
{
    internal ComposeService(string name, SourceSpan nameSpan, ComposeBuild? build, string? image,
        IReadOnlyList<ComposeEnvironmentEntry> environment, IReadOnlyList<ComposeEnvFile> envFiles)
    {
        Name = name;
        NameSpan = nameSpan;
        Build = build;
        Image = image;
        Environment = environment;
        EnvFiles = envFiles;
    }

    public string Name { get; }
    public SourceSpan NameSpan { get; }
    public ComposeBuild? Build { get; }
    public string? Image { get; }
    public IReadOnlyList<ComposeEnvironmentEntry> Environment { get; }
    public IReadOnlyList<ComposeEnvFile> EnvFiles { get; }
}

/// <summary>The <c>build</c> of a service: short (a context path) or long form.</summary>
public sealed class ComposeBuild
{
    internal ComposeBuild(string context, SourceSpan contextSpan, string? dockerfile, SourceSpan dockerfileSpan)
    {
        Context = context;
        ContextSpan = contextSpan;
        Dockerfile = dockerfile;
        DockerfileSpan = dockerfileSpan;
    }

    /// <summary>The context as written ("." when omitted).</summary>
    public string Context { get; }
    public SourceSpan ContextSpan { get; }
    /// <summary>The dockerfile as written, relative to the context; null when omitted ("Dockerfile").</summary>
    public string? Dockerfile { get; }
    public SourceSpan DockerfileSpan { get; }

    /// <summary>True when the context or dockerfile uses interpolation and so cannot be resolved without the environment.</summary>
    public bool IsInterpolated => Context.IndexOf('$') >= 0 || (Dockerfile?.IndexOf('$') ?? -1) >= 0;

    /// <summary>True when the context is a URL (git, http) rather than a folder.</summary>
    public bool IsRemote => Context.IndexOf("://", System.StringComparison.Ordinal) >= 0 || Context.StartsWith("git@", System.StringComparison.Ordinal);

    /// <summary>The context folder, resolved from the compose file's folder.</summary>
    public string ResolveContext(string composeDirectory) => PathText.Combine(composeDirectory, Context);

    /// <summary>The Dockerfile path, resolved from the context.</summary>
    public string ResolveDockerfile(string composeDirectory) =>
        PathText.Combine(ResolveContext(composeDirectory), Dockerfile ?? "Dockerfile");
}

/// <summary>One variable of a service's <c>environment</c> (map or list form).</summary>
public sealed class ComposeEnvironmentEntry
{
    internal ComposeEnvironmentEntry(string name, string? value, SourceSpan span)
    {
        Name = name;
        Value = value;
        Span = span;
    }

    public string Name { get; }
    /// <summary>The value as written; null for a bare <c>KEY</c> taken from the shell or .env.</summary>
    public string? Value { get; }
    public SourceSpan Span { get; }
}

/// <summary>One entry of a service's <c>env_file</c>.</summary>
public sealed class ComposeEnvFile
{
    internal ComposeEnvFile(string path, bool required, SourceSpan span)
    {
        Path = path;
        Required = required;
        Span = span;
    }

    public string Path { get; }
    public bool Required { get; }
    public SourceSpan Span { get; }
}
