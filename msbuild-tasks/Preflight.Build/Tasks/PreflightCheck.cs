using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Checks;

namespace Preflight.Build.Tasks;

/// <summary>
/// Runs the checks that need the file system for one project and writes what it found to <see cref="FindingsFile"/>
/// and what it read to <see cref="WatchFile"/> (the next build's inputs). It logs nothing itself: <see cref="PreflightReport"/>
/// replays the findings on every build, so a skipped (up-to-date) check still shows its findings.
/// </summary>
public sealed class PreflightCheck : Task
{
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    [Required]
    public string RepositoryRoot { get; set; } = string.Empty;

    /// <summary>The deployment artifacts and project files of the repository, as the targets' globs found them.</summary>
    public ITaskItem[] Artifacts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The Python, TypeScript and JavaScript sources of the repository.</summary>
    public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string FindingsFile { get; set; } = string.Empty;

    [Required]
    public string WatchFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        var context = new CheckContext(RepositoryRoot, ProjectFile, Artifacts.Select(a => a.GetMetadata("FullPath")), SourceFiles.Select(a => a.GetMetadata("FullPath")));
        try
        {
            RepositoryChecks.Run(context);
        }
        catch (Exception ex)
        {
            // Never fail the build because of Preflight itself: say so, and keep what was found so far.
            Log.LogMessage(MessageImportance.High, $"Preflight: the file checks stopped early ({ex.GetType().Name}: {ex.Message}). Please report this.");
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FindingsFile))!);
            File.WriteAllLines(WatchFile, context.Watched.Concat(context.Artifacts).Distinct(StringComparer.Ordinal));
            File.WriteAllLines(FindingsFile, context.Findings.Distinct().Select(f => f.Serialize()));
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(MessageImportance.High, $"Preflight: could not write '{FindingsFile}' ({ex.Message}).");
        }
        return true;
    }
}
