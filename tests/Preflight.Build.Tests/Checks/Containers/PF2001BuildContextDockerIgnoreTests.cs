using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF2001 for COPY/ADD sources that exist but that the build context's .dockerignore leaves out.</summary>
public class PF2001BuildContextDockerIgnoreTests
{
    private const string ApiProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        BuildContextCheck.Run(context);
        return context;
    }

    [Fact]
    public void Source_excluded_by_the_context_dockerignore_is_reported_with_the_pattern()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/config/appsettings.json", "{}")
            .Write("src/Api/.dockerignore", "# local only\nconfig\n**/bin/\n")
            .Write("src/Api/Dockerfile", "FROM x\nCOPY Api.csproj ./\nCOPY config/ ./config/\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal("PF2001", finding.RuleId);
        Assert.Equal((3, 6, 3, 13), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Equal("COPY source 'config/' does not exist in the build context 'src/Api' (inferred: the folder under which 2 of 2 COPY/ADD sources exist; nothing in the repository names the context): it is excluded by src/Api/.dockerignore line 2 'config'", finding.Message);
        Assert.Contains(repo.Path("src/Api/.dockerignore"), Run(repo).Watched);
    }

    [Fact]
    public void Dockerfile_specific_ignore_file_wins_over_the_context_one()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/appsettings.json", "{}")
            .Write("src/Api/.dockerignore", "Api.csproj\n")
            .Write("src/Api/Dockerfile.dockerignore", "*.json\n")
            .Write("src/Api/Dockerfile", "FROM x\nCOPY Api.csproj ./\nCOPY appsettings.json ./\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(3, finding.Line);
        Assert.Contains("excluded by src/Api/Dockerfile.dockerignore line 1 '*.json'", finding.Message);
    }

    [Fact]
    public void Ignore_file_of_a_compose_context_at_the_repository_root_applies()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("docker-compose.yml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: src/Api/Dockerfile\n")
            .Write(".dockerignore", "**/*.csproj\n!src/Api/Api.csproj\nsrc/Shared\n")
            .Write("src/Shared/Shared.cs", "class A {}")
            .Write("src/Api/Dockerfile", "FROM x\nCOPY src/Api/Api.csproj src/Api/\nCOPY src/Shared/Shared.cs src/Shared/\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((3, 6), (finding.Line, finding.Column));
        Assert.Contains("(context of service 'api' in docker-compose.yml): it is excluded by .dockerignore line 3 'src/Shared'", finding.Message);
    }

    [Theory]
    [InlineData("**/bin/\n**/obj/\n", "COPY src/ ./src/")] // only children of the source are excluded
    [InlineData("config\n!config/appsettings.json\n", "COPY config/ ./config/")] // an exception re-includes part of it
    [InlineData("*.json\n", "COPY *.json ./")] // wildcards are not checked
    [InlineData("src\n!src\n", "COPY src/ ./src/")] // the last match wins
    [InlineData("", "COPY src/ ./src/")]
    public void Sources_the_context_keeps_are_not_reported(string ignore, string copy)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/src/Program.cs", "class P {}")
            .Write("src/Api/src/bin/x.dll", "x")
            .Write("src/Api/config/appsettings.json", "{}")
            .Write("src/Api/a.json", "{}")
            .Write("src/Api/.dockerignore", ignore)
            .Write("src/Api/Dockerfile", "FROM x\n" + copy + "\n");

        Assert.Empty(Run(repo).Findings);
    }
}
