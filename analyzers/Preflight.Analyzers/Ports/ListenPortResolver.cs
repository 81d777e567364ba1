using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Analyzers.Deployment;

namespace Preflight.Analyzers.Ports;

/// <summary>Environment variables of one place (image default, Dockerfile ENV, compose service, Kubernetes
/// container).</summary>
internal sealed class EnvLayer
{
    public EnvLayer(string description, IReadOnlyDictionary<string, string?> variables, bool isOpaque)
    {
        Description = description;
        Variables = variables;
        IsOpaque = isOpaque;
    }

    public string Description { get; }
    /// <summary>Variables by name; a null value is set from somewhere not known (a secret, a variable of the
    /// shell).</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; }
    /// <summary>The place can set variables that are not visible here (env_file, envFrom).</summary>
    public bool IsOpaque { get; }

    /// <summary>True when the layer sets anything that decides the listening port.</summary>
    public bool SetsPorts => IsOpaque || Variables.Keys.Any(ListenPortResolver.IsPortVariable);
}

/// <summary>The ports the app listens on, and what decided them.</summary>
internal sealed class ListenPorts
{
    public ListenPorts(IReadOnlyCollection<int> ports, string source)
    {
        Ports = ports;
        Source = source;
    }

    public IReadOnlyCollection<int> Ports { get; }
    public string Source { get; }
    public string Text =>
        string.Join(", ", Ports.OrderBy(p => p).Select(p => p.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// Decides the port Kestrel listens on as ASP.NET Core does: Listen() in code, then Kestrel:Endpoints, then UseUrls in
/// code, then the "urls" setting (URLS, appsettings Urls, ASPNETCORE_URLS, DOTNET_URLS), then HTTP_PORTS/HTTPS_PORTS
/// (same order); the image sets ASPNETCORE_HTTP_PORTS=8080 (.NET 8 and later) or ASPNETCORE_URLS=http://+:80 (before).
/// Null whenever any input is unknown.
/// </summary>
internal static class ListenPortResolver
{
    private static readonly Regex UrlPattern = new Regex(
        @"^(?<scheme>https?)://(?<host>\[[^\]]*\]|[^/:\[\]]+)(?::(?<port>\d{1,5}))?/?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static bool IsPortVariable(string name)
    {
        var key = name.Replace("__", ":");
        foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_", "" })
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = key.Substring(prefix.Length);
                if (rest.Equals("URLS", StringComparison.OrdinalIgnoreCase)
                    || rest.Equals("HTTP_PORTS", StringComparison.OrdinalIgnoreCase) ||
                    rest.Equals("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase) ||
                    rest.StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The image's own environment: what the .NET images set, by major version; null for other images. When the base
    /// image is unknown (no Dockerfile, or a variable), the project's TargetFramework stands for the image version.
    /// </summary>
    public static EnvLayer? ImageDefaults(string? baseImage, string? targetFramework)
    {
        int? major;
        string description;
        if (baseImage != null)
        {
            major = DotnetImageMajor(baseImage);
            description = "the default of " + baseImage;
            if (major == null)
            {
                return null;
            }
        }
        else
        {
            major = TargetFrameworkMajor(targetFramework);
            description = "the default of .NET " + major + " images (TargetFramework " + targetFramework + ")";
            if (major == null)
            {
                return null;
            }
        }
        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (major >= 8)
        {
            variables["ASPNETCORE_HTTP_PORTS"] = "8080";
        }
        else
        {
            variables["ASPNETCORE_URLS"] = "http://+:80";
        }
        return new EnvLayer(description, variables, false);
    }

    public static ListenPorts? Resolve(ListenCode code, AppSettingsPorts settings, IReadOnlyList<EnvLayer> layers)
    {
        if (code.IsUnknown || settings.IsUnknown)
        {
            return null;
        }
        foreach (var layer in layers)
        {
            if (layer.IsOpaque)
            {
                return null;
            }
        }
        if (code.ListenPorts.Count > 0)
        {
            return new ListenPorts(code.ListenPorts.Distinct().ToList(), "Listen in code");
        }
        // Kestrel endpoints: appsettings first, variables override by endpoint name.
        var endpoints = new Dictionary<string, (string? Url, string Source)>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in settings.KestrelEndpoints)
        {
            endpoints[endpoint.Key] = (endpoint.Value, "Kestrel:Endpoints in " + settings.Description);
        }
        foreach (var layer in layers)
        {
            foreach (var variable in layer.Variables)
            {
                var key = variable.Key.Replace("__", ":");
                if (key.StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase)
                    && key.EndsWith(":Url", StringComparison.OrdinalIgnoreCase))
                {
                    endpoints[key.Substring(18, key.Length - 22)] = (variable.Value,
                        variable.Key + " in " + layer.Description);
                }
            }
        }
        if (endpoints.Count > 0)
        {
            return FromUrls(
                endpoints.Values.Select(e => e.Url),
                string.Join(", ", endpoints.Values.Select(e => e.Source).Distinct()));
        }
        if (code.Urls.Count > 0)
        {
            return FromUrls(code.Urls, "UseUrls in code");
        }
        var urls = Setting(layers, settings.Urls, "URLS");
        if (urls != null)
        {
            return urls.Value.Value == null ? null : FromUrls(new[] { urls.Value.Value }, urls.Value.Source);
        }
        var http = Setting(layers, settings.HttpPorts, "HTTP_PORTS");
        var https = Setting(layers, settings.HttpsPorts, "HTTPS_PORTS");
        if (http == null && https == null)
        {
            return null; // Kestrel's own default, localhost:5000: not reachable from outside the container anyway.
        }
        var ports = new List<int>();
        var sources = new List<string>();
        foreach (var setting in new[] { http, https })
        {
            if (setting is not { } found)
            {
                continue;
            }
            if (found.Value == null || Ports(found.Value) is not { } parsed)
            {
                return null;
            }
            ports.AddRange(parsed);
            sources.Add(found.Source);
        }
        return ports.Count == 0 ? null : new ListenPorts(ports.Distinct().ToList(), string.Join(", ", sources));
    }

    /// <summary>The "urls"/"http_ports" setting: unprefixed variable, appsettings, ASPNETCORE_, DOTNET_ (first found
    /// wins).</summary>
    private static (string? Value, string Source)? Setting(
        IReadOnlyList<EnvLayer> layers, string? fromSettings, string name)
    {
        if (Variable(layers, name) is { } plain)
        {
            return plain;
        }
        if (fromSettings != null)
        {
            return (fromSettings, name + " in appsettings.json");
        }
        return Variable(layers, "ASPNETCORE_" + name) ?? Variable(layers, "DOTNET_" + name);
    }

    /// <summary>The value of the last layer that sets the variable.</summary>
    private static (string? Value, string Source)? Variable(IReadOnlyList<EnvLayer> layers, string name)
    {
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            if (layers[i].Variables.TryGetValue(name, out var value))
            {
                var source = name + "=" + value
                    + (layers[i].Description.StartsWith("the default", StringComparison.Ordinal) ? ", " : " in ")
                    + layers[i].Description;
                return (value != null && value.IndexOf('$') >= 0 ? null : value, source);
            }
        }
        return null;
    }

    private static ListenPorts? FromUrls(IEnumerable<string?> values, string source)
    {
        var ports = new List<int>();
        foreach (var value in values)
        {
            if (value == null)
            {
                return null;
            }
            foreach (var part in value.Split(';'))
            {
                var url = part.Trim();
                if (url.Length == 0)
                {
                    continue;
                }
                var match = UrlPattern.Match(url);
                if (!match.Success || match.Groups["host"].Value.Equals("unix", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
                ports.Add(match.Groups["port"].Success
                    ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture)
                    : match.Groups["scheme"].Value.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
            }
        }
        return ports.Count == 0 ? null : new ListenPorts(ports.Distinct().ToList(), source);
    }

    private static List<int>? Ports(string value)
    {
        var ports = new List<int>();
        foreach (var part in value.Split(';', ','))
        {
            var text = part.Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return null;
            }
            ports.Add(port);
        }
        return ports;
    }

    /// <summary>8 for mcr.microsoft.com/dotnet/aspnet:8.0-alpine; null for other images or tags without a
    /// version.</summary>
    public static int? DotnetImageMajor(string image)
    {
        var repository = ProjectDeployment.Repository(image);
        if (repository == null || repository.IndexOf("dotnet/", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }
        var name = repository.Substring(repository.LastIndexOf('/') + 1).ToLowerInvariant();
        if (name != "aspnet" && name != "runtime" && name != "runtime-deps" && name != "sdk")
        {
            return null;
        }
        return LeadingNumber(ProjectDeployment.Tag(image));
    }

    /// <summary>8 for net8.0, 3 for netcoreapp3.1; null for others.</summary>
    public static int? TargetFrameworkMajor(string? targetFramework)
    {
        if (targetFramework == null)
        {
            return null;
        }
        var tfm = targetFramework.Trim().ToLowerInvariant();
        if (tfm.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return LeadingNumber(tfm.Substring(10));
        }
        return tfm.StartsWith("net", StringComparison.Ordinal)
            && tfm.IndexOf('.') > 3 ? LeadingNumber(tfm.Substring(3)) : null;
    }

    private static int? LeadingNumber(string? text)
    {
        if (text == null)
        {
            return null;
        }
        var end = 0;
        while (end < text.Length && char.IsDigit(text[end]))
        {
            end++;
        }
        return end == 0 || end > 3 ? null : int.Parse(text.Substring(0, end), CultureInfo.InvariantCulture);
    }
}

/// <summary>What the project's appsettings.json (and appsettings.Production.json) set about listening.</summary>
internal sealed class AppSettingsPorts
{
    public static readonly AppSettingsPorts None = new AppSettingsPorts(
        "appsettings.json", new Dictionary<string, string?>(), null, null, null, false);

    public AppSettingsPorts(
        string description, IReadOnlyDictionary<string, string?> kestrelEndpoints, string? urls, string? httpPorts,
        string? httpsPorts, bool isUnknown)
    {
        Description = description;
        KestrelEndpoints = kestrelEndpoints;
        Urls = urls;
        HttpPorts = httpPorts;
        HttpsPorts = httpsPorts;
        IsUnknown = isUnknown;
    }

    public string Description { get; }
    /// <summary>Kestrel:Endpoints:{name}:Url by endpoint name.</summary>
    public IReadOnlyDictionary<string, string?> KestrelEndpoints { get; }
    public string? Urls { get; }
    public string? HttpPorts { get; }
    public string? HttpsPorts { get; }
    /// <summary>An endpoint without a readable Url (a named pipe, a socket), or a file that does not load.</summary>
    public bool IsUnknown { get; }
}
