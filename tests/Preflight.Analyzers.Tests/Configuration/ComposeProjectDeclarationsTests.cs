using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>The compose project (main file + override, extends) seen by the analyzers' declaration sources.</summary>
public class ComposeProjectDeclarationsTests
{
    private static DiagnosticResult PF1001(int location, string key, string places) =>
        Test.Diagnostic("PF1001").WithLocation(location).WithArguments(key, places);

    // The anchor's environment (a mapping) and the override's (a list) merge by variable name.
    [Fact]
    public Task Override_file_environment_declares_keys_of_the_service_that_builds_the_project() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? B(IConfiguration c) => c["Features:Beta"];
                string? D(IConfiguration c) => c["Base:Url"];
                string? E(IConfiguration c) => c[{|#0:"Missing:Key"|}];
            }
            """)
            .WithFile("/repo/compose.yaml", """
                x-common: &common
                  environment:
                    Base__Url: http://base
                services:
                  api:
                    <<: *common
                    build: src/Api
                """)
            .WithFile("/repo/compose.override.yaml", """
                services:
                  api:
                    environment:
                      - Features__Beta=true
                """)
            .Expect(PF1001(0, "Missing:Key", "compose.yaml (service api)"))
            .RunAsync();
}
