using System.Collections.Generic;
using System.Linq;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// A class library is configured by the deployable projects that reference it: a key it reads is checked against each
/// host's deployment. A finding needs every host to lack the key (which host runs the read is not known from the library);
/// a host with no declaration source at all, or one whose sources may set anything, makes the key unknown.
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
        foreach (var host in _hosts)
        {
            var declared = useVariables ? host.Variables : host.Keys;
            if (declared.IsEmpty || declared.Declares(name))
            {
                return null;
            }
        }
        var shown = _hosts.Take(MaxHostsShown).Select(h => $"host {h.Display} ({(useVariables ? h.Variables : h.Keys).DescribeSources()})");
        var text = string.Join("; ", shown);
        return _hosts.Count > MaxHostsShown ? text + $" and {_hosts.Count - MaxHostsShown} more hosts" : text;
    }
}
