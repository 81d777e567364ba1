using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.PreflightYaml;

/// <summary>
/// The repository's optional preflight.yaml: what lives outside the repository (secrets in a store, platform
/// variables, needs of third-party images, Kubernetes objects created elsewhere) and repository policies. An empty
/// or comments-only file is valid and empty. Errors (PF1005) never stop the rest of the file from being read.
/// </summary>
public sealed class PreflightConfig
{
    internal PreflightConfig(
        IReadOnlyList<PreflightDeclaration> secrets, IReadOnlyList<PreflightDeclaration> variables,
        IReadOnlyList<PreflightImage> images,
        PreflightExternal external, IReadOnlyList<PreflightPolicy> policies, IReadOnlyList<PreflightConfigError> errors)
    {
        Secrets = secrets;
        Variables = variables;
        Images = images;
        External = external;
        Policies = policies;
        Errors = errors;
    }

    /// <summary>The empty configuration (no preflight.yaml).</summary>
    public static PreflightConfig Empty { get; } = new PreflightConfig(
        Array.Empty<PreflightDeclaration>(), Array.Empty<PreflightDeclaration>(),
        Array.Empty<PreflightImage>(), PreflightExternal.Empty, Array.Empty<PreflightPolicy>(),
            Array.Empty<PreflightConfigError>());

    /// <summary><c>secrets:</c> names provided by a secret store at deploy time (names only, never values).</summary>
    public IReadOnlyList<PreflightDeclaration> Secrets { get; }

    /// <summary><c>variables:</c> non-secret values the platform provides at deploy time.</summary>
    public IReadOnlyList<PreflightDeclaration> Variables { get; }

    /// <summary><c>images:</c> needs of third-party images, added to the built-in catalogue.</summary>
    public IReadOnlyList<PreflightImage> Images { get; }

    /// <summary><c>external:</c> objects created outside this repository (never null).</summary>
    public PreflightExternal External { get; }

    /// <summary><c>policies:</c> repository rules (PF5003).</summary>
    public IReadOnlyList<PreflightPolicy> Policies { get; }

    /// <summary>Malformed YAML, unknown keys and wrong shapes (PF1005), in text order.</summary>
    public IReadOnlyList<PreflightConfigError> Errors { get; }

    /// <summary>True when the file declares nothing.</summary>
    public bool IsEmpty => Secrets.Count == 0 && Variables.Count == 0 && Images.Count == 0 && External.IsEmpty
        && Policies.Count == 0;
}

/// <summary>One entry of <c>secrets:</c> or <c>variables:</c>: a bare name, or <c>{name, environments}</c>.</summary>
public sealed class PreflightDeclaration
{
    internal PreflightDeclaration(
        string name, SourceSpan span, SourceSpan entrySpan, IReadOnlyList<PreflightValue> environments)
    {
        Name = name;
        Span = span;
        EntrySpan = entrySpan;
        Environments = environments;
    }

    /// <summary>The name as written (a variable name like <c>OpenAI__ApiKey</c>, or a configuration key).</summary>
    public string Name { get; }

    /// <summary>The name's value.</summary>
    public SourceSpan Span { get; }

    /// <summary>The whole entry.</summary>
    public SourceSpan EntrySpan { get; }

    /// <summary>The environments the entry is limited to; empty means every environment.</summary>
    public IReadOnlyList<PreflightValue> Environments { get; }

