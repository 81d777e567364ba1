using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.EnvironmentVariableAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

public class PF1002EnvironmentVariableAnalyzerTests
{
    private const string ComposeFile = """
        services:
          api:
            build: src/Api
            environment:
              STORAGE_DIR: /data
              OPENAI__APIKEY: ${OPENAI_KEY}
        """;

    private static DiagnosticResult PF1002(int location, string name, string places) =>
        Test.Diagnostic("PF1002").WithLocation(location).WithArguments(name, places);

    [Fact]
    public Task Undeclared_variable_is_reported_at_the_name() =>
        new Test("""
            using System;
            class C
            {
                string? A() => Environment.GetEnvironmentVariable("STORAGE_DIR");
                string? B() => Environment.GetEnvironmentVariable({|#0:"LAMBDA_LABS_API_KEY"|});
            }
            """)
            .WithFile("/repo/docker-compose.yml", ComposeFile)
            .Expect(PF1002(0, "LAMBDA_LABS_API_KEY", "docker-compose.yml (service api)"))
            .RunAsync();

    [Fact]
    public Task Names_are_case_sensitive_as_on_Linux() =>
        new Test("""
            using System;
            class C { string? A() => Environment.GetEnvironmentVariable({|#0:"storage_dir"|}); }
            """)
            .WithFile("/repo/docker-compose.yml", ComposeFile)
            .Expect(PF1002(0, "storage_dir", "docker-compose.yml (service api)"))
            .RunAsync();

    [Fact]
    public Task Fallbacks_runtime_variables_and_dynamic_names_give_no_finding() =>
        new Test("""
            using System;
            class C
            {
                string A() => Environment.GetEnvironmentVariable("REGION") ?? "local";
                bool B() => Environment.GetEnvironmentVariable("DEBUG_MODE") is not null;
                string? D() => Environment.GetEnvironmentVariable("HOSTNAME");
                string? E(string name) => Environment.GetEnvironmentVariable(name);
                string? F() => Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER");
                string? G() => Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
            }
            """)
            .WithFile("/repo/docker-compose.yml", ComposeFile)
            .RunAsync();

    [Fact]
    public Task Without_any_environment_source_nothing_is_reported() =>
        new Test("""
            using System;
            class C { string? A() => Environment.GetEnvironmentVariable("ANYTHING"); }
            """)
            .WithFile("appsettings.json", "{}")
            .RunAsync();
}
