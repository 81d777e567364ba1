using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>A configuration provider whose keys no repository file shows (a secret store) may set any key: nothing is reported.</summary>
public class ExternalConfigurationSourceTests
{
    private const string Settings = """{ "Logging": { "Level": "Information" } }""";

    [Theory]
    [InlineData("builder.Configuration.AddAzureKeyVault(\"https://vault\");")]
    [InlineData("builder.Configuration.AddTeamSecrets();")]
    [InlineData("builder.Configuration\n            .AddJsonFile(\"extra.json\", optional: true)\n            .AddAzureKeyVault(\"https://vault\");")]
    [InlineData("builder.Configuration.AddJsonFile(\"extra.json\", optional: true).AddTeamSecrets();")]
    public Task A_secret_store_provider_makes_every_key_possibly_set(string call) =>
        new Test($$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            public static class Providers
            {
                public static IConfigurationBuilder AddAzureKeyVault(this IConfigurationBuilder builder, string uri) => builder;
                public static IConfigurationBuilder AddTeamSecrets(this IConfigurationBuilder builder) => builder;
            }
            class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    {{call}}
                    var db = builder.Configuration.GetConnectionString("CatalogDB");
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task File_environment_and_command_line_providers_are_read_by_Preflight_and_keep_the_check() =>
        new Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Configuration.AddJsonFile("extra.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
                    var db = builder.Configuration.GetConnectionString({|#0:"CatalogDB"|});
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("ConnectionStrings:CatalogDB", "appsettings.json"))
            .RunAsync();

    /// <summary>The providers are found from the text ".Add": one named in a comment or a string adds nothing.</summary>
    [Fact]
    public Task A_secret_store_named_in_a_comment_or_a_string_keeps_the_check() =>
        new Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    // Production adds builder.Configuration.AddAzureKeyVault(uri) in its own host.
                    System.Console.WriteLine("see .AddAzureKeyVault in the docs");
                    var db = builder.Configuration.GetConnectionString({|#0:"CatalogDB"|});
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("ConnectionStrings:CatalogDB", "appsettings.json"))
            .RunAsync();
}
