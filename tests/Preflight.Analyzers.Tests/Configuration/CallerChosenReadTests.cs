using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// A read that runs only when a bool parameter of its method says so (an early return or an enclosing if on it) is the
/// caller's choice: optional. A read before the guard, or under a condition on something else, stays required.
/// </summary>
public class CallerChosenReadTests
{
    private const string Settings = """{ "Logging": { "Level": "Information" } }""";

    [Fact]
    public Task Reads_after_a_return_on_a_bool_parameter_are_optional() =>
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
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Service:Name", "appsettings.json"))
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
