using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF4001WorkflowSecretsTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private const string Deploy =
        "name: deploy\n" +
        "on: push\n" +
        "jobs:\n" +
        "  deploy:\n" +
        "    runs-on: ubuntu-latest\n" +
        "    steps:\n" +
        "      - run: pulumi up\n" +
        "        env:\n" +
        "          PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n" +
        "          LAMBDA_KEY: ${{ secrets.LAMBDA_LABS_API_KEY }}\n" +
        "          GH: ${{ secrets.GITHUB_TOKEN }}\n" +
        "          OPENAI: ${{ secrets.OPENAI_APIKEY }}\n";

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        WorkflowSecretsCheck.Run(context);
        return context;
    }

    [Fact]
    public void Undeclared_secrets_are_reported_at_the_reference()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "secrets:\n  - pulumi_access_token\n  - name: OPENAI_API_KEY\n    environments: [production]\n")
            .Write(".github/workflows/deploy.yml", Deploy);

        var findings = Run(repo).Findings.OrderBy(f => f.Line).ToList();

        Assert.Equal(new[] { ("PF4001", 10, 27), ("PF4001", 12, 23) }, findings.Select(f => (f.RuleId, f.Line, f.Column)));
        Assert.All(findings, f => Assert.Equal(repo.Path(".github/workflows/deploy.yml"), f.File));
        Assert.StartsWith("Secret 'LAMBDA_LABS_API_KEY' is used by workflow '.github/workflows/deploy.yml' but not declared in 'preflight.yaml' (secrets:)", findings[0].Message);
        Assert.DoesNotContain("did you mean", findings[0].Message);
        Assert.Contains("(did you mean 'OPENAI_API_KEY'?)", findings[1].Message);
    }

    [Fact]
    public void Reusable_workflow_declarations_inherit_and_builtin_token_are_fine()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "secrets: [PULUMI_ACCESS_TOKEN]\n")
            .Write(".github/workflows/reusable.yaml",
                "on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n" +
                "      - run: echo ${{ secrets.token }} ${{ secrets.GITHUB_TOKEN }}\n")
            .Write(".github/workflows/caller.yml",
                "on: push\njobs:\n  call:\n    uses: ./.github/workflows/reusable.yaml\n    secrets: inherit\n" +
                "  pass:\n    uses: ./.github/workflows/reusable.yaml\n    secrets:\n      token: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n");

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Without_preflight_yaml_or_when_it_is_not_yaml_nothing_is_reported()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write(".github/workflows/deploy.yml", Deploy);
        Assert.Empty(Run(repo).Findings);

        repo.Write("preflight.yaml", "secrets: [\n");
        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Only_the_owner_project_reports_and_only_root_workflows_count()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("preflight.yaml", "secrets: [PULUMI_ACCESS_TOKEN]\n")
            .Write("vendor/lib/.github/workflows/ci.yml", Deploy)
            .Write(".github/workflows/deploy.yml", Deploy);

        Assert.Equal(2, Run(repo).Findings.Count);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);
    }
}
