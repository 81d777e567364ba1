using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3007: depends_on condition: service_healthy on a service that can never be healthy.</summary>
public class PF3007ComposeHealthDependencyTests
{
    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static Finding[] Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        ComposeHealthDependencyCheck.Run(context);
        return context.Findings.Where(f => f.RuleId == "PF3007").ToArray();
    }

    private static TempRepository Repo(string compose) => new TempRepository()
        .Write("src/Api/Api.csproj", WebProject)
        .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . /app\n")
        .Write("compose.yaml", compose);

    [Fact]
    public void Official_image_without_healthcheck_is_reported_at_the_condition()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                depends_on:
                  db:
                    condition: service_healthy
              db:
                image: postgres:16
            """);

        var finding = Assert.Single(Run(repo));

        Assert.Equal(repo.Path("compose.yaml"), finding.File);
        Assert.Equal((6, 20), (finding.Line, finding.Column));
        Assert.Equal("Service 'api' waits for 'db' to be healthy (condition: service_healthy), but 'db' has no healthcheck, nor has its image 'postgres:16'; compose refuses to start 'api'", finding.Message);
    }

    [Fact]
    public void Healthcheck_in_the_service_is_no_finding()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                depends_on:
                  db: {condition: service_healthy}
              db:
                image: postgres:16
                healthcheck:
                  test: ["CMD-SHELL", "pg_isready -U postgres"]
            """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Healthcheck_in_the_base_file_of_an_override_is_no_finding()
    {
        using var repo = Repo("""
            services:
              db:
                image: postgres:16
                healthcheck:
                  test: pg_isready
            """)
            .Write("compose.override.yaml", """
                services:
                  api:
                    build: src/Api
                    depends_on:
                      db:
                        condition: service_healthy
                  db:
                    environment:
                      POSTGRES_PASSWORD: dev
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Healthcheck_inherited_through_extends_is_no_finding()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                depends_on:
                  db:
                    condition: service_healthy
              db:
                extends:
                  file: common.yaml
                  service: database
            """)
            .Write("common.yaml", """
                services:
                  database:
                    image: postgres:16
                    healthcheck:
                      test: ["CMD", "pg_isready"]
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Disabled_healthcheck_is_reported()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                depends_on:
                  cache:
                    condition: service_healthy
              cache:
                image: example.org/team/cache:1
                healthcheck:
                  disable: true
            """);

        var finding = Assert.Single(Run(repo));

        Assert.Equal((6, 20), (finding.Line, finding.Column));
        Assert.Contains("but 'cache' disables its healthcheck", finding.Message);
    }

    [Fact]
    public void Built_service_whose_dockerfile_runs_on_a_dotnet_image_without_HEALTHCHECK_is_reported()
    {
        using var repo = Repo("""
            services:
              worker:
                image: busybox
                depends_on:
                  api:
                    condition: service_healthy
              api:
                build: src/Api
            """);

        var finding = Assert.Single(Run(repo));

        Assert.Contains("'api' has no healthcheck, nor has its image (built from src/Api/Dockerfile)", finding.Message);
    }

    [Fact]
    public void Built_service_whose_dockerfile_has_a_HEALTHCHECK_is_no_finding()
    {
        using var repo = Repo("""
            services:
              worker:
                image: busybox
                depends_on:
                  api:
                    condition: service_healthy
              api:
                build: src/Api
            """)
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nHEALTHCHECK CMD curl -f http://localhost:8080/health\nFROM base\nCOPY . /app\n");

        Assert.Empty(Run(repo));
    }

    [Theory]
    [InlineData("bitnami/postgresql:16")]            // a vendor image may bring its own HEALTHCHECK
    [InlineData("ghcr.io/example/db:1")]
    [InlineData("${DB_IMAGE}")]
    public void Image_that_may_have_a_HEALTHCHECK_of_its_own_is_no_finding(string image)
    {
        using var repo = Repo($$"""
            services:
              api:
                build: src/Api
                depends_on:
                  db:
                    condition: service_healthy
              db:
                image: "{{image}}"
            """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Other_conditions_and_undefined_services_are_no_finding()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                depends_on:
                  db:
                    condition: service_started
                  migrate:
                    condition: service_completed_successfully
                  ghost:
                    condition: service_healthy
              db:
                image: postgres:16
              migrate:
                image: busybox
            """);

        Assert.Empty(Run(repo));
    }

    [Theory]
    [InlineData("postgres", true)]
    [InlineData("docker.io/library/redis:7", true)]
    [InlineData("library/mysql:8@sha256:abc", true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", true)]
    [InlineData("grafana/grafana", false)]
    [InlineData("registry.example.com/postgres:16", false)]
    [InlineData("localhost:5000/postgres", false)]
    [InlineData("scratch", false)]
    public void Images_known_to_have_no_HEALTHCHECK(string image, bool known)
    {
        Assert.Equal(known, ComposeHealthDependencyCheck.KnownWithoutHealthcheck(image));
    }
}
