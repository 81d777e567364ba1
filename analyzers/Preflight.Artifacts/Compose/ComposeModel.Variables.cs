using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>The operator of a <c>${VAR...}</c> reference.</summary>
public enum ComposeVariableOperator
{
    /// <summary><c>$VAR</c> or <c>${VAR}</c>: empty (with a warning) when unset.</summary>
    None,
    /// <summary><c>${VAR:-default}</c>: the default when unset or empty.</summary>
    DefaultIfUnsetOrEmpty,
    /// <summary><c>${VAR-default}</c>: the default when unset.</summary>
    DefaultIfUnset,
    /// <summary><c>${VAR:?message}</c>: an error when unset or empty.</summary>
    ErrorIfUnsetOrEmpty,
    /// <summary><c>${VAR?message}</c>: an error when unset.</summary>
    ErrorIfUnset,
    /// <summary><c>${VAR:+replacement}</c>: the replacement when set and not empty, else empty.</summary>
    ReplacementIfSetAndNotEmpty,
    /// <summary><c>${VAR+replacement}</c>: the replacement when set, else empty.</summary>
    ReplacementIfSet,
}

/// <summary>One <c>$VAR</c> or <c>${VAR...}</c> written in a value, with its position in the original text.</summary>
public sealed class ComposeVariableReference
{
    internal ComposeVariableReference(
        string name, ComposeVariableOperator op, string? argument, bool braced, SourceSpan span, string? sourceFile)
    {
        Name = name;
        Operator = op;
        Argument = argument;
        IsBraced = braced;
        Span = span;
        SourceFile = sourceFile;
    }

    public string Name { get; }
    public ComposeVariableOperator Operator { get; }

    /// <summary>The default, message or replacement text as written (it may hold nested references); null for
    /// <see cref="ComposeVariableOperator.None"/>.</summary>
    public string? Argument { get; }
    public bool IsBraced { get; }

    /// <summary>Where the whole <c>${...}</c> (or <c>$VAR</c>) is written.</summary>
    public SourceSpan Span { get; }
    public string? SourceFile { get; }

    /// <summary>True when an unset variable does not make compose warn or fail (<c>-</c>, <c>:-</c>, <c>+</c>,
    /// <c>:+</c>).</summary>
    public bool HasDefault => Operator != ComposeVariableOperator.None && !IsRequired;

    /// <summary>True for <c>?</c> and <c>:?</c>: an unset variable fails the load.</summary>
    public bool IsRequired => Operator == ComposeVariableOperator.ErrorIfUnset
        || Operator == ComposeVariableOperator.ErrorIfUnsetOrEmpty;

    public override string ToString() => IsBraced ? "${" + Name + "}" : "$" + Name;
}
