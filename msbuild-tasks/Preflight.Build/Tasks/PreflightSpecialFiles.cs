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

    [Output]
    public ITaskItem[] SpecialFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var artifacts = new HashSet<string>(Artifacts.Select(a => a.GetMetadata("FullPath")), StringComparer.Ordinal);
        var boundary = string.IsNullOrEmpty(RepositoryRoot) ? null : new RepositoryBoundary(RepositoryRoot!);
        var picked = new List<ITaskItem>();
        foreach (var file in Files)
        {
            var path = file.GetMetadata("FullPath");
            if (AnalyzerFileFilter.SkipReason(path, artifacts.Contains(path), boundary) is { } reason)
            {
                picked.Add(file);
                Log.LogMessage(MessageImportance.Low, $"Preflight: '{file.ItemSpec}' {reason}: not checked, not passed to the analyzers.");
            }
        }
        SpecialFiles = picked.ToArray();
        return true;
    }
}
