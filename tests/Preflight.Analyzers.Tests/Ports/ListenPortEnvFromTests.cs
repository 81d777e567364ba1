using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Ports.ListenPortAnalyzer>;

namespace Preflight.Analyzers.Tests.Ports;

/// <summary>
/// PF5005 from what a Kubernetes container really gets: an envFrom of a ConfigMap in the repository contributes its keys;
/// projects with the same project file name are told apart by the paths their Dockerfiles name.
/// </summary>
public class ListenPortEnvFromTests
{
    private const string DockerfilePath = "/repo/src/Api/Dockerfile";
    private const string ManifestPath = "/repo/k8s/api.yaml";
    private const string ComposePath = "/repo/docker-compose.yml";
    private const string Aspnet8 = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";

    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        public static class Startup
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/", () => "ok");
                app.Run();
            }
        }
        """;

    private static string Manifest(string objects, string envFrom, int containerPort) => $"""
        {objects}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: api:1
              envFrom:
        {envFrom}
              ports:
                - containerPort: {containerPort}
        """;

    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api-env
        data:
          Logging__LogLevel__Default: Information
          FEATURE_X: "on"
        """;

    [Fact]
    public Task An_in_repository_ConfigMap_without_port_settings_leaves_the_image_default() =>
        new Test(Web)
            .WithFile(DockerfilePath, Aspnet8)
            .WithFile(ManifestPath, Manifest(ConfigMap, "        - configMapRef:\n            name: api-env", 80))
            .Expect(Test.Diagnostic("PF5005").WithSpan(ManifestPath, 21, 26, 21, 28).WithArguments(
                "container 'api' of Pod 'api' (k8s/api.yaml) containerPort", "80", "8080",
                "ASPNETCORE_HTTP_PORTS=8080, the default of mcr.microsoft.com/dotnet/aspnet:8.0"))
            .RunAsync();

    [Fact]
    public Task The_ConfigMaps_port_setting_decides_the_port() =>
        new Test(Web)
            .WithFile(DockerfilePath, Aspnet8)
            .WithFile(ManifestPath, Manifest(ConfigMap.Replace("FEATURE_X: \"on\"", "ASPNETCORE_HTTP_PORTS: \"5000\""),
                "        - configMapRef:\n            name: api-env", 8080))
            .Expect(Test.Diagnostic("PF5005").WithSpan(ManifestPath, 21, 26, 21, 30).WithArguments(
                "container 'api' of Pod 'api' (k8s/api.yaml) containerPort", "8080", "5000",
                "ASPNETCORE_HTTP_PORTS=5000 in container 'api' of Pod 'api' (k8s/api.yaml)"))
            .RunAsync();

    [Fact]
    public Task A_ConfigMap_port_setting_that_matches_is_fine_and_the_prefix_applies() =>
        Task.WhenAll(
            new Test(Web)
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ManifestPath, Manifest(ConfigMap.Replace("FEATURE_X: \"on\"", "ASPNETCORE_HTTP_PORTS: \"5000\""),
                    "        - configMapRef:\n            name: api-env", 5000))
                .RunAsync(),
            new Test(Web)
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ManifestPath, Manifest(ConfigMap.Replace("FEATURE_X: \"on\"", "HTTP_PORTS: \"5000\""),
                    "        - prefix: ASPNETCORE_\n          configMapRef:\n            name: api-env", 5000))
                .RunAsync());

    [Fact]
    public Task A_Secret_with_a_port_setting_or_an_object_outside_the_repository_makes_the_port_unknown() =>
        Task.WhenAll(
            new Test(Web)
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ManifestPath, Manifest("""
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: api-secrets
                    stringData:
                      ASPNETCORE_URLS: http://+:80
                    """, "        - secretRef:\n            name: api-secrets", 80))
                .RunAsync(),
            new Test(Web)
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile(ManifestPath, Manifest(ConfigMap, "        - configMapRef:\n            name: defined-elsewhere", 80))
                .RunAsync());

    [Fact]
    public Task A_service_whose_Dockerfile_copies_a_same_named_project_of_another_folder_is_not_this_projects() =>
        new Test(Web)
            .WithFile("/repo/docker/orders.Dockerfile", """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                WORKDIR /src
                COPY ["src/Orders/Api/Api.csproj", "src/Orders/Api/"]
                RUN dotnet publish "src/Orders/Api/Api.csproj" -o /app
                """)
            .WithFile("/repo/docker/api.Dockerfile", """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                WORKDIR /src
                COPY ["src/Api/Api.csproj", "src/Api/"]
                RUN dotnet publish "/src/src/Api/Api.csproj" -o /app
                """)
            .WithFile(ComposePath, """
                services:
                  orders:
                    build:
                      context: .
                      dockerfile: docker/orders.Dockerfile
                    ports:
                      - "80:80"
                  api:
                    build:
                      context: .
                      dockerfile: docker/api.Dockerfile
                    ports:
                      - "81:81"
                """)
            .Expect(Test.Diagnostic("PF5005").WithSpan(ComposePath, 13, 13, 13, 15).WithArguments(
                "docker-compose.yml (service api) ports", "81", "8080",
                "ASPNETCORE_HTTP_PORTS=8080, the default of mcr.microsoft.com/dotnet/aspnet:8.0"))
            .RunAsync();

    [Fact]
    public Task A_container_named_like_the_project_is_not_taken_for_it_when_another_project_has_the_same_file_name() =>
        Task.WhenAll(
            new Test(Web)
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile("/repo/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                .WithFile("/repo/tools/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                .WithFile(ManifestPath, Manifest(ConfigMap, "        - configMapRef:\n            name: api-env", 80))
                .RunAsync(),
            new Test(Web)
                .WithFile(DockerfilePath, Aspnet8)
                .WithFile("/repo/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                .WithFile("/repo/tools/Other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
                .WithFile(ManifestPath, Manifest(ConfigMap, "        - configMapRef:\n            name: api-env", 80))
                .Expect(Test.Diagnostic("PF5005").WithSpan(ManifestPath, 21, 26, 21, 28))
                .RunAsync());
}
