using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Preflight.Checks.Repository;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Discovery;

/// <summary>
/// The walk that replaced the targets' item globs (issue 15: 55–100 ms of every project's evaluation; issue 14: MSBuild's
/// <c>**</c> followed links out of the repository). On a tree of every kind of artifact it lists what the globs listed
/// (checked against MSBuild's evaluation of the former globs on the same tree, 2026-12-05), and it never follows a link
/// out of the repository or round a loop.
/// </summary>
public class RepositoryWalkTests
{
    /// <summary>Files the former globs took, each with what it was for: A artifact, F also an AdditionalFile, S a source.</summary>
    private static readonly (string Path, string Roles)[] Taken =
    {
        ("Dockerfile", "AF"), ("src/Api/Dockerfile.prod", "AF"), ("src/Api/api.Dockerfile", "AF"), ("src/Api/Dockerfile.md", "AF"),
        (".dockerignore", "AF"), ("src/Api/x.dockerignore", "AF"),
        ("compose.yaml", "AF"), ("docker-compose.override.yml", "AF"), ("ops/docker-compose-tests.yml", "AF"), ("ops/web.services.yaml", "AF"),
        (".env", "AF"), (".env.local", "AF"), ("ops/api.env", "AF"),
        ("preflight.yaml", "AF"), ("web/vercel.json", "AF"), ("tye.yml", "AF"), (".github/workflows/ci.yml", "AF"), (".github/workflows/Release.YAML", "AF"),
        ("K8S/api.yaml", "AF"), ("ops/kubernetes/base/svc.yml", "AF"), ("deploy/job.yaml", "AF"), ("charts/api/templates/dep.yaml", "AF"),
        ("ops/kustomization.yaml", "AF"), ("ops/overlay/Kustomization", "AF"),
        ("src/Api/Api.csproj", "AF"), ("src/Lib/Lib.csproj", "AF"), ("src/Api/appsettings.json", "AF"), ("src/Api/appsettings.Development.json", "AF"), ("src/Api/Properties/launchSettings.json", "AF"),
        ("Directory.Build.props", "A"), ("src/Directory.Build.targets", "A"), ("Directory.Packages.props", "A"), (".gitignore", "A"), ("src/.gitignore", "A"),
        ("azure-pipelines.yml", "A"), (".azuredevops/build/pipe.yaml", "A"), ("ops/pipelines/ci.yaml", "A"), (".gitlab-ci.yml", "A"),
        ("azds.yaml", "A"), ("skaffold.yaml", "A"), (".devcontainer/devcontainer.json", "A"), ("build.sh", "A"), ("tools/run.bash", "A"),
        ("tools/deploy.ps1", "A"), ("Makefile", "A"), ("k8s/pipelines/p.yaml", "A"),
        ("id_rsa", "A"), ("certs/server.pem", "A"), ("certs/server.key", "A"),
        ("tools/ingest/main.py", "S"), ("web/src/app.ts", "S"), ("web/src/index.js", "S"),
    };

    /// <summary>Files the former globs did not take: wrong names or places, excluded folders, generated sources.</summary>
    private static readonly string[] NotTaken =
    {
        "README.md", "src/Api/Program.cs", "src/Api/launchSettings.json", "dockerfile.txt/readme", ".github/workflows/sub/nested.yml", "src/preflight.yaml.bak",
        "notes.yaml", "src/Api/bin/Debug/appsettings.json", "src/Api/obj/Api.csproj.nuget.g.props", "src/Api/OBJ/Dockerfile",
        "web/node_modules/pkg/Dockerfile", "web/node_modules/pkg/index.js", ".git/config", ".vs/compose.yaml", ".idea/k8s/a.yaml",
        "web/dist/bundle.js", "web/build/out.js", "tools/.venv/lib/x.py", "tools/__pycache__/m.py", "web/.next/page.js",
        "web/coverage/lcov.js", "web/src/types.d.ts", "id_rsa.pub",
    };

    private static TempRepository Fixture()
    {
        var repo = new TempRepository();
        foreach (var (path, _) in Taken)
        {
            repo.Write(path, "x");
        }
        foreach (var path in NotTaken)
        {
            repo.Write(path, "x");
        }
        return repo;
    }

