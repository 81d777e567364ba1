using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3002: compose ${VAR} that nothing provides, checked by the task (shared set-up in <see cref="ComposeCheckTests"/>).</summary>
public class PF3002ComposeVariableTests : ComposeCheckTests
{
    [Fact]
    public void PF3002_variable_without_default_value_or_declaration_is_reported_at_the_use()
    {
        using var repo = Repo("""
            services:
              db:
                image: "postgres:${PG_VERSION}"
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD}
                  POSTGRES_USER: ${DB_USER:-app}
                  POSTGRES_DB: ${DB_NAME}
                  REQUIRED: ${NEEDED:?set NEEDED}
            """)
            .Write(".env", "PG_VERSION=16\n")
            .Write("preflight.yaml", "secrets:\n  - DB_PASSWORD\n");

        var findings = Run(repo, "PF3002");

        Assert.Equal(new[] { (7, 20), (8, 17) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("Variable 'DB_NAME' has no default and is set neither in .env or an example env file (.env.example) nor in preflight.yaml (secrets:/variables:); compose will substitute an empty string", findings[0].Message);
        Assert.StartsWith("Variable 'NEEDED'", findings[1].Message);
    }

    [Fact]
    public void PF3002_silent_when_every_variable_is_provided_or_defaulted()
    {
        using var repo = Repo("services:\n  api:\n    image: \"app:${TAG}\"\n    environment:\n      A: ${A:-x}\n      B: ${B-}\n      C: $$NOT_A_VARIABLE\n      D: ${D}\n    volumes:\n      - ${HOME}/.cache:/cache\n")
            .Write(".env", "TAG=1\n")
            .Write("preflight.yaml", "variables:\n  - D\n");

        Assert.Empty(Run(repo, "PF3002"));
    }

    [Fact]
    public void PF3002_mentions_the_missing_env_file()
    {
        using var repo = Repo("services:\n  api:\n    image: \"app:${TAG}\"\n");

        Assert.Contains("a .env or example env file (.env.example) beside compose.yaml (there is none)", Assert.Single(Run(repo, "PF3002")).Message);
    }
}
