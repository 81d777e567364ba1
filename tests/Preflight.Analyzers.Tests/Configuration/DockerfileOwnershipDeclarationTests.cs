using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using KeyTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// Issue 17 pattern 7: the ENV of a Dockerfile declares keys for the project it publishes (the same ownership rule as
/// the task's), not for every project whose project file it copies for restore caching.
/// </summary>
public class DockerfileOwnershipDeclarationTests
{
    private const string ReadsBucket = """
        using Microsoft.Extensions.Configuration;
        class C
        {
            string? Bucket(IConfiguration c) => c[{|#0:"Storage:Bucket"|}];
        }
        """;

    private static string Dockerfile(string published) => $"""
        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        WORKDIR /src
        COPY src/Api/Api.csproj src/Api/
        COPY src/Worker/Worker.csproj src/Worker/
        RUN dotnet restore {published}
        COPY . .
        RUN dotnet publish {published} -c Release -o /app
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        ENV STORAGE__BUCKET=uploads
        COPY --from=build /app .
        """;

    [Fact]
    public Task A_Dockerfile_that_only_copies_the_project_file_declares_nothing_for_it() =>
        new KeyTest(ReadsBucket)
            .WithFile(".env.example", "OTHER=1\n")
            .WithFile("/repo/docker/worker.Dockerfile", Dockerfile("src/Worker/Worker.csproj"))
            .Expect(KeyTest.Diagnostic("PF1001").WithLocation(0).WithArguments("Storage:Bucket", "src/Api/.env.example"))
            .RunAsync();

    [Fact]
    public Task The_Dockerfile_that_publishes_the_project_declares_its_ENV() =>
        new KeyTest(ReadsBucket)
            .WithFile(".env.example", "OTHER=1\n")
            .WithFile("/repo/docker/api.Dockerfile", Dockerfile("src/Api/Api.csproj"))
            .RunAsync();
}
