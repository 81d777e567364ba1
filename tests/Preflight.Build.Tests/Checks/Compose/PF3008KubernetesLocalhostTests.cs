using System.Linq;
using Preflight.Artifacts.Kubernetes;

using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3008 for Kubernetes: a container whose env or envFrom ConfigMap points a connection string at localhost.</summary>
public class PF3008KubernetesLocalhostTests
{
    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private const string Database = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: orders-db
        spec:
          selector:
            matchLabels: { app: orders-db }
          template:
            metadata:
              labels: { app: orders-db }
            spec:
              containers:
                - name: postgres
                  image: postgres:16
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: orders-db
        spec:
          selector: { app: orders-db }
          ports: [{ port: 5432 }]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: orders-api
        spec:
          selector: { app: orders-api }
          ports: [{ port: 80 }]
        """;

    private static Finding[] Run(TempRepository repo)
    {
        // A negative test must not pass because its YAML is broken: every manifest loads.
        foreach (var file in System.IO.Directory.EnumerateFiles(repo.Root, "*.yaml", System.IO.SearchOption.AllDirectories))
        {
            Assert.Empty(KubernetesParser.Parse(System.IO.File.ReadAllText(file)).Errors);
        }
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        KubernetesLocalhostCheck.Run(context);
        return context.Findings.Where(f => f.RuleId == "PF3008").OrderBy(f => f.File).ThenBy(f => f.Line).ToArray();
    }

    private static TempRepository Repo(string deployment) => new TempRepository()
        .Write("src/Api/Api.csproj", WebProject)
        .Write("k8s/db.yaml", Database)
        .Write("k8s/api.yaml", deployment);

    private static string Deployment(string containerExtra = "", string podExtra = "", string podMetadata = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders-api
        spec:
          selector:
            matchLabels: { app: orders-api }
          template:
            metadata:
              labels: { app: orders-api }
        {{Indent(podMetadata, 6)}}
            spec:
        {{Indent(podExtra, 6)}}
              containers:
                - name: api
                  image: ghcr.io/acme/orders-api:1.0
        {{Indent(containerExtra, 10)}}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    private const string LocalEnv = """
        env:
          - name: ASPNETCORE_ENVIRONMENT
            value: Production
          - name: ConnectionStrings__Orders
            value: Host=localhost;Database=orders;Username=app;Password=not-printed
        """;

    [Fact]
    public void A_connection_string_on_localhost_in_the_env_is_reported_with_the_postgres_service()
    {
        using var repo = Repo(Deployment(LocalEnv));

        var finding = Assert.Single(Run(repo));

        Assert.Equal(repo.Path("k8s/api.yaml"), finding.File);
        Assert.Equal((21, 22), (finding.Line, finding.Column));
        Assert.Equal("'ConnectionStrings__Orders' points at 'localhost', but Deployment 'orders-api' (container 'api') runs this app in a container, where 'localhost' is the container itself; probably meant: the Service 'orders-db' as the host", finding.Message);
        Assert.DoesNotContain("not-printed", finding.Message);
    }

    [Fact]
    public void A_database_url_from_an_envFrom_ConfigMap_is_reported_at_the_ConfigMap_key()
    {
        using var repo = Repo(Deployment("""
            envFrom:
              - configMapRef: { name: api-config }
            """))
            .Write("k8s/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: api-config
                data:
                  LOG_LEVEL: info
                  DATABASE_URL: postgres://app@127.0.0.1:5432/orders
                """);

        var finding = Assert.Single(Run(repo));

        Assert.Equal(repo.Path("k8s/config.yaml"), finding.File);
        Assert.Equal((7, 17), (finding.Line, finding.Column));
        Assert.Contains("'DATABASE_URL' points at '127.0.0.1'", finding.Message);
        Assert.Contains("Deployment 'orders-api' (container 'api', envFrom in k8s/api.yaml)", finding.Message);
        Assert.Contains("the Service 'orders-db'", finding.Message);
    }

    [Fact]
    public void An_env_entry_that_overrides_the_ConfigMap_value_is_no_finding()
    {
        using var repo = Repo(Deployment("""
            envFrom:
              - configMapRef: { name: api-config }
            env:
              - name: ConnectionStrings__Orders
                value: Host=orders-db;Database=orders
            """))
            .Write("k8s/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: api-config
                data:
                  ConnectionStrings__Orders: Host=localhost;Database=orders
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_later_secret_source_may_replace_the_value_so_there_is_no_finding()
    {
        using var repo = Repo(Deployment("""
            envFrom:
              - configMapRef: { name: api-config }
              - secretRef: { name: api-secrets }
            """))
            .Write("k8s/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: api-config
                data:
                  ConnectionStrings__Orders: Host=localhost;Database=orders
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_sidecar_container_in_the_pod_makes_localhost_legitimate()
    {
        using var repo = Repo(Deployment(LocalEnv).Replace("      containers:\n", """
                  containers:
                    - name: cloud-sql-proxy
                      image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.0
                      args: ["--port=5432", "acme:europe-west1:orders"]

            """));

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_sidecar_injected_by_annotation_makes_localhost_legitimate()
    {
        using var repo = Repo(Deployment(LocalEnv, podMetadata: """
            annotations:
              dapr.io/enabled: "true"
              dapr.io/app-id: orders-api
            """));

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_native_sidecar_init_container_makes_localhost_legitimate()
    {
        using var repo = Repo(Deployment(LocalEnv, podExtra: """
            initContainers:
              - name: pgbouncer
                image: bitnami/pgbouncer:1.22.0
                restartPolicy: Always
            """));

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_host_network_pod_is_no_finding()
    {
        using var repo = Repo(Deployment(LocalEnv, podExtra: """
            hostNetwork: true
            """));

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Templated_and_http_values_are_no_finding()
    {
        using var repo = Repo(Deployment("""
            env:
              - name: ConnectionStrings__Orders
                value: Host=#{DbHost}#;Database=orders
              - name: ConnectionStrings__Cache
                value: $(CACHE_HOST):6379
              - name: IdentityUrl
                value: http://localhost:5105
              - name: ConnectionStrings__Reports
                value: Host=__REPORTS_HOST__;Database=reports
            """));

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Helm_templates_are_not_read()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", WebProject)
            .Write("charts/api/templates/deployment.yaml", Deployment(LocalEnv).Replace("orders-api:1.0", "{{ .Values.image.repository }}:{{ .Values.image.tag }}"));

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_value_a_kustomize_patch_replaces_is_no_finding()
    {
        using var repo = Repo(Deployment(LocalEnv))
            .Write("k8s/kustomization.yaml", """
                resources: [api.yaml, db.yaml]
                patches:
                  - path: api-env.yaml
                """)
            .Write("k8s/api-env.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: orders-api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          env:
                            - name: ConnectionStrings__Orders
                              value: Host=orders-db;Database=orders
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void The_database_container_itself_is_no_finding()
    {
        using var repo = Repo(Deployment()).Write("k8s/exporter.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pg-tools
            spec:
              containers:
                - name: postgres
                  image: postgres:16
                  env:
                    - name: DATABASE_URL
                      value: postgresql://postgres@localhost:5432/postgres
            """);

        Assert.Empty(Run(repo));
    }

    private static TempRepository OrdersRepo(string containerExtra = "") => new TempRepository()
        .Write("src/Orders.Api/Orders.Api.csproj", WebProject)
        .Write("src/Orders.Api/appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "ConnectionStrings": { "Orders": "Host=localhost;Database=orders" }
            }
            """)
        .Write("k8s/db.yaml", Database)
        .Write("k8s/api.yaml", Deployment(containerExtra));

    private static Finding[] RunFor(TempRepository repo, string project)
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        KubernetesLocalhostCheck.Run(context);
        return context.Findings.Where(f => f.RuleId == "PF3008").ToArray();
    }

    [Fact]
    public void The_projects_appsettings_baked_into_the_image_is_reported_at_the_containers_image_line()
    {
        using var repo = OrdersRepo();

        var finding = Assert.Single(RunFor(repo, "src/Orders.Api/Orders.Api.csproj"));

        Assert.Equal(repo.Path("k8s/api.yaml"), finding.File);
        Assert.Equal((16, 18), (finding.Line, finding.Column));
        Assert.Equal("'ConnectionStrings:Orders' points at 'localhost', but Deployment 'orders-api' (container 'api', set in src/Orders.Api/appsettings.json) runs this app in a container, where 'localhost' is the container itself; probably meant: the Service 'orders-db' as the host", finding.Message);
    }

    [Fact]
    public void Appsettings_that_the_container_env_overrides_or_an_unknown_envFrom_may_override_are_no_finding()
    {
        using var overridden = OrdersRepo("""
            env:
              - name: ConnectionStrings__Orders
                value: Host=orders-db;Database=orders
            """);
        using var secret = OrdersRepo("""
            envFrom:
              - secretRef: { name: orders-secrets }
            """);

        Assert.Empty(RunFor(overridden, "src/Orders.Api/Orders.Api.csproj"));
        Assert.Empty(RunFor(secret, "src/Orders.Api/Orders.Api.csproj"));
    }

    [Fact]
    public void Appsettings_of_a_project_the_image_does_not_run_are_no_finding()
    {
        using var repo = OrdersRepo()
            .Write("src/Billing.Api/Billing.Api.csproj", WebProject)
            .Write("src/Billing.Api/appsettings.json", """{ "ConnectionStrings": { "Billing": "Host=localhost" } }""");

        Assert.Empty(RunFor(repo, "src/Billing.Api/Billing.Api.csproj"));
    }

    [Fact]
    public void An_image_a_compose_service_builds_from_the_project_runs_the_project()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", WebProject)
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . /app\n")
            .Write("src/Api/appsettings.json", """{ "ConnectionStrings": { "Cache": "localhost:6379,abortConnect=false" } }""")
            .Write("compose.yaml", "services:\n  api:\n    build: src/Api\n    image: acme/storefront:dev\n    environment:\n      ConnectionStrings__Cache: cache:6379\n")
            .Write("k8s/api.yaml", Deployment().Replace("ghcr.io/acme/orders-api:1.0", "acme/storefront:2.0"));

        var finding = Assert.Single(RunFor(repo, "src/Api/Api.csproj"));

        Assert.Equal(repo.Path("k8s/api.yaml"), finding.File);
        Assert.Contains("'ConnectionStrings:Cache' points at 'localhost'", finding.Message);
        Assert.Contains("set in src/Api/appsettings.json", finding.Message);
        Assert.Contains("use the name of the Service that runs it as the host", finding.Message);
    }
}
