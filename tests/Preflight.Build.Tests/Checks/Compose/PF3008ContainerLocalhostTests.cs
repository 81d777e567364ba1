using System.Linq;
using Preflight.Artifacts.Configuration;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3008: a containerized service whose effective configuration points a connection string at localhost.</summary>
public class PF3008ContainerLocalhostTests
{
    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private const string Compose = """
        services:
          api:
            build: src/Api
            environment:
              ASPNETCORE_ENVIRONMENT: Staging
          db:
            image: postgres:16
          cache:
            image: redis:7
        """;

    private static Finding[] Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        ContainerLocalhostCheck.Run(context);
        return context.Findings.Where(f => f.RuleId == "PF3008").OrderBy(f => f.File).ThenBy(f => f.Line).ToArray();
    }

    private static TempRepository Repo(string compose = Compose) => new TempRepository()
        .Write("src/Api/Api.csproj", WebProject)
        .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . /app\n")
        .Write("compose.yaml", compose);

    [Fact]
    public void Npgsql_connection_string_on_localhost_in_the_environment_file_is_reported_with_the_postgres_service()
    {
        using var repo = Repo()
            .Write("src/Api/appsettings.json", """
                {
                  "ConnectionStrings": { "Orders": "Host=db;Database=orders" },
                  "ConnectionStrings:Cache": "localhost:6379,abortConnect=false"
                }
                """)
            .Write("src/Api/appsettings.Staging.json", """
                {
                  "ConnectionStrings": {
                    "Orders": "Host=localhost;Database=orders;Username=app;Password=not-printed"
                  }
                }
                """);

        var findings = Run(repo);

        Assert.Equal(2, findings.Length);
        Assert.Equal(repo.Path("src/Api/appsettings.Staging.json"), findings[1].File);
        Assert.Equal((3, 5), (findings[1].Line, findings[1].Column));
        Assert.Equal("'ConnectionStrings:Orders' points at 'localhost', but compose service 'api' runs this app in a container, where 'localhost' is the container itself; probably meant: the compose service 'db' (postgres:16) as the host", findings[1].Message);
        Assert.DoesNotContain("not-printed", findings[1].Message);
        Assert.Equal(repo.Path("src/Api/appsettings.json"), findings[0].File);
        Assert.Contains("'ConnectionStrings:Cache'", findings[0].Message);
        Assert.Contains("the compose service 'cache' (redis:7)", findings[0].Message);
    }

    [Fact]
    public void A_value_the_deployment_overrides_is_no_finding()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                env_file: api.env
                environment:
                  ConnectionStrings__Orders: Host=db;Database=orders
            """)
            .Write("api.env", "ConnectionStrings__Cache=cache:6379\n")
            .Write("src/Api/appsettings.json", """
                {
                  "ConnectionStrings": { "Orders": "Host=localhost;Database=orders", "Cache": "localhost:6379" }
                }
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void The_Development_file_does_not_apply_to_a_container_running_in_Production()
    {
        using var repo = Repo("services:\n  api:\n    build: src/Api\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Orders": "Host=db" } }""")
            .Write("src/Api/appsettings.Development.json", """{ "ConnectionStrings": { "Orders": "Host=localhost" } }""");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Compose_environment_value_on_localhost_is_reported_at_the_compose_value()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                environment:
                  - ConnectionStrings__Db=Server=127.0.0.1,1433;Database=x;TrustServerCertificate=true
              sql:
                image: mcr.microsoft.com/mssql/server:2022-latest
            """);

        var finding = Assert.Single(Run(repo));

        Assert.Equal(repo.Path("compose.yaml"), finding.File);
        Assert.Equal(5, finding.Line);
        Assert.Contains("'ConnectionStrings__Db' points at '127.0.0.1'", finding.Message);
        Assert.Contains("the compose service 'sql'", finding.Message);
    }

    [Fact]
    public void Unknown_overrides_host_network_http_urls_and_other_projects_are_no_finding()
    {
        using var unknownEnvFile = Repo("services:\n  api:\n    build: src/Api\n    env_file: ${ENV_FILE}\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Orders": "Host=localhost" } }""");
        Assert.Empty(Run(unknownEnvFile));

        using var unknownEnvironment = Repo("services:\n  api:\n    build: src/Api\n    environment:\n      ASPNETCORE_ENVIRONMENT: ${STAGE}\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Orders": "Host=localhost" } }""");
        Assert.Empty(Run(unknownEnvironment));

        using var hostNetwork = Repo("services:\n  api:\n    build: src/Api\n    network_mode: host\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Orders": "Host=localhost" } }""");
        Assert.Empty(Run(hostNetwork));

        using var httpUrls = Repo("services:\n  api:\n    build: src/Api\n")
            .Write("src/Api/appsettings.json", """{ "IdentityUrl": "http://localhost:5105", "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:8080" } } } }""");
        Assert.Empty(Run(httpUrls));

        using var otherProject = Repo("services:\n  worker:\n    build: src/Worker\n")
            .Write("src/Worker/Dockerfile", "FROM x\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Orders": "Host=localhost" } }""");
        Assert.Empty(Run(otherProject));
    }

    [Fact]
    public void A_stale_key_beside_the_section_and_a_secret_store_that_may_replace_values_are_no_finding()
    {
        // A root "ConnectionString" key the code may not read (it reads ConnectionStrings:X): not reported.
        using var stale = Repo("services:\n  api:\n    build: src/Api\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionString": "Server=tcp:127.0.0.1,5433;Initial Catalog=x" }""");
        Assert.Empty(Run(stale));

        using var secretStore = Repo("services:\n  api:\n    build: src/Api\n")
            .Write("src/Api/Program.cs", "builder.Configuration.AddDaprSecretStore(\"secretstore\", client);\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Orders": "Host=localhost" } }""");
        Assert.Empty(Run(secretStore));
    }

    [Theory]
    [InlineData("ConnectionStrings:Db", "Host=localhost;Database=x", "localhost", "postgres")]
    [InlineData("ConnectionStrings:Db", "Server=(local);Database=x;Trusted_Connection=True", "(local)", "sqlserver")]
    [InlineData("ConnectionStrings:Db", "Server=tcp:localhost,1433;Initial Catalog=x", "localhost", "sqlserver")]
    [InlineData("ConnectionStrings:Db", "Server=localhost;Port=3306;Uid=root", "localhost", "mysql")]
    [InlineData("Bus:Url", "amqp://guest:guest@localhost:5672/", "localhost", "rabbitmq")]
    [InlineData("Mongo:Url", "mongodb://127.0.0.1:27017", "127.0.0.1", "mongodb")]
    [InlineData("ConnectionStrings:Redis", "localhost", "localhost", "redis")]
    public void Local_endpoints(string key, string value, string host, string kind)
    {
        var endpoint = LocalhostEndpoint.Find(key, value);

        Assert.NotNull(endpoint);
        Assert.Equal((host, kind), (endpoint!.Host, endpoint.Kind));
    }

    [Theory]
    [InlineData("ConnectionStrings:Db", "Host=db;Database=x")]
    [InlineData("ConnectionStrings:Sqlite", "Data Source=app.db")]
    [InlineData("Api:BaseUrl", "http://localhost:5000")]
    [InlineData("Urls", "http://localhost:8080")]
    [InlineData("ConnectionStrings:Db", "Host=${DB_HOST}")]
    [InlineData("Redis:Host", "localhost")]
    public void Not_local_endpoints(string key, string value)
    {
        Assert.Null(LocalhostEndpoint.Find(key, value));
    }
}
