using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Tasks;

public class PreflightTasksTests
{
    [Fact]
    public void Check_writes_findings_that_report_replays_as_errors_with_code_file_and_position()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project />")
            .Write("src/Api/Dockerfile", "FROM x\nCOPY nope ./\n")
            .Write("build.sh", "docker build -t api src/Api\n");
        var engine = new RecordingBuildEngine();
        var check = new PreflightCheck
        {
            BuildEngine = engine,
            ProjectFile = repo.Path("src/Api/Api.csproj"),
            RepositoryRoot = repo.Root,
            Artifacts = repo.Artifacts().Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
            FindingsFile = repo.Path("obj/preflight/findings.tsv"),
            WatchFile = repo.Path("obj/preflight/watched.txt"),
        };

        Assert.True(check.Execute());
        Assert.Empty(engine.Errors);
        Assert.Contains(repo.Path("src/Api/Dockerfile"), File.ReadAllLines(check.WatchFile));

        var report = new PreflightReport { BuildEngine = engine, FindingsFile = check.FindingsFile };
        Assert.False(report.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PF2001", error.Code);
        Assert.Equal(repo.Path("src/Api/Dockerfile"), error.File);
        Assert.Equal((2, 6), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("'nope'", error.Message);
        Assert.Equal("https://github.com/preflight-dotnet/preflight/blob/main/docs/rules/PF2001.md", error.HelpLink);
    }

    [Fact]
    public void Report_skips_rules_listed_in_NoWarn()
    {
        using var repo = new TempRepository();
        repo.Write("obj/findings.tsv", new Preflight.Checks.Findings.Finding("PF2001", repo.Path("Dockerfile"), 2, 6, 2, 10, "COPY source 'x' ...").Serialize() + "\n");
        var engine = new RecordingBuildEngine();
        var report = new PreflightReport { BuildEngine = engine, FindingsFile = repo.Path("obj/findings.tsv"), NoWarn = "CS1591;pf2001" };

        Assert.True(report.Execute());
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Report_without_findings_file_logs_nothing_and_succeeds()
    {
        var engine = new RecordingBuildEngine();
        var report = new PreflightReport { BuildEngine = engine, FindingsFile = Path.Combine(Path.GetTempPath(), "does-not-exist.tsv") };
        Assert.True(report.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Check_survives_unreadable_and_binary_inputs()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project />")
            .Write("src/Api/Dockerfile", "\0\u0001\u0002COPY \0 x\n\\\n")
            .Write("docker-compose.yml", "services: [ {{{ \0");
        var engine = new RecordingBuildEngine();
        var check = new PreflightCheck
        {
            BuildEngine = engine,
            ProjectFile = repo.Path("src/Api/Api.csproj"),
            RepositoryRoot = repo.Root,
            Artifacts = repo.Artifacts().Append(repo.Path("gone/Dockerfile")).Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
            FindingsFile = repo.Path("obj/preflight/findings.tsv"),
            WatchFile = repo.Path("obj/preflight/watched.txt"),
        };

        Assert.True(check.Execute());
        Assert.Empty(engine.Errors);
        Assert.True(File.Exists(check.FindingsFile));
    }

}
