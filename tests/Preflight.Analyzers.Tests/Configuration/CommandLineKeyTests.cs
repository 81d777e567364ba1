using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// Keys the program's command line gives: a switch mapping names them, or a console/worker program adds its arguments
/// (Host.CreateDefaultBuilder(args)) and reads flat switch names. A web app's flat keys stay checked.
/// </summary>
public class CommandLineKeyTests
{
    private const string Settings = """{ "Logging": { "LogLevel": { "Default": "Information" } } }""";

    private static DiagnosticResult PF1001(int location, string key) =>
        Test.Diagnostic("PF1001").WithLocation(location).WithArguments(key, "appsettings.json");

    [Fact]
    public Task Flat_keys_of_a_worker_that_adds_its_arguments_are_switches() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            public static class Program
            {
                public static void Main(string[] args) => Build(args).Build().Run();

                static IHostBuilder Build(string[] arguments) =>
                    Host.CreateDefaultBuilder(arguments).ConfigureServices((context, services) =>
                    {
                        var target = context.Configuration["targetProcess"];
                        var queue = context.Configuration[{|#0:"Broker:Queue"|}];
                        System.Console.WriteLine(target + queue);
                    });
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Broker:Queue"))
            .RunAsync();

    [Fact]
    public Task A_host_built_without_the_arguments_gets_no_switches() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder().ConfigureServices((context, services) =>
                    {
                        System.Console.WriteLine(context.Configuration[{|#0:"targetProcess"|}]);
                    }).Build().Run();
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "targetProcess"))
            .RunAsync();

    [Fact]
    public Task A_web_app_that_passes_its_arguments_keeps_its_flat_keys_checked() =>
        new Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var key = builder.Configuration[{|#0:"ApiKey"|}];
                    System.Console.WriteLine(key!.Length);
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "ApiKey"))
            .RunAsync();

    [Fact]
    public Task Keys_named_by_a_switch_mapping_are_given_by_the_command_line() =>
        new Test("""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var switches = new Dictionary<string, string> { { "-k", "Signing:Key" } };
                    var builder = WebApplication.CreateBuilder();
                    builder.Configuration.AddCommandLine(args, switches);
                    builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--region"] = "Storage:Region" });
                    System.Console.WriteLine(builder.Configuration["Signing:Key"]!.Length);
                    System.Console.WriteLine(builder.Configuration["Storage:Region"]!.Length);
                    System.Console.WriteLine(builder.Configuration[{|#0:"Storage:Bucket"|}]!.Length);
                    System.Console.WriteLine(builder.Configuration[{|#1:"ApiKey"|}]!.Length);
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Storage:Bucket"), PF1001(1, "ApiKey"))
            .RunAsync();
}
