using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Deployment;

namespace Preflight.Checks.Repository;

/// <summary>
/// What the checks of every project share when one process checks many projects of a repository (the CLI): the
/// artifact lists without aliases, the files' texts, the compose projects and the builds found in CI definitions, each
/// computed once per run rather than once per project. Thread-safe (projects are checked in parallel). The MSBuild task
/// checks one project per run and passes none. What each project's context records (notes, watched paths) is recorded
/// by the context that reads first; a host sharing a run merges the notes of every context (the CLI does).
/// </summary>
public sealed class CheckRun
{
    private readonly ConcurrentDictionary<string, string?> _texts = new ConcurrentDictionary<string,
        string?>(StringComparer.Ordinal);
    private readonly object _lock = new object();
    private Lazy<List<(string Path, ComposeFile File)>>? _compose;
    private Lazy<DockerBuildFinder>? _finder;
    private readonly ConcurrentDictionary<string, LayoutOwners> _owners = new ConcurrentDictionary<string,
        LayoutOwners>(StringComparer.Ordinal);

    public CheckRun(string repositoryRoot, IEnumerable<string> artifactPaths, IEnumerable<string>? sourceFiles = null)
    {
        RepositoryRoot = repositoryRoot;
        var boundary = new RepositoryBoundary(repositoryRoot);
        SourceFiles = boundary.WithoutAliases(sourceFiles ?? Enumerable.Empty<string>());
        Artifacts = boundary.WithoutAliases(artifactPaths);
    }

    public string RepositoryRoot { get; }

    /// <summary>The artifacts, a file reached twice (through a link inside the repository) once, at its path without
    /// links.</summary>
    public IReadOnlyList<string> Artifacts { get; }

    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>The text of a file (<see cref="FileSystem.ReadText"/>), read once per run.</summary>
    internal string? ReadText(string normalizedPath) => _texts.GetOrAdd(normalizedPath, FileSystem.ReadText);

    internal List<(string Path, ComposeFile File)> Compose(Func<List<(string Path, ComposeFile File)>> load) =>
        Once(ref _compose, load).Value;

    /// <summary>The owners shared by the layouts with these Preflight projects (in the CLI: every layout of the
    /// run).</summary>
    internal LayoutOwners OwnersFor(IReadOnlyList<string> preflightProjects) =>
        _owners.GetOrAdd(string.Join("\n", preflightProjects), _ => new LayoutOwners());

    internal DockerBuildFinder Finder(Func<DockerBuildFinder> find) => Once(ref _finder, find).Value;

    private Lazy<T> Once<T>(ref Lazy<T>? slot, Func<T> compute)
    {
        lock (_lock)
        {
            return slot ??= new Lazy<T>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }
}
