using System.Linq;
using Preflight.Artifacts.Rules;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF4001 without preflight.yaml: a secret used once that is a near miss of a name used elsewhere, at warning.</summary>
public class PF4001WorkflowSecretTyposTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static string Workflow(params string[] secrets) =>
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n" +
        string.Concat(secrets.Select(s => $"      - run: ./deploy.sh ${{{{ secrets.{s} }}}}\n"));

    private static CheckContext Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        WorkflowSecretsCheck.Run(context);
        return context;
    }

    [Fact]
    public void A_lengthened_word_of_a_name_used_twice_elsewhere_is_a_warning_with_did_you_mean()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write(".github/workflows/build.yml", Workflow("REGISTRY_HOST", "REGISTRY_PASSWORD"))
            .Write(".github/workflows/release.yml", Workflow("REGISTRY_HOST", "REGISTRY_PASSWORD"))
            .Write(".github/workflows/deploy.yml", Workflow("REGISTRY_HOSTNAME", "REGISTRY_PASSWORD"));

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal("PF4001", finding.RuleId);
        Assert.Equal(RuleSeverity.Warning, finding.DefaultSeverity);
        Assert.Equal(repo.Path(".github/workflows/deploy.yml"), finding.File);
        Assert.Equal((6, 30), (finding.Line, finding.Column));
        Assert.StartsWith("Secret 'REGISTRY_HOSTNAME' is used only here, while the workflows use 'REGISTRY_HOST' 2 times: did you mean 'REGISTRY_HOST'?", finding.Message);
    }

    [Fact]
    public void The_finding_keeps_its_warning_severity_through_the_findings_file()
    {
        var finding = new Preflight.Checks.Findings.Finding("PF4001", "/r/a.yml", 1, 2, 1, 9, "m", RuleSeverity.Warning);

        var copy = Preflight.Checks.Findings.Finding.Deserialize(finding.Serialize());

        Assert.Equal(RuleSeverity.Warning, copy!.DefaultSeverity);
        Assert.Null(Preflight.Checks.Findings.Finding.Deserialize(new Preflight.Checks.Findings.Finding("PF4001", "/r/a.yml", 1, 2, 1, 9, "m").Serialize())!.DefaultSeverity);
    }

    [Theory]
    [InlineData("AZURE_CREDENTIAL", "AZURE_CREDENTIALS")]   // deletion
    [InlineData("NUGET_APIKEY", "NUGET_API_KEY")]            // deletion of '_'
    [InlineData("SLACK_WEBHOOK_URL", "SLACK_WEBHOKO_URL")]   // swap
    [InlineData("DB_PASS_WORD", "DB_PASS_WORK")]             // substitution
    [InlineData("DEPLOY_USER", "DEPLOY_USERNAME")]           // shortened word
    public void Near_misses(string name, string meant)
    {
        Assert.True(WorkflowSecretTypos.IsNearMiss(name, meant));
    }

    [Theory]
    [InlineData("API_KEY_1", "API_KEY_2")]                   // numbered variants
    [InlineData("DEPLOY_KEY", "DEPLOY_KEY2")]
    [InlineData("AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID")]      // another word, another secret
    [InlineData("STAGING_DB_URL", "PRODUCTION_DB_URL")]
    [InlineData("NPM_TOKEN", "NPM_TOKEN")]
    public void Not_near_misses(string name, string meant)
    {
        Assert.False(WorkflowSecretTypos.IsNearMiss(name, meant));
    }

    [Fact]
    public void Names_used_more_than_once_ambiguous_or_short_names_and_reusable_declarations_are_no_finding()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write(".github/workflows/a.yml", Workflow("DOCKER_USER", "DOCKER_USER", "DB_PW", "DB_PW", "SIGNING_KEY", "SIGNING_KEY", "SIGNING_KEYS", "SIGNING_KEYS"))
            // used twice itself; a near miss of two common names; a short name; a reusable workflow's own secret.
            .Write(".github/workflows/b.yml", Workflow("DOCKER_USERNAME", "DOCKER_USERNAME", "SIGNING_KEYZ", "DB_PWD"))
            .Write(".github/workflows/reusable.yml",
                "on:\n  workflow_call:\n    secrets:\n      DOCKER_USERS:\n        required: true\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n" +
                "      - run: echo ${{ secrets.DOCKER_USERS }}\n");

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void With_a_contract_the_declared_list_decides_at_error()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "secrets: [REGISTRY_HOST]\n")
            .Write(".github/workflows/build.yml", Workflow("REGISTRY_HOST", "REGISTRY_HOST", "REGISTRY_HOSTNAME"));

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Null(finding.DefaultSeverity);
        Assert.Contains("not declared in 'preflight.yaml'", finding.Message);
    }
}
