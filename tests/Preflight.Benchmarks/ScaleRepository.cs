using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Preflight.Benchmarks;

/// <summary>
/// A repository of any size for <c>preflight check</c> (issue 15's 80 projects / 5,000 C# files, and the 1k–10k scaling
/// table), deterministic (no random numbers: the same arguments write the same bytes). Three in four projects are web
/// services (Program.cs, a registration extension, configuration readers, services and controllers, as in
/// <see cref="SolutionRepository"/>; a Dockerfile, appsettings.json and appsettings.Development.json, a Kubernetes
/// manifest each), one in four a class library that two services reference; project sizes vary (weights 1 to 5). A
/// Directory.Build.props sets the framework; the root compose file and its override hold every service, and one compose
/// file per ten services under deploy/compose; two GitHub workflows build and deploy with secrets that preflight.yaml declares.
/// </summary>
public sealed class ScaleRepository
{
    public ScaleRepository(string root, int projects, int files)
    {
        Root = root;
        var libraries = Math.Max(1, projects / 4);
        var services = Math.Max(1, projects - libraries);
        var weights = Enumerable.Range(0, services + libraries).Select(p => 1 + p % 5).ToArray();
        var compose = new StringBuilder("services:\n");
        var composeOverride = new StringBuilder("services:\n");
        var stack = new StringBuilder();
        for (var l = 0; l < libraries; l++)
        {
            var count = Share(files, weights, services + l);
            WriteLibrary(l, count);
        }
        for (var s = 0; s < services; s++)
        {
            var count = Share(files, weights, s);
            var name = $"Service{s:000}.Api";
            var folder = $"src/Services/{name}";
            WriteService(name, folder, count, libraries, s);
            var host = name.ToLowerInvariant().Replace('.', '-');
            var entry = $"  {host}:\n    build:\n      context: .\n      dockerfile: {folder}/Dockerfile\n" +
                $"    ports: [ \"{5000 + s}:8080\" ]\n    environment:\n      ASPNETCORE_ENVIRONMENT: Production\n      Db__Host: db\n" +
                "    depends_on: [ db ]\n";
            compose.Append(entry);
            composeOverride.Append($"  {host}:\n    environment:\n      ASPNETCORE_ENVIRONMENT: Development\n");
            stack.Append(entry.Replace("context: .", "context: ../../..", StringComparison.Ordinal));
            if (s % 10 == 9 || s == services - 1)
            {
                Write($"deploy/compose/stack{s / 10:00}/docker-compose.yml", "services:\n" + stack +
                    "  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n");
                stack.Clear();
            }
            Write($"deploy/k8s/{host}.yaml", SolutionRepository.Manifest(host));
        }
        compose.Append("  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n");
        Write("docker-compose.yml", compose.ToString());
        Write("docker-compose.override.yml", composeOverride.ToString());
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".gitignore", "bin/\nobj/\n.env\n");
        Write("preflight.yaml", "secrets: [ REGISTRY_PASSWORD, KUBE_CONFIG ]\n");
        Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
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
                    with: { dotnet-version: 8.0.x }
                  - run: dotnet build -c Release
                  - run: docker compose build
            """);
        Write(".github/workflows/deploy.yml", """
            name: deploy
            on: { push: { branches: [ main ] } }
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "${{ secrets.REGISTRY_PASSWORD }}" | docker login registry.example -u ci --password-stdin
                  - run: docker compose build && docker compose push
                  - run: kubectl apply -f deploy/k8s
                    env: { KUBECONFIG_DATA: "${{ secrets.KUBE_CONFIG }}" }
            """);
    }

    public string Root { get; }

    /// <summary>The number of C# files written (the arguments' files, give or take a few for the minimum per project).</summary>
    public int CSharpFiles { get; private set; }

    /// <summary>Project p's share of the files by weight (at least 3).</summary>
    private static int Share(int files, int[] weights, int p) => Math.Max(3, files * weights[p] / weights.Sum());

    private void WriteLibrary(int l, int count)
    {
        var name = $"Shared{l:00}.Core";
        var folder = $"src/Shared/{name}";
        Write($"{folder}/{name}.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="8.0.0" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.0" />
              </ItemGroup>
            </Project>
            """);
        for (var i = 0; i < count; i++)
        {
            var (path, text) = (i % 10) switch
            {
                0 or 1 or 2 => ($"Services/Service{i}.cs", WiringService.ServiceSource(i)),
                _ => ($"Domain/Item{i}.cs", GeneratedService.PlainSource(i)),
            };
            Write($"{folder}/{path}", text);
        }
    }

    private void WriteService(string name, string folder, int count, int libraries, int s)
    {
        Write($"{folder}/{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="..\..\Shared\Shared{s % libraries:00}.Core\Shared{s % libraries:00}.Core.csproj" />
                <ProjectReference Include="..\..\Shared\Shared{(s + 1) % libraries:00}.Core\Shared{(s + 1) % libraries:00}.Core.csproj" />
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
        Write($"{folder}/appsettings.Development.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\" } }\n}\n");
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
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            WORKDIR /src
            COPY Directory.Build.props .
            COPY src/Shared/Shared{s % libraries:00}.Core/Shared{s % libraries:00}.Core.csproj src/Shared/Shared{s % libraries:00}.Core/
            COPY src/Shared/Shared{(s + 1) % libraries:00}.Core/Shared{(s + 1) % libraries:00}.Core.csproj src/Shared/Shared{(s + 1) % libraries:00}.Core/
            COPY {folder}/{name}.csproj {folder}/
            RUN dotnet restore {folder}/{name}.csproj
            COPY . .
            RUN dotnet publish {folder}/{name}.csproj -c Release -o /app/publish
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            WORKDIR /app
            ENV STORAGE_DIR=/data
            EXPOSE 8080
            HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
            COPY --from=build /app/publish .
            ENTRYPOINT ["dotnet", "{name}.dll"]
            """);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (relative.EndsWith(".cs", StringComparison.Ordinal))
        {
            CSharpFiles++;
        }
    }
}
