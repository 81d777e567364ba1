using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using EnvTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.EnvironmentVariableAnalyzer>;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// Reads that only run when configuration says so, or whose missing value takes another path, are optional; a null check
/// that throws makes the read required.
/// </summary>
public class OptionalReadTests
{
    private const string Settings = """{ "Logging": { "Level": "Information" } }""";

    private static DiagnosticResult PF1001(int location, string key) =>
        Test.Diagnostic("PF1001").WithLocation(location).WithArguments(key, "appsettings.json");

    [Fact]
    public Task Reads_inside_a_branch_decided_by_configuration_are_optional() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? Vault(IConfiguration config)
                {
                    if (config.GetValue<bool>("UseVault"))
                    {
                        return config["Vault:Name"];
                    }
                    return null;
                }

                string? Section(IConfiguration config) =>
                    config.GetSection("Redis").Exists() ? config["Redis:Host"] : null;

                void Guard(IConfiguration config)
                {
                    if (!string.IsNullOrEmpty(config["Sentry:Dsn"]))
                    {
                        Use(config["Sentry:Dsn"], config["Sentry:Environment"]);
                    }
                }

                string? Switch(IConfiguration config)
                {
                    switch (config["Storage:Provider"])
                    {
                        case "s3":
                            return config["Storage:Bucket"];
                        default:
                            return null;
                    }
                }

                string? Local(IConfiguration config)
                {
                    var useSmtp = config.GetValue<bool>("Mail:UseSmtp");
                    return useSmtp && config["Mail:Host"] != "" ? config["Mail:Host"] : null;
                }

                void Early(IConfiguration config)
                {
                    if (!config.GetSection("Telemetry").Exists())
                    {
                        return;
                    }
                    Use(config["Telemetry:Endpoint"], "");
                }

                static void Use(string? a, string? b) { }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task A_read_whose_missing_value_takes_another_path_is_optional() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string A(IConfiguration config)
                {
                    var x = config["Cache:Host"];
                    if (x != null) { return x; }
                    return "localhost";
                }

                int B(IConfiguration config) => config["Cache:Port"] is { } port ? port.Length : 0;

                string Shown(IConfiguration config) => $"Configured greeting value: {config["App:Greeting"]}";

                bool Cluster(IConfiguration config) => config.GetValue<string>("IsClusterEnv") == bool.TrueString;

                bool Flag(IConfiguration config) =>
                    string.Equals(bool.TrueString, config["Cache:Enabled"], System.StringComparison.OrdinalIgnoreCase) || "on".Equals(config["Cache:Mode"]);

