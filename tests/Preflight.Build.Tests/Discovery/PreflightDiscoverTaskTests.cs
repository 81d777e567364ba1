using System.IO;
using System.Linq;
using System.Xml.Linq;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Discovery;

/// <summary>
/// Issue 15: the repository is walked once per build, not globbed at every project's evaluation. The task gives the
/// targets PreflightArtifact, PreflightSourceFile and the analyzers' AdditionalFiles, and the other projects of the build
/// get the first walk's lists from the build's task object cache.
/// </summary>
public class PreflightDiscoverTaskTests
{
    private static PreflightDiscover Task(CachingBuildEngine engine, string root) => new() { BuildEngine = engine, RepositoryRoot = root };

    [Fact]
    public void Gives_the_artifacts_the_sources_and_the_analyzer_files_as_items()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project />").Write("src/Api/Dockerfile", "FROM x\n").Write("build.sh", "echo\n").Write("tools/main.py", "print(1)\n");
        var task = Task(new CachingBuildEngine(), repo.Root + "/");

        Assert.True(task.Execute());

        Assert.Equal(new[] { repo.Path("build.sh"), repo.Path("src/Api/Api.csproj"), repo.Path("src/Api/Dockerfile") }, task.Artifacts.Select(i => i.ItemSpec));
        Assert.Equal(new[] { repo.Path("src/Api/Api.csproj"), repo.Path("src/Api/Dockerfile") }, task.AnalyzerFiles.Select(i => i.ItemSpec));
        Assert.Equal(new[] { repo.Path("tools/main.py") }, task.SourceFiles.Select(i => i.ItemSpec));
        Assert.Equal(".csproj", task.Artifacts[1].GetMetadata("Extension"));
    }

    [Fact]
    public void The_other_projects_of_a_build_reuse_the_first_walk_and_another_build_walks_again()
    {
        using var repo = new TempRepository().Write("Dockerfile", "FROM x\n");
        var build = new CachingBuildEngine();
        Assert.True(Task(build, repo.Root + "/").Execute());
        repo.Write("compose.yaml", "services: {}\n");

        var sameBuild = Task(build, repo.Root + "/");
        Assert.True(sameBuild.Execute());
        var nextBuild = Task(new CachingBuildEngine(), repo.Root + "/");
        Assert.True(nextBuild.Execute());

        Assert.Equal(1, build.Registered);
        Assert.Equal(new[] { repo.Path("Dockerfile") }, sameBuild.Artifacts.Select(i => i.ItemSpec));
        Assert.Equal(new[] { repo.Path("Dockerfile"), repo.Path("compose.yaml") }, nextBuild.Artifacts.Select(i => i.ItemSpec));
        Assert.Contains(build.Messages, m => m.Message != null && m.Message.Contains("as found earlier in this build"));
    }

    [Fact]
    public void A_missing_root_gives_no_items_and_no_error()
    {
        var engine = new CachingBuildEngine();
        var task = Task(engine, Path.Combine(Path.GetTempPath(), "preflight-tests", "no-such-root") + "/");

        Assert.True(task.Execute());

        Assert.Empty(task.Artifacts);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void The_targets_glob_nothing_recursively_at_evaluation()
    {
        // Items outside targets are expanded at every project's evaluation: no pattern there may walk the repository.
        var targets = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "msbuild-tasks", "Preflight.Build", "build", "Preflight.targets"));
        var evaluated = targets.Root!.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements())
            .Select(item => (string?)item.Attribute("Include") ?? string.Empty).ToList();

        Assert.NotEmpty(evaluated);
        Assert.DoesNotContain(evaluated, include => include.Contains("**"));
    }
}
