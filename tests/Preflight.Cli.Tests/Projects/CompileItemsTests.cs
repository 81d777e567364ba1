using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Cli.Discovery;
using Preflight.Cli.Projects;
using Xunit;

namespace Preflight.Cli.Tests.Projects;

/// <summary>
/// The CLI's compilations take a project's C# files as MSBuild does: its folder without <c>Compile Remove</c> globs,
/// plus <c>Compile Include</c> files from elsewhere (matched with <see cref="Preflight.Artifacts.Repository.RepositoryGlob"/>,
/// the artifact patterns' glob, since the CLI's own converter was merged into it: issue 16).
/// </summary>
public class CompileItemsTests
{
    [Fact]
    public void Remove_of_a_folder_and_include_of_a_shared_file_decide_the_sources()
    {
        using var repo = new TempRepository()
            .Write("src/App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <Compile Remove="wwwroot\**" />
                    <Compile Remove="./Old/*.cs" />
                    <Compile Include="..\Shared\Activity.cs" />
                  </ItemGroup>
                </Project>
                """)
            .Write("src/App/Program.cs", "class P {}")
            .Write("src/App/wwwroot/lib/Bundle.cs", "class B {}")
            .Write("src/App/Old/Legacy.cs", "class L {}")
            .Write("src/App/Old/Keep/Nested.cs", "class N {}")
            .Write("src/Shared/Activity.cs", "class A {}")
            .Write("src/Shared/Other.cs", "class O {}");
        var scan = RepositoryScan.Run(repo.Root);
        var project = ProjectInfo.Load(repo.Path("src/App/App.csproj"), repo.Root)!;

        var sources = ProjectCompilation.SourceFiles(project, scan.CSharpFiles, scan.Projects);

        Assert.Equal(
            new[] { repo.Root + "/src/App/Old/Keep/Nested.cs", repo.Root + "/src/App/Program.cs", repo.Root + "/src/Shared/Activity.cs" },
            sources.OrderBy(s => s, System.StringComparer.Ordinal));
    }
}
