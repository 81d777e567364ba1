using System.IO;
using System.Linq;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary><c>preflight init</c> declares what compose services' images need and the services take from the deploy's environment.</summary>
public class InitImageNeedsTests
{
    private const string Compose = """
        services:
          db:
            image: postgres:16
            environment:
              - POSTGRES_PASSWORD
          sql:
            image: mcr.microsoft.com/mssql/server:2022-latest
            environment:
              ACCEPT_EULA: "Y"
              SA_PASSWORD:
          local:
            image: mysql:8
            environment:
              MYSQL_ROOT_PASSWORD: not-a-contract-value
          unset:
            image: mariadb:11
        """;

    [Fact]
    public void Init_declares_the_variables_an_image_needs_that_the_service_passes_through_with_the_service_and_never_a_value()
    {
        using var repo = new TempRepository().Write("compose.yaml", Compose);

        var run = CliRun.Of("init", repo.Root);

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(repo.Path("preflight.yaml"));
        var config = PreflightConfigParser.Parse(text);
        Assert.Empty(config.Errors);
        Assert.Equal(new[] { "POSTGRES_PASSWORD", "SA_PASSWORD" }, config.Secrets.Select(s => s.Name));
        Assert.Empty(config.Variables);
        Assert.Contains("  # used at compose.yaml:5:9 (needed by image postgres:16 of compose service 'db')\n  - POSTGRES_PASSWORD\n", text);
        Assert.Contains("(needed by image mcr.microsoft.com/mssql/server:2022-latest of compose service 'sql')\n  - SA_PASSWORD\n", text);
        // A literal value is set-up, not a need of the deploy; a variable the service does not list is PF3003's finding.
        Assert.DoesNotContain("MYSQL_ROOT_PASSWORD", text);
        Assert.DoesNotContain("MARIADB", text);
        Assert.DoesNotContain("not-a-contract-value", text);

        // The contract is then what the deploy provides: PF3003 stays only for the service that lists nothing.
        var check = CliRun.Of("check", repo.Root);
        var pf3003 = check.Output.Split('\n').Where(l => l.Contains("PF3003")).ToList();
        Assert.Single(pf3003);
        Assert.Contains("'unset'", pf3003[0]);
        Assert.Equal(0, CliRun.Of("init", repo.Root, "--check").ExitCode);
    }
}
