using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Checks;

namespace Preflight.Build.Tasks;

/// <summary>
/// Picks the AdditionalFiles the compiler must not read: FIFOs, devices and sockets (an analyzer reading a FIFO would
/// block the compiler forever), and, among Preflight's own artifacts, paths with nothing to read (dangling symbolic
/// links, link loops), which the targets' globs list but the compiler could not open, and binary files (the compiler
/// fails the build with CS2015 when an analyzer reads one, e.g. a binary <c>Dockerfile.*</c>).
/// </summary>
public sealed class PreflightSpecialFiles : Task
{
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Preflight's artifacts: of these, the unreadable ones are picked too.</summary>
    public ITaskItem[] Artifacts { get; set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] SpecialFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var artifacts = new HashSet<string>(Artifacts.Select(a => a.GetMetadata("FullPath")), StringComparer.Ordinal);
        SpecialFiles = Files.Where(f =>
        {
            var path = f.GetMetadata("FullPath");
            return Checks.SpecialFiles.IsSpecial(path) || (artifacts.Contains(path) && (FileSystem.Length(path) == null || Checks.SpecialFiles.IsBinary(path)));
        }).ToArray();
        foreach (var file in SpecialFiles)
        {
            Log.LogMessage(MessageImportance.Low, $"Preflight: '{file.ItemSpec}' is no readable text file (a FIFO, device, socket, dangling link or binary file); it is not passed to the analyzers.");
        }
        return true;
    }
}
