using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Analyzers.Routes;

/// <summary>One route the app maps: its template, the HTTP methods it accepts (null: any) and whether its prefix is
/// known.</summary>
internal sealed class RouteEntry
{
    public RouteEntry(RouteTemplate template, IReadOnlyCollection<string>? methods, bool prefixUnknown)
    {
        Template = template;
        Methods = methods;
        PrefixUnknown = prefixUnknown;
    }

    public RouteTemplate Template { get; }
    public IReadOnlyCollection<string>? Methods { get; }
    /// <summary>Mapped on a builder whose prefix is not known (a parameter, a group built at run time): any prefix may
    /// come before.</summary>
    public bool PrefixUnknown { get; }

    public bool Accepts(string method) =>
        Methods == null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase) ||
        string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What the app's code maps. <see cref="UnknownReason"/> is set when some routes cannot be known (conventional routing,
/// fallbacks, branches, patterns built at run time, Razor Pages): then no path can be said to be unmapped.
/// </summary>
internal sealed class RouteTable
{
    public RouteTable(
        bool isWebApp, string? unknownReason, IReadOnlyList<RouteEntry> routes, IReadOnlyList<string> pathBases,
        bool servesStaticFiles, IReadOnlyCollection<string> pathLiterals)
    {
        IsWebApp = isWebApp;
        UnknownReason = unknownReason;
        Routes = routes;
        PathBases = pathBases;
        ServesStaticFiles = servesStaticFiles;
        PathLiterals = pathLiterals;
    }

    /// <summary>The code builds a web host (WebApplication, ConfigureWebHost*) and maps endpoints.</summary>
    public bool IsWebApp { get; }
    public string? UnknownReason { get; }
    public IReadOnlyList<RouteEntry> Routes { get; }
    public IReadOnlyList<string> PathBases { get; }
    public bool ServesStaticFiles { get; }
    /// <summary>String literals of the code that look like paths: a middleware comparing the path to one answers
    /// it.</summary>
    public IReadOnlyCollection<string> PathLiterals { get; }

    /// <summary>True when routes are known and none accepts a request for <paramref name="path"/> (query string
    /// ignored).</summary>
    public bool IsUnmapped(string path, string method)
    {
        if (!IsWebApp || UnknownReason != null)
        {
            return false;
        }
        var trimmed = StripQuery(path);
        if (PathLiterals.Contains(NormalizeLiteral(trimmed)))
        {
            return false;
        }
        var segments = RouteTemplate.SplitPath(Uri.UnescapeDataString(trimmed));
        if (ServesStaticFiles && segments.Count > 0 && segments[segments.Count - 1].IndexOf('.') >= 0)
        {
            return false; // Could be a file of wwwroot.
        }
        foreach (var candidate in Candidates(segments))
        {
            foreach (var route in Routes)
            {
                if (route.Accepts(method)
                    && (route.Template.Matches(candidate) || route.PrefixUnknown
                    && route.Template.MatchesSuffix(candidate)))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>A few of the mapped routes, for the message.</summary>
    public string Describe(int max = 5)
    {
        var templates = Routes.Select(r => (r.PrefixUnknown ? "…" : "") + r.Template.Text).Distinct(
            StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => t, StringComparer.OrdinalIgnoreCase).ToList();
        if (templates.Count == 0)
        {
            return "none";
        }
        var shown = string.Join(", ", templates.Take(max));
        return templates.Count > max ? shown + $" and {templates.Count - max} more" : shown;
    }

    /// <summary>The path as routing sees it: unchanged, and without each UsePathBase prefix it starts with.</summary>
    private IEnumerable<List<string>> Candidates(List<string> segments)
    {
        yield return segments;
        foreach (var pathBase in PathBases)
        {
            var prefix = RouteTemplate.SplitPath(pathBase);
            if (prefix.Count == 0 || prefix.Count > segments.Count)
            {
                continue;
            }
            var starts = true;
            for (var i = 0; i < prefix.Count && starts; i++)
            {
                starts = string.Equals(prefix[i], segments[i], StringComparison.OrdinalIgnoreCase);
            }
            if (starts)
            {
                yield return segments.GetRange(prefix.Count, segments.Count - prefix.Count);
            }
        }
    }

    public static string StripQuery(string path)
    {
        var cut = path.IndexOfAny(new[] { '?', '#' });
        return cut < 0 ? path : path.Substring(0, cut);
    }

    public static string NormalizeLiteral(string path) => "/" + path.Trim().Trim('/').ToLowerInvariant();
}
