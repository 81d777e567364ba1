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
