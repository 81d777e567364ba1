using System.Collections.Generic;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2004RestoreOrderTests
{
    private const string ApiProject =
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" />" +
        "<ProjectReference Include=\"..\\Core\\Core.csproj\" /></ItemGroup></Project>";

    private const string CoreProject = "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../Shared/Shared.csproj\" /></ItemGroup></Project>";

    /// <summary>A Directory.Build.props that changes the restore (central package management).</summary>
    private const string RestoreProps =
        "<Project><PropertyGroup><Nullable>enable</Nullable><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>";

    private static TempRepository Repository(string dockerfile) => new TempRepository()
        .Write("Directory.Build.props", RestoreProps)
        .Write("src/Api/Api.csproj", ApiProject)
        .Write("src/Core/Core.csproj", CoreProject)
        .Write("src/Shared/Shared.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")
        .Write("Dockerfile", dockerfile);

    private static List<Finding> Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        RestoreOrderCheck.Run(context);
        return context.Findings;
    }

    [Fact]
    public void Restore_before_transitive_references_and_Directory_Build_props_is_reported_at_the_RUN()
    {
        using var repo = Repository(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nCOPY src/Core/Core.csproj src/Core/\n" +
            "RUN dotnet restore src/Api/Api.csproj\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -o /app --no-restore\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal("PF2004", finding.RuleId);
        Assert.Equal((5, 1), (finding.Line, finding.Column));
        Assert.Equal(
            "'dotnet restore' of 'src/Api/Api.csproj' runs before these files it needs are copied into the image: " +
            "src/Shared/Shared.csproj (ProjectReference) (expected at /src/src/Shared/Shared.csproj), Directory.Build.props (expected at /src/Directory.Build.props)",
            finding.Message);
    }

    [Fact]
    public void A_config_file_the_Dockerfile_puts_in_a_folder_above_the_project_is_found_walking_up()
    {
        // The root's files go to /src/ while src/ is flattened into /src/: NuGet and MSBuild find them walking up.
        using var repo = Repository(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY ./NuGet.config ./\nCOPY ./Directory.Build.props ./\n" +
            "COPY src/Api/Api.csproj Api/\nCOPY src/Core/Core.csproj Core/\nCOPY src/Shared/Shared.csproj Shared/\n" +
            "RUN dotnet restore Api/Api.csproj\nCOPY src/ .\n")
            .Write("NuGet.config", PrivateFeedConfig);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_NuGet_config_that_only_names_nuget_org_does_not_change_the_restore()
    {
        using var repo = Repository(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY Directory.Build.props ./\nCOPY src/Api/Api.csproj src/Api/\n" +
            "COPY src/Core/Core.csproj src/Core/\nCOPY src/Shared/Shared.csproj src/Shared/\nRUN dotnet restore src/Api/Api.csproj\nCOPY . .\n")
            .Write("NuGet.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <fallbackPackageFolders><clear /></fallbackPackageFolders>\n" +
                "  <packageSources>\n    <clear />\n    <!-- nuget.org only -->\n" +
                "    <add key=\"nuget\" value=\"https://api.nuget.org/v3/index.json\" />\n  </packageSources>\n  <disabledPackageSources><clear /></disabledPackageSources>\n</configuration>\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_NuGet_config_with_a_feed_of_its_own_copied_after_the_restore_is_reported()
    {
        using var repo = Repository(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY Directory.Build.props ./\nCOPY src/Api/Api.csproj src/Api/\n" +
            "COPY src/Core/Core.csproj src/Core/\nCOPY src/Shared/Shared.csproj src/Shared/\nRUN dotnet restore src/Api/Api.csproj\nCOPY . .\n")
            .Write("NuGet.config", PrivateFeedConfig);

        var finding = Assert.Single(Run(repo));

        Assert.Equal(("PF2004", 7), (finding.RuleId, finding.Line));
        Assert.Contains("NuGet.config (expected at /src/NuGet.config)", finding.Message);
    }

    private const string PrivateFeedConfig =
        "<configuration><packageSources><add key=\"company\" value=\"https://pkgs.example.com/nuget/v3/index.json\" /></packageSources></configuration>";

    [Fact]
    public void Restore_of_the_working_directory_project_is_checked()
    {
        using var repo = Repository(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src/src/Api\nCOPY src/Api/*.csproj ./\nRUN dotnet restore\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal(4, finding.Line);
        Assert.Contains("src/Core/Core.csproj (ProjectReference) (expected at /src/src/Core/Core.csproj)", finding.Message);
        Assert.Contains("Directory.Build.props (expected at /src/Directory.Build.props)", finding.Message);
    }

    [Fact]
    public void NuGet_config_and_global_json_with_msbuild_sdks_are_needed()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Directory.Build.props ./\nCOPY src/ src/\nRUN dotnet restore src/Api/Api.csproj\n")
            .Write("NuGet.config", PrivateFeedConfig)
            .Write("global.json", "{ \"msbuild-sdks\": { \"Microsoft.Build.Traversal\": \"4.1.0\" } }");

        var finding = Assert.Single(Run(repo));

        Assert.Contains("NuGet.config (expected at /src/NuGet.config), global.json (expected at /src/global.json)", finding.Message);
        Assert.DoesNotContain("ProjectReference", finding.Message);
    }

    [Fact]
    public void NuGet_config_is_not_needed_when_the_restore_names_its_config_file()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Directory.Build.props ./\nCOPY src/ src/\nCOPY ci/nuget.ci.config ci/\nRUN dotnet restore src/Api/Api.csproj --configfile ci/nuget.ci.config\n")
            .Write("NuGet.config", "<configuration />")
            .Write("ci/nuget.ci.config", "<configuration />");

        Assert.Empty(Run(repo));
    }

    [Theory]
    [InlineData("COPY . .\nRUN dotnet restore src/Api/Api.csproj")]
    [InlineData("COPY src/Api/Api.csproj src/Api/\nRUN --mount=type=bind,source=.,target=/src,rw dotnet restore src/Api/Api.csproj")]
    [InlineData("COPY src/Api/Api.csproj src/Api/\nRUN --mount=source=src,target=/src/src dotnet restore src/Api/Api.csproj")]
    [InlineData("COPY Directory.Build.props ./\nCOPY src/ src/\nRUN dotnet restore src/Api/Api.csproj")]
    [InlineData("COPY [\"Directory.Build.props\", \"./\"]\nCOPY [\"src/Api/Api.csproj\", \"src/Api/\"]\nCOPY [\"src/Core/Core.csproj\", \"src/Core/\"]\nCOPY [\"src/Shared/Shared.csproj\", \"src/Shared/\"]\nRUN dotnet restore \"src/Api/Api.csproj\"")]
    [InlineData("COPY . .\nWORKDIR /src/src/Api\nRUN dotnet restore")]
    [InlineData("COPY Api.sln ./\nRUN dotnet restore Api.sln")]
    [InlineData("COPY src/Api/Api.csproj src/Api/\nRUN dotnet restore $PROJECT")]
    [InlineData("COPY --from=mcr.microsoft.com/dotnet/sdk:8.0 /src /src\nRUN dotnet restore src/Api/Api.csproj")]
    public void Restores_after_their_files_or_with_layouts_that_cannot_be_known_are_not_reported(string instructions)
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\n" + instructions + "\n")
            .Write("global.json", "{ \"sdk\": { \"version\": \"8.0.100\" } }")
            .Write("Api.sln");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Flattened_layout_reports_references_where_the_relative_path_leads()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY src/Api/Api.csproj ./\nRUN dotnet restore Api.csproj\n");

        // ..\Core\Core.csproj from /src/Api.csproj is /Core/Core.csproj; Directory.Build.props has no mirrored place.
        var finding = Assert.Single(Run(repo));
        Assert.Contains("src/Core/Core.csproj (ProjectReference) (expected at /Core/Core.csproj)", finding.Message);
        Assert.DoesNotContain("Directory.Build.props", finding.Message);
    }

    [Fact]
    public void Files_outside_the_build_context_are_not_reported()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Api.csproj ./\nRUN dotnet restore Api.csproj\n")
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Api.csproj ./\nRUN dotnet restore Api.csproj\n");
        System.IO.File.Delete(repo.Path("Dockerfile"));

        // The context is src/Api: Core, Shared and Directory.Build.props cannot be copied from it (PF2001 territory).
        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Only_the_nearest_Directory_Build_props_is_needed_unless_it_imports_its_parent()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY src/ src/\nRUN dotnet restore src/Api/Api.csproj\n")
            .Write("src/Directory.Build.props", "<Project><Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" /></Project>");

        Assert.Contains("Directory.Build.props (expected at /src/Directory.Build.props)", Assert.Single(Run(repo)).Message);

        repo.Write("src/Directory.Build.props", "<Project />");
        Assert.Empty(Run(repo));
    }

    private const string CacheLayerDockerfile =
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nCOPY src/Core/Core.csproj src/Core/\n" +
        "COPY src/Shared/Shared.csproj src/Shared/\nRUN dotnet restore src/Api/Api.csproj\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -o /app --no-restore\n";

    [Theory]
    [InlineData("<Project><PropertyGroup><Nullable>enable</Nullable><LangVersion>latest</LangVersion><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>")]
    [InlineData("<Project>\n  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <AnalysisLevel>latest-recommended</AnalysisLevel>\n    <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>\n  </PropertyGroup>\n</Project>")]
    [InlineData("<Project><PropertyGroup><NuGetAudit>true</NuGetAudit><NuGetAuditMode>all</NuGetAuditMode><NuGetAuditLevel>moderate</NuGetAuditLevel></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><Version>2.1.0</Version><Authors>Team</Authors><Copyright>(c) Team</Copyright><Company>Team</Company><PackageProjectUrl>https://example.com</PackageProjectUrl></PropertyGroup></Project>")]
    [InlineData("<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\"><PropertyGroup><Nullable>enable</Nullable></PropertyGroup><ItemGroup><None Include=\"../README.md\" Pack=\"true\" /><Using Include=\"System.Text\" /></ItemGroup></Project>")]
    [InlineData("<Project><Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" /><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>")]
    [InlineData("<Project><Import Project=\"$(CommonProps)\" /></Project>")]
    [InlineData("<Project><PropertyGroup Condition=\"'$(CI)' == 'true'\"><RestoreLockedMode>true</RestoreLockedMode></PropertyGroup></Project>")]
    [InlineData("<Project><Target Name=\"Stamp\" AfterTargets=\"Build\"><Message Text=\"built\" /></Target></Project>")]
    [InlineData("<Project><PropertyGroup><Nullable>enable</Nullable>")]
    public void Directory_Build_props_that_does_not_affect_restore_may_come_after_it(string props)
    {
        // The usual layer-caching Dockerfile: project files, restore, then everything.
        using var repo = Repository(CacheLayerDockerfile).Write("Directory.Build.props", props);

        Assert.Empty(Run(repo));
    }

    [Theory]
    [InlineData("<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><TargetFrameworks>net8.0;net9.0</TargetFrameworks></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><RuntimeIdentifier>linux-x64</RuntimeIdentifier></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><RestoreSources>https://nuget.example.com/v3/index.json</RestoreSources></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><RestorePackagesPath>/packages</RestorePackagesPath></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><NuGetLockFilePath>deps.lock.json</NuGetLockFilePath></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><PublishAot>true</PublishAot></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><BaseIntermediateOutputPath>$(MSBuildThisFileDirectory)artifacts/obj/</BaseIntermediateOutputPath></PropertyGroup></Project>")]
    [InlineData("<Project><ItemGroup><PackageReference Include=\"StyleCop.Analyzers\" Version=\"1.1.118\" PrivateAssets=\"all\" /></ItemGroup></Project>")]
    [InlineData("<Project><ItemGroup Condition=\"'$(IsTestProject)' != 'true'\"><PackageReference Include=\"Serilog\" /></ItemGroup></Project>")]
    [InlineData("<Project><ItemGroup><GlobalPackageReference Include=\"Nerdbank.GitVersioning\" Version=\"3.6.133\" /></ItemGroup></Project>")]
    [InlineData("<Project><Import Project=\"Sdk.props\" Sdk=\"Microsoft.NET.Sdk\" /></Project>")]
    [InlineData("<Project><Target Name=\"Prepare\" BeforeTargets=\"Restore\" /></Project>")]
    [InlineData("<Project><PropertyGroup><TargetFramework>net8.0")]
    public void Directory_Build_props_that_affects_restore_is_needed_before_it(string props)
    {
        using var repo = Repository(CacheLayerDockerfile).Write("Directory.Build.props", props);

        var finding = Assert.Single(Run(repo));

        Assert.Equal(("PF2004", 6, 1), (finding.RuleId, finding.Line, finding.Column));
        Assert.Equal(
            "'dotnet restore' of 'src/Api/Api.csproj' runs before these files it needs are copied into the image: Directory.Build.props (expected at /src/Directory.Build.props)",
            finding.Message);
    }

    [Fact]
    public void Directory_Build_props_that_imports_a_repository_file_with_package_references_is_needed()
    {
        using var repo = Repository(CacheLayerDockerfile)
            .Write("Directory.Build.props", "<Project><Import Project=\"$(MSBuildThisFileDirectory)build/Packages.props\" /><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>")
            .Write("build/Packages.props", "<Project><ItemGroup><PackageReference Include=\"Microsoft.SourceLink.GitHub\" Version=\"8.0.0\" PrivateAssets=\"all\" /></ItemGroup></Project>");

        Assert.Contains("Directory.Build.props (expected at /src/Directory.Build.props)", Assert.Single(Run(repo)).Message);

        repo.Write("build/Packages.props", "<Project><PropertyGroup><Deterministic>true</Deterministic></PropertyGroup></Project>");
        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Nearer_harmless_props_is_not_needed_but_the_parent_it_imports_is()
    {
        using var repo = Repository(CacheLayerDockerfile)
            .Write("src/Directory.Build.props",
                "<Project><Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" /><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");

        var finding = Assert.Single(Run(repo));

        Assert.EndsWith("these files it needs are copied into the image: Directory.Build.props (expected at /src/Directory.Build.props)", finding.Message);
        Assert.DoesNotContain("/src/src/Directory.Build.props", finding.Message);
    }

    [Fact]
    public void Directory_Packages_props_is_needed_whatever_it_holds()
    {
        using var repo = Repository(CacheLayerDockerfile)
            .Write("Directory.Build.props", "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>")
            .Write("Directory.Packages.props", "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");

        Assert.EndsWith("copied into the image: Directory.Packages.props (expected at /src/Directory.Packages.props)", Assert.Single(Run(repo)).Message);
    }

    [Fact]
    public void Watches_the_files_a_restore_may_need_even_when_they_do_not_exist_yet()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore src/Api/Api.csproj\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        RestoreOrderCheck.Run(context);

        Assert.Contains(repo.Path("NuGet.config"), context.Watched);
        Assert.Contains(repo.Path("src/Api/global.json"), context.Watched);
        Assert.Contains(repo.Path("src/Core/Core.csproj"), context.Watched);
    }
}
