using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration.Aspire;

/// <summary>PF1001 for Aspire client integrations (AddRedisClient("cache") reads ConnectionStrings:cache).</summary>
public class AspireClientIntegrationTests
{
    /// <summary>The shape of an Aspire client integration package's extension class.</summary>
    private const string Integrations = """

        namespace Microsoft.Extensions.Hosting
        {
            public sealed class RedisSettings { public string? ConnectionString { get; set; } }
            public static class AspireRedisExtensions
            {
                public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName, System.Action<RedisSettings>? configureSettings = null) { }
                public static void AddKeyedRedisClient(this IHostApplicationBuilder builder, string name) { }
            }
            public static class AspireOwnExtensions
            {
                public static void AddNamedClient(this IHostApplicationBuilder builder, string name) { }
            }
            public static class OtherExtensions
            {
                public static void AddQueueClient(this IHostApplicationBuilder builder, string connectionName) { }
            }
        }
        """;

    private static DiagnosticResult PF1001(string key, string places) =>
        Test.Diagnostic("PF1001").WithLocation(0).WithArguments(key, places);

    private static Test WithAppHost(string code) =>
        new Test(code)
            .WithFile("appsettings.json", "{}")
            .WithFile(AppHostDeclarationTests.AppHostProject, AppHostDeclarationTests.AppHostProjectText)
            .WithFile(AppHostDeclarationTests.AppHostProgram, AppHostDeclarationTests.AppHostText);

    [Fact]
    public Task A_client_whose_connection_the_AppHost_references_is_silent_and_one_it_does_not_is_reported() =>
        WithAppHost("""
            using Microsoft.Extensions.Hosting;
            class C
            {
                void M(IHostApplicationBuilder builder)
                {
                    builder.AddRedisClient("cache");
                    builder.AddKeyedRedisClient("catalogdb");
                    builder.AddRedisClient({|#0:"sessions"|});
                }
            }
            """ + Integrations)
            .Expect(PF1001("ConnectionStrings:sessions", "appsettings.json, src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task A_keyed_client_and_a_named_argument_are_read_by_their_connection_name() =>
        WithAppHost("""
            using Microsoft.Extensions.Hosting;
            class C
            {
                const string Name = "queue";
                void M(IHostApplicationBuilder builder) => builder.AddKeyedRedisClient(name: {|#0:Name|});
            }
            """ + Integrations)
            .Expect(PF1001("ConnectionStrings:queue", "appsettings.json, src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task Without_an_AppHost_a_resolved_integration_is_checked_against_the_other_sources() =>
        new Test("""
            using Microsoft.Extensions.Hosting;
            class C { void M(IHostApplicationBuilder builder) { builder.AddRedisClient({|#0:"cache"|}); builder.AddRedisClient("db"); } }
            """ + Integrations)
            .WithFile("appsettings.json", """{ "ConnectionStrings": { "db": "Host=db" } }""")
            .Expect(PF1001("ConnectionStrings:cache", "appsettings.json"))
            .RunAsync();

    [Theory]
    [InlineData("builder.AddQueueClient(\"sessions\");")]
    [InlineData("builder.AddNamedClient(\"sessions\");")]
    [InlineData("builder.AddRedisClient(\"sessions\", s => s.ConnectionString = \"localhost\");")]
    [InlineData("builder.AddRedisClient(args[0]);")]
    public Task Not_an_integration_read_or_a_connection_set_in_code_is_silent(string call) =>
        WithAppHost("""
            using Microsoft.Extensions.Hosting;
            class C { void M(IHostApplicationBuilder builder, string[] args) { CALL } }
            """.Replace("CALL", call) + Integrations)
            .RunAsync();

    [Fact]
    public Task The_integration_settings_section_may_give_the_connection() =>
        new Test("""
            using Microsoft.Extensions.Hosting;
            class C { void M(IHostApplicationBuilder builder) => builder.AddRedisClient("sessions"); }
            """ + Integrations)
            .WithFile("appsettings.json", """{ "Aspire": { "StackExchange": { "Redis": { "ConnectionString": "localhost" } } } }""")
            .RunAsync();

    private const string Unresolved = """
        using Microsoft.Extensions.Hosting;
        class AppDb { }
        class C
        {
            void M(IHostApplicationBuilder builder)
            {
                builder.AddNpgsqlDbContext<AppDb>("catalogdb");
                builder.AddHttpClient("payments");
                builder.AddRabbitMQClient(MARK);
            }
        }
        """;

    [Fact]
    public Task An_unresolved_integration_in_a_project_an_AppHost_runs_is_judged_by_its_name()
    {
        var test = WithAppHost(Unresolved.Replace("MARK", "{|#0:\"eventbus\"|}"))
            .Expect(PF1001("ConnectionStrings:eventbus", "appsettings.json, src/AppHost/Program.cs:4 (AddProject \"api\")"));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task An_unresolved_integration_without_an_AppHost_is_silent()
    {
        var test = new Test(Unresolved.Replace("MARK", "\"eventbus\"")).WithFile("appsettings.json", "{}");
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }
}
