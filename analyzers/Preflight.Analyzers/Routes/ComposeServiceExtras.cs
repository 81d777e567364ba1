using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Analyzers.Routes;

/// <summary>
/// ADAPTER over the compose file for what the compose model does not carry yet: a service's <c>healthcheck</c>,
/// <c>ports</c> and <c>expose</c>, read from the YAML. Kept in this one file so it can be switched to the compose model
/// once that model has them (replace <see cref="Read"/>'s body; the rest of the rules only use these types).
/// </summary>
internal sealed class ComposeExtras
{
    public static readonly SourceTextValueProvider<ComposeExtras> Provider =
        new SourceTextValueProvider<ComposeExtras>(text => Read(text.ToString()));

    private ComposeExtras(Dictionary<string, ComposeServiceExtras> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeServiceExtras> Services { get; }

    public ComposeServiceExtras? Service(string name) => Services.TryGetValue(name, out var service) ? service : null;

    public static ComposeExtras Read(string text)
    {
        var services = new Dictionary<string, ComposeServiceExtras>(StringComparer.Ordinal);
        var loaded = YamlDocumentLoader.Load(text);
        if (loaded.Error != null || loaded.Documents.Count == 0 || loaded.Documents[0].RootNode is not YamlMappingNode root ||
            root.Child("services") is not YamlMappingNode servicesNode)
        {
            return new ComposeExtras(services);
        }
        var map = new LineMap(text);
        foreach (var entry in servicesNode.Children)
        {
            if (entry.Key.ScalarValue() is { } name && entry.Value is YamlMappingNode node)
            {
                services[name] = ReadService(text, map, node);
            }
        }
        return new ComposeExtras(services);
    }

    private static ComposeServiceExtras ReadService(string text, LineMap map, YamlMappingNode node)
    {
        var test = new List<ComposeText>();
        var disabled = false;
        if (node.Child("healthcheck") is YamlMappingNode healthcheck)
        {
            disabled = string.Equals(healthcheck.Child("disable").ScalarValue(), "true", StringComparison.OrdinalIgnoreCase);
            switch (healthcheck.Child("test"))
            {
                case YamlScalarNode scalar when scalar.ScalarValue() is { } command:
                    test.Add(Text(text, map, scalar, command));
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        if (item is YamlScalarNode part && part.ScalarValue() is { } value)
                        {
                            test.Add(Text(text, map, part, value));
                        }
                    }
                    break;
            }
        }
        var ports = new List<ComposePort>();
        var unreadable = false;
        if (node.Child("ports") is YamlSequenceNode portsNode)
        {
            foreach (var item in portsNode.Children)
            {
                if (item is YamlScalarNode scalar && scalar.ScalarValue() is { } value && ContainerPortOf(value) is { } port)
                {
                    ports.Add(new ComposePort(port, false, Locate(text, map, scalar, port)));
                }
                else if (item is YamlMappingNode mapping && mapping.Child("target") is YamlScalarNode target &&
                         int.TryParse(target.ScalarValue(), out var targetPort))
                {
                    ports.Add(new ComposePort(targetPort, false, YamlDocumentLoader.SpanOf(map, target)));
                }
                else
                {
                    unreadable = true;
                }
            }
        }
        if (node.Child("expose") is YamlSequenceNode exposeNode)
        {
            foreach (var item in exposeNode.Children)
            {
                if (item is YamlScalarNode scalar && scalar.ScalarValue() is { } value && int.TryParse(StripProtocol(value), out var port))
                {
                    ports.Add(new ComposePort(port, true, Locate(text, map, scalar, port)));
                }
                else
                {
                    unreadable = true;
                }
            }
        }
        var commandSetsUrls = false;
        foreach (var key in new[] { "command", "entrypoint" })
        {
            switch (node.Child(key))
            {
                case YamlScalarNode scalar:
                    commandSetsUrls |= ListenArguments.SetsUrls(scalar.Value ?? "");
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        commandSetsUrls |= item is YamlScalarNode part && ListenArguments.SetsUrls(part.Value ?? "");
                    }
                    break;
            }
        }
        return new ComposeServiceExtras(test, disabled, ports, unreadable) { CommandSetsUrls = commandSetsUrls };
    }

    /// <summary>The container side of a short port mapping ("8080:80", "127.0.0.1:8080:80/tcp", "80"); null for ranges and variables.</summary>
    internal static int? ContainerPortOf(string mapping)
    {
        var value = StripProtocol(mapping.Trim());
        var colon = value.LastIndexOf(':');
        var container = colon < 0 ? value : value.Substring(colon + 1);
        return int.TryParse(container, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port > 0 && port < 65536
            ? port
            : null;
    }

    private static string StripProtocol(string value)
    {
        var slash = value.IndexOf('/');
        return slash < 0 ? value : value.Substring(0, slash);
    }

    private static ComposeText Text(string text, LineMap map, YamlScalarNode node, string value)
    {
        var span = YamlDocumentLoader.SpanOf(map, node);
        return new ComposeText(value, span, text.Substring(span.Start, span.Length), map);
    }

    /// <summary>The span of the container port inside the mapping's text; the whole scalar when it cannot be found.</summary>
    private static SourceSpan Locate(string text, LineMap map, YamlScalarNode node, int port)
    {
        var span = YamlDocumentLoader.SpanOf(map, node);
        var raw = text.Substring(span.Start, span.Length);
        var digits = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var colon = raw.LastIndexOf(':');
        var at = raw.IndexOf(digits, colon < 0 ? 0 : colon, StringComparison.Ordinal);
        return at < 0 ? span : map.Span(span.Start + at, span.Start + at + digits.Length);
    }
}

