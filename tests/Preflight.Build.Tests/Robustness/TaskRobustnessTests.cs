using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Preflight.Build.Tests.Robustness;

/// <summary>
/// The PreflightCheck task and <see cref="RepositoryChecks"/> on repositories whose every artifact is hostile (random
/// bytes, NULs, invalid UTF-8, BOM with CRLF, deep nesting, alias bombs), on file-system oddities (symlink loops,
/// dangling links, FIFOs and devices named like artifacts, folders named like files) and on a 100 MB file: the task
/// returns true, logs no error and no "stopped early", writes its findings, and finishes in bounded time.
/// </summary>
public class TaskRobustnessTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    public static IEnumerable<object[]> Variants => HostileRepository.Variants.Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_artifact_hostile_the_task_succeeds_without_stopping_early(string variant)
    {
        using var repo = new TempRepository();
        HostileRepository.Write(repo.Root, variant);

        RunAndAssert(repo, repo.Artifacts().ToList());
    }

    [SkippableFact]
    public void Symlink_loops_dangling_links_fifos_devices_and_folders_named_like_files_neither_hang_nor_throw()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links, FIFOs and /dev need a Unix file system");
        using var repo = new TempRepository();
        var artifacts = WriteSeeds(repo);

        // A directory symlink loop (a -> ..) and one to itself; the artifact list also has paths through them, as a host
        // that follows links would give.
        Assert.True(HostileRepository.Run("ln", "-s", "..", repo.Path("src/loop")));
        Assert.True(HostileRepository.Run("ln", "-s", ".", repo.Path("deploy/self")));
        artifacts.Add(repo.Path("src/loop/src/Api/Dockerfile"));
        artifacts.Add(repo.Path("src/loop/src/loop/compose.yaml"));
        artifacts.Add(repo.Path("deploy/self/self/self/app.yaml"));
        // Links to missing targets.
        foreach (var dangling in new[] { "deploy/dangling.yaml", "src/Api/appsettings.Staging.json", "tools/ingest/gone.py", "other/.env" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(repo.Path(dangling))!);
            Assert.True(HostileRepository.Run("ln", "-s", repo.Path("missing/" + dangling), repo.Path(dangling)));
            artifacts.Add(repo.Path(dangling));
        }
        // FIFOs named like artifacts: opening one for reading blocks until a writer comes, so a naive read hangs the build.
        foreach (var fifo in new[] { "deploy/pipe.yaml", "src/Api/Dockerfile.pipe", "src/Api/appsettings.Pipe.json", "tools/ingest/pipe.py",
                     ".github/workflows/pipe.yml", "other/compose.yaml", "other/.dockerignore", "web/vercel.json", "src/Pipe/Pipe.csproj" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(repo.Path(fifo))!);
            Assert.True(HostileRepository.Run("mkfifo", repo.Path(fifo)), "mkfifo " + fifo);
            artifacts.Add(repo.Path(fifo));
        }
        Assert.True(HostileRepository.Run("ln", "-s", "pipe.yaml", repo.Path("deploy/link-to-pipe.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "loop-b.yaml", repo.Path("deploy/loop-a.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "loop-a.yaml", repo.Path("deploy/loop-b.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "pipe.py", repo.Path("tools/ingest/link-to-pipe.py")));
        artifacts.AddRange(new[] { repo.Path("tools/ingest/link-to-pipe.py"), repo.Path("deploy/link-to-pipe.yaml"), repo.Path("deploy/loop-a.yaml"), repo.Path("deploy/loop-b.yaml") });
        repo.Write("other/Dockerfile", "FROM alpine\nCOPY . /app\n");
        artifacts.Add(repo.Path("other/Dockerfile"));
        // Devices behind artifact names: /dev/zero and /dev/urandom never end.
        Assert.True(HostileRepository.Run("ln", "-s", "/dev/zero", repo.Path("k8s/zero.yaml")));
        Assert.True(HostileRepository.Run("ln", "-s", "/dev/urandom", repo.Path("src/Api/.env.random")));
        artifacts.Add(repo.Path("k8s/zero.yaml"));
        artifacts.Add(repo.Path("src/Api/.env.random"));
        // Folders named like files.
        foreach (var folder in new[] { "src/Worker/Dockerfile", "deploy/folder.yaml", "src/Api/appsettings.Folder.json", "apps/vercel.json", "tools/folder.py", "src/Folder.csproj" })
        {
            Directory.CreateDirectory(repo.Path(folder));
            File.WriteAllText(Path.Combine(repo.Path(folder), "inner.txt"), "x");
            artifacts.Add(repo.Path(folder));
        }
        // Unreadable files: tests run as root in CI containers, where chmod 000 does not stop a read; the FIFOs and the
        // folders named like files above stand in for files that cannot be read.
        repo.Write("deploy/locked.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: locked}\n");
        HostileRepository.Run("chmod", "000", repo.Path("deploy/locked.yaml"));
        artifacts.Add(repo.Path("deploy/locked.yaml"));

        RunAndAssert(repo, artifacts);
    }

    [SkippableFact]
    public void A_hundred_megabyte_file_behind_every_artifact_name_is_not_read()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "the 100 MB file is shared through hard links (ln)");
        using var repo = new TempRepository();
        var artifacts = WriteSeeds(repo);
        // One sparse 100 MB file (fast, no disk used), hard-linked under a name of every kind.
        var huge = repo.Path("huge.bin");
        using (var stream = new FileStream(huge, FileMode.CreateNew))
        {
            stream.SetLength(100L * 1024 * 1024);
        }
        foreach (var name in new[] { "src/Api/Dockerfile.huge", "big/compose.yaml", "big/.env", "big/.dockerignore", "deploy/huge.yaml",
                     ".github/workflows/huge.yml", "src/Api/appsettings.Huge.json", "tools/ingest/huge.py", "big/vercel.json", "src/Huge/Huge.csproj" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(repo.Path(name))!);
            Assert.True(HostileRepository.Run("ln", huge, repo.Path(name)), "ln " + name);
            artifacts.Add(repo.Path(name));
        }
        File.Delete(huge);

        RunAndAssert(repo, artifacts);
    }

    /// <summary>Writes the seed of every artifact kind (a plausible repository); returns the artifact paths.</summary>
    private static List<string> WriteSeeds(TempRepository repo)
    {
        foreach (var (path, _) in HostileRepository.Files)
        {
            repo.Write(path, HostileRepository.Seed(path));
        }
        return HostileRepository.Files.Select(f => repo.Path(f.Path)).ToList();
    }

    private static void RunAndAssert(TempRepository repo, List<string> artifacts)
    {
        var sources = artifacts.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToList();
        var engine = new RecordingBuildEngine();
        var check = new PreflightCheck
        {
            BuildEngine = engine,
            ProjectFile = repo.Path(HostileRepository.ProjectFile),
            RepositoryRoot = repo.Root,
            Artifacts = artifacts.Where(p => !p.EndsWith(".py", StringComparison.Ordinal)).Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
            SourceFiles = sources.Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
            FindingsFile = repo.Path("obj/preflight/findings.tsv"),
            WatchFile = repo.Path("obj/preflight/watched.txt"),
            AbsentFile = repo.Path("obj/preflight/absent.txt"),
            SecretsInventoryFile = repo.Path("obj/preflight/secrets.md"),
            SecretsInventoryJsonFile = repo.Path("obj/preflight/secrets.json"),
            CheckEnvironment = true,
            EnvironmentVariable = _ => null,
        };

        var succeeded = Bounded("the PreflightCheck task", check.Execute);

        Assert.True(succeeded);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var said = string.Join("\n", engine.Messages.Select(m => m.Message));
        Assert.DoesNotContain("stopped early", said);
        Assert.DoesNotContain("Please report", said);
        Assert.DoesNotContain("could not write", said);
        Assert.True(File.Exists(check.FindingsFile), "the findings file was not written");
        Assert.True(File.Exists(check.WatchFile), "the watch file was not written");
        Assert.True(File.Exists(check.SecretsInventoryJsonFile), "the secrets inventory was not written");

        // The CLI's way: every project checked, the failures returned rather than logged.
        var context = new CheckContext(repo.Root, repo.Path(HostileRepository.ProjectFile), artifacts, sources, everyProjectUsesPreflight: true);
        var failures = Bounded("RepositoryChecks.Run", () => RepositoryChecks.Run(context));
        Assert.Empty(failures);
    }

    private static T Bounded<T>(string what, Func<T> work)
    {
        var task = System.Threading.Tasks.Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(Generous))
        {
            throw new XunitException($"{what} did not finish within {Generous.TotalSeconds} s (a hang or unbounded work)");
        }
        return task.Result;
    }

}
