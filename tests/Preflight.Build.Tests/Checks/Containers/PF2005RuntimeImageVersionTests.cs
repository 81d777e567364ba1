using System.Collections.Generic;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2005RuntimeImageVersionTests
{
    private static string Project(string frameworkXml) =>
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup>" + frameworkXml + "</PropertyGroup><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static List<Finding> Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        RuntimeImageVersionCheck.Run(context);
        return context.Findings;
    }

    private static List<Finding> RunInProjectFolder(string framework, string dockerfile)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project(framework))
            .Write("src/Api/Dockerfile", dockerfile);
        return Run(repo);
    }

    [Fact]
    public void Runtime_image_older_than_the_target_framework_is_reported_at_the_image()
    {
        var finding = Assert.Single(RunInProjectFolder("<TargetFramework>net9.0</TargetFramework>",
            "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n\nFROM   mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n"));

        Assert.Equal("PF2005", finding.RuleId);
        Assert.Equal((6, 8, 6, 43), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Equal("Runtime image 'mcr.microsoft.com/dotnet/aspnet:8.0' has .NET 8.0, but 'src/Api/Api.csproj' targets net9.0; the app will not start (use tag 9.0 or later)", finding.Message);
    }

    [Theory]
    [InlineData("ARG DOTNET_VERSION=8.0-alpine\nFROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION}\n", 2)]
    [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0.11-bookworm-slim\n", 1)]
    [InlineData("FROM dotnet/aspnet:8.0\n", 1)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nWORKDIR /app\nFROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN true\nFROM base AS final\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", 1)]
    public void Tags_ARG_defaults_and_base_stages_are_followed(string dockerfile, int line)
    {
        var finding = Assert.Single(RunInProjectFolder("<TargetFramework>net9.0</TargetFramework>", dockerfile));

        Assert.Equal(line, finding.Line);
        Assert.Contains("has .NET 8.0", finding.Message);
    }

    [Fact]
    public void Published_project_is_used_when_the_Dockerfile_is_elsewhere()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project("<TargetFrameworks>net10.0</TargetFrameworks>"))
            .Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY src/ src/\nRUN dotnet publish src/Api/Api.csproj -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY --from=build /out /app\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal((5, 6), (finding.Line, finding.Column));
        Assert.Contains("targets net10.0", finding.Message);
        Assert.Contains("use tag 10.0 or later", finding.Message);
    }

    [Fact]
    public void Framework_of_the_publish_command_wins_for_multi_targeted_projects()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project("<TargetFrameworks>net8.0;net9.0</TargetFrameworks>"))
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish Api.csproj -f net9.0 -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n");

        Assert.Contains("targets net9.0", Assert.Single(Run(repo)).Message);
    }

    [Theory]
    [InlineData("<TargetFramework>net8.0</TargetFramework>", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
    [InlineData("<TargetFramework>net8.0</TargetFramework>", "FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\n")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "FROM mcr.microsoft.com/dotnet/sdk:8.0\n")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "FROM mcr.microsoft.com/dotnet/aspnet:latest\n")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "FROM mcr.microsoft.com/dotnet/aspnet\n")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "ARG TAG\nFROM mcr.microsoft.com/dotnet/aspnet:${TAG}\n")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "FROM myregistry.io/dotnet/aspnet:8.0\n")]
    [InlineData("<TargetFramework>$(AppFramework)</TargetFramework>", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
    [InlineData("<TargetFrameworks>net8.0;net9.0</TargetFrameworks>", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nFROM alpine:3.20\n")]
    public void Matching_newer_unknown_or_other_images_are_not_reported(string framework, string dockerfile)
    {
        Assert.Empty(RunInProjectFolder(framework, dockerfile));
    }

    [Fact]
    public void Dockerfile_whose_project_is_not_known_is_not_checked()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project("<TargetFramework>net9.0</TargetFramework>"))
            .Write("docker/app.Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app/\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Target_framework_from_Directory_Build_props_is_used()
    {
        using var repo = new TempRepository()
            .Write("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>")
            .Write("src/Api/Api.csproj", Project(string.Empty))
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n");

        Assert.Contains("targets net9.0", Assert.Single(Run(repo)).Message);
    }
}
