using System;
using System.Collections.Generic;
using Preflight.Analyzers.Deployment;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Text;

namespace Preflight.Analyzers.Routes;

/// <summary>An HTTP health probe of the project's container: the path it requests, its port when known, and where it is
/// written.</summary>
internal sealed class HttpProbe
{
    public HttpProbe(
        object owner, ArtifactFile file, string path, SourceSpan span, int? port, SourceSpan portSpan,
        string description)
    {
        Owner = owner;
        File = file;
        Path = path;
        Span = span;
        Port = port;
        PortSpan = portSpan;
        Description = description;
    }

    /// <summary>The <see cref="KubernetesDeployment"/>, <see cref="ComposeDeployment"/> or
    /// <see cref="DockerfileFacts"/> it belongs to.</summary>
    public object Owner { get; }
    public ArtifactFile File { get; }
    public string Path { get; }
    public SourceSpan Span { get; }
    public int? Port { get; }
    public SourceSpan PortSpan { get; }
    public string Description { get; }

    /// <summary>Kubernetes httpGet probes, compose healthchecks and Dockerfile HEALTHCHECKs of the project's
    /// deployment.</summary>
    public static List<HttpProbe> Find(ProjectDeployment deployment)
    {
        var probes = new List<HttpProbe>();
        foreach (var container in deployment.Containers)
        {
            foreach (var probe in container.Container.Probes)
            {
                if (probe.HttpGet is { Host: null } httpGet)
                {
                    var kind = char.ToLowerInvariant(probe.Kind.ToString()[0]) + probe.Kind.ToString().Substring(1)
                        + "Probe";
                    probes.Add(
                        new HttpProbe(
                        container, container.File, httpGet.Path ?? "/", httpGet.PathSpan, httpGet.PortNumber,
                        httpGet.PortSpan,
                        $"{kind} of {container.Description}"));
                }
            }
        }
        foreach (var compose in deployment.Compose)
        {
            if (compose.Written?.Healthcheck is not { Disabled: false } healthcheck || healthcheck.TestItems.Count == 0)
            {
                continue;
            }
            var test = healthcheck.TestItems;
            var first = test[0].Value.Trim();
            if (test.Count > 1 && string.Equals(first, "NONE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var command = string.Join(" ", Values(test));
            if (!ProbeCommand.IsHttpGet(command))
            {
                continue;
            }
            foreach (var part in test)
            {
                foreach (var url in ProbeCommand.Urls(part.Value))
                {
                    if (part.Node.FindWritten(url.Url) is { } urlSpan
                        && Shift(urlSpan, url) is var (pathSpan, portSpan))
                    {
                        probes.Add(new HttpProbe(compose, compose.Service.File, url.Path, pathSpan, url.Port, portSpan,
                            $"healthcheck of {compose.Service.Description}"));
                    }
                }
            }
        }
        foreach (var dockerfile in deployment.Dockerfiles)
        {
            if (dockerfile.Healthcheck is not { } healthcheck)
            {
                continue;
            }
            var span = healthcheck.Span;
            if (span.Start < 0 || span.Start >= dockerfile.Text.Length)
            {
                continue;
            }
            var raw = dockerfile.Text.Substring(span.Start, Math.Min(span.Length, dockerfile.Text.Length - span.Start));
            if (!ProbeCommand.IsHttpGet(raw))
            {
                continue;
            }
            foreach (var url in ProbeCommand.Urls(raw))
            {
                var start = span.Start + url.Index;
                var pathPart = UrlPath(url);
                var pathSpan = pathPart == null
                    ? dockerfile.Map.Span(start, start + url.Url.Length)
                    : dockerfile.Map.Span(start + url.Url.Length - pathPart.Length, start + url.Url.Length);
                probes.Add(
                    new HttpProbe(
                    dockerfile, dockerfile.File, url.Path, pathSpan, url.Port, PortSpanIn(dockerfile.Map, start, url),
                    $"HEALTHCHECK of {dockerfile.File.Name}"));
            }
        }
        return probes;
    }

    private static IEnumerable<string> Values(IReadOnlyList<ComposeValue> parts)
    {
        foreach (var part in parts)
        {
            yield return part.Value;
        }
    }

    /// <summary>The spans of the path and of the port inside a URL found at <paramref name="urlSpan"/>.</summary>
    private static (SourceSpan Path, SourceSpan Port) Shift(SourceSpan urlSpan, ProbeUrl url)
    {
        var pathPart = UrlPath(url);
        var path = pathPart == null ? urlSpan
            : SubSpan(urlSpan, url.Url.Length - pathPart.Length, pathPart.Length, urlSpan);
        var port = url.Port is { } number && url.Url.IndexOf(":" + number, 8, StringComparison.Ordinal) is var at
            && at > 0
            ? SubSpan(
                urlSpan, at + 1, number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, urlSpan)
            : urlSpan;
        return (path, port);
    }

    /// <summary>The path as written in the URL; null when the URL has none.</summary>
    private static string? UrlPath(ProbeUrl url)
    {
        var scheme = url.Url.IndexOf("://", StringComparison.Ordinal) + 3;
        var slash = url.Url.IndexOf('/', scheme);
        return slash < 0 ? null : url.Url.Substring(slash);
    }

    /// <summary>A sub-span on the same line as <paramref name="within"/> (URLs do not span lines).</summary>
    private static SourceSpan SubSpan(SourceSpan within, int offset, int length, SourceSpan fallback) =>
        within.Line != within.EndLine
            ? fallback
            : new SourceSpan(
                within.Start + offset, length, within.Line, within.Column + offset, within.Line,
                within.Column + offset + length);

    private static SourceSpan PortSpanIn(LineMap map, int urlStart, ProbeUrl url)
    {
        if (url.Port is not { } port)
        {
            return map.Span(urlStart, urlStart + url.Url.Length);
        }
        var digits = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = url.Url.IndexOf(":" + digits, 8, StringComparison.Ordinal);
        return at < 0 ? map.Span(urlStart, urlStart + url.Url.Length)
            : map.Span(urlStart + at + 1, urlStart + at + 1 + digits.Length);
    }
}
