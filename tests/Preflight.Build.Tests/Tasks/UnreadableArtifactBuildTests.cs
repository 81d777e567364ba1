using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Tasks;

/// <summary>
/// Issue 14 (4), the build's side: an artifact the build cannot read (a root-owned file in a bind-mounted folder) is
/// skipped with one message-level note and is not given to the compiler as an AdditionalFile (CS1504 would fail the
/// build). The CLI's side is tested in Preflight.Cli.Tests (UnreadableArtifactTests).
/// </summary>
public class UnreadableArtifactBuildTests
{
    [Fact]
    public void The_special_files_task_picks_an_artifact_it_cannot_read_with_one_note_and_leaves_the_users_own_files()
    {
        using var repo = new TempRepository()
            .Write("Dockerfile", "FROM alpine\n")
            .Write("api/appsettings.json", "{ \"A\": 1 }")
            .Write("compose.yaml", "services:\n  a:\n    build: .\n")
            .Write("api/notes.txt", "the user's own AdditionalFile\n");
        var unreadable = new[] { repo.Path("Dockerfile"), repo.Path("api/appsettings.json"), repo.Path("api/notes.txt") };
        ITaskItem Item(string relative) => new TaskItem(repo.Path(relative));
        var artifacts = new[] { Item("Dockerfile"), Item("api/appsettings.json"), Item("compose.yaml") };
        var engine = new RecordingBuildEngine();
        var task = new PreflightSpecialFiles
        {
            BuildEngine = engine,
            Files = artifacts.Append(Item("api/notes.txt")).ToArray(),
            Artifacts = artifacts,
            RepositoryRoot = repo.Root,
            CanRead = path => !unreadable.Contains(path.Replace('\\', '/')),
        };

        Assert.True(task.Execute());

        // Preflight's unreadable artifacts are picked (the targets remove them from AdditionalFiles); the user's own file is
        // left to the compiler, as the user added it.
        Assert.Equal(new[] { repo.Path("Dockerfile"), repo.Path("api/appsettings.json") }, task.SpecialFiles.Select(f => f.ItemSpec));
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Single(engine.Messages, m => m.Message!.Contains("Dockerfile' cannot be opened for reading", StringComparison.Ordinal));
        Assert.Single(engine.Messages, m => m.Message!.Contains("appsettings.json' cannot be opened for reading", StringComparison.Ordinal));
        Assert.All(engine.Messages, m => Assert.Equal(MessageImportance.Low, m.Importance));
    }

