using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>Issue 17 pattern 7: a project owns the Dockerfile that publishes it, not every Dockerfile that copies its project file.</summary>
public class DockerfileOwnershipTests
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static string[] Messages(TempRepository repo, string project)
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        BuildContextCheck.Run(context);
        return context.Findings.Select(f => f.File.Substring(repo.Root.Length + 1) + ": " + f.Message).ToArray();
    }

    [Fact]
    public void A_Dockerfile_that_copies_every_project_file_is_checked_by_the_project_it_publishes()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("src/Worker/Dockerfile",
                "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nCOPY src/Worker/Worker.csproj src/Worker/\nRUN dotnet restore src/Worker/Worker.csproj\n" +
                "COPY src/ src/\nCOPY src/Worker/missing.json /app/\nRUN dotnet publish src/Worker/Worker.csproj -o /app\n");

        Assert.Empty(Messages(repo, "src/Api/Api.csproj"));
        Assert.Contains("'src/Worker/missing.json'", Assert.Single(Messages(repo, "src/Worker/Worker.csproj")));
    }

    [Fact]
    public void A_Dockerfile_that_publishes_no_project_of_the_repository_is_checked_once_by_the_owner()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Api/Api.Tests.csproj", Project)
            .Write("src/Api/Program.cs", "return;")
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Program.cs Api.csproj ./\nCOPY missing/ ./missing/\nENTRYPOINT [\"dotnet\", \"Legacy.dll\"]\n");

        // Both projects lie beside the Dockerfile, but it runs neither: the owner (first in path order) checks it.
        Assert.Single(Messages(repo, "src/Api/Api.Tests.csproj"));
        Assert.Empty(Messages(repo, "src/Api/Api.csproj"));
    }

    [Fact]
    public void The_entrypoint_dll_names_the_owner_by_its_AssemblyName()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Orders/Orders.csproj", Project.Replace("<ItemGroup>", "<PropertyGroup><AssemblyName>Acme.Orders</AssemblyName></PropertyGroup><ItemGroup>"))
            .Write("docker/orders.Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY src/Orders/Orders.csproj src/Api/Api.csproj ./\nCOPY src/Orders/missing/ ./\nENTRYPOINT [\"dotnet\", \"Acme.Orders.dll\"]\n");

        Assert.Empty(Messages(repo, "src/Api/Api.csproj"));
        Assert.Single(Messages(repo, "src/Orders/Orders.csproj"));
    }
}
