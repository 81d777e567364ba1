using Preflight.Artifacts.Aspire;
using Preflight.Artifacts.Repository;
using Xunit;

namespace Preflight.Artifacts.Tests.Repository;

/// <summary>One test-project and AppHost detector for the analyzers, the task and the CLI.</summary>
public class ProjectRolesTests
{
    [Theory]
    [InlineData("Microsoft.NET.Sdk", null, "Microsoft.NET.Test.Sdk", true)]
    [InlineData("Microsoft.NET.Sdk", null, "xunit.v3", true)]
    [InlineData("Microsoft.NET.Sdk", null, "NUnit", true)]
    [InlineData("Microsoft.NET.Sdk", null, "TUnit", true)]
    [InlineData("Microsoft.NET.Sdk", null, "Aspire.Hosting.Testing", true)]
    [InlineData("Microsoft.NET.Sdk", null, "Microsoft.AspNetCore.Mvc.Testing", true)]
    [InlineData("Microsoft.NET.Sdk", null, "BenchmarkDotNet", true)]
    [InlineData("MSTest.Sdk/3.6.0", null, "Serilog", true)]
    [InlineData("Microsoft.NET.Sdk.Web", "true", "Serilog", true)]
    [InlineData("Microsoft.NET.Sdk.Web", "false", "Serilog", false)]
    [InlineData("Microsoft.NET.Sdk.Web", null, "Microsoft.Extensions.Hosting", false)]
    public void Test_and_benchmark_projects_are_told_by_property_sdk_or_package(string sdk, string? isTestProject, string package, bool expected)
    {
        Assert.Equal(expected, ProjectRoles.IsTestProject(sdk, isTestProject, new[] { package }));
    }

    [Theory]
    [InlineData("Aspire.AppHost.Sdk/9.2.0", true)]
    [InlineData("Microsoft.NET.Sdk;Aspire.AppHost.Sdk/9.2.0", true)]
    [InlineData("Microsoft.NET.Sdk", false)]
    [InlineData(null, false)]
    public void AppHost_sdk_is_named_alone_or_among_several(string? sdk, bool expected)
    {
        Assert.Equal(expected, ProjectRoles.IsAppHostSdk(sdk));
    }

    [Fact]
    public void An_AppHost_in_a_test_project_is_a_test_fixture_whichever_test_package_makes_it_one()
    {
        const string host = "<Project Sdk=\"Aspire.AppHost.Sdk/9.2.0\"><ItemGroup><ProjectReference Include=\"../Api/Api.csproj\" /></ItemGroup></Project>";
        const string fixture = "<Project Sdk=\"Aspire.AppHost.Sdk/9.2.0\"><ItemGroup><PackageReference Include=\"Aspire.Hosting.Testing\" /><ProjectReference Include=\"../Api/Api.csproj\" /></ItemGroup></Project>";

        Assert.NotNull(AppHostProjectFile.Parse("/repo/src/AppHost/AppHost.csproj", host));
        Assert.Null(AppHostProjectFile.Parse("/repo/tests/AppHost/AppHost.csproj", fixture));
        Assert.Null(AppHostProjectFile.Parse("/repo/tests/AppHost/AppHost.csproj", host.Replace("<ItemGroup>", "<PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup><ItemGroup>")));
    }
}