    [Fact]
    public void The_targets_remove_the_picked_files_from_AdditionalFiles_before_the_compiler_runs()
    {
        var targets = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "msbuild-tasks", "Preflight.Build", "build", "Preflight.targets"));
        var drop = targets.Descendants("Target").Single(t => (string?)t.Attribute("Name") == "_PreflightDropSpecialFiles");
        Assert.Contains("CoreCompile", (string?)drop.Attribute("BeforeTargets"));
        var task = drop.Element("PreflightSpecialFiles")!;
        Assert.Equal("@(AdditionalFiles)", (string?)task.Attribute("Files"));
        Assert.Equal("@(PreflightArtifact)", (string?)task.Attribute("Artifacts"));
        var output = (string?)task.Element("Output")!.Attribute("ItemName");
        Assert.Equal($"@({output})", (string?)drop.Descendants("AdditionalFiles").Single().Attribute("Remove"));
    }

    /// <summary>
    /// The real targets and task, run by MSBuild as a user who cannot read two artifacts: as root (who reads every file)
    /// through setpriv as 'nobody'. A plain project without the SDK: no restore, no compile; the probe target lists the
    /// AdditionalFiles the compiler would get.
    /// </summary>
    [SkippableFact]
    public void A_build_as_a_user_who_cannot_read_an_artifact_skips_it_with_a_note_keeps_other_findings_and_does_not_pass_it_to_the_compiler()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "chmod 000 needs a Unix file system");
        var root = Environment.UserName == "root";
        Skip.If(root && !File.Exists("/usr/bin/setpriv"), "as root, MSBuild must run as nobody through setpriv, which is not installed");
        var taskAssembly = typeof(PreflightSpecialFiles).Assembly.Location;
        var build = Path.Combine(TestPaths.RepositoryRoot, "msbuild-tasks", "Preflight.Build", "build");
        Skip.If(root && (!OthersCanReach(Path.GetDirectoryName(taskAssembly)!) || !OthersCanReach(build)),
            "as root, MSBuild runs as nobody, who cannot reach the task assembly or the targets in this checkout (a folder on their path is not world-searchable)");
        using var repo = new TempRepository()
            .Write(".git/HEAD", "ref: refs/heads/main\n")
            .Write("Dockerfile", "FROM alpine\nCOPY nothing /x\n")
            .Write("compose.yaml", "services:\n  a:\n    build: .\n    env_file: [ gone.env ]\n")
            .Write("api/appsettings.json", "{ \"A\": 1 }")
            .Write("api/api.csproj", $"""
                <Project>
                  <Import Project="{build}/Preflight.props" />
                  <PropertyGroup>
                    <PreflightTaskAssembly>{taskAssembly}</PreflightTaskAssembly>
                    <IntermediateOutputPath>obj/</IntermediateOutputPath>
                  </PropertyGroup>
                  <Import Project="{build}/Preflight.targets" />
                  <Target Name="Probe" DependsOnTargets="_PreflightDropSpecialFiles;PreflightCheckFiles;PreflightReportFindings">
                    <Message Importance="high" Text="COMPILER GETS: %(AdditionalFiles.Identity)" />
                  </Target>
                </Project>
                """);
        if (root)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(repo.Root, "*", SearchOption.AllDirectories).Prepend(repo.Root))
            {
                File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.OtherRead | UnixFileMode.OtherWrite |
                    (Directory.Exists(entry) ? UnixFileMode.OtherExecute : 0));
            }
        }
        File.SetUnixFileMode(repo.Path("Dockerfile"), UnixFileMode.None);
        File.SetUnixFileMode(repo.Path("api/appsettings.json"), UnixFileMode.None);

        var (exitCode, output) = MSBuild(repo, root);

        var lines = output.Split('\n');
        Assert.True(exitCode != 0, output);   // PF3001 fails the build
        Assert.Contains(lines, l => l.Contains("compose.yaml(4,", StringComparison.Ordinal) && l.Contains("error PF3001", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Dockerfile(", StringComparison.Ordinal));
        Assert.DoesNotContain("CS1504", output);
        Assert.DoesNotContain("MSB4018", output);
        Assert.Single(lines, l => l.Contains("Preflight: '" + repo.Path("Dockerfile") + "' cannot be opened for reading", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Preflight: '" + repo.Path("api/appsettings.json") + "' cannot be opened for reading", StringComparison.Ordinal));
        var passed = lines.Where(l => l.Contains("COMPILER GETS: ", StringComparison.Ordinal)).Select(l => l.Substring(l.IndexOf("COMPILER GETS: ", StringComparison.Ordinal) + 15).Trim()).ToList();
        Assert.Contains(repo.Path("compose.yaml"), passed);
        Assert.DoesNotContain(repo.Path("Dockerfile"), passed);
        Assert.DoesNotContain(repo.Path("api/appsettings.json"), passed);
    }

    private static (int ExitCode, string Output) MSBuild(TempRepository repo, bool asNobody)
    {
        var arguments = new[] { "dotnet", "msbuild", repo.Path("api/api.csproj"), "-t:Probe", "-v:d", "-nologo", "-nodeReuse:false" };
        var start = new ProcessStartInfo(asNobody ? "/usr/bin/setpriv" : "dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in asNobody ? new[] { "--reuid=65534", "--regid=65534", "--clear-groups" }.Concat(arguments) : arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("MSBuild did not finish within 180 s");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    /// <summary>True when every folder from the root down to <paramref name="directory"/> lets others search it (o+x).</summary>
    private static bool OthersCanReach(string directory)
    {
        for (var current = new DirectoryInfo(directory); current != null; current = current.Parent)
        {
            if ((File.GetUnixFileMode(current.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
