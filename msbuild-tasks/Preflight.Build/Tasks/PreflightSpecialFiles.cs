using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Preflight.Build.Tasks;

/// <summary>
/// Picks the AdditionalFiles the compiler must not read: FIFOs, devices and sockets (an analyzer reading a FIFO would
/// block the compiler forever), and, among Preflight's own artifacts, paths with nothing to read (dangling symbolic
/// links, link loops), which the targets' globs list but the compiler could not open, and binary files (the compiler
/// fails the build with CS2015 when an analyzer reads one, e.g. a binary <c>Dockerfile.*</c>), files the build cannot
/// open (CS1504) and links that lead out of the repository (<see cref="AnalyzerFileFilter"/>).
/// </summary>
public sealed class PreflightSpecialFiles : Task
{
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Preflight's artifacts: of these, the unreadable ones are picked too.</summary>
    public ITaskItem[] Artifacts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The repository root: artifacts that lead out of it through a symbolic link are picked.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Whether a file can be opened for reading; <see cref="AnalyzerFileFilter.CanRead"/> unless a test
    /// replaces it (root reads every file).</summary>
    internal Func<string, bool>? CanRead { get; set; }

    [Output]
    public ITaskItem[] SpecialFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var artifacts = new HashSet<string>(Artifacts.Select(a => a.GetMetadata("FullPath")), StringComparer.Ordinal);
        var verdicts = Verdicts();
        var picked = new List<ITaskItem>();
        foreach (var file in Files)
        {
            var path = file.GetMetadata("FullPath");
            var isArtifact = artifacts.Contains(path);
            // Every project of a build passes the repository's artifacts: each file is judged once per build.
            var key = (isArtifact ? "A|" : "F|") + path;
            string? reason;
            lock (verdicts)
            {
                if (!verdicts.Reasons.TryGetValue(key, out reason))
                {
                    reason = AnalyzerFileFilter.SkipReason(path, isArtifact, verdicts.Boundary, CanRead);
                    verdicts.Reasons[key] = reason;
                }
            }
            if (reason != null)
            {
                picked.Add(file);
                Log.LogMessage(
                    MessageImportance.Low,
                    $"Preflight: '{file.ItemSpec}' {reason}: not checked, not passed to the analyzers.");
            }
        }
        SpecialFiles = picked.ToArray();
        return true;
    }

    /// <summary>The verdicts of this build for this root (the build's task object cache), or new ones.</summary>
    private BuildVerdicts Verdicts()
    {
        var key = "Preflight.Build.Tasks.PreflightSpecialFiles|1|" + RepositoryRoot;
        // A test's readability check is its own: its verdicts are not shared with the build's.
        var engine = CanRead == null ? BuildEngine as IBuildEngine4 : null;
        if (engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is BuildVerdicts known)
        {
            return known;
        }
        var verdicts = new BuildVerdicts(
            string.IsNullOrEmpty(RepositoryRoot) ? null : new RepositoryBoundary(RepositoryRoot!));
        engine?.RegisterTaskObject(key, verdicts, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return verdicts;
    }

    /// <summary>Why each file was dropped (null: kept), by kind and path, and the boundary's resolved links.</summary>
    private sealed class BuildVerdicts
    {
        public BuildVerdicts(RepositoryBoundary? boundary) => Boundary = boundary;

        public RepositoryBoundary? Boundary { get; }

        public Dictionary<string, string?> Reasons { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);
    }
}
