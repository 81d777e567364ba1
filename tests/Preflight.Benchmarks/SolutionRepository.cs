using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Preflight.Benchmarks;

/// <summary>
/// A service repository on disk that `dotnet build` builds for real, with the Preflight package from a local feed:
/// a .sln of web projects of uneven size (weights 1 to 5), a Dockerfile and appsettings.json per project, one compose
/// file, Kubernetes manifests per service and a GitHub workflow. Of every 20 C# files one reads configuration
/// (<see cref="GeneratedService.Source"/>), four are registered services and two are controllers needing them
/// (<see cref="WiringService"/>), the rest ordinary code; each project has a Program.cs and a registration extension.
/// Every key, variable, route and port is declared, so Preflight should find nothing.
/// </summary>
public sealed class SolutionRepository
{
    public SolutionRepository(string root, int projects, int files, string feed, string preflightVersion)
    {
        Root = root;
        var weights = Enumerable.Range(0, projects).Select(p => 1 + p % 5).ToArray();
        var solution = new StringBuilder("Microsoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
        var configurations = new StringBuilder();
        var compose = new StringBuilder("services:\n");
        for (var p = 0; p < projects; p++)
        {
            var name = $"Service{p:00}.Api";
            var count = Math.Max(3, files * weights[p] / weights.Sum());
            Projects.Add((name, $"src/Services/{name}", count));
            WriteProject(name, $"src/Services/{name}", count, preflightVersion);
            var guid = new Guid(p + 1, 0, 0, new byte[8]).ToString("B").ToUpperInvariant();
            solution.Append($"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{name}\", \"src\\Services\\{name}\\{name}.csproj\", \"{guid}\"\nEndProject\n");
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                configurations.Append($"\t\t{guid}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU\n\t\t{guid}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU\n");
            }
            compose.Append($"  service{p:00}:\n    build:\n      context: .\n      dockerfile: src/Services/{name}/Dockerfile\n")
                .Append($"    ports: [ \"{5000 + p}:8080\" ]\n    environment:\n      ASPNETCORE_ENVIRONMENT: Production\n      Db__Host: db\n")
                .Append("    depends_on: [ db ]\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n");
            Write($"k8s/{name.ToLowerInvariant()}.yaml", Manifest(name.ToLowerInvariant().Replace('.', '-')));
        }
        compose.Append("  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n");
        solution.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\t\tRelease|Any CPU = Release|Any CPU\n\tEndGlobalSection\n")
            .Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n").Append(configurations).Append("\tEndGlobalSection\nEndGlobal\n");
        Write("Bench.sln", solution.ToString());
        Write("compose.yaml", compose.ToString());
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".gitignore", "bin/\nobj/\n");
        Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="preflight-bench" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Write(".github/workflows/ci.yml", """
            name: ci
            on: [ push, pull_request ]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-dotnet@v4
                    with: { dotnet-version: 10.0.x }
                  - run: dotnet build Bench.sln -c Release
                  - run: docker compose build
            """);
    }

    public string Root { get; }
    public string Solution => Path.Combine(Root, "Bench.sln");

    /// <summary>Name, folder relative to the root, and number of C# files of every project.</summary>
    public List<(string Name, string Folder, int Files)> Projects { get; } = new();

    private void WriteProject(string name, string folder, int count, string preflightVersion)
    {
        Write($"{folder}/{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Preflight" Version="{preflightVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var settings = new StringBuilder("{\n  \"ConnectionStrings\": { \"Db\": \"Host=db;Database=app\" },\n");
        var registrations = new StringBuilder();
        for (var i = 0; i < count - 2; i++)
        {
            var (path, text) = (i % 20) switch
            {
                0 => ($"Features/Feature{i}.cs", GeneratedService.Source(i)),
                >= 1 and <= 4 => ($"Services/Service{i}.cs", WiringService.ServiceSource(i)),
                5 => ($"Controllers/Orders{i}Controller.cs", WiringService.ControllerSource(i, i - 4, i - 3)),
                6 => ($"Controllers/Orders{i}Controller.cs", WiringService.ControllerSource(i, i - 3, i - 2)),
                _ => ($"Domain/Item{i}.cs", GeneratedService.PlainSource(i)),
            };
            Write($"{folder}/{path}", text);
            if (i % 20 == 0)
            {
                settings.Append($"  \"Feature{i}\": {{ \"Endpoint\": \"http://f{i}\", \"Key\": \"k{i}\", \"Mode\": \"fast\", \"Timeout\": {i} }},\n");
                registrations.AppendLine($"        Api.Features.Feature{i}Service.Register(services, configuration);");
            }
            else if (i % 20 <= 4)
            {
                registrations.AppendLine($"        services.AddScoped<Api.Services.IService{i}, Api.Services.Service{i}>();");
            }
        }
        settings.Append("  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n");
        Write($"{folder}/appsettings.json", settings.ToString());
        Write($"{folder}/ServiceRegistration.cs", $$"""
            namespace Microsoft.Extensions.DependencyInjection;
            public static class ServiceRegistration
            {
                public static IServiceCollection AddApiServices(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
                {
            {{registrations}}        return services;
                }
            }
            """);
        Write($"{folder}/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddApiServices(builder.Configuration);
            builder.Services.AddHealthChecks();
            var connection = builder.Configuration.GetConnectionString("Db");
            var app = builder.Build();
            app.MapControllers();
            app.MapHealthChecks("/health");
            app.MapGet("/", () => connection is null ? "no database" : "ok");
            app.Run();
            """);
        Write($"{folder}/Dockerfile", $"""
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY NuGet.config .
            COPY {folder}/{name}.csproj {folder}/
            RUN dotnet restore {folder}/{name}.csproj
            COPY . .
            RUN dotnet publish {folder}/{name}.csproj -c Release -o /app/publish
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            WORKDIR /app
            ENV STORAGE_DIR=/data
            EXPOSE 8080
            COPY --from=build /app/publish .
            ENTRYPOINT ["dotnet", "{name}.dll"]
            """);
    }

    /// <summary>A service's ConfigMap, Deployment and Service (also the scale generator's).</summary>
    internal static string Manifest(string name) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata: {"{"} name: {name}-config {"}"}
        data: {"{"} ASPNETCORE_ENVIRONMENT: Production, STORAGE_DIR: /data {"}"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"} name: {name} {"}"}
        spec:
          replicas: 2
          selector: {"{"} matchLabels: {"{"} app: {name} {"}"} {"}"}
          template:
            metadata: {"{"} labels: {"{"} app: {name} {"}"} {"}"}
            spec:
              containers:
                - name: {name}
                  image: registry.example/{name}:1.0
                  ports: [ {"{"} containerPort: 8080 {"}"} ]
                  envFrom: [ {"{"} configMapRef: {"{"} name: {name}-config {"}"} {"}"} ]
                  livenessProbe: {"{"} httpGet: {"{"} path: /health, port: 8080 {"}"} {"}"}
        ---
        apiVersion: v1
        kind: Service
        metadata: {"{"} name: {name} {"}"}
        spec:
          selector: {"{"} app: {name} {"}"}
          ports: [ {"{"} port: 80, targetPort: 8080 {"}"} ]
        """;

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