    [Fact]
    public void Lists_what_the_former_globs_listed_on_a_tree_of_every_kind_of_artifact()
    {
        using var repo = Fixture();

        var walk = RepositoryWalk.Run(repo.Root + "/");

        string[] Expected(char role) => Taken.Where(t => t.Roles.Contains(role)).Select(t => repo.Root + "/" + t.Path).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.Equal(Expected('A'), walk.Artifacts);
        Assert.Equal(Expected('F'), walk.AnalyzerFiles);
        Assert.Equal(Expected('S'), walk.SourceFiles);
        Assert.False(walk.Truncated);
    }

    [Fact]
    public void Paths_start_with_the_root_as_given()
    {
        using var repo = new TempRepository().Write("src/Dockerfile", "FROM x\n");

        Assert.Equal(new[] { repo.Root + "/src/Dockerfile" }, RepositoryWalk.Run(repo.Root + "/").Artifacts);
        Assert.Equal(new[] { repo.Root + "/src/Dockerfile" }, RepositoryWalk.Run(repo.Root).Artifacts);
    }

    [SkippableFact]
    public void A_link_to_the_root_of_the_disk_is_not_followed_and_the_walk_stays_small()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links need a Unix file system here");
        using var repo = new TempRepository().Write("src/Api/Dockerfile", "FROM x\n").Write("deploy/app.yaml", "kind: Pod\n");
        File.CreateSymbolicLink(repo.Path("rootlink"), "/");
        File.CreateSymbolicLink(repo.Path("deploy/usr"), "/usr");

        var walk = RepositoryWalk.Run(repo.Root);

        Assert.Equal(new[] { repo.Path("deploy/app.yaml"), repo.Path("src/Api/Dockerfile") }, walk.Artifacts);
        Assert.Equal(4, walk.Folders); // the root, deploy, src, src/Api: nothing behind the links
    }

    [SkippableFact]
    public void A_link_out_of_the_repository_lists_none_of_its_files_nor_a_linked_file()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links need a Unix file system here");
        using var outside = new TempRepository().Write("compose.yaml", "services: {}\n").Write("k8s/pod.yaml", "kind: Pod\n");
        using var repo = new TempRepository().Write("Dockerfile", "FROM x\n");
        File.CreateSymbolicLink(repo.Path("ext"), outside.Root);
        File.CreateSymbolicLink(repo.Path("compose.yaml"), outside.Path("compose.yaml"));

        var walk = RepositoryWalk.Run(repo.Root);

        Assert.Equal(new[] { repo.Path("Dockerfile") }, walk.Artifacts);
    }

    [SkippableFact]
    public void Link_loops_end_and_a_folder_linked_inside_the_repository_is_listed_once_at_its_own_path()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links need a Unix file system here");
        using var repo = new TempRepository().Write("k8s/app.yaml", "kind: Pod\n").Write("src/Dockerfile", "FROM x\n");
        File.CreateSymbolicLink(repo.Path("k8s/up"), "..");            // a link to an ancestor
        File.CreateSymbolicLink(repo.Path("loop-a"), "loop-b");        // two links naming each other
        File.CreateSymbolicLink(repo.Path("loop-b"), "loop-a");
        File.CreateSymbolicLink(repo.Path("src/manifests"), "../k8s"); // the same folder under a Kubernetes name

        var walk = RepositoryWalk.Run(repo.Root);

        Assert.Equal(new[] { repo.Path("k8s/app.yaml"), repo.Path("src/Dockerfile") }, walk.Artifacts);
        Assert.Equal(3, walk.Folders);
    }

    [Fact]
    public void Depth_is_bounded()
    {
        using var repo = new TempRepository();
        var deep = string.Join("/", Enumerable.Repeat("d", RepositoryWalk.MaxDepth + 5));
        repo.Write(deep + "/Dockerfile", "FROM x\n").Write("d/Dockerfile", "FROM x\n");

        var walk = RepositoryWalk.Run(repo.Root);

        Assert.Equal(new[] { repo.Path("d/Dockerfile") }, walk.Artifacts);
        Assert.Equal(RepositoryWalk.MaxDepth + 1, walk.Folders);
    }
}
