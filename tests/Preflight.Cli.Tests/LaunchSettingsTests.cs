using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>
/// `preflight check` passes a project's Properties/launchSettings.json to the analyzers as the build does: the variables
/// of its launch profiles declare configuration keys (local runs).
/// </summary>
public class LaunchSettingsTests
{
    [Fact]
    public void Keys_a_launch_profile_sets_are_declared()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """)
            .Write("src/Api/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""")
            .Write("src/Api/Properties/launchSettings.json", """
                { "profiles": { "http": { "commandName": "Project", "environmentVariables": { "Payments__Endpoint": "http://localhost:5100" } } } }
                """)
            .Write("src/Api/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                var endpoint = builder.Configuration["Payments:Endpoint"];
                var key = builder.Configuration["Payments:Key"];
                Console.WriteLine(endpoint!.Length + key!.Length);
                """);

        var run = CliRun.Of("check", repo.Root);

        Assert.Contains("error PF1001: Configuration key 'Payments:Key' is read here but declared in none of: appsettings.json, Properties/launchSettings.json", run.Output);
        Assert.DoesNotContain("'Payments:Endpoint'", run.Output);
        Assert.DoesNotContain("internal error", run.Errors);
    }
}
