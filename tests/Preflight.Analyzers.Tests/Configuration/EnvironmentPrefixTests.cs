using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary><c>AddEnvironmentVariables("Prefix_")</c> makes <c>Prefix_A__B</c> the key <c>A:B</c>; without the call it is not.</summary>
public class EnvironmentPrefixTests
{
    private const string Compose = """
        services:
          api:
            build: src/Api
            environment:
              SHOP_Payments__ApiKey: ${PAYMENTS_KEY}
              SHOP_ConnectionStrings__Orders: Host=db
              OTHER_Mail__Host: smtp
        """;

    private static DiagnosticResult PF1001(int location, string key) =>
        Test.Diagnostic("PF1001").WithLocation(location).WithArguments(key, "docker-compose.yml (service api)");

    [Fact]
    public Task Variables_with_the_prefix_declare_the_stripped_key() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                IConfiguration Build() => new ConfigurationBuilder().AddEnvironmentVariables("SHOP_").Build();
                string? A(IConfiguration c) => c["Payments:ApiKey"];
                string? B(IConfiguration c) => c.GetConnectionString("Orders");
                string? D(IConfiguration c) => c[{|#0:"Mail:Host"|}];
            }
            """)
            .WithFile("/repo/docker-compose.yml", Compose)
            .Expect(PF1001(0, "Mail:Host"))
            .RunAsync();

    [Fact]
    public Task A_prefix_set_in_the_options_lambda_counts() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                IConfiguration Build() => new ConfigurationBuilder().AddEnvironmentVariables(o => o.Prefix = "SHOP_").Build();
                string? A(IConfiguration c) => c["Payments:ApiKey"];
            }
            """)
            .WithFile("/repo/docker-compose.yml", Compose)
            .RunAsync();

    [Fact]
    public Task Without_the_prefix_call_prefixed_variables_do_not_declare_the_stripped_key() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                IConfiguration Build() => new ConfigurationBuilder().AddEnvironmentVariables().Build();
                string? A(IConfiguration c) => c[{|#0:"Payments:ApiKey"|}];
                string? B(IConfiguration c) => c["SHOP_Payments:ApiKey"];
            }
            """)
            .WithFile("/repo/docker-compose.yml", Compose)
            .Expect(PF1001(0, "Payments:ApiKey"))
            .RunAsync();
}