                void D(IConfiguration config)
                {
                    if (config.GetConnectionString("Audit") is string audit)
                    {
                        System.Console.WriteLine(audit);
                    }
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task A_null_check_that_throws_makes_the_read_required() =>
        new Test("""
            using System;
            using Microsoft.Extensions.Configuration;
            class C
            {
                string A(IConfiguration config)
                {
                    var issuer = config[{|#0:"Jwt:Issuer"|}];
                    if (string.IsNullOrWhiteSpace(issuer)) throw new InvalidOperationException("Jwt:Issuer is not set");
                    return issuer;
                }

                string B(IConfiguration config)
                {
                    var key = config[{|#1:"Jwt:Key"|}];
                    ArgumentNullException.ThrowIfNull(key);
                    return key;
                }

                string D(IConfiguration config)
                {
                    var audience = config[{|#2:"Jwt:Audience"|}];
                    if (audience == null)
                    {
                        Console.Error.WriteLine("missing");
                        throw new InvalidOperationException();
                    }
                    return audience.Trim();
                }

                string E(IConfiguration config) =>
                    config.GetConnectionString({|#3:"Db"|}) is { } db ? db : throw new InvalidOperationException("no database");

                string F(IConfiguration config)
                {
                    var url = config[{|#4:"Api:Url"|}];
                    if (url is null || url.Length == 0) { throw new InvalidOperationException(); }
                    return url?.Trim() ?? "";
                }

                string Url(IConfiguration config) => $"https://{config[{|#6:"Vault:Name"|}]}.vault.azure.net/ for keys";

                string G(IConfiguration config) =>
                    config[{|#5:"Payments:Provider"|}] switch { "stripe" => "s", _ => throw new InvalidOperationException() };
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(
                PF1001(0, "Jwt:Issuer"),
                PF1001(1, "Jwt:Key"),
                PF1001(2, "Jwt:Audience"),
                PF1001(3, "ConnectionStrings:Db"),
                PF1001(4, "Api:Url"),
                PF1001(5, "Payments:Provider"),
                PF1001(6, "Vault:Name"))
            .RunAsync();

    [Fact]
    public Task Reads_outside_the_guarded_branch_or_under_a_condition_not_on_configuration_stay_required() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration config, bool production)
                {
                    if (config.GetValue<bool>("UseVault"))
                    {
                        System.Console.WriteLine("vault");
                    }
                    if (production)
                    {
                        return config[{|#0:"Vault:Uri"|}];
                    }
                    return config[{|#1:"Vault:Name"|}];
                }

                int B(IConfiguration config) => config.GetValue<int>({|#2:"Server:Port"|});
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "Vault:Uri"), PF1001(1, "Vault:Name"), PF1001(2, "Server:Port"))
            .RunAsync();

    [Fact]
    public Task Options_bound_only_when_the_section_exists_are_optional() =>
        new Test("""
            using System.ComponentModel.DataAnnotations;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            public class VaultOptions { [Required] public string Uri { get; set; } = ""; }
            class C
            {
                void M(IServiceCollection services, IConfiguration config)
                {
                    if (config.GetSection("Vault").Exists())
                    {
                        services.Configure<VaultOptions>(config.GetSection("Vault"));
                    }
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .RunAsync();

    [Fact]
    public Task Environment_variables_follow_the_same_rules() =>
        new EnvTest("""
            using System;
            class C
            {
                string? A()
                {
                    if (Environment.GetEnvironmentVariable("USE_PROXY") == "1")
                    {
                        return Environment.GetEnvironmentVariable("PROXY_URL");
                    }
                    return null;
                }

                string B()
                {
                    var token = Environment.GetEnvironmentVariable({|#0:"API_TOKEN"|});
                    if (string.IsNullOrEmpty(token)) throw new InvalidOperationException("API_TOKEN is not set");
                    return token;
                }
            }
            """)
            .WithFile("/repo/docker-compose.yml", """
                services:
                  api:
                    build: src/Api
                    environment:
                      STORAGE_DIR: /data
                """)
            .Expect(EnvTest.Diagnostic("PF1002").WithLocation(0).WithArguments("API_TOKEN", "docker-compose.yml (service api)"))
            .RunAsync();

    [Fact]
    public Task The_branch_a_missing_configuration_takes_is_the_default_path_and_stays_required() =>
        new Test("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration config)
                {
                    if (config.GetValue<bool>("UseInMemoryDatabase"))
                    {
                        return "memory";
                    }
                    else
                    {
                        return config.GetConnectionString({|#0:"Orders"|});
                    }
                }

                string? B(IConfiguration config)
                {
                    if (config.GetValue<bool>("MigrateOnly"))
                    {
                        return null;
                    }
                    return config[{|#1:"Queue:Name"|}];
                }

                string? D(IConfiguration config) =>
                    config["Storage:Provider"] switch { "s3" => config["S3:Bucket"], _ => config[{|#2:"Storage:Root"|}] };

                string? E(IConfiguration config)
                {
                    if (string.IsNullOrEmpty(config["Sentry:Dsn"]))
                    {
                        return null;
                    }
                    return config["Sentry:Environment"];
                }
            }
            """)
            .WithFile("appsettings.json", Settings)
            .Expect(PF1001(0, "ConnectionStrings:Orders"), PF1001(1, "Queue:Name"), PF1001(2, "Storage:Root"))
            .RunAsync();
}
