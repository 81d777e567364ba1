using System.IO;
using System.Linq;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

public class InitCommandTests
{
    private const string Deploy = """
        on: push
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: ${{ vars.DEPLOY_ENVIRONMENT }}
            steps:
              - run: docker login ${{ secrets.REGISTRY_HOST }} -p "${{ secrets.REGISTRY_PASSWORD }}"
              - run: ./release.sh ${{ secrets.GITHUB_TOKEN }}
        """;

    private static TempRepository Repository() => new TempRepository()
        .Write(".github/workflows/deploy.yml", Deploy)
        .Write(".github/workflows/build.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker login ${{ secrets.REGISTRY_HOST }}\n")
        .Write("compose.yaml", """
            services:
              api:
                image: shop/api:1
                environment:
                  DB_PASSWORD: ${DB_PASSWORD}
                  REGION: ${REGION:-eu}
                  LOG_LEVEL: ${LOG_LEVEL}
                  SMTP_HOST: ${SMTP_HOST}
            """)
        .Write(".env", "LOG_LEVEL=verbose-value-from-dotenv\n")
        .Write(".env.example", "SMTP_HOST=\n")
        .Write("deploy/api.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: shop/api:1
                      envFrom:
                        - configMapRef:
                            name: api-settings
                        - secretRef:
                            name: api-secrets
                        - configMapRef:
                            name: defined-here
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: defined-here
            data:
              A: b
            """);

    [Fact]
    public void Init_writes_every_name_the_repository_uses_with_where_it_is_used_and_never_a_value()
    {
        using var repo = Repository();

        var run = CliRun.Of("init", repo.Root);

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(repo.Path("preflight.yaml"));
        var config = PreflightConfigParser.Parse(text);
        Assert.Empty(config.Errors);
        Assert.Equal(new[] { "REGISTRY_HOST", "REGISTRY_PASSWORD", "DB_PASSWORD" }, config.Secrets.Select(s => s.Name));
        Assert.Equal(new[] { "DEPLOY_ENVIRONMENT" }, config.Variables.Select(s => s.Name));
        Assert.Equal(new[] { "api-secrets" }, config.External.KubernetesSecrets.Select(s => s.Value));
        Assert.Equal(new[] { "api-settings" }, config.External.KubernetesConfigMaps.Select(s => s.Value));
        Assert.Contains("  # used at .github/workflows/build.yml:6:31 (workflow secrets.REGISTRY_HOST in job 'build'); .github/workflows/deploy.yml:7:31 (workflow secrets.REGISTRY_HOST in job 'deploy')\n  - REGISTRY_HOST\n", text);
        Assert.Contains("# used at compose.yaml:5:20 (compose ${DB_PASSWORD})\n", text);
        Assert.Contains("(workflow vars.DEPLOY_ENVIRONMENT)", text);
        Assert.DoesNotContain("verbose-value-from-dotenv", text);
        Assert.DoesNotContain("LOG_LEVEL", text);   // set by .env
        Assert.DoesNotContain("REGION", text);      // has a default
        Assert.DoesNotContain("SMTP_HOST", text);   // documented by .env.example
        Assert.DoesNotContain("GITHUB_TOKEN", text);
        Assert.DoesNotContain("defined-here", text);
        Assert.Contains("wrote preflight.yaml 6 name(s)", run.Output);
    }

    [Fact]
    public void The_contract_then_guards_later_changes_and_check_mode_fails_on_a_missing_name()
    {
        using var repo = Repository();
        Assert.Equal(0, CliRun.Of("init", repo.Root).ExitCode);
        Assert.Equal(0, CliRun.Of("init", repo.Root, "--check").ExitCode);
        var before = CliRun.Of("check", repo.Root);
        Assert.DoesNotContain("PF4001", before.Output);
        Assert.DoesNotContain("no preflight.yaml", before.Errors);

        // A later change reads a mistyped secret.
        repo.Write(".github/workflows/deploy.yml", Deploy.Replace("secrets.REGISTRY_PASSWORD", "secrets.REGISTRY_PASWORD"));

        var check = CliRun.Of("check", repo.Root);
        var finding = Assert.Single(check.Output.Split('\n').Where(l => l.Contains("PF4001")));
        Assert.Contains("deploy.yml(7,", finding);
        Assert.Contains("error PF4001: Secret 'REGISTRY_PASWORD'", finding);
        Assert.Contains("(did you mean 'REGISTRY_PASSWORD'?)", finding);
        var ci = CliRun.Of("init", repo.Root, "--check");
        Assert.Equal(1, ci.ExitCode);
        Assert.Contains("missing secrets entry 'REGISTRY_PASWORD'", ci.Output);
    }

    [Fact]
    public void Init_on_an_existing_contract_adds_only_what_is_new_and_keeps_its_comments_and_order()
    {
        using var repo = Repository();
        const string Existing = """
            # Team contract: owned by platform.
            secrets: [REGISTRY_HOST]   # from the vault
            external:
              kubernetes:
                secrets:
                  - api-secrets   # created by the cluster bootstrap
            policies:
              - name: no-vercel
                forbid: ["**/vercel.json"]

            """;
        repo.Write("preflight.yaml", Existing);

        var run = CliRun.Of("init", repo.Root);

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(repo.Path("preflight.yaml"));
        Assert.Contains("secrets: [REGISTRY_HOST, REGISTRY_PASSWORD, DB_PASSWORD]   # from the vault\n", text);
        Assert.Contains("      - api-secrets   # created by the cluster bootstrap\n    configmaps:\n      # used at deploy/api.yaml:", text);
        Assert.StartsWith("# Team contract: owned by platform.\n", text);
        Assert.True(text.IndexOf("policies:") < text.IndexOf("variables:"), text);
        var config = PreflightConfigParser.Parse(text);
        Assert.Empty(config.Errors);
        Assert.Equal(new[] { "api-secrets" }, config.External.KubernetesSecrets.Select(s => s.Value));
        Assert.Contains("added to preflight.yaml 4 name(s)", run.Output);

        var again = CliRun.Of("init", repo.Root);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(text, File.ReadAllText(repo.Path("preflight.yaml")));
        Assert.Contains("already declares every name", again.Output);
    }

    [Fact]
    public void Check_without_a_contract_says_once_which_rules_a_contract_turns_on()
    {
        using var repo = new TempRepository().Write("src/app.py", "print('x')\n");

        var run = CliRun.Of("check", repo.Root);

        Assert.Single(run.Errors.Split('\n').Where(l => l.Contains("no preflight.yaml")));
        Assert.Contains("'preflight init'", run.Errors);
        Assert.Contains("PF4001", run.Errors);
    }

    [Fact]
    public void Init_refuses_a_contract_that_is_not_yaml_and_leaves_it_alone()
    {
        using var repo = Repository().Write("preflight.yaml", "secrets: [\n");

        var run = CliRun.Of("init", repo.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not valid YAML", run.Errors);
        Assert.Equal("secrets: [\n", File.ReadAllText(repo.Path("preflight.yaml")));
    }
}
