using System;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Checks.Repository;
using Preflight.Cli.Discovery;
using Xunit;

namespace Preflight.Cli.Tests.Discovery;

/// <summary>
/// The CLI's scan and the build's discovery task (PreflightDiscover) find the same files: both walk with
/// <see cref="RepositoryWalk"/> and the one list of <see cref="Preflight.Artifacts.Repository.ArtifactPatterns"/> (issue 16:
/// the CLI kept its own copy of the patterns, and on a Tye repository the build took a generated <c>dockerfile.yaml</c>
/// that the CLI left out). On a tree of every kind of file, the CLI's lists equal the walk's, file for file.
/// </summary>
public class RepositoryScanWalkTests
{
    private static readonly string[] Files =
    {
        "Dockerfile", "src/Api/Dockerfile.prod", "src/Api/api.Dockerfile", ".dockerignore", "compose.yaml", "ops/docker-compose-tests.yml",
        ".env", "ops/api.env", "preflight.yaml", "tye.yml", ".github/workflows/ci.yml", "k8s/api.yaml", "ops/kustomization.yaml",
        "src/Api/Api.csproj", "src/Lib/Lib.CSPROJ", "src/Api/appsettings.json", "src/Api/Properties/launchSettings.json",
        "Directory.Build.props", "src/Directory.Build.targets", ".gitignore", "azure-pipelines.yml", "build.sh", "Makefile",
        "certs/server.pem", "id_rsa", "id_rsa.pub", "test/generate/dockerfile.yaml",
        "tools/ingest/main.py", "web/src/app.ts", "web/src/types.d.ts", "web/dist/bundle.js",
        "src/Api/Program.cs", "src/Lib/Lib.cs", ".editorconfig", "src/.globalconfig", "README.md", "notes.yaml",
        "src/Api/bin/Debug/appsettings.json", "src/Api/obj/Gen.cs", "src/Api/Bin/Dockerfile", "web/node_modules/pkg/index.js",
    };

    private static TempRepository Fixture()
    {
        var repo = new TempRepository();
        foreach (var path in Files)
        {
            repo.Write(path, "x");
        }
        return repo;
    }

    [Fact]
    public void The_scan_lists_the_files_the_build_discovery_lists()
    {
        using var repo = Fixture();

        var scan = RepositoryScan.Run(repo.Root);
        var walk = RepositoryWalk.Run(repo.Root);

        Assert.Equal(walk.Artifacts, scan.Artifacts);
        Assert.Equal(walk.AnalyzerFiles, scan.AnalyzerArtifacts());
        Assert.Equal(walk.SourceFiles, scan.SourceFiles);
        Assert.Contains(repo.Root + "/test/generate/dockerfile.yaml", scan.Artifacts);
        Assert.Contains(repo.Root + "/certs/server.pem", scan.Artifacts);
        Assert.DoesNotContain(repo.Root + "/certs/server.pem", scan.AnalyzerArtifacts());
        Assert.DoesNotContain(scan.Artifacts, p => p.Contains("/bin/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_scan_also_lists_the_csharp_and_analyzer_configuration_files_from_the_same_walk()
    {
        using var repo = Fixture();

        var scan = RepositoryScan.Run(repo.Root);

        Assert.Equal(new[] { repo.Root + "/src/Api/Program.cs", repo.Root + "/src/Lib/Lib.cs" }, scan.CSharpFiles);
        Assert.Equal(new[] { repo.Root + "/.editorconfig" }, scan.EditorConfigs);
        Assert.Equal(new[] { repo.Root + "/src/.globalconfig" }, scan.GlobalConfigs);
        Assert.Equal(new[] { repo.Root + "/src/Api/Api.csproj", repo.Root + "/src/Lib/Lib.CSPROJ" }, scan.Projects);
    }

    [Fact]
    public void The_walk_lists_further_files_only_when_asked_and_never_from_excluded_folders()
    {
        using var repo = Fixture();

        Assert.Empty(RepositoryWalk.Run(repo.Root).OtherFiles);
        var walk = RepositoryWalk.Run(repo.Root, name => name.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Equal(new[] { repo.Root + "/src/Api/Program.cs", repo.Root + "/src/Lib/Lib.cs" }, walk.OtherFiles);
        Assert.DoesNotContain(walk.Artifacts, p => p.EndsWith(".cs", StringComparison.Ordinal));
    }
}
