using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>`preflight check` gives a class library the repository's project and settings files, as the build does, so its reads are checked against its hosts.</summary>
public class LibraryReadTests
{
    [Fact]
    public void A_librarys_read_that_no_host_declares_is_reported_at_the_read()
    {
        using var repo = new TempRepository()
            .Write("src/Storage/Storage.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>
                </Project>
                """)
            .Write("src/Storage/StorageSettings.cs", """
                using Microsoft.Extensions.Configuration;
                public static class StorageSettings
                {
                    public static string? Root(IConfiguration c) => c["Storage:Root"];
                    public static string? Bucket(IConfiguration c) => c["Storage:Bucket"];
                }
                """)
            .Write("src/Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup><ProjectReference Include="../Storage/Storage.csproj" /></ItemGroup>
                </Project>
                """)
            .Write("src/Api/appsettings.json", """{ "Storage": { "Bucket": "b" } }""")
            .Write("src/Api/Program.cs", "Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();\n");

        var run = CliRun.Of("check", repo.Root);

        Assert.Contains(repo.Path("src/Storage/StorageSettings.cs") +
            "(4,55): error PF1001: Configuration key 'Storage:Root' is read here but declared in none of: host src/Api/Api.csproj (appsettings.json)", run.Output);
        Assert.DoesNotContain("Storage:Bucket", run.Output);
        Assert.DoesNotContain("internal error", run.Errors);
    }
}
