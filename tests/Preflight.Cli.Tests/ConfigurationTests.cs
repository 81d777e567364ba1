using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>`preflight check` reads the configuration the build reads: the project's reporting properties and the family switches.</summary>
public class ConfigurationTests
{
    private static TempRepository Repository(string properties) => new TempRepository()
        .Write("preflight.yaml", "")
        .Write("src/Api/Api.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                {properties}
              </PropertyGroup>
            </Project>
            """)
        .Write("src/Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n")
        // PF2005 (an error): the runtime image is older than the target framework; PF6004 (a warning): an empty C# file.
        .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nWORKDIR /app\nCOPY . .\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n")
        .Write("src/Api/Data/Empty.cs", "")
        // What names the Dockerfile's build context (without it the context is unknown and the Dockerfile checks stay silent).
        .Write("build.sh", "docker build -t api src/Api\n");

    [Fact]
    public void TreatWarningsAsErrors_in_the_project_makes_a_file_findings_warning_an_error()
    {
        using var plain = Repository("");
        using var strict = Repository("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        var warning = CliRun.Of("check", plain.Root);
        var error = CliRun.Of("check", strict.Root);

        Assert.Contains("Empty.cs(1,1): warning PF6004:", warning.Output);
        Assert.Contains("Empty.cs(1,1): error PF6004:", error.Output);
    }

    [Fact]
    public void NoWarn_and_a_family_switched_off_silence_their_rules()
    {
        using var repo = Repository("<NoWarn>$(NoWarn);PF6004</NoWarn><PreflightDockerfileEnabled>false</PreflightDockerfileEnabled>");
        using var control = Repository("");

        var run = CliRun.Of("check", repo.Root);
        var all = CliRun.Of("check", control.Root);

        Assert.Contains("PF2005", all.Output);
        Assert.Contains("PF2003", all.Output);
        Assert.Contains("PF6004", all.Output);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void An_editorconfig_section_for_the_Dockerfile_sets_the_severity_of_its_findings()
    {
        using var repo = Repository("").Write(".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.PF2005.severity = warning\n[*.cs]\ndotnet_diagnostic.PF2003.severity = none\n");

        var run = CliRun.Of("check", repo.Root);

        Assert.Contains("Dockerfile(1,6): warning PF2005:", run.Output);
        Assert.Contains("Dockerfile(4,23): error PF2003:", run.Output); // a [*.cs] section does not reach a Dockerfile
    }
}
