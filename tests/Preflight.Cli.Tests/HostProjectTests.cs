using System.IO;
using System.Runtime.InteropServices;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>
/// Worker SDK projects, console hosts on Microsoft.Extensions.Hosting and projects with a FrameworkReference to
/// Microsoft.AspNetCore.App resolve IConfiguration in `preflight check` (from the ASP.NET Core targeting pack), so their
/// reads are checked as in the build.
/// </summary>
public class HostProjectTests
{
    private const string Program = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        var builder = Host.CreateApplicationBuilder(args);
        var queue = builder.Configuration["Queue:Name"];
        var region = builder.Configuration["Queue:Region"];
        builder.Services.AddSingleton<object>(queue!);
        builder.Build().Run();
        """;

    private static TempRepository Repository(string sdk, string items, string outputType = "") => new TempRepository()
        .Write("src/Jobs/Jobs.csproj", $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                {outputType}
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """)
        .Write("src/Jobs/appsettings.json", """{ "Queue": { "Name": "jobs" } }""")
        .Write("src/Jobs/Program.cs", Program);

    private static void SkipWithoutAspNetCorePack()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/packs/Microsoft.AspNetCore.App.Ref
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } fromEnvironment && Directory.Exists(Path.Combine(fromEnvironment, "packs"))
            ? fromEnvironment
            : runtime.Parent?.Parent?.Parent?.FullName;
        Skip.IfNot(root != null && Directory.Exists(Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref")), "the ASP.NET Core targeting pack is not installed");
    }

    [SkippableTheory]
    [InlineData("Microsoft.NET.Sdk.Worker", "", "")]
    [InlineData("Microsoft.NET.Sdk", """<PackageReference Include="Microsoft.Extensions.Hosting" Version="8.0.0" />""", "<OutputType>Exe</OutputType>")]
    [InlineData("Microsoft.NET.Sdk", """<FrameworkReference Include="Microsoft.AspNetCore.App" />""", "<OutputType>Exe</OutputType>")]
    public void Host_projects_reads_are_checked(string sdk, string items, string outputType)
    {
        SkipWithoutAspNetCorePack();
        using var repo = Repository(sdk, items, outputType);

        var run = CliRun.Of("check", repo.Root);

        Assert.Contains(repo.Path("src/Jobs/Program.cs") + "(6,36): error PF1001: Configuration key 'Queue:Region'", run.Output);
        Assert.Contains("appsettings.json", run.Output);
        Assert.DoesNotContain("'Queue:Name'", run.Output);
        Assert.DoesNotContain("internal error", run.Errors);
    }

    [SkippableFact]
    public void A_console_app_with_hosting_through_a_project_reference_is_checked()
    {
        SkipWithoutAspNetCorePack();
        using var repo = Repository("Microsoft.NET.Sdk", """<ProjectReference Include="../Shared/Shared.csproj" />""", "<OutputType>Exe</OutputType>")
            .Write("src/Shared/Shared.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Include="Microsoft.Extensions.Hosting.Abstractions" Version="8.0.0" /></ItemGroup>
                </Project>
                """);

        var run = CliRun.Of("check", repo.Root);

        Assert.Contains("error PF1001: Configuration key 'Queue:Region'", run.Output);
    }

    [Fact]
    public void A_console_app_without_the_hosting_packages_does_not_resolve_configuration_and_stays_silent()
    {
        using var repo = Repository("Microsoft.NET.Sdk", """<PackageReference Include="Serilog" Version="3.0.0" />""", "<OutputType>Exe</OutputType>");

        var run = CliRun.Of("check", repo.Root);

        Assert.DoesNotContain("PF1001", run.Output);
    }
}
