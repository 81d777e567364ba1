using System.IO;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>The Dockerfile checks on BuildKit's parser test files (valid and invalid): no check fails on them.</summary>
public class DockerfileCorpusTests
{
    [SkippableFact]
    public void Checks_never_throw_on_BuildKit_parser_test_files()
    {
        var corpus = TestPaths.Corpus("buildkit");
        Skip.If(!Directory.Exists(corpus), "The shared BuildKit corpus is not available at " + corpus);
        var files = Directory.EnumerateFiles(Path.Combine(corpus, "parser-testfiles"), "Dockerfile", SearchOption.AllDirectories)
            .Concat(Directory.Exists(Path.Combine(corpus, "parser-testfiles-negative"))
                ? Directory.EnumerateFiles(Path.Combine(corpus, "parser-testfiles-negative"), "Dockerfile", SearchOption.AllDirectories)
                : Enumerable.Empty<string>())
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var repo = new TempRepository()
                .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>")
                .Write("src/Api/Dockerfile", File.ReadAllText(file));
            var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

            var failures = RepositoryChecks.Run(context);

            Assert.True(failures.Count == 0, file + ": " + string.Join("; ", failures));
            Assert.All(context.Findings, f => Assert.StartsWith("PF", f.RuleId, System.StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ARG X=1\n")]
    [InlineData("FROM\nCOPY\nRUN\nENTRYPOINT\nCMD []\nWORKDIR\n")]
    [InlineData("FROM a AS a\nFROM a AS b\nFROM b\nCOPY --from=b / /\nCMD [\"sh\", \"-c\"]\n")]
    [InlineData("FROM python:3\nWORKDIR app\nCOPY . ${X:?err}\nCMD [\"python\", \"-m\"]\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:99999999999999999999.0\nENTRYPOINT [\"dotnet\"]\nCMD [\"\\\"x.dll\"]\n")]
    [InlineData("FROM x\nRUN dotnet restore -o\nRUN dotnet publish -o\nRUN dotnet publish --output /o --self-contained\nENTRYPOINT tini --\n")]
    [InlineData("FROM x AS build\nRUN dotnet publish ../../../../x.csproj -o ../../..\nFROM build\nCOPY --from=0 ../../.. ../..\nENTRYPOINT [\"dotnet\", \"../../x.dll\"]\n")]
    public void Checks_never_throw_on_odd_Dockerfiles(string dockerfile)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"..\\Api\\Api.csproj\" /></ItemGroup></Project>")
            .Write("src/Api/Dockerfile", dockerfile);
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        Assert.Empty(RepositoryChecks.Run(context));
    }

    [Fact]
    public void Long_chains_of_stages_copying_from_each_other_are_followed_to_the_end()
    {
        var text = new System.Text.StringBuilder("FROM python:3.12 AS s0\nWORKDIR /app\nCOPY . .\n");
        for (var i = 1; i < 60; i++)
        {
            text.Append($"FROM python:3.12 AS s{i}\nWORKDIR /app\nCOPY --from=s{i - 1} /app /app\nCOPY --from=s{i - 1} / /copy/\n");
        }
        text.Append("CMD [\"python\", \"missing.py\"]\n");
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
            .Write("src/Api/Dockerfile", text.ToString())
            .Write("build.sh", "docker build -t api src/Api\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        Assert.Empty(RepositoryChecks.Run(context));

        var finding = Assert.Single(context.Findings, f => f.RuleId == "PF2003");
        Assert.Contains("missing.py", finding.Message, System.StringComparison.Ordinal);
    }
}
