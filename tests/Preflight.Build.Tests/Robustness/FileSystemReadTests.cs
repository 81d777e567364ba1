using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Robustness;

/// <summary>Regression tests for <see cref="FileSystem.ReadText"/> on files that are not regular files.</summary>
public class FileSystemReadTests
{
    [SkippableFact]
    public void A_fifo_reads_as_empty_without_blocking()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "FIFOs (mkfifo) are Unix only");
        using var repo = new TempRepository();
        var path = repo.Path("deploy/pipe.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.True(HostileRepository.Run("mkfifo", path));

        var read = Task.Run(() => FileSystem.ReadText(path));

        Assert.True(read.Wait(10_000), "reading a FIFO blocked");
        Assert.Equal(string.Empty, read.Result);
    }

    [SkippableFact]
    public void A_link_to_a_fifo_reads_as_empty_without_blocking()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "FIFOs (mkfifo) are Unix only");
        using var repo = new TempRepository();
        Directory.CreateDirectory(repo.Path("deploy"));
        Assert.True(HostileRepository.Run("mkfifo", repo.Path("deploy/pipe")));
        Assert.True(HostileRepository.Run("ln", "-s", "pipe", repo.Path("deploy/link.yaml")));

        var read = Task.Run(() => FileSystem.ReadText(repo.Path("deploy/link.yaml")));

        Assert.True(read.Wait(10_000), "reading a link to a FIFO blocked");
        Assert.Equal(string.Empty, read.Result);
    }

    [SkippableFact]
    public void Links_to_regular_files_read_their_target_and_link_loops_read_as_nothing()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links (ln -s) need a Unix file system here");
        using var repo = new TempRepository();
        repo.Write("shared/.env", "A=1\n");
        Assert.True(HostileRepository.Run("ln", "-s", "shared/.env", repo.Path(".env")));
        Assert.True(HostileRepository.Run("ln", "-s", "b.yaml", repo.Path("a.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "a.yaml", repo.Path("b.yaml")));

        Assert.Equal("A=1\n", FileSystem.ReadText(repo.Path(".env")));
        Assert.Null(FileSystem.ReadText(repo.Path("a.yaml")));
    }

    [SkippableFact]
    public void A_link_to_an_endless_device_reads_as_empty()
    {
        Skip.If(!File.Exists("/dev/zero"), "no /dev/zero here");
        using var repo = new TempRepository();
        var path = repo.Path("k8s/zero.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.True(HostileRepository.Run("ln", "-s", "/dev/zero", path));

        var read = Task.Run(() => FileSystem.ReadText(path));

        Assert.True(read.Wait(10_000), "reading /dev/zero did not end");
        Assert.Equal(string.Empty, read.Result);
    }

    [Fact]
    public void Regular_files_read_as_before_bom_removed_and_too_large_ones_not_at_all()
    {
        using var repo = new TempRepository();
        File.WriteAllBytes(repo.Path("bom.env"), new byte[] { 0xEF, 0xBB, 0xBF, (byte)'A', (byte)'=', (byte)'1', (byte)'\r', (byte)'\n' });
        File.WriteAllText(repo.Path("empty.env"), string.Empty);
        using (var stream = new FileStream(repo.Path("big.env"), FileMode.CreateNew))
        {
            stream.SetLength(FileSystem.MaxReadBytes + 1);
        }

        Assert.Equal("A=1\r\n", FileSystem.ReadText(repo.Path("bom.env")));
        Assert.Equal(string.Empty, FileSystem.ReadText(repo.Path("empty.env")));
        Assert.Null(FileSystem.ReadText(repo.Path("big.env")));
        Assert.Null(FileSystem.ReadText(repo.Path("missing.env")));
        Directory.CreateDirectory(repo.Path("folder.env"));
        Assert.Null(FileSystem.ReadText(repo.Path("folder.env")));
    }

    [SkippableFact]
    public void Fifos_and_devices_are_special_files_and_empty_regular_files_are_not()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "FIFOs and devices are Unix only");
        using var repo = new TempRepository();
        Assert.True(HostileRepository.Run("mkfifo", repo.Path("pipe.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "pipe.yaml", repo.Path("link.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "/dev/null", repo.Path("null.yaml")));
        repo.Write("empty.yaml").Write("full.yaml", "a: 1\n");
        Directory.CreateDirectory(repo.Path("folder.yaml"));

        Assert.True(SpecialFiles.IsSpecial(repo.Path("pipe.yaml")));
        Assert.True(SpecialFiles.IsSpecial(repo.Path("link.yaml")));
        Assert.True(SpecialFiles.IsSpecial(repo.Path("null.yaml")));
        Assert.False(SpecialFiles.IsSpecial(repo.Path("empty.yaml")));
        Assert.False(SpecialFiles.IsSpecial(repo.Path("full.yaml")));
        Assert.False(SpecialFiles.IsSpecial(repo.Path("folder.yaml")));
        Assert.False(SpecialFiles.IsSpecial(repo.Path("missing.yaml")));
    }

    [SkippableFact]
    public void The_special_files_task_picks_fifos_dangling_links_and_binary_artifacts_among_the_additional_files()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "FIFOs are Unix only");
        using var repo = new TempRepository();
        Directory.CreateDirectory(repo.Path("deploy"));
        Assert.True(HostileRepository.Run("mkfifo", repo.Path("deploy/pipe.yaml")));
        repo.Write("deploy/app.yaml", "a: 1\n").Write("deploy/empty.yaml").Write("deploy/nul.yaml", "a: 1\n\0b: 2\n");
        File.WriteAllBytes(repo.Path("Dockerfile.bin"), new byte[] { (byte)'F', 0x00, 0x00, 0x17 });
        File.WriteAllBytes(repo.Path("deploy/utf16.yaml"), System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("a: 1\n")).ToArray());
        Assert.True(HostileRepository.Run("ln", "-s", "nowhere.yaml", repo.Path("deploy/dangling.yaml")));
        var files = new[] { "deploy/app.yaml", "deploy/empty.yaml", "deploy/pipe.yaml", "deploy/dangling.yaml", "deploy/nul.yaml", "Dockerfile.bin", "deploy/utf16.yaml", "user/missing.json" }
            .Select(p => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(repo.Path(p))).ToArray();
        var task = new Preflight.Build.Tasks.PreflightSpecialFiles { BuildEngine = new NullEngine(), Files = files, Artifacts = files.Take(7).ToArray() };

        Assert.True(task.Execute());

        // The user's own missing AdditionalFile is left to the compiler; Preflight's dangling link and binary file (CS2015
        // when read) are not passed on; one NUL or UTF-16 is text.
        Assert.Equal(new[] { repo.Path("deploy/pipe.yaml"), repo.Path("deploy/dangling.yaml"), repo.Path("Dockerfile.bin") }, task.SpecialFiles.Select(f => f.ItemSpec));
    }

    private sealed class NullEngine : Microsoft.Build.Framework.IBuildEngine
    {
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.proj";
        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => true;
        public void LogCustomEvent(Microsoft.Build.Framework.CustomBuildEventArgs e) { }
        public void LogErrorEvent(Microsoft.Build.Framework.BuildErrorEventArgs e) { }
        public void LogMessageEvent(Microsoft.Build.Framework.BuildMessageEventArgs e) { }
        public void LogWarningEvent(Microsoft.Build.Framework.BuildWarningEventArgs e) { }
    }
}
