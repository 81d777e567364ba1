using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>A port or an inclusive range of ports (<c>8000-8010</c>).</summary>
public readonly struct ComposePortRange
{
    public ComposePortRange(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; }
    public int Count => End - Start + 1;
    public bool IsSingle => Start == End;

    public override string ToString() => IsSingle ? Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{Start}-{End}";
}

/// <summary>
/// One entry of a service's <c>ports</c>: short syntax (<c>[IP:][HOST:]CONTAINER[/PROTOCOL]</c>, with ranges) or long
/// syntax (<c>target</c>, <c>published</c>, <c>host_ip</c>, <c>protocol</c>, <c>mode</c>, <c>name</c>,
/// <c>app_protocol</c>).
/// </summary>
public sealed class ComposePort : ComposeElement
{
    internal ComposePort(ComposeNode node, string target)
        : base(node, node.Span)
    {
        Target = target;
    }

    /// <summary>The container port or range as written (<c>80</c>, <c>8000-8010</c>).</summary>
    public string Target { get; }

    /// <summary>
    /// Where the container port is written: the <c>target</c> value (long syntax), or the container part after the last
    /// ':' of a short mapping (<c>80</c> of <c>"8080:80/tcp"</c>); the whole entry when it is not written verbatim.
    /// </summary>
    public SourceSpan TargetSpan { get; internal set; }

    /// <summary>The container port(s); null when <see cref="Target"/> is not a valid port or range.</summary>
    public ComposePortRange? TargetRange { get; internal set; }

    /// <summary>The published (host) port or range as written; null when not published or left to the engine.</summary>
    public string? Published { get; internal set; }
    public ComposePortRange? PublishedRange { get; internal set; }

    /// <summary>The host IP to bind (<c>127.0.0.1</c>, <c>::1</c> without brackets), or null.</summary>
    public string? HostIp { get; internal set; }

    /// <summary>The protocol: <c>tcp</c> (default), <c>udp</c> or <c>sctp</c>.</summary>
    public string Protocol { get; internal set; } = "tcp";

    /// <summary>The long syntax <c>mode</c> (<c>host</c>, <c>ingress</c>), or null.</summary>
    public string? Mode { get; internal set; }
    public string? Name { get; internal set; }
    public string? AppProtocol { get; internal set; }
    public bool IsLongSyntax { get; internal set; }

    public override string ToString() =>
        (HostIp != null ? HostIp + ":" : string.Empty) + (Published != null ? Published + ":" : string.Empty) + Target
            + "/" + Protocol;
}
