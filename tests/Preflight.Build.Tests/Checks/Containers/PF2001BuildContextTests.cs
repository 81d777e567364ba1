using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2001BuildContextTests
{
    private const string ApiProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        BuildContextCheck.Run(context);
        return context;
    }

    [Fact]
    public void Missing_source_is_reported_at_the_source_with_the_context()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/Program.cs")
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Api.csproj Program.cs ./\nCOPY   config/ ./config/\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal("PF2001", finding.RuleId);
        Assert.Equal(repo.Path("src/Api/Dockerfile"), finding.File);
        Assert.Equal((4, 8, 4, 15), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Equal("COPY source 'config/' does not exist in the build context 'src/Api' (inferred: the folder under which 2 of 3 COPY/ADD sources exist; nothing in the repository names the context)", finding.Message);
    }

    [Fact]
    public void Context_comes_from_the_compose_service_that_builds_the_Dockerfile()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Shared/Shared.csproj")
            .Write("docker-compose.yml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: src/Api/Dockerfile\n")
            .Write("src/Api/Dockerfile", "FROM x\nCOPY src/Api/Api.csproj src/Api/\nCOPY src/Shared/Shared.csproj src/Shared/\nADD Api.csproj .\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(4, finding.Line);
        Assert.Equal("ADD source 'Api.csproj' does not exist in the build context '.' (context of service 'api' in docker-compose.yml)", finding.Message);
    }

    [Theory]
    [InlineData("COPY *.csproj ./")]
    [InlineData("COPY --from=build /app .")]
    [InlineData("COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/")]
    [InlineData("COPY $APP_DIR ./")]
    [InlineData("ADD https://example.com/tool.tar.gz /opt/")]
    [InlineData("ADD git@github.com:org/repo.git /src")]
    [InlineData("COPY <<EOF /etc/app.conf\nkey=value\nEOF")]
    [InlineData("COPY /Api.csproj ./")]
    [InlineData("COPY ../Api.csproj ./")]
    [InlineData("COPY [\"Api.csproj\", \"./\"]")]
    public void Sources_that_cannot_be_missing_or_exist_are_not_reported(string instruction)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/Dockerfile", "FROM x AS build\n" + instruction + "\n");

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Each_Dockerfile_is_checked_by_one_project_only()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Worker/Worker.csproj", ApiProject)
            .Write("src/Api/Dockerfile", "FROM x\nCOPY missing-api ./\n")
            .Write("docker/worker.Dockerfile", "FROM x\nCOPY src/Api/Api.csproj src/Api/\nCOPY missing-worker ./\nRUN dotnet publish src/Worker/Worker.csproj\n")
            .Write("docker/tools.Dockerfile", "FROM x\nCOPY missing-tool ./\n")
            .Write("build.sh", "docker build src/Api\ndocker build -f docker/worker.Dockerfile .\ndocker build -f docker/tools.Dockerfile .\n");

        var api = Run(repo, "src/Api/Api.csproj").Findings.Select(f => f.Message).ToList();
        var worker = Run(repo, "src/Worker/Worker.csproj").Findings.Select(f => f.Message).ToList();

        // The Dockerfile in the project folder belongs to that project; one that publishes a project belongs to it (not to
        // the project whose file it only copies); the rest belongs to the owner (first Preflight project in path order: src/Api).
        Assert.Equal(2, api.Count);
        Assert.Contains(api, m => m.Contains("'missing-api'"));
        Assert.Contains(api, m => m.Contains("'missing-tool'"));
        Assert.Contains("'missing-worker'", Assert.Single(worker));
    }

    [Fact]
    public void Projects_wired_through_Directory_Build_props_count_as_Preflight_projects()
    {
        using var repo = new TempRepository()
            .Write("Directory.Build.props", "<Project><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>")
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
            .Write("src/Worker/Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Worker\" />")
            .Write("tools/Tool.Dockerfile", "FROM x\nCOPY nothing ./\n")
            .Write("tools/build.sh", "cd \"$(dirname \"$0\")\"\ndocker build -f Tool.Dockerfile .\n");

        Assert.Single(Run(repo, "src/Api/Api.csproj").Findings);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);
    }

    [Fact]
    public void Watches_what_it_read_and_the_paths_it_found_missing()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/wwwroot/index.html")
            .Write("src/Api/Dockerfile", "FROM x\nCOPY wwwroot/ ./wwwroot/\nCOPY missing.txt ./\n");

        var watched = Run(repo).Watched;

        Assert.Contains(repo.Path("src/Api/Dockerfile"), watched);
        Assert.Contains(repo.Path("src/Api/wwwroot/index.html"), watched);
        Assert.Contains(repo.Path("src/Api/missing.txt"), watched);
    }
}
