using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>Common, working Dockerfile shapes (documentation samples, IDE templates): the Dockerfile rules stay silent.</summary>
public class RealisticDockerfileTests
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    [Theory]
    [InlineData(
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /source\nCOPY *.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish --no-restore -o /app\n" +
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080\nWORKDIR /app\nCOPY --from=build /app .\nUSER $APP_UID\nENTRYPOINT [\"./aspnetapp\"]")]
    [InlineData(
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /source\nCOPY *.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish --no-restore -o /app\n" +
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"aspnetapp.dll\"]")]
    [InlineData(
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER $APP_UID\nWORKDIR /app\nEXPOSE 8080\n" +
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY [\"src/Api/aspnetapp.csproj\", \"src/Api/\"]\n" +
        "RUN dotnet restore \"./src/Api/aspnetapp.csproj\"\nCOPY . .\nWORKDIR \"/src/src/Api\"\nRUN dotnet build \"./aspnetapp.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n" +
        "FROM build AS publish\nARG BUILD_CONFIGURATION=Release\nRUN dotnet publish \"./aspnetapp.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n" +
        "FROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"aspnetapp.dll\"]")]
    [InlineData(
        "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG TARGETARCH\nWORKDIR /source\nCOPY --link *.csproj .\n" +
        "RUN dotnet restore -a $TARGETARCH\nCOPY --link . .\nRUN dotnet publish -a $TARGETARCH --no-restore -o /app\n" +
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --link --from=build /app .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"aspnetapp.dll\"]")]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\"]")]
    [InlineData("FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nRUN npm run build\nCMD [\"node\", \"dist/server.js\"]")]
    public void Working_Dockerfiles_are_silent(string dockerfile)
    {
        Assert.Empty(Run(dockerfile).Findings);

        // The same files with a wrong assembly name: the model followed the build (this is not silence by ignorance).
        if (dockerfile.Contains("\"aspnetapp.dll\""))
        {
            var finding = Assert.Single(Run(dockerfile.Replace("\"aspnetapp.dll\"", "\"AspNetApp.dll\"")).Findings);
            Assert.Equal("PF2003", finding.RuleId);
            Assert.Contains("/app contains aspnetapp.dll published from src/Api/aspnetapp.csproj", finding.Message);
        }
    }

    private static CheckContext Run(string dockerfile)
    {
        using var repo = new TempRepository()
            .Write("src/Api/aspnetapp.csproj", Project)
            .Write("src/Api/Program.cs", "return;")
            .Write("src/Api/main.py", "app = None")
            .Write("src/Api/requirements.txt", "uvicorn")
            .Write("src/Api/package.json", "{}")
            .Write("docker-compose.yml", "services:\n  api:\n    build:\n      context: " + (dockerfile.Contains("src/Api/aspnetapp.csproj") ? "." : "src/Api") + "\n      dockerfile: src/Api/Dockerfile\n")
            .Write("src/Api/Dockerfile", dockerfile + "\n");
        if (!dockerfile.Contains("src/Api/aspnetapp.csproj"))
        {
            // Compose paths are relative to the compose file; the Dockerfile path is relative to the context.
            repo.Write("docker-compose.yml", "services:\n  api:\n    build:\n      context: src/Api\n");
        }
        var context = new CheckContext(repo.Root, repo.Path("src/Api/aspnetapp.csproj"), repo.Artifacts(), repo.Artifacts().Where(p => p.EndsWith(".py") || p.EndsWith(".js")));

        StageReferenceCheck.Run(context);
        EntrypointTargetCheck.Run(context);
        RestoreOrderCheck.Run(context);
        RuntimeImageVersionCheck.Run(context);
        return context;
    }
}
