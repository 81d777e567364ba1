using System;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>
/// PF1004 on local set-up (issue 17, pattern 5): a sample's database password to localhost or to a service of the
/// repository's own compose file is not a leak outside production artifacts; Helm chart templates are skipped; and
/// what is real stays: tokens anywhere, passwords in production artifacts, passwords to other hosts.
/// </summary>
public class PF1004CommittedSecretLocalSetupTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    /// <summary>A compose file whose database service is 'sqldata' (and a cache reachable as 'cache' by alias).</summary>
    private const string Compose =
        "services:\n  api:\n    build: src/Api\n  sqldata:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n" +
        "  redis:\n    image: redis\n    networks:\n      back:\n        aliases: [cache]\nnetworks:\n  back: {}\n";

    // Built at run time: a sample's well-known local password, not a secret of this repository.
    private static readonly string SamplePassword = "Pass" + "@word1";

    private static string Sql(string server) => "Server=" + server + ";Database=Orders;User Id=sa;Password=" + SamplePassword + ";TrustServerCertificate=true";

    private static string AppSettings(string connection) => "{\n  \"ConnectionStrings\": {\n    \"Orders\": \"" + connection + "\"\n  }\n}\n";

    private static TempRepository Repository() => new TempRepository()
        .Write("src/Api/Api.csproj", Project)
        .Write("docker-compose.yml", Compose);

    private static CheckContext Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        CommittedSecretCheck.Run(context);
        return context;
    }

    [Theory]
    [InlineData("appsettings.Development.json", "sqldata")]
    [InlineData("appsettings.Docker.json", "sqldata,1433")]
    [InlineData("appsettings.Local.json", "localhost")]
    [InlineData("appsettings.json", "tcp:127.0.0.1,5433")]
    [InlineData("appsettings.json", "(localdb)\\\\MSSQLLocalDB")]
    [InlineData("appsettings.json", "host.docker.internal")]
    [InlineData("appsettings.json", "sqldata")]
    [InlineData("appsettings.Development.json", "mssql")]
    public void Sample_database_password_to_a_local_host_is_local_set_up(string file, string server)
    {
        using var repo = Repository().Write("src/Api/" + file, AppSettings(Sql(server)));

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Compose_default_with_the_compose_services_own_password_is_local_set_up()
    {
        using var repo = Repository()
            .Write("docker-compose.override.yml",
                "services:\n  api:\n    environment:\n      - ConnectionString=${ORDERS_DB:-" + Sql("sqldata") + "}\n" +
                "      - Redis=redis://:" + SamplePassword + "@cache:6379\n" +
                "  sqldata:\n    environment:\n      - SA_PASSWORD=" + SamplePassword + "\n")
            .Write(".env", "ORDERS_DB=" + Sql("localhost") + "\n");

        Assert.Empty(Run(repo).Findings);
    }

    [Theory]
    [InlineData("appsettings.Production.json", "sqldata", 3, 67)]
    [InlineData("appsettings.Staging.json", "localhost", 3, 69)]
    [InlineData("appsettings.json", "orders-db.database.windows.net", 3, 90)]
    [InlineData("appsettings.Development.json", "shared-dev.example.com", 3, 82)]
    [InlineData("appsettings.json", "mssql", 3, 65)]
    public void Password_in_a_production_file_or_to_another_host_stays_a_finding(string file, string server, int line, int column)
    {
        using var repo = Repository().Write("src/Api/" + file, AppSettings(Sql(server)));

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF1004", repo.Path("src/Api/" + file), line, column), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Contains("password in connection string '****'", finding.Message);
        Assert.DoesNotContain(SamplePassword, finding.Message);
    }

    [Fact]
    public void Production_settings_that_repeat_the_compose_databases_own_password_are_local_set_up()
    {
        using var repo = Repository()
            .Write("deploy/docker-compose.yml", "services:\n  postgres:\n    image: postgres:16\n    container_name: pg\n    environment:\n      POSTGRES_PASSWORD: " + SamplePassword + "\n")
            .Write("src/Api/appsettings.Production.json", AppSettings("Host=pg;Port=5432;Username=postgres;Password=" + SamplePassword))
            .Write("src/Api/appsettings.Staging.json", AppSettings("Host=pg;Port=5432;Username=postgres;Password=Other" + SamplePassword));

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(repo.Path("src/Api/appsettings.Staging.json"), finding.File);
    }

    [Fact]
    public void Spaced_keys_and_single_quoted_values_are_read_for_the_host()
    {
        // Npgsql's "KEY = 'value'" style, a compose postgres container named 'postgres' that sets this password.
        static string Npgsql(string host) =>
            "PORT = 5432; HOST = " + host + "; TIMEOUT = 15; DATABASE = 'postgres'; PASSWORD = '" + SamplePassword + "'; USER ID = 'postgres'";
        using var repo = Repository()
            .Write("samples/desk/docker-compose.yml", "services:\n  postgres:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: " + SamplePassword + "\n")
            .Write("src/Api/appsettings.json", AppSettings(Npgsql("localhost")))
            .Write("src/Api/appsettings.Production.json", AppSettings(Npgsql("postgres")))
            .Write("src/Api/appsettings.Staging.json", AppSettings(Npgsql("pg.internal.example.com")));

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((repo.Path("src/Api/appsettings.Staging.json"), 3), (finding.File, finding.Line));
    }

    [Fact]
    public void Password_to_a_compose_service_in_a_Kubernetes_manifest_or_production_env_stays_a_finding()
    {
        using var repo = Repository()
            .Write("k8s/orders.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n" +
                "        - name: orders\n          image: orders:1\n          env:\n            - name: ConnectionStrings__Orders\n" +
                "              value: \"" + Sql("sqldata") + "\"\n")
            .Write(".env.production", "ORDERS_DB=" + Sql("localhost") + "\n");

        var findings = Run(repo).Findings.OrderBy(f => f.File, StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { (repo.Path(".env.production"), 1), (repo.Path("k8s/orders.yaml"), 13) }, findings.Select(f => (f.File, f.Line)));
        Assert.All(findings, f => Assert.Contains("password in connection string '****'", f.Message));
    }

    [Fact]
    public void Token_in_a_development_file_is_still_reported()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = Repository().Write("src/Api/appsettings.Development.json", "{\n  \"GitHub\": { \"Token\": \"" + token + "\" },\n  \"Db\": \"" + Sql("localhost") + "\"\n}\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((2, 25), (finding.Line, finding.Column));
        Assert.Contains("GitHub token 'ghp_****'", finding.Message);
    }

    [Fact]
    public void Helm_chart_templates_are_skipped_but_plain_manifests_and_values_are_not()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = Repository()
            .Write("deploy/charts/orders/Chart.yaml", "apiVersion: v2\nname: orders\nversion: 1.0.0\n")
            .Write("deploy/charts/orders/templates/secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-db\nstringData:\n  db: \"" + Sql("{{ .Values.db.host }}") + "\"\n  gh: " + token + "\n")
            .Write("deploy/charts/orders/templates/nested/config.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  gh: " + token + "\n")
            .Write("deploy/charts/orders/values.yaml", "github:\n  token: " + token + "\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((repo.Path("deploy/charts/orders/values.yaml"), 2), (finding.File, finding.Line));
    }

    [Fact]
    public void A_templates_folder_outside_a_chart_is_checked()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = Repository().Write("k8s/templates/app.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  gh: " + token + "\n");

        Assert.Equal(4, Assert.Single(Run(repo).Findings).Line);
    }
}
