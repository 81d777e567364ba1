using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Preflight.Artifacts;

namespace Preflight.Checks.Repository;

/// <summary>
/// The repository's edge for symbolic links: a path inside the repository (as written) whose real location, every link
/// on the way resolved, is outside the repository's real root, or that runs into a link loop, is never read, listed or
/// reported. Links that stay inside the repository are followed. Paths written outside the root are not judged here.
/// Resolution needs .NET 6 or later (<c>FileSystemInfo.LinkTarget</c>); where the runtime cannot read links (.NET
/// Framework) nothing is taken for a link.
/// </summary>
public sealed class RepositoryBoundary
{
    private const int MaxLinkHops = 40; // as Linux's ELOOP

    private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");

    private readonly Dictionary<string, string?> _real = new Dictionary<string, string?>(StringComparer.Ordinal);
    private readonly object _lock = new object();
    private readonly string _realRoot;

    public RepositoryBoundary(string root)
    {
        Root = PathText.Normalize(root).TrimEnd('/');
        if (Root.Length == 0)
        {
            Root = "/";
        }
        _realRoot = RealPath(Root) ?? Root;
    }

    /// <summary>The root as given (normalized).</summary>
    public string Root { get; }

    /// <summary>
    /// True when <paramref name="path"/> is written inside the root but leads out of it through a link (or into a link
    /// loop): it must not be read or reported.
    /// </summary>
    public bool LeavesRepository(string path)
    {
        path = PathText.Normalize(path);
        if (!PathText.IsUnder(path, Root))
        {
            return false;
        }
        var real = RealPath(path);
        return real == null || !PathText.IsUnder(real, _realRoot);
    }

    /// <summary>
    /// The path as written without links below the root (its real location, expressed under <see cref="Root"/>); the
    /// path itself when it is not under the root; null when it leads out of the repository.
    /// </summary>
    public string? Canonical(string path)
    {
        path = PathText.Normalize(path);
        if (!PathText.IsUnder(path, Root))
        {
            return path;
        }
        var real = RealPath(path);
        return real == null
            || !PathText.IsUnder(real, _realRoot) ? null : PathText.Combine(Root, PathText.Relative(_realRoot, real));
    }

    /// <summary>
    /// The paths without those that lead out of the repository, and with one path per file: of paths that reach the
    /// same
    /// file through links inside the repository, the one without links (else the first).
    /// </summary>
    public List<string> WithoutAliases(IEnumerable<string> paths)
    {
        var byFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Select(PathText.Normalize).Distinct(StringComparer.Ordinal).OrderBy(
            p => p, StringComparer.Ordinal))
        {
            if (Canonical(path) is not { } canonical)
            {
                continue;
            }
            if (!byFile.TryGetValue(canonical, out var kept) || (path == canonical && kept != canonical))
            {
                byFile[canonical] = path;
            }
        }
        return byFile.Values.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when the path itself is a symbolic link (not following it).</summary>
    public static bool IsLink(string path) => LinkTarget(PathText.Normalize(path)) != null;

    /// <summary>The path with every link resolved (a missing part is taken as it is written); null for a link
    /// loop.</summary>
    public string? RealPath(string path)
    {
        lock (_lock)
        {
            return Resolve(PathText.Normalize(path), 0);
        }
    }

    private string? Resolve(string path, int hops)
    {
        if (_real.TryGetValue(path, out var known))
        {
            return known;
        }
        var parent = PathText.GetDirectory(path);
        if (parent == "." || parent.Length >= path.Length)
        {
            return path; // the file-system root (or a drive)
        }
        var realParent = Resolve(parent, hops);
        string? result;
        if (realParent == null)
        {
            result = null;
        }
        else
        {
            var candidate = PathText.Combine(realParent, PathText.GetFileName(path));
            var target = LinkTarget(candidate);
            if (target == null)
            {
                result = candidate;
            }
            else if (hops >= MaxLinkHops)
            {
                result = null;
            }
            else
            {
                // Relative targets are relative to the link's folder; the target's own folders may be links too.
                result = Resolve(PathText.Combine(realParent, target), hops + 1);
            }
        }
        if (hops == 0)
        {
            // Only results computed from the start are kept: within a chain of links they depend on the hops left.
            _real[path] = result;
        }
        return result;
    }

    /// <summary>The target of a symbolic link as written in it, or null when the path is no link, missing or
    /// unreadable.</summary>
    private static string? LinkTarget(string path)
    {
        if (LinkTargetProperty == null)
        {
            return null;
        }
        try
        {
            var info = new FileInfo(path);
            if ((int)info.Attributes == -1 || (info.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return null;
            }
            return LinkTargetProperty.GetValue(info) as string;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex) || ex is TargetInvocationException)
        {
            return null;
        }
    }
}
