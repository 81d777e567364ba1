using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Workflows;

/// <summary>
/// A GitHub Actions workflow as far as secrets go: every <c>secrets.NAME</c> it reads, the secrets it declares as a
/// reusable workflow, and the jobs that call reusable workflows.
/// </summary>
public sealed class WorkflowFile
{
    internal WorkflowFile(
        IReadOnlyList<WorkflowSecretReference> secretReferences, IReadOnlyList<SourceSpan> dynamicSecretReferences,
        bool isReusable, IReadOnlyList<WorkflowSecretDeclaration> declaredSecrets,
            IReadOnlyList<WorkflowReusableCall> reusableWorkflowCalls,
        IReadOnlyList<WorkflowError> errors)
    {
        SecretReferences = secretReferences;
        DynamicSecretReferences = dynamicSecretReferences;
        IsReusable = isReusable;
        DeclaredSecrets = declaredSecrets;
        ReusableWorkflowCalls = reusableWorkflowCalls;
        Errors = errors;
    }

    /// <summary>Every <c>secrets.NAME</c> / <c>secrets['NAME']</c> in an expression, in text order.</summary>
    public IReadOnlyList<WorkflowSecretReference> SecretReferences { get; }

    /// <summary>
    /// Reads whose name is computed (<c>secrets[matrix.key]</c>, <c>toJSON(secrets)</c>): the word <c>secrets</c>.
    /// Which secrets these need cannot be known.
    /// </summary>
    public IReadOnlyList<SourceSpan> DynamicSecretReferences { get; }

    /// <summary>True when the workflow can be called by others (<c>on: workflow_call</c>).</summary>
    public bool IsReusable { get; }

    /// <summary>The secrets of <c>on.workflow_call.secrets</c>: the caller passes them.</summary>
    public IReadOnlyList<WorkflowSecretDeclaration> DeclaredSecrets { get; }

    /// <summary>Jobs that call a reusable workflow (<c>jobs.&lt;id&gt;.uses</c>).</summary>
    public IReadOnlyList<WorkflowReusableCall> ReusableWorkflowCalls { get; }

    public IReadOnlyList<WorkflowError> Errors { get; }
}

/// <summary>A problem that stopped the workflow from loading.</summary>
public sealed class WorkflowError
{
    internal WorkflowError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
}

/// <summary>One read of a secret in a <c>${{ }}</c> expression (or an <c>if:</c> condition).</summary>
public sealed class WorkflowSecretReference
{
    internal WorkflowSecretReference(string name, SourceSpan span, string? jobId, bool isDeclaredByWorkflowCall)
    {
        Name = name;
        Span = span;
        JobId = jobId;
        IsDeclaredByWorkflowCall = isDeclaredByWorkflowCall;
    }

    /// <summary>The secret's name as written (GitHub compares names case-insensitively).</summary>
    public string Name { get; }

    /// <summary>Exactly <c>secrets.NAME</c> (or <c>secrets['NAME']</c>) in the text.</summary>
    public SourceSpan Span { get; }

    /// <summary>The job the read is in; null outside <c>jobs</c> (e.g. workflow-level <c>env</c>).</summary>
    public string? JobId { get; }

    /// <summary>True for <c>GITHUB_TOKEN</c>, which GitHub provides to every run.</summary>
    public bool IsBuiltIn => string.Equals(Name, "GITHUB_TOKEN", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the workflow declares this name in <c>on.workflow_call.secrets</c> (its caller provides
    /// it).</summary>
    public bool IsDeclaredByWorkflowCall { get; }
}

/// <summary>A secret a reusable workflow declares in <c>on.workflow_call.secrets</c>.</summary>
public sealed class WorkflowSecretDeclaration
{
    internal WorkflowSecretDeclaration(string name, SourceSpan span, bool required, string? description)
    {
        Name = name;
        Span = span;
        Required = required;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The name's key.</summary>
    public SourceSpan Span { get; }

    /// <summary><c>required: true</c> (GitHub's default is false).</summary>
    public bool Required { get; }
    public string? Description { get; }
}

/// <summary>A job that calls a reusable workflow, and the secrets it passes to it.</summary>
public sealed class WorkflowReusableCall
{
    internal WorkflowReusableCall(
        string jobId, SourceSpan jobIdSpan, string uses, SourceSpan usesSpan, bool inheritsSecrets,
        SourceSpan secretsSpan,
        IReadOnlyList<WorkflowPassedSecret> passedSecrets)
    {
        JobId = jobId;
        JobIdSpan = jobIdSpan;
        Uses = uses;
        UsesSpan = usesSpan;
        InheritsSecrets = inheritsSecrets;
        SecretsSpan = secretsSpan;
        PassedSecrets = passedSecrets;
    }

    public string JobId { get; }
    public SourceSpan JobIdSpan { get; }

    /// <summary>The <c>uses:</c> value: <c>./.github/workflows/x.yml</c> or
    /// <c>owner/repo/.github/workflows/x.yml@ref</c>.</summary>
    public string Uses { get; }
    public SourceSpan UsesSpan { get; }

    /// <summary>True when the workflow is in this repository (<c>uses: ./...</c>).</summary>
    public bool IsLocal => Uses.StartsWith("./", System.StringComparison.Ordinal);

    /// <summary>The path of a local workflow from the repository root (<c>.github/workflows/x.yml</c>); null for a
    /// remote one.</summary>
    public string? LocalPath => IsLocal ? PathText.Normalize(Uses.Substring(2)) : null;

    /// <summary><c>secrets: inherit</c>: every secret of the caller is passed.</summary>
    public bool InheritsSecrets { get; }

    /// <summary>The <c>secrets:</c> key; empty when the job passes none.</summary>
    public SourceSpan SecretsSpan { get; }

    /// <summary>The names of an explicit <c>secrets:</c> map (their values' <c>secrets.X</c> reads are in
    /// <see cref="WorkflowFile.SecretReferences"/>).</summary>
    public IReadOnlyList<WorkflowPassedSecret> PassedSecrets { get; }
}

/// <summary>One name of a job's explicit <c>secrets:</c> map.</summary>
public sealed class WorkflowPassedSecret
{
    internal WorkflowPassedSecret(string name, SourceSpan span, SourceSpan valueSpan)
    {
        Name = name;
        Span = span;
        ValueSpan = valueSpan;
    }

    /// <summary>The name the called workflow receives.</summary>
    public string Name { get; }
    public SourceSpan Span { get; }
    public SourceSpan ValueSpan { get; }
}
