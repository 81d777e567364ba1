using System;
using System.Linq;
using System.Text;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF1004CommittedSecretTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        CommittedSecretCheck.Run(context);
        return context;
    }

    private static void AssertNoValue(Finding finding, string value)
    {
        Assert.DoesNotContain(value, finding.Message, StringComparison.Ordinal);
        // Not even the part after the format's fixed prefix.
        Assert.DoesNotContain(value.Substring(4, 8), finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_in_appsettings_is_reported_at_the_value_with_a_masked_message()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Api/appsettings.json", "{\n  \"GitHub\": {\n    \"Token\": \"" + token + "\"\n  }\n}\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF1004", repo.Path("src/Api/appsettings.json"), 3, 15), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Contains("GitHub token 'ghp_****'", finding.Message);
        Assert.Contains("'src/Api/appsettings.json'", finding.Message);
        AssertNoValue(finding, token);
    }

    [Fact]
    public void Connection_string_password_in_compose_is_reported_with_no_character_of_it()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("docker-compose.yml",
                "services:\n  api:\n    environment:\n      ConnectionStrings__Db: \"Host=db;Username=app;Password=Tr0ub4dor-3x\"\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF1004", 4, 61), (finding.RuleId, finding.Line, finding.Column));
        Assert.Contains("password in connection string '****'", finding.Message);
        Assert.DoesNotContain("Tr0u", finding.Message);
    }

    [Fact]
    public void Dot_env_and_environment_specific_env_files_are_checked_but_examples_are_not()
    {
        var token = FakeSecrets.AwsAccessKeyId();
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write(".env", "# local\nAWS_ACCESS_KEY_ID=" + token + "\n")
            .Write(".env.production", "AWS_ACCESS_KEY_ID=" + token + "\n")
            .Write(".env.example", "AWS_ACCESS_KEY_ID=" + token + "\n")
            .Write(".env.template", "AWS_ACCESS_KEY_ID=" + token + "\n")
            .Write(".env.sample", "AWS_ACCESS_KEY_ID=" + token + "\n");

        var findings = Run(repo).Findings.OrderBy(f => f.File, StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { (repo.Path(".env"), 2, 19), (repo.Path(".env.production"), 1, 19) }, findings.Select(f => (f.File, f.Line, f.Column)));
        Assert.All(findings, f => Assert.Contains("AWS access key id 'AKIA****'", f.Message));
        Assert.All(findings, f => AssertNoValue(f, token));
    }

    [Fact]
    public void Files_ignored_by_git_are_not_committed_and_not_reported()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write(".gitignore", "bin/\n.env\n.env.*\n!.env.production\n")
            .Write("src/Api/.gitignore", "appsettings.Local.json\n")
            .Write(".env", "GH=" + token + "\n")
            .Write("deploy/.env.staging", "GH=" + token + "\n")
            .Write(".env.production", "GH=" + token + "\n")
            .Write("src/Api/appsettings.Local.json", "{ \"GH\": \"" + token + "\" }");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(repo.Path(".env.production"), finding.File);
    }

    [Fact]
    public void Placeholders_and_references_are_not_secrets()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Api/appsettings.json",
                "{ \"ConnectionStrings\": { \"Db\": \"Server=db;User Id=sa;Password=#{DbPassword}#;\" }, \"GitHub\": { \"Token\": \"\" } }")
            .Write("docker-compose.yml",
                "services:\n  api:\n    environment:\n      ConnectionStrings__Db: \"Host=db;Username=app;Password=${DB_PASSWORD}\"\n      GH: ${{ secrets.GH_TOKEN }}\n")
            .Write("src/Api/Dockerfile", "FROM x\nENV ConnectionStrings__Db=\"Server=db;User Id=sa;Password=$DB_PASSWORD;\"\n")
            .Write("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \"{{ .Values.db.password }}\"\n")
            .Write(".env", "DB_PASSWORD=changeme\nGITHUB_TOKEN=<your-token>\n");

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Kubernetes_secret_data_is_base64_decoded_and_env_values_are_scanned()
    {
        var pulumi = FakeSecrets.PulumiToken();
        var token = FakeSecrets.GitHubToken(seed: 11);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(pulumi));
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("k8s/app.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: deploy\ndata:\n  pulumi: " + encoded + "\n  plain: aGVsbG8gd29ybGQ=\n" +
                "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n" +
                "        - name: api\n          image: api:1\n          env:\n            - name: GH\n              value: " + token + "\n");

        var findings = Run(repo).Findings.OrderBy(f => f.Line).ToList();

        Assert.Equal(new[] { ("PF1004", 6, 11), ("PF1004", 21, 22) }, findings.Select(f => (f.RuleId, f.Line, f.Column)));
        Assert.Contains("Pulumi access token (base64 in Secret data) 'pul-****'", findings[0].Message);
        Assert.DoesNotContain(encoded, findings[0].Message);
        AssertNoValue(findings[0], pulumi);
        Assert.Contains("GitHub token 'ghp_****'", findings[1].Message);
        AssertNoValue(findings[1], token);
    }

    [Fact]
    public void Dockerfile_is_checked_by_the_project_that_builds_it_and_repository_files_by_the_owner()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("src/Worker/Dockerfile", "FROM x\nENV GH=" + token + "\n")
            .Write("src/Worker/appsettings.json", "{ \"GH\": \"" + token + "\" }")
            .Write("docker-compose.yml", "services:\n  w:\n    environment:\n      GH: " + token + "\n");

        var owner = Run(repo, "src/Api/Api.csproj").Findings;
        var worker = Run(repo, "src/Worker/Worker.csproj").Findings;

        Assert.Equal(new[] { repo.Path("docker-compose.yml") }, owner.Select(f => f.File));
        Assert.Equal(new[] { repo.Path("src/Worker/Dockerfile"), repo.Path("src/Worker/appsettings.json") }, worker.Select(f => f.File).OrderBy(f => f, StringComparer.Ordinal));
    }
}
