using System.Collections.Generic;
using System.Linq;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// A class library is configured by the deployable projects that reference it: a key it reads is checked against each
/// host's deployment. A finding when every host lacks the key; when only some do, the ones that configure the key's
/// section (and so use that part of the library) are named. A host with no declaration source at all, or one whose
/// sources may set anything, makes the key unknown.
/// </summary>
internal sealed class LibraryHosts
{
    private const int MaxHostsShown = 3;
    private readonly List<(string Display, DeclarationSet Keys, DeclarationSet Variables)> _hosts;

    private LibraryHosts(List<(string, DeclarationSet, DeclarationSet)> hosts) => _hosts = hosts;

    /// <summary>Null when no deployable project of the repository references the library.</summary>
    public static LibraryHosts? Create(ProjectContext library, ArtifactReader reader)
    {
        var hosts = new List<(string, DeclarationSet, DeclarationSet)>();
        foreach (var host in ReferencingHosts.Find(library, reader.CancellationToken))
        {
            var declarations = DeploymentDeclarations.CollectFor(library.ForHost(host), reader);
            hosts.Add((library.DisplayPath(host), declarations.ConfigurationKeys, declarations.EnvironmentVariables));
        }
        return hosts.Count == 0 ? null : new LibraryHosts(hosts);
    }

    /// <summary>The hosts and the places searched when no host declares the key, else null.</summary>
    public string? MissingKey(string key) => Missing(key, useVariables: false);

    /// <summary>The hosts and the places searched when no host sets the environment variable, else null.</summary>
    public string? MissingVariable(string name) => Missing(name, useVariables: true);

    private string? Missing(string name, bool useVariables)
    {
        var lacking = new List<(string Display, DeclarationSet Keys, DeclarationSet Variables)>();
        foreach (var host in _hosts)
        {
            var declared = useVariables ? host.Variables : host.Keys;
            if (declared.IsEmpty)
            {
                return null;
            }
            if (!declared.Declares(name))
            {
                lacking.Add(host);
            }
        }
        if (lacking.Count < _hosts.Count)
        {
            // Some hosts declare the key: a host that lacks it is named only when it configures the key's section (it
            // uses that part of the library: Storage:Bucket declared, Storage:Root not). Which host runs a read is not
            // known from the library, so a host that configures nothing of the section may simply not use it.
            var section = useVariables ? null : Section(name);
            lacking.RemoveAll(h => section == null || !h.Keys.Declares(section));
        }
        if (lacking.Count == 0)
        {
            return null;
        }
        var shown = lacking.Take(MaxHostsShown).Select(
            h => $"host {h.Display} ({(useVariables ? h.Variables : h.Keys).DescribeSources()})");
        var text = string.Join("; ", shown);
        return lacking.Count > MaxHostsShown ? text + $" and {lacking.Count - MaxHostsShown} more hosts" : text;
    }

    /// <summary>Sections every host configures for its own reasons: declaring one says nothing about the
    /// library.</summary>
    private static readonly HashSet<string> SharedSections = new HashSet<string>(
        System.StringComparer.OrdinalIgnoreCase)
    {
        "ConnectionStrings", "Logging", "Kestrel", "Serilog", "services",
    };

    /// <summary>The key's section (<c>Storage</c> of <c>Storage:Root</c>); null for a flat key and under a shared
    /// section.</summary>
    private static string? Section(string key)
    {
        var colon = key.LastIndexOf(':');
        if (colon <= 0)
        {
            return null;
        }
        return SharedSections.Contains(key.Substring(0, key.IndexOf(':'))) ? null : key.Substring(0, colon);
    }
}
