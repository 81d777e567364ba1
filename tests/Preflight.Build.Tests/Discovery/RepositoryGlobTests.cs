using Preflight.Artifacts.Repository;
using Xunit;

namespace Preflight.Build.Tests.Discovery;

/// <summary>The patterns match as MSBuild's item globs matched them (names ignoring case, <c>**</c> any folders, none too).</summary>
public class RepositoryGlobTests
{
    [Theory]
    [InlineData("**/Dockerfile.*", "Dockerfile.prod", true)]
    [InlineData("**/Dockerfile.*", "src/a/Dockerfile.", true)]
    [InlineData("**/Dockerfile.*", "Dockerfile", false)]
    [InlineData("**/Dockerfile", "src/DOCKERFILE", true)]
    [InlineData("**/*.env", ".env", true)]
    [InlineData("**/*compose*.y*ml", "ops/docker-compose-tests.yml", true)]
    [InlineData("**/*compose*.y*ml", "ops/compose.json", false)]
    [InlineData(".github/workflows/*.y*ml", ".github/workflows/ci.yml", true)]
    [InlineData(".github/workflows/*.y*ml", ".github/workflows/sub/ci.yml", false)]
    [InlineData(".github/workflows/*.y*ml", "src/.github/workflows/ci.yml", false)]
    [InlineData("preflight.y*ml", "preflight.yaml", true)]
    [InlineData("preflight.y*ml", "src/preflight.yaml", false)]
    [InlineData("**/k8s/**/*.y*ml", "k8s/a.yaml", true)]
    [InlineData("**/k8s/**/*.y*ml", "ops/K8S/base/a.yml", true)]
    [InlineData("**/k8s/**/*.y*ml", "ops/k8s.yaml", false)]
    [InlineData("**/.azure*/**/*.y*ml", ".azuredevops/x.yaml", true)]
    [InlineData("**/id_rsa", "keys/id_rsa.pub", false)]
    [InlineData("**/a?c.sh", "abc.sh", true)]
    [InlineData("**/a?c.sh", "ac.sh", false)]
    // Compile items of the CLI's projects (relative to the project folder), written as MSBuild takes them.
    [InlineData("wwwroot\\**", "wwwroot/lib/site.cs", true)]
    [InlineData("wwwroot\\**", "wwwroot/site.cs", true)]
    [InlineData("wwwroot\\**", "wwwroot", false)]
    [InlineData("wwwroot\\**", "src/wwwroot.cs", false)]
    [InlineData("testassets\\**\\*", "testassets/a/b/c.cs", true)]
    [InlineData("**", "a/b.cs", true)]
    [InlineData("./src/*.cs", "src/A.cs", true)]
    [InlineData("..\\Shared\\Activity.cs", "../Shared/activity.cs", true)]
    [InlineData("..\\Shared\\Activity.cs", "Shared/Activity.cs", false)]
    public void Matches_as_msbuild_globs_did(string pattern, string path, bool matches) =>
        Assert.Equal(matches, new RepositoryGlob(pattern).IsMatch(path));

    [Theory]
    [InlineData("src/Api/Dockerfile", RepositoryFileRole.Artifact | RepositoryFileRole.AnalyzerFile)]
    [InlineData("k8s/pipelines/ci.yaml", RepositoryFileRole.Artifact)]
    [InlineData("Directory.Build.props", RepositoryFileRole.Artifact)]
    [InlineData("web/src/app.ts", RepositoryFileRole.SourceFile)]
    [InlineData("web/dist/app.js", RepositoryFileRole.None)]
    [InlineData("web/src/app.d.ts", RepositoryFileRole.None)]
    [InlineData("deploy/run.sh", RepositoryFileRole.Artifact)]
    [InlineData("src/Api/Program.cs", RepositoryFileRole.None)]
    public void Classifies_what_each_file_is_for(string path, RepositoryFileRole role) =>
        Assert.Equal(role, ArtifactPatterns.Classify(path));
}
