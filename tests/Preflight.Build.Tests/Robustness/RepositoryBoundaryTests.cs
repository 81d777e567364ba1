using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Robustness;

/// <summary>
/// Issue 14 (2): the build followed links out of the repository (a link to / or /etc) and reported files outside it.
/// A path that leads out of the repository through a link is never read, listed or reported; links inside are followed.
/// </summary>
public class RepositoryBoundaryTests
{
    private static void Link(string target, string link) => File.CreateSymbolicLink(link, target);

    [SkippableFact]
    public void Links_to_the_root_of_the_disk_and_outside_leave_links_inside_stay_and_loops_leave()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links need a Unix file system here");
        using var outside = new TempRepository().Write("secret/appsettings.json", "{}");
        using var repo = new TempRepository().Write("src/Api/appsettings.json", "{}");
        Link("/", repo.Path("rootlink"));
        Link(outside.Root, repo.Path("ext"));
        Link("src/Api", repo.Path("api"));
        Link("loop-b", repo.Path("loop-a"));
        Link("loop-a", repo.Path("loop-b"));
        var boundary = new RepositoryBoundary(repo.Root);

        Assert.True(boundary.LeavesRepository(repo.Path("rootlink/etc/passwd")));
        Assert.True(boundary.LeavesRepository(repo.Path("ext/secret/appsettings.json")));
        Assert.True(boundary.LeavesRepository(repo.Path("loop-a/x.yaml")));
        Assert.False(boundary.LeavesRepository(repo.Path("api/appsettings.json")));
        Assert.False(boundary.LeavesRepository(repo.Path("src/Api/appsettings.json")));
        Assert.Equal(repo.Path("src/Api/appsettings.json"), boundary.Canonical(repo.Path("api/appsettings.json")));
    }

    [SkippableFact]
    public void The_checks_drop_artifacts_behind_a_link_out_of_the_repository_and_never_read_them()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links need a Unix file system here");
        using var outside = new TempRepository()
            .Write("compose.yaml", "services:\n  leak:\n    image: x\n    env_file: [ gone.env ]\n")
            .Write("Dockerfile", "FROM alpine\nCOPY nothing /x\n");
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
            .Write("src/Api/Dockerfile", "FROM alpine\nCOPY missing /x\n")
            .Write("build.sh", "docker build -t api src/Api\n");
        Link(outside.Root, repo.Path("ext"));
        Link(repo.Path("src"), repo.Path("alias"));
        var artifacts = repo.Artifacts().Concat(new[]
        {
            repo.Path("ext/compose.yaml"), repo.Path("ext/Dockerfile"), repo.Path("alias/Api/Dockerfile"), repo.Path("alias/Api/Api.csproj"),
        }).ToList();
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), artifacts);

        RepositoryChecks.Run(context);

        Assert.DoesNotContain(context.Artifacts, a => a.Contains("/ext/") || a.Contains("/alias/"));
        Assert.Null(context.ReadText(repo.Path("ext/compose.yaml")));
        var finding = Assert.Single(context.Findings);
        Assert.Equal("PF2001", finding.RuleId);
        Assert.Equal(repo.Path("src/Api/Dockerfile"), finding.File);
        Assert.DoesNotContain(context.Watched, w => w.Contains("/ext/"));
    }
}
