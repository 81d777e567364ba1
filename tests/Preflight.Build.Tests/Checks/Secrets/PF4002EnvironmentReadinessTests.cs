using System;
using System.Collections.Generic;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF4002EnvironmentReadinessTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private const string Config =
        "secrets:\n" +
        "  - PULUMI_ACCESS_TOKEN\n" +
        "  - name: OpenAI__ApiKey\n" +
        "    environments: [production]\n" +
        "  - name: STAGING_ONLY\n" +
        "    environments: [staging]\n" +
        "variables:\n" +
        "  - ASPNETCORE_ENVIRONMENT\n" +
        "  - Storage:Root\n";

    private static CheckContext Run(TempRepository repo, IDictionary<string, string> environment, bool enabled = true, string? name = null,
        string project = "src/Api/Api.csproj")
    {
        var lookup = new Dictionary<string, string>(environment, StringComparer.OrdinalIgnoreCase);
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts())
        {
            CheckEnvironment = enabled,
            EnvironmentName = name,
            EnvironmentVariable = n => lookup.TryGetValue(n, out var v) ? v : null,
        };
        EnvironmentReadinessCheck.Run(context);
        return context;
    }

    private static TempRepository Repository() => new TempRepository()
        .Write("src/Api/Api.csproj", Project)
        .Write("src/Worker/Worker.csproj", Project)
        .Write("preflight.yaml", Config);

    [Fact]
    public void One_error_lists_every_missing_or_empty_name_of_the_environment_at_the_first_declaration()
    {
        using var repo = Repository();
        var environment = new Dictionary<string, string> { ["OPENAI__APIKEY"] = "not-printed-value", ["ASPNETCORE_ENVIRONMENT"] = "  " };

        var finding = Assert.Single(Run(repo, environment, name: "production").Findings);

        Assert.Equal(("PF4002", repo.Path("preflight.yaml"), 2, 5), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Equal(
            "Missing or empty in this build's environment (environment 'production'): PULUMI_ACCESS_TOKEN, ASPNETCORE_ENVIRONMENT, Storage:Root " +
            "(declared in 'preflight.yaml'); set them in the CI secret store or environment before deploying", finding.Message);
        Assert.DoesNotContain("not-printed-value", finding.Message);
        Assert.DoesNotContain("STAGING_ONLY", finding.Message);
    }

    [Fact]
    public void Entries_of_another_environment_are_not_required_and_double_underscore_form_counts()
    {
        using var repo = Repository();
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_ACCESS_TOKEN"] = "x1", ["ASPNETCORE_ENVIRONMENT"] = "Staging", ["Storage__Root"] = "/data", ["STAGING_ONLY"] = "y",
        };

        Assert.Empty(Run(repo, environment, name: "staging").Findings);

        var finding = Assert.Single(Run(repo, environment, name: "production").Findings);
        Assert.Equal((3, 11), (finding.Line, finding.Column));
        Assert.Contains(": OpenAI__ApiKey (declared in", finding.Message);
    }

    [Fact]
    public void Without_an_environment_name_every_entry_applies()
    {
        using var repo = Repository();

        var finding = Assert.Single(Run(repo, new Dictionary<string, string>()).Findings);

        Assert.Contains("environment: PULUMI_ACCESS_TOKEN, OpenAI__ApiKey, STAGING_ONLY, ASPNETCORE_ENVIRONMENT, Storage:Root (declared", finding.Message);
    }

    [Fact]
    public void Off_by_default_and_silent_for_other_projects_or_without_preflight_yaml()
    {
        using var repo = Repository();
        var empty = new Dictionary<string, string>();

        Assert.Empty(Run(repo, empty, enabled: false).Findings);
        Assert.Empty(Run(repo, empty, project: "src/Worker/Worker.csproj").Findings);

        using var bare = new TempRepository().Write("src/Api/Api.csproj", Project);
        Assert.Empty(Run(bare, empty).Findings);
    }
}
