using System;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Preflight.Build.Tasks;

/// <summary>
/// Lists the repository's Aspire AppHost project files and their C# files, which the targets pass to the analyzers as
/// AdditionalFiles: an AppHost declares the configuration of the projects it runs (PF1001/PF1002).
/// </summary>
public sealed class PreflightAspireHosts : Task
{
    /// <summary>The repository's project files (other artifacts are ignored).</summary>
    public ITaskItem[] Projects { get; set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            var projects = Projects.Select(p => p.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal).ToList();
            // Every project of a build passes the same project files: the first finds the AppHosts, the others reuse
            // its list.
            var key = "Preflight.Build.Tasks.PreflightAspireHosts|1|" + string.Join("\n", projects);
            var engine = BuildEngine as IBuildEngine4;
            if (engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is not string[] found)
            {
                found = AppHostFiles.Find(projects).ToArray();
                engine?.RegisterTaskObject(key, found, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            }
            Files = found.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(MessageImportance.Low, "Preflight: the Aspire AppHosts could not be listed: " + ex.Message);
        }
        return true;
    }
}