    /// <summary>True when the entry applies to <paramref name="environment"/> (case-insensitive); any entry applies to
    /// a null environment.</summary>
    public bool AppliesTo(string? environment)
    {
        if (environment == null || Environments.Count == 0)
        {
            return true;
        }
        foreach (var item in Environments)
        {
            if (string.Equals(item.Value, environment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>A text value of the file and where it is (a name, a glob, a path).</summary>
public sealed class PreflightValue
{
    internal PreflightValue(string value, SourceSpan span)
    {
        Value = value;
        Span = span;
    }

    public string Value { get; }
    public SourceSpan Span { get; }

    public override string ToString() => Value;
}

/// <summary>A group of names that go together (one of <c>any_of</c>, <c>both_or_neither</c>).</summary>
public sealed class PreflightValueGroup
{
    internal PreflightValueGroup(IReadOnlyList<PreflightValue> values, SourceSpan span)
    {
        Values = values;
        Span = span;
    }

    public IReadOnlyList<PreflightValue> Values { get; }
    public SourceSpan Span { get; }
}

/// <summary>One entry of <c>images:</c>: the variables an image needs to start, in the built-in catalogue's
/// terms.</summary>
public sealed class PreflightImage
{
    internal PreflightImage(
        string image, SourceSpan span, IReadOnlyList<PreflightValue> requires, IReadOnlyList<PreflightValueGroup> anyOf,
        IReadOnlyList<PreflightValueGroup> bothOrNeither, IReadOnlyList<PreflightValue> forbid,
            IReadOnlyList<PreflightValue> persist)
    {
        Image = image;
        Span = span;
        Requires = requires;
        AnyOf = anyOf;
        BothOrNeither = bothOrNeither;
        Forbid = forbid;
        Persist = persist;
    }

    /// <summary>The image as written (e.g. <c>mintplexlabs/anythingllm</c>).</summary>
    public string Image { get; }

    /// <summary>The image's key.</summary>
    public SourceSpan Span { get; }

    /// <summary><c>requires:</c> every one must be set.</summary>
    public IReadOnlyList<PreflightValue> Requires { get; }

    /// <summary><c>any_of:</c> from each group, at least one must be set.</summary>
    public IReadOnlyList<PreflightValueGroup> AnyOf { get; }

    /// <summary><c>both_or_neither:</c> in each group, all or none must be set.</summary>
    public IReadOnlyList<PreflightValueGroup> BothOrNeither { get; }

    /// <summary><c>forbid:</c> must not be set (e.g. variables the image rejects).</summary>
    public IReadOnlyList<PreflightValue> Forbid { get; }

    /// <summary><c>persist:</c> variables holding a path that needs a volume.</summary>
    public IReadOnlyList<PreflightValue> Persist { get; }
}

/// <summary><c>external:</c> objects created outside this repository.</summary>
public sealed class PreflightExternal
{
    internal PreflightExternal(
        IReadOnlyList<PreflightValue> kubernetesSecrets, IReadOnlyList<PreflightValue> kubernetesConfigMaps)
    {
        KubernetesSecrets = kubernetesSecrets;
        KubernetesConfigMaps = kubernetesConfigMaps;
    }

    internal static PreflightExternal Empty { get; } = new PreflightExternal(
        Array.Empty<PreflightValue>(), Array.Empty<PreflightValue>());

    /// <summary><c>external.kubernetes.secrets</c>: Secret names.</summary>
    public IReadOnlyList<PreflightValue> KubernetesSecrets { get; }

    /// <summary><c>external.kubernetes.configmaps</c>: ConfigMap names.</summary>
    public IReadOnlyList<PreflightValue> KubernetesConfigMaps { get; }

    public bool IsEmpty => KubernetesSecrets.Count == 0 && KubernetesConfigMaps.Count == 0;
}

/// <summary>One entry of <c>policies:</c>.</summary>
public sealed class PreflightPolicy
{
    internal PreflightPolicy(
        string name, SourceSpan nameSpan, SourceSpan span, IReadOnlyList<PreflightValue> files,
        IReadOnlyList<PreflightValue> kinds,
        IReadOnlyList<PreflightValue> require, IReadOnlyList<PreflightValue> forbid)
    {
        Name = name;
        NameSpan = nameSpan;
        Span = span;
        Files = files;
        Kinds = kinds;
        Require = require;
        Forbid = forbid;
    }

    public string Name { get; }
    public SourceSpan NameSpan { get; }

    /// <summary>The whole policy entry.</summary>
    public SourceSpan Span { get; }

    /// <summary><c>files:</c> globs (a string or a list) of the manifests the policy applies to; empty means every
    /// manifest.</summary>
    public IReadOnlyList<PreflightValue> Files { get; }

    /// <summary><c>kind:</c> the object kinds the policy applies to (a string or a list); empty means every
    /// kind.</summary>
    public IReadOnlyList<PreflightValue> Kinds { get; }

    /// <summary><c>require:</c> dotted paths (see <see cref="Kubernetes.KubernetesPath"/>, already checked to be well
    /// formed) each object must have.</summary>
    public IReadOnlyList<PreflightValue> Require { get; }

    /// <summary><c>forbid:</c> globs of files that must not exist in the repository.</summary>
    public IReadOnlyList<PreflightValue> Forbid { get; }
}

/// <summary>What is wrong with an entry of preflight.yaml.</summary>
public enum PreflightConfigErrorKind
{
    /// <summary>The YAML does not parse.</summary>
    Syntax,
    /// <summary>A key the schema does not know.</summary>
    UnknownKey,
    /// <summary>A value of the wrong shape (a mapping where a list is expected, a policy without a name,
    /// ...).</summary>
    Shape,
}

/// <summary>A PF1005 finding in preflight.yaml.</summary>
public sealed class PreflightConfigError
{
    internal PreflightConfigError(
        PreflightConfigErrorKind kind, string message, SourceSpan span, string? key, string? suggestion)
    {
        Kind = kind;
        Message = message;
        Span = span;
        Key = key;
        Suggestion = suggestion;
    }

    public PreflightConfigErrorKind Kind { get; }

    /// <summary>A complete sentence: what is wrong and what is allowed.</summary>
    public string Message { get; }
    public SourceSpan Span { get; }

    /// <summary>The unknown key, for <see cref="PreflightConfigErrorKind.UnknownKey"/>.</summary>
    public string? Key { get; }

    /// <summary>The allowed key the unknown one is probably a typo of; null when none is close.</summary>
    public string? Suggestion { get; }
}
