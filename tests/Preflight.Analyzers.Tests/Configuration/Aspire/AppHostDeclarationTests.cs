using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using KeyTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;
using VariableTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.EnvironmentVariableAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration.Aspire;

/// <summary>PF1001 with an Aspire AppHost that runs the project: what its AddProject chain gives is declared, the rest is reported with the AppHost line.</summary>
public class AppHostDeclarationTests
{
    internal const string AppHostProject = "/repo/src/AppHost/AppHost.csproj";
    internal const string AppHostProgram = "/repo/src/AppHost/Program.cs";

    internal const string AppHostProjectText = """
        <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
          <ItemGroup>
            <ProjectReference Include="..\Api\Api.csproj" />
            <ProjectReference Include="..\Basket.Api\Basket.Api.csproj" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Adds the project at line 4, giving it a database, a project reference, a variable and an endpoint variable.</summary>
    internal const string AppHostText = """
        var builder = DistributedApplication.CreateBuilder(args);
        var db = builder.AddPostgres("pg").AddDatabase("catalogdb");
        var basket = builder.AddProject<Projects.Basket_Api>("basket");
        var api = builder.AddProject<Projects.Api>("api")
            .WithReference(db)
            .WithReference(basket).WaitFor(basket)
            .WithEnvironment("Identity__Url", basket.GetEndpoint("http"))
            .WithHttpEndpoint(env: "PORT");
        api.WithReference(builder.AddRedis("cache"));
        builder.Build().Run();
        """;

    private const string Reads = """
        using Microsoft.Extensions.Configuration;
        class C
        {
            void M(IConfiguration c)
            {
                _ = c.GetConnectionString("catalogdb");
                _ = c.GetConnectionString("cache");
                _ = c["services:basket:http:0"];
                _ = c["services:basket:https:0"];
                _ = c["Identity:Url"];
                _ = c["PORT"];
                _ = c["OTEL_EXPORTER_OTLP_ENDPOINT"];
                _ = c[{|#0:"Payments:Key"|}];
            }
        }
        """;

    private static DiagnosticResult PF1001(string key, string places) =>
        KeyTest.Diagnostic("PF1001").WithLocation(0).WithArguments(key, places);

    private static KeyTest WithAppHost(string code, string appHost = AppHostText) =>
        new KeyTest(code)
            .WithFile("appsettings.json", "{}")
            .WithFile(AppHostProject, AppHostProjectText)
            .WithFile(AppHostProgram, appHost);

    [Fact]
    public Task What_the_AddProject_chain_gives_is_declared_and_a_missing_key_names_the_AppHost_line() =>
        WithAppHost(Reads)
            .Expect(PF1001("Payments:Key", "appsettings.json, src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task A_connection_string_the_AppHost_does_not_give_is_reported() =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c.GetConnectionString({|#0:"orders"|}); }
            """)
            .Expect(PF1001("ConnectionStrings:orders", "appsettings.json, src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task A_project_with_no_other_source_is_checked_against_its_AppHost() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? Given(IConfiguration c) => c.GetConnectionString("catalogdb");
                string? Missing(IConfiguration c) => c.GetConnectionString({|#0:"orders"|});
            }
            """)
            .WithFile(AppHostProject, AppHostProjectText)
            .WithFile(AppHostProgram, AppHostText)
            .Expect(PF1001("ConnectionStrings:orders", "src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task AddProject_with_a_path_runs_the_project_at_that_path() =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? Given(IConfiguration c) => c["Feature:Flag"];
                string? Missing(IConfiguration c) => c[{|#0:"Feature:Other"|}];
            }
            """, """
            var builder = DistributedApplication.CreateBuilder(args);
            const string Name = "api";
            builder.AddProject(Name, "../Api/Api.csproj")
                .WithEnvironment("Feature__Flag", "on");
            builder.Build().Run();
            """)
            .Expect(PF1001("Feature:Other", "appsettings.json, src/AppHost/Program.cs:3 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task Projects_type_of_another_project_with_the_same_name_does_not_run_this_one() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Identity:Url"|}]; }
            """)
            .WithFile("appsettings.json", "{}")
            .WithFile(AppHostProject, """
                <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
                  <ItemGroup><ProjectReference Include="../../tools/Api/Api.csproj" /></ItemGroup>
                </Project>
                """)
            .WithFile(AppHostProgram, AppHostText)
            .Expect(PF1001("Identity:Url", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task A_test_project_AppHost_that_runs_the_project_in_a_fixture_is_no_deployment() =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Payments:Key"|}]; }
            """)
            .WithFile("/repo/tests/Api.Tests/Api.Tests.csproj", """
                <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
                  <ItemGroup>
                    <PackageReference Include="xunit.v3" />
                    <ProjectReference Include="../../src/Api/Api.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .WithFile("/repo/tests/Api.Tests/Fixture.cs", """
                class Fixture
                {
                    public Fixture(string[] args)
                    {
                        var builder = DistributedApplication.CreateBuilder(args);
                        builder.AddProject<Projects.Api>("api");
                    }
                }
                """)
            .Expect(PF1001("Payments:Key", "appsettings.json, src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task A_file_based_AppHost_without_project_file_matches_by_the_Projects_name() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c.GetConnectionString({|#0:"orders"|}) + c.GetConnectionString("catalogdb"); }
            """)
            .WithFile("appsettings.json", "{}")
            .WithFile("/repo/host/apphost.cs", AppHostText)
            .Expect(PF1001("ConnectionStrings:orders", "appsettings.json, host/apphost.cs:4 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task A_reference_to_a_resource_gives_the_resources_it_was_given() =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? Given(IConfiguration c) => c.GetConnectionString("store") + c.GetConnectionString("grains");
                string? Missing(IConfiguration c) => c.GetConnectionString({|#0:"other"|});
            }
            """, """
            var builder = DistributedApplication.CreateBuilder(args);
            var storeName = "store";
            var store = builder.AddRedis(storeName);
            var cluster = builder.AddOrleans("cluster").WithClustering(store).WithGrainStorage("votes", builder.AddRedis("grains"));
            builder.AddProject<Projects.Api>("api").WithReference(cluster);
            builder.Build().Run();
            """)
            .Expect(PF1001("ConnectionStrings:other", "appsettings.json, src/AppHost/Program.cs:5 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task Variables_an_environment_callback_sets_in_every_project_are_declared() =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? Given(IConfiguration c) => c["Forwarded:Enabled"] + c["Region"];
                string? Missing(IConfiguration c) => c[{|#0:"Payments:Key"|}];
            }
            """, """
            var builder = DistributedApplication.CreateBuilder(args);
            builder.AddProject<Projects.Api>("api");
            builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
            {
                foreach (var p in e.Model.GetProjectResources())
                {
                    p.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                    {
                        context.EnvironmentVariables["Forwarded__Enabled"] = "true";
                        context.EnvironmentVariables.Add("Region", "eu");
                    }));
                }
                return Task.CompletedTask;
            });
            builder.Build().Run();
            """)
            .Expect(PF1001("Payments:Key", "appsettings.json, src/AppHost/Program.cs:2 (AddProject \"api\")"))
            .RunAsync();

    [Theory]
    [InlineData("var name = args[0];\nbuilder.AddProject<Projects.Api>(name);")]
    [InlineData("var name = \"api\";\nif (args.Length > 0) { name = args[0]; }\nbuilder.AddProject<Projects.Api>(name);")]
    [InlineData("foreach (var n in new[] { \"a\", \"b\" }) { builder.AddProject<Projects.Api>(\"api\"); }")]
    [InlineData("builder.AddProject<Projects.Api>(\"api\").WithEnvironment(context => context.EnvironmentVariables[\"X\"] = \"1\");")]
    [InlineData("var key = args[0];\nbuilder.AddProject<Projects.Api>(\"api\").WithEnvironment(key, \"1\");")]
    [InlineData("var api = builder.AddProject<Projects.Api>(\"api\");\nbuilder.AddPayments(api);\nstatic class Own { public static void AddPayments(this object b, IResourceBuilder<ProjectResource> p) => p.WithEnvironment(\"Payments__Key\", \"k\"); }")]
    [InlineData("builder.AddProject<Projects.Api>(\"api\").WithPayments();\nstatic class Own { public static T WithPayments<T>(this T p) => p; }")]
    [InlineData("builder.AddService<Projects.Api>();\nstatic class Own { public static void AddService<T>(this IDistributedApplicationBuilder b) => b.AddProject<T>(\"api\"); }")]
    [InlineData("builder.AddProject<Projects.Api>(\"api\").WithReference(Resources.Make(builder));")]
    public Task A_project_the_AppHost_configures_in_ways_not_followed_is_not_checked(string statements) =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["Payments:Key"]; }
            """, "var builder = DistributedApplication.CreateBuilder(args);\n" + statements + "\nbuilder.Build().Run();\n")
            .RunAsync();

    [Fact]
    public Task A_project_passed_to_an_own_method_that_only_reads_its_endpoints_is_still_checked() =>
        WithAppHost("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Payments:Key"|}]; }
            """, """
            var builder = DistributedApplication.CreateBuilder(args);
            var api = builder.AddProject<Projects.Api>("api");
            builder.AddYarp("bff").ConfigureRoutes(api);
            builder.Build().Run();
            static class Own { public static object ConfigureRoutes(this object yarp, IResourceBuilder<ProjectResource> api) => Cluster(api.GetEndpoint("http")); }
            """)
            .Expect(PF1001("Payments:Key", "appsettings.json, src/AppHost/Program.cs:2 (AddProject \"api\")"))
            .RunAsync();

    [Fact]
    public Task Environment_variable_reads_see_what_the_AppHost_sets() =>
        new VariableTest("""
            using System;
            class C
            {
                string? Given() => Environment.GetEnvironmentVariable("ConnectionStrings__catalogdb") + Environment.GetEnvironmentVariable("PORT");
                string? Missing() => Environment.GetEnvironmentVariable({|#0:"PAYMENTS_KEY"|});
            }
            """)
            .WithFile(AppHostProject, AppHostProjectText)
            .WithFile(AppHostProgram, AppHostText)
            .Expect(VariableTest.Diagnostic("PF1002").WithLocation(0).WithArguments("PAYMENTS_KEY", "src/AppHost/Program.cs:4 (AddProject \"api\")"))
            .RunAsync();
}
