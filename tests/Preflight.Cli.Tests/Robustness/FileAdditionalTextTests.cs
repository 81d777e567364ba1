using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Preflight.Cli.Analysis;
using Xunit;

namespace Preflight.Cli.Tests.Robustness;

/// <summary>The CLI hands artifacts to the analyzers itself: a FIFO or a link to one must read as empty, not block.</summary>
public class FileAdditionalTextTests
{
    [SkippableFact]
    public void A_fifo_and_a_link_to_it_read_as_empty_without_blocking()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "FIFOs (mkfifo) are Unix only");
        var folder = Path.Combine(Path.GetTempPath(), "preflight-cli-fifo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var pipe = Path.Combine(folder, "pipe.yaml");
            var link = Path.Combine(folder, "link.yaml");
            Assert.Equal(0, Run("mkfifo", pipe));
            Assert.Equal(0, Run("ln", "-s", "pipe.yaml", link));

            var read = Task.Run(() => (new FileAdditionalText(pipe).GetText()?.ToString(), new FileAdditionalText(link).GetText()?.ToString()));

            Assert.True(read.Wait(10_000), "reading a FIFO blocked");
            Assert.Equal((string.Empty, string.Empty), read.Result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit(10_000);
        return process.ExitCode;
    }
}
