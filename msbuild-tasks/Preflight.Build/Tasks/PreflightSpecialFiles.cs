using System;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Checks;

namespace Preflight.Build.Tasks;

/// <summary>
/// Picks the FIFOs, devices and sockets among the artifacts the targets found, so that they are not passed to the
/// compiler as AdditionalFiles (an analyzer reading a FIFO would block the compiler forever).
/// </summary>
public sealed class PreflightSpecialFiles : Task
{
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] SpecialFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        SpecialFiles = Files.Where(f => Checks.SpecialFiles.IsSpecial(f.GetMetadata("FullPath"))).ToArray();
        foreach (var file in SpecialFiles)
        {
            Log.LogMessage(MessageImportance.Low, $"Preflight: '{file.ItemSpec}' is a FIFO, device or socket; it is not read.");
        }
        return true;
    }
}