/// <summary>A scalar of a compose file: its value, and where it is written (to locate parts of it).</summary>
internal sealed class ComposeText
{
    private readonly string _raw;
    private readonly LineMap _map;

    public ComposeText(string value, SourceSpan span, string raw, LineMap map)
    {
        Value = value;
        Span = span;
        _raw = raw;
        _map = map;
    }

    public string Value { get; }
    public SourceSpan Span { get; }

    /// <summary>The span of <paramref name="part"/> as written in the file, or null when it is not written verbatim (escapes, folding).</summary>
    public SourceSpan? Find(string part)
    {
        var at = _raw.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? null : _map.Span(Span.Start + at, Span.Start + at + part.Length);
    }
}

internal sealed class ComposeServiceExtras
{
    public ComposeServiceExtras(IReadOnlyList<ComposeText> healthcheckTest, bool healthcheckDisabled, IReadOnlyList<ComposePort> ports, bool hasUnreadablePorts)
    {
        HealthcheckTest = healthcheckTest;
        HealthcheckDisabled = healthcheckDisabled;
        Ports = ports;
        HasUnreadablePorts = hasUnreadablePorts;
    }

    /// <summary>The <c>healthcheck.test</c>: one shell string, or the items of the list form (CMD / CMD-SHELL first).</summary>
    public IReadOnlyList<ComposeText> HealthcheckTest { get; }
    public bool HealthcheckDisabled { get; }
    /// <summary>Container ports of <c>ports</c> (container side) and <c>expose</c>.</summary>
    public IReadOnlyList<ComposePort> Ports { get; }
    public bool HasUnreadablePorts { get; }
    /// <summary>The service's command or entrypoint passes --urls / --http_ports.</summary>
    public bool CommandSetsUrls { get; set; }
}

internal sealed class ComposePort
{
    public ComposePort(int port, bool isExpose, SourceSpan span)
    {
        Port = port;
        IsExpose = isExpose;
        Span = span;
    }

    public int Port { get; }
    public bool IsExpose { get; }
    public SourceSpan Span { get; }
}
