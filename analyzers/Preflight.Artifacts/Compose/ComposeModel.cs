using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// A compose model: one file (<see cref="ComposeParser"/>) or the merged files of a project
/// (<see cref="ComposeProject"/>).
/// Every element carries the span where it is written and the file it came from. Relative paths resolve from the
/// element's <see cref="ComposeElement.BaseDirectory"/>.
/// </summary>
public sealed class ComposeFile
{
    internal ComposeFile(IReadOnlyList<ComposeService> services, IReadOnlyList<ComposeError> errors)
        : this(null, null, null, services, errors)
    {
    }

    internal ComposeFile(
        string? path, string? name, ComposeMapping? root, IReadOnlyList<ComposeService> services,
        IReadOnlyList<ComposeError> errors)
    {
        Path = path;
        Name = name;
        Root = root;
        Services = services;
        Errors = errors;
    }

    /// <summary>The file path, when parsed with one (null for a merged project model or a bare text).</summary>
    public string? Path { get; }

    /// <summary>The top-level <c>name</c>, if any.</summary>
    public string? Name { get; }

    /// <summary>The document as a node tree (after anchors, merge keys, extends and interpolation); null when it did
    /// not load.</summary>
    public ComposeMapping? Root { get; }

    public IReadOnlyList<ComposeService> Services { get; internal set; }

    /// <summary>The compose files the model was read from (main, overrides, includes), in load order; empty for a bare
    /// text.</summary>
    public IReadOnlyList<string> Files { get; internal set; } = System.Array.Empty<string>();

    /// <summary>The project .env used for interpolation, or null when there was none.</summary>
    public string? EnvFilePath { get; internal set; }

    /// <summary>The variables of the project .env (empty when there was none).</summary>
    public IReadOnlyDictionary<string, string>? DotEnv { get; internal set; }
    public IReadOnlyList<ComposeVolumeDefinition> Volumes { get; internal set; } =
        System.Array.Empty<ComposeVolumeDefinition>();
    public IReadOnlyList<ComposeNetworkDefinition> Networks { get; internal set; } =
        System.Array.Empty<ComposeNetworkDefinition>();
    public IReadOnlyList<ComposeSecretDefinition> Secrets { get; internal set; } =
        System.Array.Empty<ComposeSecretDefinition>();
    public IReadOnlyList<ComposeConfigDefinition> Configs { get; internal set; } =
        System.Array.Empty<ComposeConfigDefinition>();

    /// <summary>The top-level <c>include</c> entries as written.</summary>
    public IReadOnlyList<ComposeInclude> Includes { get; internal set; } = System.Array.Empty<ComposeInclude>();

    /// <summary>Every <c>$VAR</c> / <c>${VAR...}</c> written in a value (not in keys), with its position.</summary>
    public IReadOnlyList<ComposeVariableReference> Variables { get; internal set; } =
        System.Array.Empty<ComposeVariableReference>();

    /// <summary>
    /// References that had no value and no default when the file was interpolated (compose warns and uses an empty
    /// string). Empty when the file was parsed without variables.
    /// </summary>
    public IReadOnlyList<ComposeVariableReference> UnsetVariables { get; internal set; } =
        System.Array.Empty<ComposeVariableReference>();

    /// <summary>Syntax, schema-shape, interpolation, reference and cycle errors, each with its position.</summary>
    public IReadOnlyList<ComposeError> Errors { get; internal set; }

    /// <summary>The service of that name, or null.</summary>
    public ComposeService? FindService(string name)
    {
        foreach (var service in Services)
        {
            if (service.Name == name)
            {
                return service;
            }
        }
        return null;
    }
}

/// <summary>What kind of problem a <see cref="ComposeError"/> is.</summary>
public enum ComposeErrorKind
{
    /// <summary>The YAML does not parse (or has a duplicate key or an unknown alias).</summary>
    Syntax,
    /// <summary>A node has a type the compose specification does not allow there.</summary>
    Schema,
    /// <summary>Invalid <c>$</c> syntax or a <c>${VAR?message}</c> whose variable is missing.</summary>
    Interpolation,
    /// <summary>A file named by <c>extends</c> or <c>include</c> (or a listed .env) is not there.</summary>
    MissingFile,
    /// <summary><c>extends</c> names a service that does not exist, or an include conflicts with a local
    /// definition.</summary>
    Reference,
    /// <summary>A cycle in <c>extends</c>, <c>include</c> or <c>depends_on</c>.</summary>
    Cycle,
    /// <summary>A remote resource (git, http, oci) that Preflight does not fetch; the model lacks what it would
    /// bring.</summary>
    Remote,
    /// <summary>Files that override each other with incompatible shapes.</summary>
    Merge,
    /// <summary>The input exceeds a size, depth or work limit and was not (fully) read.</summary>
    Limit,
}

/// <summary>A problem found while loading compose files, with where it is written.</summary>
public sealed class ComposeError
{
    public ComposeError(string message, SourceSpan span)
        : this(message, span, ComposeErrorKind.Schema, null)
    {
    }

    public ComposeError(string message, SourceSpan span, ComposeErrorKind kind, string? sourceFile)
    {
        Message = message;
        Span = span;
        Kind = kind;
        SourceFile = sourceFile;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
    public ComposeErrorKind Kind { get; }

    /// <summary>The file the error is in (null for a text parsed without a path).</summary>
    public string? SourceFile { get; }

    /// <summary>For a <c>${VAR?message}</c> / <c>${VAR:?message}</c> failure: the variable that has no value; else
    /// null.</summary>
    public string? Variable { get; internal set; }

    public override string ToString() => $"{SourceFile ?? "<text>"}{Span}: {Kind}: {Message}";
}

/// <summary>A part of the compose model, with the node it was read from and where that is written.</summary>
public abstract class ComposeElement
{
    private protected ComposeElement(ComposeNode node, SourceSpan span)
    {
        Node = node;
        Span = span;
    }

    /// <summary>The node this element was read from.</summary>
    public ComposeNode Node { get; }

    /// <summary>Where the element is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>The file the element is written in (null for a text parsed without a path).</summary>
    public string? SourceFile => Node.SourceFile;

    /// <summary>The folder relative paths of this element resolve from (null when the file had no path).</summary>
    public string? BaseDirectory => Node.Source.BaseDirectory;

    /// <summary>Resolves a path written in this element from <see cref="BaseDirectory"/> (normalized as written when
    /// unknown).</summary>
    private protected string ResolvePath(string path) =>
        BaseDirectory != null ? PathText.Combine(BaseDirectory, path) : PathText.Normalize(path);
}

/// <summary>A single string value of a list (profiles, expose, tmpfs, include paths, ...).</summary>
public sealed class ComposeValue : ComposeElement
{
    internal ComposeValue(ComposeNode node, string value)
        : base(node, node.Span)
    {
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
