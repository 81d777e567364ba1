using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Preflight.Benchmarks;

/// <summary>
/// A generated web API for the wiring rules: controllers with constructor dependencies, services registered through an
/// extension method (one in a hundred, each needed by a controller, left unregistered: PF6001 reports them), minimal API routes, and a
/// compose file and Dockerfile whose health checks probe a mapped route (PF5002) on the right port (PF5005).
/// </summary>
public sealed class WiringService
{
    public WiringService(int controllers = 500, int services = 2000)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        var registrations = new StringBuilder();
        for (var s = 0; s < services; s++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ServiceSource(s), options, $"/repo/src/Api/Services/Service{s}.cs"));
            if (s % 100 != 1)
            {
                registrations.AppendLine($"        services.AddScoped<Api.Services.IService{s}, Api.Services.Service{s}>();");
            }
        }
        for (var c = 0; c < controllers; c++)
        {
            var a = (c * 4) % services;
            trees.Add(CSharpSyntaxTree.ParseText(ControllerSource(c, a, (a + 1) % services), options, $"/repo/src/Api/Controllers/Orders{c}Controller.cs"));
        }
        trees.Add(CSharpSyntaxTree.ParseText($$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public static class ServiceRegistration
            {
                public static IServiceCollection AddApiServices(this IServiceCollection services)
                {
            {{registrations}}
                    return services;
                }
            }
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllers();
                    builder.Services.AddApiServices();
                    builder.Services.AddHealthChecks();
                    var app = builder.Build();
                    var api = app.MapGroup("/v1");
                    api.MapGet("/ping", () => "pong");
                    app.MapHealthChecks("/health");
                    app.MapControllers();
                    app.Run();
                }
            }
            """, options, "/repo/src/Api/Program.cs"));
        Trees = trees.ToImmutableArray();
        References = GeneratedService.FrameworkReferences();
        AdditionalFiles = ImmutableArray.Create<AdditionalText>(
            new GeneratedService.InMemoryText("/repo/docker-compose.yml",
                "services:\n  api:\n    build: src/Api\n    ports: [ \"8080:8080\" ]\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n"),
            new GeneratedService.InMemoryText("/repo/src/Api/Dockerfile",
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:8080/v1/ping || exit 1\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n"));
        Options = new GeneratedService.InMemoryOptions(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectFullPath"] = "/repo/src/Api/Api.csproj",
            ["build_property.PreflightRepositoryRoot"] = "/repo/",
            ["build_property.OutputType"] = "Exe",
            ["build_property.TargetFramework"] = "net8.0",
        });
    }

    public ImmutableArray<SyntaxTree> Trees { get; }
    public ImmutableArray<MetadataReference> References { get; }
    public ImmutableArray<AdditionalText> AdditionalFiles { get; }
    public AnalyzerConfigOptionsProvider Options { get; }

    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Api", Trees, References, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    public AnalyzerOptions AnalyzerOptions => new AnalyzerOptions(AdditionalFiles, Options);

    /// <summary>An interface and its implementation, with a logger dependency.</summary>
    internal static string ServiceSource(int s) => $$"""
        namespace Api.Services;
        public interface IService{{s}} { int Run(int x); }
        public sealed class Service{{s}} : IService{{s}}
        {
            private readonly Microsoft.Extensions.Logging.ILogger<Service{{s}}> _logger;
            public Service{{s}}(Microsoft.Extensions.Logging.ILogger<Service{{s}}> logger) => _logger = logger;
            public int Run(int x) => x + {{s}};
        }
        """;

    /// <summary>An attribute-routed controller (primary constructor) needing IService{first} and IService{second}.</summary>
    internal static string ControllerSource(int c, int first, int second) => $$"""
        using Microsoft.AspNetCore.Mvc;
        namespace Api.Controllers;
        [ApiController, Route("api/[controller]")]
        public sealed class Orders{{c}}Controller(Api.Services.IService{{first}} first, Api.Services.IService{{second}} second) : ControllerBase
        {
            [HttpGet("{id:int}")] public IActionResult Get(int id) => Ok(first.Run(id) + second.Run(id));
            [HttpPost] public IActionResult Post() => Ok();
        }
        """;
}
