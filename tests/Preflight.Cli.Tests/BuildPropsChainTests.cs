using System.IO;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Cli.Projects;
using Preflight.Tests;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>
/// Issue 14 (5): MSBuild imports only the nearest Directory.Build.props (which may import its parent); the CLI applied
/// every one from the root down, so a parent's TreatWarningsAsErrors turned warnings into errors in the CLI only.
/// </summary>
public class BuildPropsChainTests
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>";

    private const string Parent = "<Project><PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors><NoWarn>CS1591</NoWarn></PropertyGroup></Project>";

    private static ProjectInfo Load(TempRepository repo) => ProjectInfo.Load(repo.Path("src/App/App.csproj"), repo.Root)!;

    [Fact]
    public void The_parent_props_is_not_applied_when_the_nearest_one_does_not_import_it()
    {
        using var repo = new TempRepository()
            .Write("Directory.Build.props", Parent)
            .Write("src/Directory.Build.props", "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>")
            .Write("src/App/App.csproj", Project);

        var project = Load(repo);

        Assert.Null(project.Property("TreatWarningsAsErrors"));
        Assert.True(project.NullableEnabled);
    }

    [Theory]
    [InlineData("<Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" />")]
    [InlineData("<Import Project=\"$([MSBuild]::GetPathOfFileAbove(Directory.Build.props, $(MSBuildThisFileDirectory)..))\" />")]
    [InlineData("<Import Project=\"../Directory.Build.props\" Condition=\"Exists('../Directory.Build.props')\" />")]
    [InlineData("<Import Project=\"$(MSBuildThisFileDirectory)..\\Directory.Build.props\" />")]
    [InlineData("<Import Project=\"$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory).., Directory.Build.props))/Directory.Build.props\" />")]
    public void The_parent_props_applies_when_the_nearest_one_imports_it(string import)
    {
        using var repo = new TempRepository()
            .Write("Directory.Build.props", Parent)
            .Write("src/Directory.Build.props", "<Project>" + import + "<PropertyGroup><NoWarn>$(NoWarn);PF6004</NoWarn></PropertyGroup></Project>")
            .Write("src/App/App.csproj", Project);

        var project = Load(repo);

        Assert.Equal("true", project.Property("TreatWarningsAsErrors"));
        Assert.Equal("CS1591;PF6004", project.Property("NoWarn"));
    }

    [Fact]
    public void An_import_under_another_condition_and_an_import_cycle_are_not_followed()
    {
        using var repo = new TempRepository()
            .Write("Directory.Build.props", "<Project><Import Project=\"src/Directory.Build.props\" /><PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup></Project>")
            .Write("src/Directory.Build.props", "<Project><Import Project=\"../Directory.Build.props\" Condition=\"'$(CI)' == 'true'\" /><Import Project=\"App/../Directory.Build.props\" /></Project>")
            .Write("src/App/App.csproj", Project);

        var project = Load(repo);

        Assert.Null(project.Property("TreatWarningsAsErrors"));
    }

    [Fact]
    public void Readme_example_python_service_is_its_own_repository_and_keeps_warnings_as_warnings()
    {
        // samples/Directory.Build.props sets PreflightRepositoryRoot to the nearest preflight.yaml and does not import the
        // repository's Directory.Build.props (TreatWarningsAsErrors): the CLI checks the sample alone, PF6004 stays a warning.
        var run = CliRun.Of("check", Path.Combine(TestPaths.Samples, "python-service"));

        var lines = run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("models.py(1,1): warning PF6004", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("main.py(3,6): error PF6005", System.StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("python-service", l));
        Assert.Equal(1, run.ExitCode);
    }
}
