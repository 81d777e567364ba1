using System;
using System.IO;

namespace Preflight.Benchmarks;

/// <summary>
/// A repository on disk with the shape of eShopOnContainers: about 30 projects, 1,500 C# files, 28 Dockerfiles and
/// 9 compose files, each service with appsettings, options, controllers and DI registrations. Healthy: Preflight
/// should report nothing, so the figure measures the work, not the printing.
/// </summary>
public sealed class GeneratedRepository : IDisposable
{
    public GeneratedRepository(int projects = 30, int filesPerProject = 50, int dockerfiles = 28, int composeFiles = 9)
    {
        Root = Path.Combine(Path.GetTempPath(), "preflight-bench-repo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        File.WriteAllText(Path.Combine(Root, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(Root, "preflight.yaml"), "secrets: [ Db__Password ]\n");
        for (var p = 0; p < projects; p++)
        {
            var name = $"Service{p:00}.Api";
            var folder = Path.Combine(Root, "src", "Services", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "appsettings.json"), $$"""{ "Service": { "Name": "{{name}}", "Endpoint": "http://x" }, "ConnectionStrings": { "Db": "Host=db" } }""");
            File.WriteAllText(Path.Combine(folder, "Program.cs"), $$"""
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddScoped<Service{{p:00}}.Api.IRepository0, Service{{p:00}}.Api.Repository0>();
                var db = builder.Configuration.GetConnectionString("Db");
                var app = builder.Build();
                app.MapControllers();
                app.MapGet("/health", () => "ok");
                app.Run();
                """);
            for (var f = 0; f < filesPerProject - 1; f++)
            {
                File.WriteAllText(Path.Combine(folder, $"Feature{f:000}.cs"), $$"""
                    using Microsoft.AspNetCore.Mvc;
                    using Microsoft.Extensions.Configuration;
                    namespace Service{{p:00}}.Api;
                    public interface IRepository{{f}} { string Get(int id); }
                    public sealed class Repository{{f}} : IRepository{{f}}
                    {
                        private readonly IConfiguration _configuration;
                        public Repository{{f}}(IConfiguration configuration) => _configuration = configuration;
                        public string Get(int id) => _configuration["Service:Name"] + id;
                    }
                    [ApiController, Route("api/[controller]")]
                    public sealed class Feature{{f}}Controller : ControllerBase
                    {
                        [HttpGet("{id:int}")] public IActionResult Get(int id) => Ok(id);
                    }
                    """);
            }
            if (p < dockerfiles)
            {
                File.WriteAllText(Path.Combine(folder, "Dockerfile"), $"""
                    FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
                    WORKDIR /src
                    COPY src/Services/{name}/{name}.csproj src/Services/{name}/
                    RUN dotnet restore src/Services/{name}/{name}.csproj
                    COPY . .
                    RUN dotnet publish src/Services/{name}/{name}.csproj -c Release -o /app/publish
                    FROM mcr.microsoft.com/dotnet/aspnet:8.0
                    WORKDIR /app
                    COPY --from=build /app/publish .
                    ENTRYPOINT ["dotnet", "{name}.dll"]
                    """);
            }
        }
        for (var c = 0; c < composeFiles; c++)
        {
            var writer = new System.Text.StringBuilder("services:\n");
            for (var p = c; p < Math.Min(dockerfiles, projects); p += composeFiles)
            {
                var name = $"Service{p:00}.Api";
                writer.Append($"  service{p}:\n    build:\n      context: ../../..\n      dockerfile: src/Services/{name}/Dockerfile\n")
                    .Append("    environment:\n      - ASPNETCORE_ENVIRONMENT=Production\n      - Db__Password=${DB_PASSWORD:-dev}\n")
                    .Append("    ports:\n      - \"80:8080\"\n");
            }
            var folder = Path.Combine(Root, "deploy", "compose", $"stack{c}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "docker-compose.yml"), writer.ToString());
        }
    }

    public string Root { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
