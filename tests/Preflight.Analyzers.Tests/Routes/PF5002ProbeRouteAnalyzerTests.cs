using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Routes.ProbeRouteAnalyzer>;

namespace Preflight.Analyzers.Tests.Routes;

/// <summary>PF5002: HTTP probe paths of the project's deployment that no route of the app maps.</summary>
public class PF5002ProbeRouteAnalyzerTests
{
    private const string ComposePath = "/repo/docker-compose.yml";
    private const string DockerfilePath = "/repo/src/Api/Dockerfile";
    private const string ManifestPath = "/repo/k8s/api.yaml";

    private static string Web(string statements, string types = "") => $$"""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
        {{statements}}
                app.Run();
            }
        }
        {{types}}
        """;

    private static string Compose(string test) => $"""
        services:
          api:
            build:
              context: src/Api
            healthcheck:
              test: {test}
              interval: 10s
          db:
            image: postgres:16
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost:5432/nothing"]
        """;

    private static string Manifest(string probes, string image = "registry.example/team/api:1.4") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: {image}
                  ports:
                    - containerPort: 8080
        {probes}
        """;

    private static DiagnosticResult PF5002(string path, int line, int column, int length) =>
        Test.Diagnostic("PF5002").WithSpan(path, line, column, line, column + length);

    [Fact]
    public Task Compose_healthcheck_on_an_unmapped_path_is_reported_at_the_path() =>
        new Test(Web("""        app.MapHealthChecks("/health");"""))
            .WithFile(ComposePath, Compose("""["CMD-SHELL", "curl -fsS http://localhost:8080/healthz || exit 1"]"""))
            .Expect(PF5002(ComposePath, 6, 59, 8)
                .WithArguments("/healthz", "healthcheck of docker-compose.yml (service api)", "/health"))
            .RunAsync();

    /// <summary>
    /// A healthcheck shared through a YAML anchor and a <c>&lt;&lt;</c> merge key is the service's healthcheck (compose
    /// merges it): since the rule reads the compose model rather than the raw YAML it is checked, at the path as written in
    /// the anchor (issue 16; the YAML adapter did not see it).
    /// </summary>
    [Fact]
    public Task Compose_healthcheck_merged_from_an_anchor_is_checked_where_the_anchor_writes_it() =>
        new Test(Web("""        app.MapHealthChecks("/health");"""))
            .WithFile(ComposePath, """
                x-health: &health
                  healthcheck:
                    test: ["CMD", "curl", "-f", "http://localhost:8080/ready"]
                services:
                  api:
                    <<: *health
                    build:
                      context: src/Api
                """)
            .Expect(PF5002(ComposePath, 3, 55, 6)
                .WithArguments("/ready", "healthcheck of docker-compose.yml (service api)", "/health"))
            .RunAsync();

    [Fact]
    public Task Compose_healthcheck_string_and_list_forms_on_mapped_paths_are_fine() =>
        Task.WhenAll(
            new Test(Web("""        app.MapHealthChecks("/health");"""))
                .WithFile(ComposePath, Compose("curl -f http://localhost:8080/health || exit 1"))
                .RunAsync(),
            new Test(Web("""        app.MapGet("/status/{check?}", () => "ok");"""))
                .WithFile(ComposePath, Compose("""["CMD", "wget", "-qO-", "http://127.0.0.1:8080/status?full=1"]"""))
                .RunAsync(),
            new Test(Web("""        app.MapHealthChecks("/health");"""))
                .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost:${PORT}/healthz"]"""))
                .RunAsync());

    [Fact]
    public Task Dockerfile_HEALTHCHECK_of_the_project_is_checked() =>
        new Test(Web("""        app.MapGet("/health/live", () => "ok");"""))
            .WithFile(DockerfilePath, """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                WORKDIR /app
                HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/health/ready || exit 1
                ENTRYPOINT ["dotnet", "Api.dll"]
                """)
            .Expect(PF5002(DockerfilePath, 3, 61, 13)
                .WithArguments("/health/ready", "HEALTHCHECK of Dockerfile", "/health/live"))
            .RunAsync();

    [Fact]
    public Task Dockerfile_HEALTHCHECK_NONE_and_mapped_paths_are_fine() =>
        new Test(Web("""        app.MapGet("/health/live", () => "ok");"""))
            .WithFile(DockerfilePath, """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
                HEALTHCHECK CMD curl -f http://localhost:8080/nope || exit 1
                FROM base
                HEALTHCHECK NONE
                """)
            .WithFile("/repo/src/Other/Dockerfile", "FROM alpine\nHEALTHCHECK CMD curl -f http://localhost/nope\n")
            .RunAsync();

    [Fact]
    public Task Kubernetes_probes_of_the_project_container_are_checked() =>
        new Test(Web("""
                    app.MapHealthChecks("/healthz/live");
                    app.MapGet("/ready", () => "ok");
            """))
            .WithFile(ManifestPath, Manifest("""
                          livenessProbe:
                            httpGet:
                              path: /healthz/live
                              port: 8080
                          readinessProbe:
                            httpGet:
                              path: /healthz/ready
                              port: 8080
                          startupProbe:
                            httpGet:
                              port: 8080
                """))
            .Expect(
                PF5002(ManifestPath, 19, 21, 14).WithArguments("/healthz/ready", "readinessProbe of container 'api' of Deployment 'api' (k8s/api.yaml)", "/healthz/live, /ready"),
                PF5002(ManifestPath, 22, 13, 7).WithArguments("/", "startupProbe of container 'api' of Deployment 'api' (k8s/api.yaml)", "/healthz/live, /ready"))
            .RunAsync();

    [Fact]
    public Task Kubernetes_containers_of_other_images_are_not_checked() =>
        new Test(Web("""        app.MapHealthChecks("/health");"""))
            .WithFile(ManifestPath, Manifest("""
                          livenessProbe:
                            httpGet:
                              path: /healthz
                              port: 8080
                """, image: "redis:7"))
            .RunAsync();

    [Fact]
    public Task Kubernetes_image_of_the_compose_service_that_builds_the_project_relates_the_container() =>
        new Test(Web("""        app.MapHealthChecks("/health");"""))
            .WithFile(ComposePath, "services:\n  web:\n    build: src/Api\n    image: acme/storefront:dev\n")
            .WithFile(ManifestPath, Manifest("""
                          livenessProbe:
                            httpGet:
                              path: /healthz
                              port: 8080
                """, image: "acme/storefront:1.0"))
            .Expect(PF5002(ManifestPath, 15, 21, 8))
            .RunAsync();

    [Fact]
    public Task Groups_chained_and_through_locals_and_conventions_prefix_their_routes() =>
        new Test(Web("""
                    var api = app.MapGroup("/api").WithTags("api");
                    var v1 = api.MapGroup("v1");
                    v1.MapGet("/status", () => "ok");
                    app.MapGroup("/ops").MapGroup("/health").MapGet("live", () => "ok").RequireAuthorization();
            """))
            .WithFile(ManifestPath, Manifest("""
                          livenessProbe:
                            httpGet:
                              path: /ops/health/live
                              port: 8080
                          readinessProbe:
                            httpGet:
                              path: /api/v1/status
                              port: 8080
                          startupProbe:
                            httpGet:
                              path: /api/status
                              port: 8080
                """))
            .Expect(PF5002(ManifestPath, 23, 21, 11).WithArguments("/api/status", "startupProbe of container 'api' of Deployment 'api' (k8s/api.yaml)", "/api/v1/status, /ops/health/live"))
            .RunAsync();

    [Fact]
    public Task Templates_match_parameters_constraints_optionals_and_catch_alls() =>
        new Test(Web("""
                    app.MapGet("/items/{id:int}", (int id) => id);
                    app.MapGet("/files/{**path}", (string path) => path);
                    app.MapGet("/probe/{kind?}", (string? kind) => kind);
                    app.MapPost("/hook", () => "ok");
                    app.MapMethods("/any", new[] { "GET", "HEAD" }, () => "ok");
            """))
            .WithFile(ManifestPath, Manifest("""
                          livenessProbe:
                            httpGet:
                              path: /items/abc
                              port: 8080
                          readinessProbe:
                            httpGet:
                              path: /hook
                              port: 8080
                """))
            .WithFile(DockerfilePath, """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                HEALTHCHECK CMD curl -f http://localhost:8080/items/42 && curl -f http://localhost:8080/files/a/b.txt && curl http://localhost:8080/probe && curl http://localhost:8080/PROBE/deep/er && curl http://localhost:8080/any
                """)
            .Expect(
                PF5002(ManifestPath, 15, 21, 10),
                PF5002(ManifestPath, 19, 21, 5),
                PF5002(DockerfilePath, 2, 168, 14))
            .RunAsync();

    [Fact]
    public Task UsePathBase_lets_a_probe_include_the_base_or_not() =>
        new Test(Web("""
                    app.UsePathBase("/orders");
                    app.MapHealthChecks("/health");
            """))
            .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost:8080/orders/health", "http://localhost:8080/health", "http://localhost:8080/api/health"]"""))
            .Expect(PF5002(ComposePath, 6, 128, 11))
            .RunAsync();

    [Fact]
    public Task Attribute_routed_controllers_count_when_MapControllers_is_called() =>
        new Test(Web("        app.MapControllers();", """
            [ApiController]
            [Route("api/[controller]")]
            public class HealthController : ControllerBase
            {
                [HttpGet("live")] public string Live() => "ok";
                [HttpGet("~/ready")] public string Ready() => "ok";
                [HttpGet, Route("[action]/{id:int}")] public string CheckAsync(int id) => "ok";
                [HttpPost("reset")] public string Reset() => "ok";
            }

            public class StatusController : Controller
            {
                [Route("/status")] public string Index() => "ok";
            }
            """))
            .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/api/health/live", "http://localhost/ready", "http://localhost/status", "http://localhost/api/Health/Check/3", "http://localhost/api/health/reset", "http://localhost/api/health/ready"]"""))
            .Expect(
                PF5002(ComposePath, 6, 180, 17),
                PF5002(ComposePath, 6, 217, 17))
            .RunAsync();

    [Fact]
    public Task Controllers_without_MapControllers_map_nothing() =>
        new Test(Web("""        app.MapGet("/", () => "ok");""", """
            [Route("health")]
            public class HealthController : ControllerBase
            {
                [HttpGet] public string Get() => "ok";
            }
            """))
            .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/health"]"""))
            .Expect(PF5002(ComposePath, 6, 52, 7))
            .RunAsync();

    [Fact]
    public Task Helpers_mapping_on_a_parameter_match_any_prefix() =>
        new Test(Web("""
                    app.MapGroup("/internal").MapProbes();
            """, """
            public static class ProbeEndpoints
            {
                public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder endpoints)
                {
                    endpoints.MapGet("/health", () => "ok");
                    return endpoints;
                }
            }
            """))
            .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/internal/health", "http://localhost/internal/nope"]"""))
            .Expect(PF5002(ComposePath, 6, 88, 14))
            .RunAsync();

    [Theory]
    [InlineData("""        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");""")]
    [InlineData("""        app.MapDefaultControllerRoute();""")]
    [InlineData("""        app.MapFallback(() => "spa");""")]
    [InlineData("""        app.MapGet(Environment.GetEnvironmentVariable("HEALTH_PATH") ?? "/h", () => "ok");""")]
    [InlineData("""        app.Map("/branch", branch => branch.Run(c => c.Response.WriteAsync("ok")));""")]
    [InlineData("""        app.UseEndpoints(Endpoints.Configure);""")]
    [InlineData("""        app.MapRazorPages();""")]
    [InlineData("""        app.MapGet("/", () => "ok"); app.Use(async (context, next) => { if (context.Request.Path == "/healthz") { return; } await next(); });""")]
    public Task Unknown_routes_report_nothing(string statements) =>
        new Test(Web(statements, """
            public static class Endpoints
            {
                public static void Configure(IEndpointRouteBuilder endpoints) { }
            }
            """))
            .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/healthz"]"""))
            .RunAsync();

    [Fact]
    public Task Libraries_and_apps_without_a_web_host_are_not_checked() =>
        Task.WhenAll(
            new Test(Web("""        app.MapGet("/", () => "ok");"""), outputType: "Library")
                .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/healthz"]"""))
                .RunAsync(),
            new Test("class Worker { static void Main() { } }")
                .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/healthz"]"""))
                .RunAsync());

    [Fact]
    public Task Services_that_do_not_build_the_project_and_non_http_checks_are_not_checked() =>
        new Test(Web("""        app.MapGet("/", () => "ok");"""))
            .WithFile(ComposePath, """
                services:
                  other:
                    build: src/Other
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost/healthz"]
                  api:
                    build: src/Api
                    healthcheck:
                      test: ["CMD", "pg_isready", "http://localhost/healthz"]
                  api2:
                    build: src/Api
                    healthcheck:
                      test: ["CMD", "curl", "-X", "POST", "http://localhost/healthz"]
                  api3:
                    build: src/Api
                    healthcheck:
                      disable: true
                      test: ["CMD", "curl", "http://localhost/healthz"]
                  api4:
                    build: src/Api
                    healthcheck:
                      test: ["CMD", "curl", "http://db:8080/healthz"]
                """)
            .RunAsync();

    [Fact]
    public Task Exec_form_HEALTHCHECK_and_UseEndpoints_lambdas_are_read() =>
        new Test(Web("""
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/alive", () => "ok"));
            """))
            .WithFile(DockerfilePath, """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                HEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/alive"]
                HEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost:8080/dead"]
                """)
            .Expect(PF5002(DockerfilePath, 3, 66, 5))
            .RunAsync();

    [Fact]
    public Task Library_middleware_that_answers_its_own_paths_counts() =>
        new Test(Web("""
                    app.UseHealthChecks("/ping");
                    app.UseSwagger();
                    app.MapGet("/", () => "ok");
            """, """
            public static class SwaggerStandIn
            {
                public static IApplicationBuilder UseSwagger(this IApplicationBuilder app) => app;
            }
            """))
            .WithFile(ComposePath, Compose("""["CMD", "curl", "-f", "http://localhost/ping", "http://localhost/pong", "http://localhost/swagger/v1/swagger.json"]"""))
            .Expect(PF5002(ComposePath, 6, 77, 5))
            .RunAsync();
}
