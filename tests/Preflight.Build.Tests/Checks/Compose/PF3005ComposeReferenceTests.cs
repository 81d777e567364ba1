using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3005: compose references to nothing, and cycles, checked by the task (shared set-up in <see cref="ComposeCheckTests"/>).</summary>
public class PF3005ComposeReferenceTests : ComposeCheckTests
{
    [Fact]
    public void PF3005_undefined_references_and_cycles()
    {
        using var repo = Repo("""
            services:
              api:
                image: app
                depends_on: [db, queue]
                volumes: [cache:/cache]
              db:
                image: postgres
                depends_on:
                  api:
                    condition: service_started
                environment:
                  POSTGRES_PASSWORD: x
            """);

        var findings = Run(repo, "PF3005");

        Assert.Equal(new[] { (4, 22), (5, 15), (9, 7) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("service \"api\" depends on undefined service \"queue\"", findings[0].Message);
        Assert.Contains("undefined volume \"cache\"", findings[1].Message);
        Assert.Equal("depends_on cycle: api -> db -> api", findings[2].Message);
    }

    [Fact]
    public void PF3005_silent_for_defined_references_and_optional_dependencies()
    {
        using var repo = Repo("""
            services:
              api:
                image: app
                depends_on:
                  db:
                    condition: service_healthy
                  optional:
                    required: false
                networks: [default, back]
                secrets: [token]
              db:
                image: redis
            networks:
              back:
            secrets:
              token:
                environment: TOKEN
            """);

        Assert.Empty(Run(repo, "PF3005"));
    }

    [Fact]
    public void PF3005_and_PF3006_are_reported_by_the_owner_project_only()
    {
        using var repo = Repo("services:\n  api:\n    build: src/Api\n    depends_on: [ghost]\n    imgae: x\n")
            .Write("src/Aaa/Aaa.csproj", WebProject);

        Assert.Single(Run(repo, "PF3005", "src/Aaa/Aaa.csproj"));
        Assert.Single(Run(repo, "PF3006", "src/Aaa/Aaa.csproj"));
        Assert.Empty(Run(repo, "PF3005", "src/Api/Api.csproj"));
        Assert.Empty(Run(repo, "PF3006", "src/Api/Api.csproj"));
    }

    [Fact]
    public void Included_project_is_checked_as_part_of_the_including_project_only()
    {
        using var repo = Repo("include:\n  - db/compose.yaml\nservices:\n  api:\n    image: app\n    depends_on: [db]\n")
            .Write("db/compose.yaml", "services:\n  db:\n    image: postgres\n    depends_on: [api]\n");

        var findings = Run(repo, "PF3005");
        var cycle = Assert.Single(findings);
        Assert.StartsWith("depends_on cycle", cycle.Message);
        Assert.Single(Run(repo, "PF3003"));
    }
}
