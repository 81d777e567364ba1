using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// A read that runs only when a bool parameter of its method says so (an early return or an enclosing if on it) is the
/// caller's choice: optional in a class library (the callers are elsewhere); in an executable, optional when every call
/// in the compilation (or the default, with no call) takes the other way. A read before the guard, or under a condition
/// on something else, stays required.
/// </summary>
public class CallerChosenReadTests
{
    private const string Settings = """{ "Logging": { "Level": "Information" } }""";

    [Fact]
    public Task Reads_of_a_library_after_a_return_on_a_bool_parameter_are_optional() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            public static class Telemetry
            {
                public static void Setup(IConfiguration config, bool hostedLocally = true)
                {
                    var name = config[{|#0:"Service:Name"|}];
                    if (hostedLocally)
                        return;
                    Use(config.GetValue<string>("Tracing:Endpoint"), name);
                }

                public static void Export(IConfiguration config, bool enabled, bool verbose)
                {
                    if (enabled && !verbose)
                    {
                        Use(config["Export:Target"], "");
                    }
                    else
                    {
                        Use(config["Export:Fallback"], "");
                    }
                    var level = verbose ? config["Export:Level"] : "info";
                    Use(level, "");
                }

                static void Use(string? a, string? b) => System.Console.WriteLine(a!.Length + b!.Length);
            }
            """, outputType: "Library")
            .WithFile("/repo/src/Api/Api.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>""")
            .WithFile("/repo/src/Web/Web.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <ItemGroup><ProjectReference Include="../Api/Api.csproj" /></ItemGroup>
                </Project>
                """)
            .WithFile("/repo/src/Web/appsettings.json", Settings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Service:Name", "host src/Web/Web.csproj (appsettings.json)"))
            .RunAsync();

    [Fact]
    public Task In_an_executable_the_calls_decide() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var config = new ConfigurationBuilder().Build();
                    Setup(config);                                   // default: hosted locally, the read is skipped
                    Export(config, enabled: false);
                    Export(config, false);
                    Mail(config, send: true);
                }

                static void Setup(IConfiguration config, bool hostedLocally = true)
                {
                    if (hostedLocally)
                        return;
                    Use(config["Tracing:Endpoint"]);
                }

                static void Export(IConfiguration config, bool enabled)
                {
                    if (enabled)
                    {
                        Use(config["Export:Target"]);
                    }
                }

                static void Mail(IConfiguration config, bool send)
                {
                    if (!send)
                        return;
                    Use(config[{|#0:"Mail:Host"|}]);
                }

                static void Use(string? a) => System.Console.WriteLine(a!.Length);
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Mail:Host", "appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Guards_on_other_values_or_lambda_parameters_keep_the_read_required() =>
        new Test("""
            using System;
            using Microsoft.Extensions.Configuration;
            public static class Telemetry
            {
                static bool Hosted;

                public static void Setup(IConfiguration config, int retries, Func<bool, string?> pick)
                {
                    if (Hosted)
                        return;
                    Use(config[{|#0:"Tracing:Endpoint"|}]);
                    if (retries > 0)
                    {
                        Use(config[{|#1:"Tracing:Retry"|}]);
                    }
                    pick = flag => flag ? config[{|#2:"Tracing:Sampler"|}] : null;
                }

                static void Use(string? a) => Console.WriteLine(a!.Length);
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(
                Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Tracing:Endpoint", "appsettings.json"),
                Test.Diagnostic("PF1001").WithLocation(1).WithArguments("Tracing:Retry", "appsettings.json"),
                Test.Diagnostic("PF1001").WithLocation(2).WithArguments("Tracing:Sampler", "appsettings.json"))
            .RunAsync();
}
