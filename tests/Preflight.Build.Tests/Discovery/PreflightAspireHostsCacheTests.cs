using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Discovery;

/// <summary>
/// Issue 15 (fixed cost per project): every project of a build passes the same project files to PreflightAspireHosts; the
/// first project reads them, the others reuse its list within the build (the next build reads them again).
/// </summary>
public class PreflightAspireHostsCacheTests
{
    [Fact]
    public void The_AppHosts_are_found_once_per_build()
    {
        using var repo = new TempRepository()
            .Write("src/AppHost/AppHost.csproj", "<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"></Project>")
            .Write("src/AppHost/Program.cs", "var builder = DistributedApplication.CreateBuilder(args);")
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>");
        var projects = new ITaskItem[] { new TaskItem(repo.Path("src/Api/Api.csproj")), new TaskItem(repo.Path("src/AppHost/AppHost.csproj")) };
        var build = new CachingBuildEngine();
        var first = new PreflightAspireHosts { BuildEngine = build, Projects = projects };
        Assert.True(first.Execute());
        // The Api project becomes an AppHost after the first project of the build looked.
        repo.Write("src/Api/Api.csproj", "<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"></Project>");

        var sameBuild = new PreflightAspireHosts { BuildEngine = build, Projects = projects };
        Assert.True(sameBuild.Execute());
        var nextBuild = new PreflightAspireHosts { BuildEngine = new CachingBuildEngine(), Projects = projects };
        Assert.True(nextBuild.Execute());

        var expected = new[] { repo.Path("src/AppHost/AppHost.csproj"), repo.Path("src/AppHost/Program.cs") };
        Assert.Equal(expected, first.Files.Select(f => f.ItemSpec.Replace('\\', '/')));
        Assert.Equal(expected, sameBuild.Files.Select(f => f.ItemSpec.Replace('\\', '/')));
        Assert.Contains(repo.Path("src/Api/Api.csproj"), nextBuild.Files.Select(f => f.ItemSpec.Replace('\\', '/')));
    }
}

/// <summary>Issue 15 (no-op build): PreflightSpecialFiles judges each AdditionalFile once per build, not once per project.</summary>
public class PreflightSpecialFilesCacheTests
{
    [Fact]
    public void Each_file_is_judged_once_per_build()
    {
        using var repo = new TempRepository().Write("k8s/app.yaml", "kind: Pod\n").Write("k8s/data.yaml", "kind: ConfigMap\n");
        var files = new ITaskItem[] { new TaskItem(repo.Path("k8s/app.yaml")), new TaskItem(repo.Path("k8s/data.yaml")) };
        PreflightSpecialFiles Task(CachingBuildEngine engine) => new() { BuildEngine = engine, Files = files, Artifacts = files, RepositoryRoot = repo.Root };
        var build = new CachingBuildEngine();
        var first = Task(build);
        Assert.True(first.Execute());
        // A file that turns binary after the first project looked: the rest of the build keeps the first verdict.
        System.IO.File.WriteAllBytes(repo.Path("k8s/data.yaml"), new byte[] { 0, 1, 2, 0, 0, 0, 3, 0 });

        var sameBuild = Task(build);
        Assert.True(sameBuild.Execute());
        var nextBuild = Task(new CachingBuildEngine());
        Assert.True(nextBuild.Execute());

        Assert.Empty(first.SpecialFiles);
        Assert.Empty(sameBuild.SpecialFiles);
        Assert.Equal(new[] { repo.Path("k8s/data.yaml") }, nextBuild.SpecialFiles.Select(f => f.ItemSpec));
    }
}
