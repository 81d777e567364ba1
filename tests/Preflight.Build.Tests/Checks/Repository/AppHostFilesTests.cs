using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>The AppHost files the targets pass to the analyzers: only AppHosts' project files and C# files, without bin/obj.</summary>
public class AppHostFilesTests
{
    [Fact]
    public void Only_an_AppHosts_project_file_and_its_sources_are_listed()
    {
        using var repo = new TempRepository()
            .Write("src/AppHost/AppHost.csproj", "<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"></Project>")
            .Write("src/AppHost/Program.cs", "var builder = DistributedApplication.CreateBuilder(args);")
            .Write("src/AppHost/Extensions/Routes.cs", "static class Routes { }")
            .Write("src/AppHost/obj/Debug/Generated.cs", "class G { }")
            .Write("src/AppHost/bin/Debug/Copied.cs", "class C { }")
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>")
            .Write("src/Api/Program.cs", "")
            .Write("tests/Api.Tests/Api.Tests.csproj", "<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"><ItemGroup><PackageReference Include=\"xunit\" /></ItemGroup></Project>")
            .Write("tests/Api.Tests/Fixture.cs", "");

        var files = AppHostFiles.Find(repo.Artifacts().Where(p => p.EndsWith(".csproj")).OrderBy(p => p))
            .Select(p => p.Replace('\\', '/').Substring(repo.Root.Length + 1));

        Assert.Equal(new[] { "src/AppHost/AppHost.csproj", "src/AppHost/Extensions/Routes.cs", "src/AppHost/Program.cs" }, files);
    }
}
