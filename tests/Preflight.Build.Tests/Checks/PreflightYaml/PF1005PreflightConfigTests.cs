using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF1005PreflightConfigTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        PreflightConfigCheck.Run(context);
        return context;
    }

    [Fact]
    public void Unknown_key_is_reported_at_the_key_with_a_suggestion()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "secrets:\n  - PULUMI_ACCESS_TOKEN\nvariabels:\n  - ASPNETCORE_ENVIRONMENT\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF1005", repo.Path("preflight.yaml"), 3, 1), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.StartsWith("'preflight.yaml' is not valid: unknown key 'variabels'", finding.Message);
        Assert.Contains("'variables'", finding.Message);
    }

    [Fact]
    public void Malformed_yaml_is_reported()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "secrets:\n  - A\n  b: [\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal("PF1005", finding.RuleId);
        Assert.Contains("not valid YAML", finding.Message);
    }

    [Fact]
    public void Valid_or_absent_files_and_other_projects_report_nothing()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project);
        Assert.Empty(Run(repo).Findings);

        repo.Write("preflight.yaml", "# comments only\n");
        Assert.Empty(Run(repo).Findings);

        repo.Write("preflight.yaml", "secrets:\n  - PULUMI_ACCESS_TOKEN\n  - name: OpenAI__ApiKey\n    environments: [production]\nvariables: [ASPNETCORE_ENVIRONMENT]\n");
        Assert.Empty(Run(repo).Findings);

        repo.Write("preflight.yaml", "secret:\n  - X\n");
        Assert.Single(Run(repo).Findings);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);
    }
}
