using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Preflight.Analyzers.Configuration;
using Preflight.Analyzers.Tests.Infrastructure;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

public class PF1001ConfigurationKeyAnalyzerTests
{
    private const string Settings = """
        {
          // comments are fine, as in .NET
          "Storage": { "Root": "/data" },
          "ConnectionStrings": { "Db": "Host=db" },
          "Features": { "Search": true },
        }
        """;

    private static DiagnosticResult PF1001(int location, string key, string places) =>
        Test.Diagnostic("PF1001").WithLocation(location).WithArguments(key, places);

    [Fact]
    public Task Indexer_with_undeclared_key_is_reported_at_the_key() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Storage:Bucket"|}]; }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Storage:Bucket", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task ConfigurationManager_indexer_is_matched_through_its_interfaces() =>
        new Test("""
            using Microsoft.AspNetCore.Builder;
            class C { string? M(WebApplicationBuilder builder) => builder.Configuration[{|#0:"OpenAI:ApiKey"|}]; }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "OpenAI:ApiKey", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task GetConnectionString_maps_to_the_ConnectionStrings_section() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? Declared(IConfiguration c) => c.GetConnectionString("Db");
                string? Missing(IConfiguration c) => c.GetConnectionString({|#0:"Cache"|});
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "ConnectionStrings:Cache", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Section_reads_resolve_the_full_key() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c) => c.GetSection("Storage")[{|#0:"Bucket"|}];
                string? B(IConfiguration c) => c.GetSection("Storage").GetSection({|#1:"Region"|}).Value;
                string? C2(IConfiguration c) { var s = c.GetSection("Storage"); return s[{|#2:"Account"|}]; }
                string? Declared(IConfiguration c) => c.GetSection("Storage")["Root"];
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(
                PF1001(0, "Storage:Bucket", "appsettings.json"),
                PF1001(1, "Storage:Region", "appsettings.json"),
                PF1001(2, "Storage:Account", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task GetValue_without_default_is_a_required_read_and_with_default_is_not() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                int Required(IConfiguration c) => c.GetValue<int>({|#0:"Server:Port"|});
                int Optional(IConfiguration c) => c.GetValue<int>("Server:Threads", 4);
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Server:Port", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Keys_built_from_constants_resolve() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            static class StorageOptions { public const string Section = "Storage"; }
            class C { string? M(IConfiguration c) => c[{|#0:StorageOptions.Section + ":Container"|}]; }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Storage:Container", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Coalesce_with_throw_is_still_required() =>
        new Test("""
            using System;
            using Microsoft.Extensions.Configuration;
            class C { string M(IConfiguration c) => c[{|#0:"Jwt:Issuer"|}] ?? throw new InvalidOperationException(); }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Jwt:Issuer", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Declared_keys_match_case_insensitively_across_every_appsettings_file() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c) => c["storage:root"];
                string? B(IConfiguration c) => c["Payments:Provider"];
                bool D(IConfiguration c) => c.GetValue<bool>("Features:Search");
                IConfigurationSection E(IConfiguration c) => c.GetRequiredSection("Storage");
            }
            """)
            .WithFile("appsettings.json", Settings)
            .WithFile("appsettings.Production.json", """{ "Payments": { "Provider": "stripe" } }""")
            .RunAsync();

    [Fact]
    public Task Reads_with_a_fallback_or_a_null_check_are_optional() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string A(IConfiguration c) => c["Cache:Mode"] ?? "memory";
                bool B(IConfiguration c) => c["Cache:Size"] != null;
                bool D(IConfiguration c) => string.IsNullOrEmpty(c["Cache:Ttl"]);
                int E(IConfiguration c) => int.TryParse(c["Cache:Max"], out var v) ? v : 10;
                string F(IConfiguration c)
                {
                    var host = c["Cache:Host"];
                    if (host is null) { return "localhost"; }
                    return host;
                }
                int? G(IConfiguration c) => c["Cache:Name"]?.Length;
            }
            """)
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task Keys_built_at_run_time_or_read_on_unknown_sections_give_no_finding() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c, string name) => c[$"Tenants:{name}:Url"];
                string? B(IConfigurationSection section) => section["Url"];
                string? D(IConfiguration c, string key) => c[key];
                void Write(IConfiguration c) { c["Runtime:Flag"] = "on"; }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task Library_projects_are_not_checked() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["Storage:Bucket"]; }
            """, outputType: "Library")
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task Projects_with_no_declaration_source_are_not_checked() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["Storage:Bucket"]; }
            """)
            .RunAsync();

    [Fact]
    public Task Settings_files_of_other_projects_do_not_declare_keys() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Worker:Queue"|}]; }
            """)
            .WithFile("appsettings.json", Settings)
            .WithFile("/repo/src/Worker/appsettings.json", """{ "Worker": { "Queue": "jobs" } }""")
            .Expect(PF1001(0, "Worker:Queue", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Compose_environment_of_the_service_that_builds_the_project_declares_keys() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c) => c["Storage:Bucket"];
                string? B(IConfiguration c) => c.GetConnectionString("Cache");
                string? D(IConfiguration c) => c["Smtp:Host"];
                string? E(IConfiguration c) => c[{|#0:"Smtp:Port"|}];
            }
            """)
            .WithFile("appsettings.json", Settings)
            .WithFile("/repo/docker-compose.yml", """
                services:
                  api:
                    build:
                      context: .
                      dockerfile: src/Api/Dockerfile
                    environment:
                      STORAGE__BUCKET: uploads
                      ConnectionStrings__Cache: redis:6379
                  worker:
                    build: ./src/Worker
                    environment:
                      - Smtp__Port=25
                  mail:
                    build: ./src/Api
                    environment:
                      - Smtp__Host
                """)
            .Expect(PF1001(0, "Smtp:Port", "appsettings.json, docker-compose.yml (service api), docker-compose.yml (service mail)"))
            .RunAsync();

    [Fact]
    public Task Compose_alone_is_a_declaration_source() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Storage:Bucket"|}]; }
            """)
            .WithFile("/repo/compose.yaml", """
                services:
                  api:
                    build: src/Api
                    environment: [ "Storage__Root=/data" ]
                """)
            .Expect(PF1001(0, "Storage:Bucket", "compose.yaml (service api)"))
            .RunAsync();
}
