using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Repository;

/// <summary>
/// The files of a repository that Preflight reads (<see cref="ArtifactPatterns"/>), found by one walk of the checkout:
/// the folders <see cref="ArtifactPatterns.ExcludedFolders"/> names are never entered, a link that leads out of the
/// repository (to <c>/</c>, to <c>/etc</c>, to a sibling checkout) or into a link loop is never followed or listed, a
/// link
/// to a folder inside the repository that the walk reaches by its own path is not walked twice, and the depth is
/// bounded.
/// Paths are the root as given followed by the relative path ('/' between names), as the targets' globs wrote them.
/// Both hosts walk with it: the build's discovery task (PreflightDiscover) and the CLI's scan, which also asks for the
/// files only it reads (C# sources, .editorconfig) through <see cref="Run(string, Func{string, bool})"/>.
/// </summary>
public sealed class RepositoryWalk
{
    /// <summary>Deeper folders are not entered (a chain of links inside the repository ends here too).</summary>
    public const int MaxDepth = 64;

    /// <summary>At most this many folders are entered: a walk that meets more lists what it found so far.</summary>
    public const int MaxFolders = 200_000;

    private readonly string _root;
    private readonly string _prefix;
    private readonly RepositoryBoundary _boundary;
    private readonly HashSet<string> _visited = new HashSet<string>(StringComparer.Ordinal);
    private readonly List<string> _names = new List<string>();
    private readonly List<string> _artifacts = new List<string>();
    private readonly List<string> _analyzerFiles = new List<string>();
    private readonly List<string> _sourceFiles = new List<string>();
    private readonly List<string> _otherFiles = new List<string>();
    private readonly Func<string, bool>? _alsoList;

    private RepositoryWalk(string root, Func<string, bool>? alsoList)
    {
        _alsoList = alsoList;
        _prefix = root.EndsWith("/", StringComparison.Ordinal)
            || root.EndsWith("\\", StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
        _root = _prefix.TrimEnd('/', '\\');
        if (_root.Length == 0)
        {
            _root = "/";
        }
        _boundary = new RepositoryBoundary(_root);
    }

    /// <summary>The deployment artifacts and project files (the targets' PreflightArtifact items), sorted.</summary>
    public IReadOnlyList<string> Artifacts => _artifacts;

    /// <summary>The artifacts the analyzers get as AdditionalFiles, sorted.</summary>
    public IReadOnlyList<string> AnalyzerFiles => _analyzerFiles;

    /// <summary>The Python, TypeScript and JavaScript sources (PreflightSourceFile), sorted.</summary>
    public IReadOnlyList<string> SourceFiles => _sourceFiles;

    /// <summary>The further files the caller asked for by name (<see cref="Run(string, Func{string, bool})"/>),
    /// sorted.</summary>
    public IReadOnlyList<string> OtherFiles => _otherFiles;

    /// <summary>How many folders the walk entered.</summary>
    public int Folders { get; private set; }

    /// <summary>True when the walk stopped at <see cref="MaxFolders"/>.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Walks the repository under <paramref name="root"/> (a folder; written with or without a trailing
    /// separator).</summary>
    public static RepositoryWalk Run(string root) => Run(root, null);

    /// <summary>
    /// Walks the repository under <paramref name="root"/> and also lists, in <see cref="OtherFiles"/>, the files that
    /// Preflight does not look for whose name <paramref name="alsoList"/> accepts (found in the same folders, under the
    /// same
    /// link rules).
    /// </summary>
    public static RepositoryWalk Run(string root, Func<string, bool>? alsoList)
    {
        var walk = new RepositoryWalk(root, alsoList);
        walk.Walk(walk._root, 0);
        walk._artifacts.Sort(StringComparer.Ordinal);
        walk._analyzerFiles.Sort(StringComparer.Ordinal);
        walk._sourceFiles.Sort(StringComparer.Ordinal);
        walk._otherFiles.Sort(StringComparer.Ordinal);
        return walk;
    }

    private void Walk(string directory, int depth)
    {
        if (depth > MaxDepth || Folders >= MaxFolders)
        {
            Truncated |= Folders >= MaxFolders;
            return;
        }
        if (!_visited.Add(_boundary.RealPath(directory) ?? directory))
        {
            return; // a loop that escaped the checks below
        }
        Folders++;
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex) || ex is System.Security.SecurityException)
        {
            return;
        }
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo)
            {
                continue;
            }
            _names.Add(entry.Name);
            var role = ArtifactPatterns.Classify(_names);
            _names.RemoveAt(_names.Count - 1);
            var other = role == RepositoryFileRole.None && _alsoList != null && _alsoList(entry.Name);
            if (role == RepositoryFileRole.None && !other)
            {
                continue;
            }
            var path = entry.FullName;
            if (IsLink(entry) && _boundary.LeavesRepository(path))
            {
                continue; // a file linked from outside the repository is not the repository's
            }
            var written = Written(entry.Name);
            if (other)
            {
                _otherFiles.Add(written);
            }
            if ((role & RepositoryFileRole.Artifact) != 0)
            {
                _artifacts.Add(written);
            }
            if ((role & RepositoryFileRole.AnalyzerFile) != 0)
            {
                _analyzerFiles.Add(written);
            }
            if ((role & RepositoryFileRole.SourceFile) != 0)
            {
                _sourceFiles.Add(written);
            }
        }
        foreach (var entry in entries)
        {
            if (entry is not DirectoryInfo folder || ArtifactPatterns.IsExcludedFolder(folder.Name))
            {
                continue;
            }
            if (IsLink(folder) && (_boundary.LeavesRepository(folder.FullName) || WalkedElsewhere(folder.FullName)))
            {
                continue; // a link to / or out of the repository is never entered (MSBuild's ** followed it)
            }
            _names.Add(folder.Name);
            Walk(folder.FullName, depth + 1);
            _names.RemoveAt(_names.Count - 1);
        }
    }

    private string Written(string fileName)
    {
        var relative = _names.Count == 0 ? fileName : string.Join("/", _names) + "/" + fileName;
        return _prefix
            + (Path.DirectorySeparatorChar == '/' ? relative : relative.Replace('/', Path.DirectorySeparatorChar));
    }

    private static bool IsLink(FileSystemInfo entry)
    {
        try
        {
            return (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return true; // unknown: judged by the boundary, which treats what it cannot resolve as inside
        }
    }

    /// <summary>
    /// True for a link to a folder inside the repository that the walk reaches by its own path (or the root itself): it
    /// is
    /// not walked a second time (the checks read a file reached twice once, at its path without links).
    /// </summary>
    private bool WalkedElsewhere(string folder)
    {
        if (_boundary.Canonical(folder) is not { } canonical)
        {
            return true;
        }
        var relative = PathText.Relative(_boundary.Root, canonical);
        if (relative == "." || relative.Length == 0)
        {
            return true;
        }
        var parts = relative.Split('/');
        return parts.Length <= MaxDepth && !parts.Any(ArtifactPatterns.IsExcludedFolder);
    }
}
