using System.Threading.Tasks;
using Xunit;
using EnvTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.EnvironmentVariableAnalyzer>;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// The project's Properties/launchSettings.json: its profiles' environmentVariables are set on a local run (dotnet run,
/// Aspire), mapped as .NET maps variables. Another project's launch settings do not count, and launch settings alone do not
/// make a project checked.
/// </summary>
public class LaunchSettingsDeclarationTests
{
    private const string Settings = """{ "Logging": { "Level": "Information" } }""";

    private const string LaunchSettings = """
        {
          // comments and trailing commas, as the SDK allows
          "profiles": {
            "http": {
              "commandName": "Project",
              "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "Payments__Endpoint": "http://localhost:5100", },
            },
            "container": {
              "commandName": "Docker",
              "environmentVariables": { "FEATURE_FLAGS": "beta" }
            }
          }
        }
        """;

    [Fact]
    public Task Keys_a_launch_profile_sets_are_declared_and_named_in_the_message() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string M(IConfiguration c) => c["Payments:Endpoint"]! + c["FEATURE_FLAGS"]! + c[{|#0:"Payments:Key"|}]!;
            }
            """)
            .WithFile("appsettings.json", Settings)
            .WithFile("Properties/launchSettings.json", LaunchSettings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Payments:Key", "appsettings.json, Properties/launchSettings.json"))
            .RunAsync();

    [Fact]
    public Task Another_projects_launch_settings_declare_nothing_here() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string M(IConfiguration c) => c[{|#0:"Payments:Endpoint"|}]!; }
            """)
            .WithFile("appsettings.json", Settings)
            .WithFile("/repo/src/Other/Properties/launchSettings.json", LaunchSettings)
            .WithFile("/repo/src/Api/launchSettings.json", LaunchSettings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Payments:Endpoint", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Launch_settings_alone_do_not_make_a_project_checked() =>
        new Test("""
            using System;
            using Microsoft.Extensions.Configuration;
            class C
            {
                string M(IConfiguration c) => c["Payments:Key"]! + Environment.GetEnvironmentVariable("SIGNING_KEY")!;
            }
            """)
            .WithFile("Properties/launchSettings.json", LaunchSettings)
            .RunAsync();

    [Fact]
    public Task Variables_a_launch_profile_sets_are_provided_to_a_project_with_a_deployment() =>
        new EnvTest("""
            using System;
            class C
            {
                string M() => Environment.GetEnvironmentVariable("FEATURE_FLAGS")! + Environment.GetEnvironmentVariable({|#0:"SIGNING_KEY"|})!;
            }
            """)
            .WithFile("/repo/docker-compose.yml", "services:\n  api:\n    build: src/Api\n    environment:\n      STORAGE_DIR: /data\n")
            .WithFile("Properties/launchSettings.json", LaunchSettings)
            .Expect(EnvTest.Diagnostic("PF1002").WithLocation(0).WithArguments("SIGNING_KEY", "docker-compose.yml (service api), Properties/launchSettings.json"))
            .RunAsync();
}
