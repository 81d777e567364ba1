using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Routes.ProbeRouteAnalyzer>;

namespace Preflight.Analyzers.Tests.Routes;

/// <summary>PF5002 with conventional routes: MapDefaultControllerRoute / MapControllerRoute expanded over the controllers.</summary>
public class ConventionalRouteTests
{
    private const string DockerfilePath = "/repo/src/Api/Dockerfile";
    private const string ComposePath = "/repo/docker-compose.yml";
    private const string ManifestPath = "/repo/k8s/api.yaml";

    private static string Web(string statements) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                var app = builder.Build();
        {{statements}}
                app.Run();
            }
        }

        public class HomeController : Controller
        {
            public IActionResult Index() => View();
            public IActionResult Privacy() => View();
            [NonAction] public void Helper() { }
        }

        public class StatusController : Controller
        {
            [HttpGet] public IActionResult Ping() => Ok();
            [HttpPost] public IActionResult Reset() => Ok();
        }

        [Route("api/orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet("{id}")] public IActionResult Get(int id) => Ok();
        }
        """;

    private static string Dockerfile(string path) => $"""
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        HEALTHCHECK CMD curl -f http://localhost:8080{path} || exit 1
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private const string DefaultRoutes =
        "/, /api/orders/{id}, /Home, /Home/Index, /Home/Index/{id?} and 6 more";

    [Theory]
    [InlineData("/")]
    [InlineData("/Home")]
    [InlineData("/home/index")]
    [InlineData("/Home/Privacy/3")]
    [InlineData("/Status/Ping")]
    [InlineData("/api/orders/7")]
    public Task Paths_the_default_route_reaches_are_mapped(string path) =>
        new Test(Web("""        app.MapDefaultControllerRoute();"""))
            .WithFile(DockerfilePath, Dockerfile(path))
            .RunAsync();

    [Fact]
    public Task A_HEALTHCHECK_on_a_path_no_controller_action_answers_is_reported() =>
        new Test(Web("""        app.MapDefaultControllerRoute();"""))
            .WithFile(DockerfilePath, Dockerfile("/health"))
            .Expect(Test.Diagnostic("PF5002").WithSpan(DockerfilePath, 2, 46, 2, 53)
                .WithArguments("/health", "HEALTHCHECK of Dockerfile", DefaultRoutes))
            .RunAsync();

    [Fact]
    public Task Non_actions_post_only_actions_and_unknown_controllers_are_not_routes() =>
        new Test(Web("""        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");"""))
            .WithFile(ComposePath, """
                services:
                  api:
                    build: src/Api
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:8080/Home/Helper", "http://localhost:8080/Status/Reset", "http://localhost:8080/Status"]
                """)
            .Expect(
                Test.Diagnostic("PF5002").WithSpan(ComposePath, 5, 57, 5, 69)
                    .WithArguments("/Home/Helper", "healthcheck of docker-compose.yml (service api)", DefaultRoutes),
                Test.Diagnostic("PF5002").WithSpan(ComposePath, 5, 94, 5, 107)
                    .WithArguments("/Status/Reset", "healthcheck of docker-compose.yml (service api)", DefaultRoutes),
                Test.Diagnostic("PF5002").WithSpan(ComposePath, 5, 132, 5, 139)
                    .WithArguments("/Status", "healthcheck of docker-compose.yml (service api)", DefaultRoutes))
            .RunAsync();

    [Fact]
    public Task A_custom_pattern_with_defaults_is_expanded_for_Kubernetes_probes() =>
        new Test(Web("""
                    app.MapControllerRoute("ops", "ops/{action}", defaults: new { controller = "Status" });
            """))
            .WithFile(ManifestPath, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: registry.example/team/api:1.4
                          livenessProbe:
                            httpGet:
                              path: /ops/ping
                              port: 8080
                          readinessProbe:
                            httpGet:
                              path: /Status/Ping
                              port: 8080
                """)
            .Expect(Test.Diagnostic("PF5002").WithSpan(ManifestPath, 17, 21, 17, 33)
                .WithArguments("/Status/Ping", "readinessProbe of container 'api' of Deployment 'api' (k8s/api.yaml)", "/api/orders/{id}, /ops/Ping, /ops/Reset"))
            .RunAsync();

    [Theory]
    [InlineData("""        app.MapControllerRoute("default", "{area:exists}/{controller=Home}/{action=Index}");""")]
    [InlineData("""        app.MapControllerRoute("default", "{controller}-{action}");""")]
    [InlineData("""        var pattern = args[0]; app.MapControllerRoute("default", pattern);""")]
    [InlineData("""        app.MapControllerRoute("default", "go", defaults: Startup.Defaults());""")]
    public Task Patterns_that_cannot_be_expanded_report_nothing(string statements) =>
        new Test(Web(statements).Replace("public static class Startup\n{", "public static class Startup\n{\n    public static object Defaults() => new { controller = \"Home\" };"))
            .WithFile(DockerfilePath, Dockerfile("/health"))
            .RunAsync();
}
