using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using EnvTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.EnvironmentVariableAnalyzer>;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>
/// A class library's reads are checked against the deployable projects that reference it (read from the repository's
/// project files): reported once at the read when no host declares the key, naming the hosts.
/// </summary>
public class LibraryReadTests
{
    // The project under test (/repo/src/Api/Api.csproj) is the library.
    private const string Library = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>""";

    private const string Web = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <ItemGroup><ProjectReference Include="..\Api\Api.csproj" /></ItemGroup>
        </Project>
        """;

    private const string Worker = """
        <Project Sdk="Microsoft.NET.Sdk.Worker">
          <ItemGroup><ProjectReference Include="../Core/Core.csproj" /></ItemGroup>
        </Project>
        """;

    private const string Core = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup><ProjectReference Include="../Api/Api.csproj" /></ItemGroup>
        </Project>
        """;

    private const string Tests = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="xunit.v3" />
            <ProjectReference Include="../../src/Api/Api.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string Source = """
        using Microsoft.Extensions.Configuration;
        public static class Storage
        {
            public static string? Root(IConfiguration c) => c[{|#0:"Storage:Root"|}];
            public static string? Bucket(IConfiguration c) => c["Storage:Bucket"];
            public static string? Region(IConfiguration c) => c["Storage:Region"];
        }
        """;

    private static Test Repository(string source) => new Test(source, outputType: "Library")
        .WithFile("/repo/src/Api/Api.csproj", Library)
        .WithFile("/repo/src/Web/Web.csproj", Web)
        .WithFile("/repo/src/Web/appsettings.json", """{ "Storage": { "Bucket": "b", "Region": "eu" } }""")
        .WithFile("/repo/src/Core/Core.csproj", Core)
        .WithFile("/repo/src/Worker/Worker.csproj", Worker)
        .WithFile("/repo/src/Worker/appsettings.json", """{ "Storage": { "Bucket": "b", "Region": "eu" } }""")
        .WithFile("/repo/tests/Api.Tests/Api.Tests.csproj", Tests)
        .WithFile("/repo/tests/Api.Tests/appsettings.json", """{ "Other": 1 }""");

    [Fact]
    public Task A_key_no_host_declares_is_reported_once_at_the_read_naming_the_hosts() =>
        Repository(Source)
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Storage:Root",
                "host src/Web/Web.csproj (appsettings.json); host src/Worker/Worker.csproj (appsettings.json)"))
            .RunAsync();

    [Fact]
    public Task A_key_missing_in_one_host_that_configures_its_section_names_only_that_host() =>
        Repository("""
            using Microsoft.Extensions.Configuration;
            public static class Storage
            {
                public static string? Tier(IConfiguration c) => c[{|#0:"Storage:Tier"|}];
            }
            """)
            .WithFile("/repo/src/Web/appsettings.Production.json", """{ "Storage": { "Tier": "hot" } }""")
            .Expect(Test.Diagnostic("PF1001").WithLocation(0).WithArguments("Storage:Tier", "host src/Worker/Worker.csproj (appsettings.json)"))
            .RunAsync();

    [Fact]
    public Task A_host_that_configures_nothing_of_the_section_is_not_named_when_another_host_declares_the_key() =>
        Repository("""
            using Microsoft.Extensions.Configuration;
            public static class Mail
            {
                public static string? Host(IConfiguration c) => c["Mail:Host"];
                public static string? Level(IConfiguration c) => c["Logging:Sink"];
                public static string? Db(IConfiguration c) => c["ConnectionStrings:Orders"];
                public static string? Flat(IConfiguration c) => c["Region"];
            }
            """)
            .WithFile("/repo/src/Web/appsettings.Development.json", """
                { "Mail": { "Host": "smtp" }, "Logging": { "Sink": "x", "Level": "Debug" }, "ConnectionStrings": { "Orders": "db" }, "Region": "eu" }
                """)
            .WithFile("/repo/src/Worker/appsettings.Development.json", """
                { "Logging": { "Level": "Debug" }, "ConnectionStrings": { "Jobs": "db" } }
                """)
            .RunAsync();

    [Fact]
    public Task A_host_that_declares_the_key_in_its_compose_service_counts() =>
        Repository(Source.Replace("{|#0:\"Storage:Root\"|}", "\"Storage:Root\""))
            .WithFile("/repo/docker-compose.yml", """
                services:
                  web:
                    build: src/Web
                    environment:
                      Storage__Root: /data
                  worker:
                    build: src/Worker
                    environment:
                      Storage__Root: /data
                """)
            .RunAsync();

    [Fact]
    public Task A_library_no_deployable_project_references_is_not_checked() =>
        new Test(Source.Replace("{|#0:\"Storage:Root\"|}", "\"Storage:Root\""), outputType: "Library")
            .WithFile("/repo/src/Api/Api.csproj", Library)
            .WithFile("/repo/tests/Api.Tests/Api.Tests.csproj", Tests)
            .WithFile("/repo/tests/Api.Tests/appsettings.json", """{ "Other": 1 }""")
            .WithFile("/repo/src/AppHost/AppHost.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />
                  <PropertyGroup><OutputType>Exe</OutputType><IsAspireHost>true</IsAspireHost></PropertyGroup>
                  <ItemGroup><ProjectReference Include="../Api/Api.csproj" /></ItemGroup>
                </Project>
                """)
            .WithFile("/repo/src/AppHost/appsettings.json", """{ "Other": 1 }""")
            .RunAsync();

    [Fact]
    public Task A_host_with_no_declaration_source_makes_the_key_unknown() =>
        Repository(Source.Replace("{|#0:\"Storage:Root\"|}", "\"Storage:Root\""))
            .WithFile("/repo/src/Cli/Cli.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
                  <ItemGroup><ProjectReference Include="..\Api\Api.csproj" /></ItemGroup>
                </Project>
                """)
            .RunAsync();

    [Fact]
    public Task Environment_variables_read_in_a_library_are_checked_against_the_hosts() =>
        new EnvTest("""
            using System;
            public static class Keys
            {
                public static string? A() => Environment.GetEnvironmentVariable({|#0:"SIGNING_KEY"|});
                public static string? B() => Environment.GetEnvironmentVariable("STORAGE_DIR");
            }
            """, outputType: "Library")
            .WithFile("/repo/src/Api/Api.csproj", Library)
            .WithFile("/repo/src/Web/Web.csproj", Web)
            .WithFile("/repo/docker-compose.yml", "services:\n  web:\n    build: src/Web\n    environment:\n      STORAGE_DIR: /data\n")
            .Expect(EnvTest.Diagnostic("PF1002").WithLocation(0).WithArguments("SIGNING_KEY", "host src/Web/Web.csproj (docker-compose.yml (service web))"))
            .RunAsync();

    [Fact]
    public Task Test_projects_are_not_deployed_and_not_checked()
    {
        var test = new Test("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["Storage:Root"]; }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.test.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.WithFile("appsettings.json", """{ "Other": 1 }""").RunAsync();
    }
}
