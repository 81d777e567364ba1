using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>A tye.yaml that runs the project gives it its env and every service's connection strings and discovery variables.</summary>
public class TyeDeclarationTests
{
    private const string Tye = """
        name: shop
        services:
        - name: api
          project: src/Api/Api.csproj
          env:
          - name: Payments__Provider
            value: stripe
        - name: cache
          image: redis
          bindings:
          - port: 6379
            connectionString: ${host}:${port}
        - name: db
          image: postgres
          bindings:
          - name: admin
            port: 5432
            connectionString: Server=${host};Port=${port}
        """;

    private const string Source = """
        using Microsoft.Extensions.Configuration;
        class C
        {
            string? A(IConfiguration c) => c.GetConnectionString("cache");
            string? B(IConfiguration c) => c.GetConnectionString("db:admin");
            string? D(IConfiguration c) => c["Payments:Provider"];
            string? E(IConfiguration c) => c["service:cache:host"];
            string? G(IConfiguration c) => c["APP_INSTANCE"];
            string? F(IConfiguration c) => c.GetConnectionString({|#0:"search"|});
        }
        """;

    [Fact]
    public Task Tye_gives_the_projects_it_runs_their_env_and_every_services_bindings() =>
        new Test(Source)
            .WithFile("/repo/tye.yaml", Tye)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("ConnectionStrings:search", "tye.yaml (service api)"))
            .RunAsync();

    [Fact]
    public Task A_tye_yaml_that_does_not_run_the_project_declares_nothing_for_it() =>
        new Test(Source.Replace("{|#0:\"search\"|}", "\"search\"").Replace("c.GetConnectionString(\"cache\")", "c.GetConnectionString({|#0:\"cache\"|})"))
            .WithFile("/repo/tye.yaml", Tye.Replace("src/Api/Api.csproj", "src/Other/Other.csproj"))
            .WithFile("appsettings.json", """{ "Payments": { "Provider": "x" }, "Service": { "Cache": { "Host": "h" } }, "ConnectionStrings": { "db:admin": "x", "search": "y" }, "APP_INSTANCE": "i" }""")
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("ConnectionStrings:cache", "appsettings.json"))
            .RunAsync();
}
