using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>PF1001 for options bound from configuration: each [Required] property is a required key.</summary>
public class OptionsBindingTests
{
    private const string Options = """
        using System.ComponentModel.DataAnnotations;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Options;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class StorageOptions
        {
            public const string Section = "Storage";
            [Required] public string Root { get; set; } = "";
            [Required] public string Bucket { get; set; } = "";
            public int Retries { get; set; } = 3;
            [ConfigurationKeyName("conn")] [Required] public string Connection { get; set; } = "";
            [ValidateObjectMembers] public CdnOptions Cdn { get; set; } = new();
        }

        public sealed class CdnOptions
        {
            [Required] public string Host { get; set; } = "";
            public string? Path { get; set; }
        }
        """;

    private const string Settings = """{ "Storage": { "Root": "/data", "Conn": "x", "Cdn": { "Path": "/" } } }""";

    private static DiagnosticResult PF1001(int location, string key) =>
        Test.Diagnostic("PF1001").WithLocation(location).WithArguments(key, "appsettings.json");

    [Fact]
    public Task Configure_with_a_section_requires_each_Required_property() =>
        new Test(Options + """

            static class Setup
            {
                static void Run(Microsoft.Extensions.DependencyInjection.IServiceCollection services, IConfiguration configuration) =>
                    Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions.Configure<StorageOptions>(
                        services, configuration.GetSection({|#0:StorageOptions.Section|}));
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Storage:Bucket"), PF1001(0, "Storage:Cdn:Host"))
            .RunAsync();

    [Fact]
    public Task AddOptions_Bind_and_BindConfiguration_are_bindings_too() =>
        new Test(Options + """

            static class Setup
            {
                static void Run(Microsoft.Extensions.DependencyInjection.IServiceCollection services, IConfiguration configuration)
                {
                    Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<StorageOptions>(services)
                        .Bind(configuration.GetSection({|#0:"Storage"|}));
                    Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<CdnOptions>(services)
                        .BindConfiguration({|#1:"Edge"|});
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Storage:Bucket"), PF1001(0, "Storage:Cdn:Host"), PF1001(1, "Edge:Host"))
            .RunAsync();

    [Fact]
    public Task Get_and_Bind_on_a_section_are_bindings_unless_they_have_a_fallback() =>
        new Test(Options + """

            static class Setup
            {
                static CdnOptions Read(IConfiguration configuration) => configuration.GetSection({|#0:"Edge"|}).Get<CdnOptions>()!;
                static CdnOptions Optional(IConfiguration configuration) => configuration.GetSection("Edge").Get<CdnOptions>() ?? new CdnOptions();
                static void Bind(IConfiguration configuration, CdnOptions cdn) => configuration.Bind({|#1:"Mirror"|}, cdn);
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Edge:Host"), PF1001(1, "Mirror:Host"))
            .RunAsync();

    [Fact]
    public Task Fully_declared_options_and_unknown_sections_give_no_finding() =>
        new Test(Options + """

            static class Setup
            {
                static void Run(Microsoft.Extensions.DependencyInjection.IServiceCollection services, IConfiguration configuration, string name)
                {
                    Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<CdnOptions>(services).BindConfiguration("Storage:Cdn2");
                    Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<StorageOptions>(services).BindConfiguration(name);
                }
            }
            """)
            .WithFile("appsettings.json", """{ "Storage": { "Cdn2": { "Host": "cdn" } } }""")
            .RunAsync();
}
