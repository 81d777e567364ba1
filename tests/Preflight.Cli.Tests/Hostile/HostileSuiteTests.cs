using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Preflight.Artifacts;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Cli.Analysis;
using Preflight.Cli.Projects;
using Preflight.Tests;
using Xunit;

namespace Preflight.Cli.Tests.Hostile;

/// <summary>
/// Issue 14: hostile repositories (huge, deep, cyclic, binary, oddly encoded and oddly named files, links to / and out of
/// the repository, link loops, FIFOs, unreadable files), each run through both hosts: the MSBuild task's checks
/// (<see cref="RepositoryChecks"/> on the artifact list the targets' globs give, which follow links) and the CLI
/// in-process. Each call is bounded by a timeout (a hang fails, not a slow run); no host crashes, no finding names a
/// file outside the repository, and the file checks' findings are the same from both hosts.
/// </summary>
public class HostileSuiteTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>";

    /// <summary>Rule ids only the file checks report (the CLI's other findings come from the analyzers).</summary>
    private static readonly string[] FileCheckRules =
    {
        "PF2001", "PF2002", "PF2003", "PF2004", "PF2005", "PF2006", "PF2007", "PF2008", "PF3001", "PF3002", "PF3003", "PF3004", "PF3005", "PF3006",
        "PF4001", "PF5001", "PF5003", "PF5004", "PF6005",
    };

    public static IEnumerable<object[]> Cases => HostileCases.Names.Select(n => new object[] { n });

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Both_hosts_finish_without_crash_stay_inside_the_repository_and_agree(string name)
    {
        var hostile = HostileCases.Get(name);
        Skip.If(hostile.UnixOnly && RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "needs symbolic links and FIFOs");
        using var outside = new TempRepository();
        using var repo = new TempRepository();
        repo.Write(".git/HEAD", "ref: refs/heads/main\n")
            .Write("src/Api/Api.csproj", WebProject)
            .Write("src/Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/health\", () => \"ok\");\napp.Run();\n")
            .Write("src/Api/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n")
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY missing/ ./\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n")
            .Write("compose.yaml", "services:\n  api:\n    build: { context: ., dockerfile: src/Api/Dockerfile }\n    env_file: [ api.env ]\n");
        // Outside the repository: files that would give findings (and a committed secret) if they were read.
        outside.Write("Dockerfile", "FROM alpine\nCOPY nothing-here /x\n")
            .Write("compose.yaml", "services:\n  leak:\n    image: x\n    env_file: [ gone.env ]\n")
            .Write("appsettings.json", "{ \"Token\": \"ghp_" + new string('a', 16) + new string('Q', 20) + "\" }\n")
            .Write("k8s/deploy.yaml", "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: x\n      env:\n        - name: A\n          valueFrom: { secretKeyRef: { name: nowhere, key: k } }\n");
        var globbed = hostile.Write(repo, outside.Root);

        // The task, on what the targets' globs give (every file of the repository, and the paths through links).
        var projects = new[] { repo.Path("src/Api/Api.csproj") }.Concat(globbed.Where(p => p.EndsWith(".csproj", StringComparison.Ordinal))).Distinct().ToList();
        var artifacts = Listed(repo).Concat(globbed).Distinct().ToList();
        var taskFindings = new List<(string Rule, string File, int Line, int Column, string Message)>();
        var failures = new List<string>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var task = Task.Run(() =>
        {
            foreach (var project in projects)
            {
                var context = new CheckContext(repo.Root, project, artifacts, artifacts.Where(IsSource), everyProjectUsesPreflight: true);
                failures.AddRange(RepositoryChecks.Run(context));
                taskFindings.AddRange(context.Findings.Select(f => (f.RuleId, PathText.Normalize(f.File), f.Line, f.Column, f.Message)));
                notes.UnionWith(context.Notes.Keys);
            }
        });
        Assert.True(task.Wait(Bound), $"{name}: the task's checks did not finish within {Bound}");
        Assert.Empty(failures);

        // The CLI, in-process.
        using var cancel = new CancellationTokenSource(Bound);
        var check = new RepositoryCheck(new ReferencePacks());
        var cli = Task.Run(() => check.Run(repo.Root, cancel.Token));
        Assert.True(cli.Wait(Bound + TimeSpan.FromSeconds(10)), $"{name}: the CLI did not finish within {Bound}");
        Assert.Empty(check.InternalErrors);
        var cliFindings = cli.Result;

        var boundary = new RepositoryBoundary(repo.Root);
        foreach (var file in taskFindings.Select(f => f.File).Concat(cliFindings.Select(f => f.File)))
        {
            Assert.True(PathText.IsUnder(file, repo.Root) && !boundary.LeavesRepository(file), $"{name}: a finding on '{file}', outside the repository");
        }
        foreach (var note in notes.Concat(check.Notes.Select(n => n.Key)))
        {
            Assert.True(PathText.IsUnder(note, repo.Root), $"{name}: a note on '{note}', outside the repository");
        }
        var fromTask = taskFindings.Distinct().OrderBy(f => f).ToList();
        var fromCli = cliFindings.Where(f => FileCheckRules.Contains(f.RuleId))
            .Select(f => (f.RuleId, f.File, f.Line, f.Column, f.Message)).Distinct().OrderBy(f => f).ToList();
        Assert.Equal(fromTask.Where(f => FileCheckRules.Contains(f.Rule)), fromCli);
        Assert.All(fromTask.Where(f => !FileCheckRules.Contains(f.Rule)), f =>
            Assert.Contains(cliFindings, c => c.RuleId == f.Rule && c.File == f.File && c.Line == f.Line && c.Message == f.Message));
        hostile.Check?.Invoke(repo, fromTask.Select(f => (f.Rule, f.File, f.Message)).ToList(), notes.Concat(check.Notes.Select(n => n.Key)).ToList());
    }

    private static bool IsSource(string path) =>
        path.EndsWith(".py", StringComparison.Ordinal) || path.EndsWith(".ts", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal);

    /// <summary>Every file of the repository, links not followed (the links' own paths included), without .git.</summary>
    private static IEnumerable<string> Listed(TempRepository repo)
    {
        var pending = new Stack<string>();
        pending.Push(repo.Root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                var path = entry.FullName.Replace('\\', '/');
                if (entry.Name == ".git")
                {
                    continue;
                }
                if (entry is DirectoryInfo && entry.LinkTarget == null)
                {
                    pending.Push(path);
                }
                else if (entry is not DirectoryInfo)
                {
                    yield return path;
                }
            }
        }
    }
}
