using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Ports.ListenPortAnalyzer>;

namespace Preflight.Analyzers.Tests.Ports;

/// <summary>PF5005: container ports of the project's deployment that differ from the port the app listens on.</summary>
public class PF5005ListenPortAnalyzerTests
{
    private const string ComposePath = "/repo/docker-compose.yml";
    private const string DockerfilePath = "/repo/src/Api/Dockerfile";
    private const string ManifestPath = "/repo/k8s/api.yaml";
    private const string Aspnet8 = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";

    private static string Web(string statements = "") => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        public static class Startup
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
        {{statements}}
                var app = builder.Build();
                app.MapGet("/", () => "ok");
                app.Run();
            }
        }
        """;

    private static Test WithTargetFramework(Test test, string tfm)
    {
        test.TestState.AnalyzerConfigFiles.Add(("/.tfm.globalconfig", "is_global = true\nbuild_property.TargetFramework = " + tfm + "\n"));
        return test;
    }

    private static DiagnosticResult PF5005(string path, int line, int column, int length) =>
        Test.Diagnostic("PF5005").WithSpan(path, line, column, line, column + length);

    [Fact]
    public Task Compose_port_that_is_not_the_dotnet8_image_default_is_reported() =>
        new Test(Web())
            .WithFile(DockerfilePath, Aspnet8)
            .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    ports:\n      - \"8080:80\"\n      - \"127.0.0.1:9000:8080/tcp\"\n")
            .Expect(PF5005(ComposePath, 5, 15, 2).WithArguments(
                "docker-compose.yml (service api) ports", "80", "8080",
                "ASPNETCORE_HTTP_PORTS=8080, the default of mcr.microsoft.com/dotnet/aspnet:8.0"))
            .RunAsync();

    [Fact]
    public Task Compose_entrypoint_or_command_that_passes_urls_leaves_the_port_unknown() =>
        Task.WhenAll(
            new Test(Web())
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    entrypoint: [\"dotnet\", \"Api.dll\", \"--urls\", \"http://+:80\"]\n    ports:\n      - \"8080:80\"\n")
                .RunAsync(),
            new Test(Web())
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    command: dotnet Api.dll --http_ports 80\n    ports:\n      - \"8080:80\"\n")
                .RunAsync());

    [Fact]
    public Task Compose_environment_decides_the_port_and_URLS_wins_over_HTTP_PORTS() =>
        Task.WhenAll(
            new Test(Web())
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    environment:\n      ASPNETCORE_HTTP_PORTS: \"5000\"\n    ports:\n      - \"5000:5000\"\n      - target: 8080\n        published: 80\n")
                .Expect(PF5005(ComposePath, 8, 17, 4).WithArguments(
                    "docker-compose.yml (service api) ports", "8080", "5000", "ASPNETCORE_HTTP_PORTS=5000 in docker-compose.yml (service api)"))
                .RunAsync(),
            new Test(Web())
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    environment:\n      - ASPNETCORE_URLS=http://+:7000\n    ports:\n      - \"7000\"\n    expose:\n      - \"7000\"\n")
                .RunAsync());

    [Fact]
    public Task Kestrel_endpoints_of_appsettings_win() =>
        new Test(Web())
            .WithFile(DockerfilePath, Aspnet8)
            .WithFile("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:9000" } } } }""")
            .WithFile("appsettings.Development.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:5000" } } } }""")
            .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    ports:\n      - \"9000:9000\"\n    expose:\n      - \"8080\"\n")
            .Expect(PF5005(ComposePath, 7, 10, 4).WithArguments(
                "docker-compose.yml (service api) expose", "8080", "9000", "Kestrel:Endpoints in appsettings.json"))
            .RunAsync();

    [Fact]
    public Task UseUrls_in_code_decides_the_Dockerfile_EXPOSE_and_HEALTHCHECK_port() =>
        new Test(Web("""        builder.WebHost.UseUrls("http://+:5005");"""))
            .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 5005\nEXPOSE 8080/tcp\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n")
            .Expect(
                PF5005(DockerfilePath, 3, 8, 8).WithArguments("src/Api/Dockerfile EXPOSE", "8080", "5005", "UseUrls in code"),
                PF5005(DockerfilePath, 4, 42, 4).WithArguments("the HEALTHCHECK of src/Api/Dockerfile", "8080", "5005", "UseUrls in code"))
            .RunAsync();

    [Fact]
    public Task The_template_s_HTTPS_port_beside_the_listened_HTTP_port_is_not_reported() =>
        new Test(Web())
            .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\nEXPOSE 8080\nEXPOSE 8081\n")
            .RunAsync();

    [Fact]
    public Task The_HTTPS_port_alone_or_beside_a_stale_HTTP_port_is_still_reported() =>
        Task.WhenAll(
            new Test(Web())
                .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8081\n")
                .Expect(PF5005(DockerfilePath, 2, 8, 4).WithArguments("src/Api/Dockerfile EXPOSE", "8081", "8080", "ASPNETCORE_HTTP_PORTS=8080, the default of mcr.microsoft.com/dotnet/aspnet:8.0"))
                .RunAsync(),
            new Test(Web())
                .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80\nEXPOSE 443\n")
                .Expect(
                    PF5005(DockerfilePath, 2, 8, 2).WithArguments("src/Api/Dockerfile EXPOSE", "80", "8080", "ASPNETCORE_HTTP_PORTS=8080, the default of mcr.microsoft.com/dotnet/aspnet:8.0"),
                    PF5005(DockerfilePath, 3, 8, 3).WithArguments("src/Api/Dockerfile EXPOSE", "443", "8080", "ASPNETCORE_HTTP_PORTS=8080, the default of mcr.microsoft.com/dotnet/aspnet:8.0"))
                .RunAsync());

    [Fact]
    public Task Images_before_dotnet8_listen_on_80() =>
        new Test(Web())
            .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:6.0-alpine AS base\nEXPOSE 80\nFROM base AS final\nWORKDIR /app\n")
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
                          image: registry.example/api:2
                          ports:
                            - containerPort: 8080
                          readinessProbe:
                            httpGet:
                              path: /
                              port: 80
                """)
            .Expect(PF5005(ManifestPath, 12, 30, 4).WithArguments(
                "container 'api' of Deployment 'api' (k8s/api.yaml) containerPort", "8080", "80",
                "ASPNETCORE_URLS=http://+:80, the default of mcr.microsoft.com/dotnet/aspnet:6.0-alpine"))
            .RunAsync();

    [Fact]
    public Task Without_a_Dockerfile_the_target_framework_gives_the_default() =>
        WithTargetFramework(new Test(Web()), "net8.0")
            .WithFile(ManifestPath, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                    - name: api
                      image: api:1
                      ports:
                        - containerPort: 80
                      livenessProbe:
                        httpGet:
                          path: /
                          port: 80
                    - name: sidecar
                      image: envoy:1
                      ports:
                        - containerPort: 9901
                """)
            .Expect(
                PF5005(ManifestPath, 10, 26, 2).WithArguments("container 'api' of Pod 'api' (k8s/api.yaml) containerPort", "80", "8080",
                    "ASPNETCORE_HTTP_PORTS=8080, the default of .NET 8 images (TargetFramework net8.0)"),
                PF5005(ManifestPath, 14, 17, 2))
            .RunAsync();

    [Fact]
    public Task Compose_healthcheck_port_is_compared_and_Dockerfile_EXPOSE_is_left_to_the_overriding_service() =>
        new Test(Web())
            .WithFile(DockerfilePath, Aspnet8 + "EXPOSE 8080\n")
            .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    environment:\n      ASPNETCORE_HTTP_PORTS: 5000\n    healthcheck:\n      test: curl -f http://localhost:8080/health\n")
            .Expect(PF5005(ComposePath, 7, 38, 4).WithArguments(
                "the healthcheck of docker-compose.yml (service api)", "8080", "5000", "ASPNETCORE_HTTP_PORTS=5000 in docker-compose.yml (service api)"))
            .RunAsync();

    [Theory]
    [InlineData("", "services:\n  api:\n    build: src/Api\n    env_file: .env\n    ports:\n      - \"80:80\"\n")]
    [InlineData("", "services:\n  api:\n    build: src/Api\n    environment:\n      ASPNETCORE_HTTP_PORTS: ${PORT}\n    ports:\n      - \"80:80\"\n")]
    [InlineData("", "services:\n  other:\n    build: src/Other\n    ports:\n      - \"80:80\"\n")]
    [InlineData("""        var port = System.Environment.GetEnvironmentVariable("PORT"); builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(int.Parse(port!)));""", "services:\n  api:\n    build: src/Api\n    ports:\n      - \"80:80\"\n")]
    [InlineData("""        builder.WebHost.UseUrls(System.Environment.GetEnvironmentVariable("URLS")!);""", "services:\n  api:\n    build: src/Api\n    ports:\n      - \"80:80\"\n")]
    [InlineData("", "services:\n  api:\n    build: src/Api\n    ports:\n      - \"8000-8010:8000-8010\"\n      - \"8080:${CONTAINER_PORT}\"\n")]
    [InlineData("", "services:\n  api:\n    build: src/Api\n    command: [\"--urls\", \"http://+:80\"]\n    ports:\n      - \"80:80\"\n")]
    [InlineData("""        System.Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", "80");""", "services:\n  api:\n    build: src/Api\n    ports:\n      - \"80:80\"\n")]
    [InlineData("""        builder.WebHost.ConfigureKestrel(k => k.Configure(builder.Configuration.GetSection("Server")));""", "services:\n  api:\n    build: src/Api\n    ports:\n      - \"80:80\"\n")]
    public Task Unknown_listening_or_published_ports_report_nothing(string statements, string compose) =>
        new Test(Web(statements))
            .WithFile(DockerfilePath, Aspnet8)
            .WithFile(ComposePath, compose)
            .RunAsync();

    [Fact]
    public Task Images_that_are_not_dotnet_images_and_unknown_frameworks_report_nothing() =>
        Task.WhenAll(
            new Test(Web())
                .WithFile(DockerfilePath, "FROM alpine:3.20\nEXPOSE 80\n")
                .RunAsync(),
            new Test(Web())
                .WithFile(ComposePath, "services:\n  api:\n    build: src/Api\n    ports:\n      - \"80:80\"\n")
                .RunAsync(),
            new Test(Web(), outputType: "Library")
                .WithFile(DockerfilePath, Aspnet8 + "EXPOSE 80\n")
                .RunAsync(),
            new Test("class Worker { static void Main() { } }")
                .WithFile(DockerfilePath, Aspnet8 + "EXPOSE 80\n")
                .RunAsync());

    [Fact]
    public Task Kubernetes_envFrom_makes_the_port_unknown() =>
        new Test(Web())
            .WithFile(DockerfilePath, Aspnet8)
            .WithFile(ManifestPath, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                    - name: api
                      image: api:1
                      envFrom:
                        - configMapRef:
                            name: api-env
                      ports:
                        - containerPort: 80
                """)
            .RunAsync();

    [Fact]
    public Task Dockerfile_ENV_sets_the_port_and_Kubernetes_env_overrides_it() =>
        new Test(Web())
            .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS=5000 OTHER=1\nEXPOSE 5000 8080\n")
            .WithFile(ManifestPath, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                    - name: api
                      image: api:1
                      env:
                        - name: ASPNETCORE_URLS
                          value: http://+:7000
                      ports:
                        - containerPort: 7000
                        - containerPort: 5000
                """)
            // The Pod sets the port, so EXPOSE is not compared; the Pod's own ports are.
            .Expect(PF5005(ManifestPath, 14, 26, 4).WithArguments(
                "container 'api' of Pod 'api' (k8s/api.yaml) containerPort", "5000", "7000",
                "ASPNETCORE_URLS=http://+:7000 in container 'api' of Pod 'api' (k8s/api.yaml)"))
            .RunAsync();

    [Fact]
    public Task Dockerfile_ENV_is_compared_with_EXPOSE_when_nothing_overrides_it() =>
        new Test(Web())
            .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nENV ASPNETCORE_HTTP_PORTS=5000\nFROM base\nEXPOSE 5000 8080\n")
            .Expect(PF5005(DockerfilePath, 4, 13, 4).WithArguments(
                "src/Api/Dockerfile EXPOSE", "8080", "5000", "ASPNETCORE_HTTP_PORTS=5000 in src/Api/Dockerfile"))
            .RunAsync();

    [Fact]
    public Task Listen_in_code_and_a_command_line_in_the_Dockerfile() =>
        Task.WhenAll(
            new Test(Web("""        builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(5000));"""))
                .WithFile(DockerfilePath, Aspnet8 + "EXPOSE 5000\nEXPOSE 8080\n")
                .Expect(PF5005(DockerfilePath, 5, 8, 4).WithArguments("src/Api/Dockerfile EXPOSE", "8080", "5000", "Listen in code"))
                .RunAsync(),
            new Test(Web())
                .WithFile(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"Api.dll\", \"--urls\", \"http://+:80\"]\n")
                .RunAsync());
}
