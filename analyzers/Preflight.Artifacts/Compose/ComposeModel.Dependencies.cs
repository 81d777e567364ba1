using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>One entry of a service's <c>depends_on</c> (list form, or map form with <c>condition</c>).</summary>
public sealed class ComposeDependency : ComposeElement
{
    internal ComposeDependency(ComposeNode node, string service, SourceSpan serviceSpan)
        : base(node, serviceSpan)
    {
        Service = service;
        ServiceSpan = serviceSpan;
    }

    /// <summary>The service depended on.</summary>
    public string Service { get; }
    public SourceSpan ServiceSpan { get; }

    /// <summary><c>service_started</c> (default), <c>service_healthy</c> or
    /// <c>service_completed_successfully</c>.</summary>
    public string Condition { get; internal set; } = "service_started";

    /// <summary>False for <c>required: false</c> (compose then only warns when the service is missing).</summary>
    public bool Required { get; internal set; } = true;

    /// <summary>The <c>restart</c> flag of the map form, or null.</summary>
    public bool? Restart { get; internal set; }
    public bool IsLongSyntax { get; internal set; }

    public override string ToString() => Service;
}

/// <summary>One entry of a service's <c>links</c>: <c>service[:alias]</c>.</summary>
public sealed class ComposeLink : ComposeElement
{
    internal ComposeLink(ComposeNode node, string service, string? alias)
        : base(node, node.Span)
    {
        Service = service;
        Alias = alias;
    }

    public string Service { get; }
    public string? Alias { get; }
}

/// <summary>A network a service joins (list form, or map form with aliases and addresses).</summary>
public sealed class ComposeServiceNetwork : ComposeElement
{
    internal ComposeServiceNetwork(ComposeNode node, string name, SourceSpan nameSpan)
        : base(node, nameSpan)
    {
        Name = name;
    }

    public string Name { get; }
    public IReadOnlyList<string> Aliases { get; internal set; } = System.Array.Empty<string>();
    public string? Ipv4Address { get; internal set; }
    public string? Ipv6Address { get; internal set; }
}

/// <summary>A service's use of a secret or config: short syntax (the name) or long syntax (<c>source</c>,
/// <c>target</c>, ...).</summary>
public sealed class ComposeResourceReference : ComposeElement
{
    internal ComposeResourceReference(ComposeNode node, string source, SourceSpan sourceSpan)
        : base(node, sourceSpan)
    {
        Source = source;
    }

    /// <summary>The name of the top-level secret or config.</summary>
    public string Source { get; }

    /// <summary>Where it is mounted (long syntax), or null for the default (<c>/run/secrets/NAME</c>,
    /// <c>/NAME</c>).</summary>
    public string? Target { get; internal set; }
    public bool IsLongSyntax { get; internal set; }
}
