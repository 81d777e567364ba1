using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Checks.Repository;

namespace Preflight.Build.Tasks;

/// <summary>
/// Finds the repository's deployment artifacts, project files and non-.NET sources (<see cref="RepositoryWalk"/>) once
/// per build: the first project of a build (per MSBuild node) walks the repository, the others get the same lists from
/// the build's task object cache (keyed by the root). This replaced the targets' item globs, which every project's
/// evaluation expanded (55–100 ms each, even when nothing had changed) and which followed links out of the
/// repository.
/// </summary>
public sealed class PreflightDiscover : Task
{
    private const string CacheKeyPrefix = "Preflight.Build.Tasks.PreflightDiscover|1|";

    [Required]
    public string RepositoryRoot { get; set; } = string.Empty;

    /// <summary>Every deployment artifact and project file (PreflightArtifact).</summary>
    [Output]
    public ITaskItem[] Artifacts { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The artifacts the analyzers read (AdditionalFiles).</summary>
    [Output]
    public ITaskItem[] AnalyzerFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The Python, TypeScript and JavaScript sources (PreflightSourceFile).</summary>
    [Output]
    public ITaskItem[] SourceFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            var walk = Cached();
            Artifacts = walk.Artifacts.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
            AnalyzerFiles = walk.AnalyzerFiles.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
            SourceFiles = walk.SourceFiles.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(MessageImportance.Low, "Preflight: the repository could not be walked: " + ex.Message);
        }
        return true;
    }

    private RepositoryWalk Cached()
    {
        var key = CacheKeyPrefix + RepositoryRoot;
        var engine = BuildEngine as IBuildEngine4;
        if (engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is RepositoryWalk cached)
        {
            Log.LogMessage(
                MessageImportance.Low,
                $"Preflight: the repository's files, as found earlier in this build ({cached.Artifacts.Count} " +
                $"artifacts, {cached.SourceFiles.Count} sources).");
            return cached;
        }
        var watch = Stopwatch.StartNew();
        var walk = RepositoryWalk.Run(RepositoryRoot);
        engine?.RegisterTaskObject(key, walk, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        Log.LogMessage(MessageImportance.Low,
            $"Preflight: walked {walk.Folders} folders of '{RepositoryRoot}' in {watch.ElapsedMilliseconds} ms: " +
                $"{walk.Artifacts.Count} artifacts, {walk.SourceFiles.Count} sources.");
        if (walk.Truncated)
        {
            Log.LogMessage(
                MessageImportance.Normal,
                $"Preflight: the repository has more than {RepositoryWalk.MaxFolders} folders; only the first were " +
                $"looked at.");
        }
        return walk;
    }
}
