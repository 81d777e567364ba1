using System.Linq;
using Preflight.Artifacts.Aspire;
using Xunit;

namespace Preflight.Artifacts.Tests.Aspire;

public class AppHostProjectFileTests
{
    [Theory]
    [InlineData("<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><Sdk Name=\"Aspire.AppHost.Sdk\" Version=\"9.0.0\" /></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsAspireHost>true</IsAspireHost></PropertyGroup></Project>")]
    public void An_AppHost_is_told_by_its_SDK_or_IsAspireHost(string text) =>
        Assert.NotNull(AppHostProjectFile.Parse("/repo/AppHost/AppHost.csproj", text));

    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsAspireHost>false</IsAspireHost></PropertyGroup></Project>")]
    [InlineData("<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"><ItemGroup><PackageReference Include=\"xunit.v3.mtp-v2\" /></ItemGroup></Project>")]
    [InlineData("<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>")]
    [InlineData("<Project Sdk=\"Aspire.AppHost.Sdk/13.6.4\"><unclosed></Project>")]
    public void Other_projects_test_fixtures_and_malformed_files_are_no_AppHost(string text) =>
        Assert.Null(AppHostProjectFile.Parse("/repo/AppHost/AppHost.csproj", text));

    [Fact]
    public void References_are_resolved_from_the_AppHost_folder_with_the_Projects_class_name_Aspire_generates()
    {
        var host = AppHostProjectFile.Parse("/repo/src/AppHost/AppHost.csproj", """
            <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
              <ItemGroup>
                <ProjectReference Include="..\Catalog.API\Catalog.API.csproj" />
                <ProjectReference Include="../web-app/web-app.csproj" />
                <ProjectReference Include="../Named/Named.csproj" AspireProjectMetadataTypeName="Frontend" />
              </ItemGroup>
            </Project>
            """)!;
        Assert.Equal(
            new[] { "/repo/src/Catalog.API/Catalog.API.csproj=Catalog_API", "/repo/src/web-app/web-app.csproj=web_app", "/repo/src/Named/Named.csproj=Frontend" },
            host.References.Select(r => r.Path + "=" + r.TypeName));
    }
}
