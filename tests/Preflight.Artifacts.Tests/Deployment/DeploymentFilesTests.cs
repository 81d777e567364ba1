using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Repository;
using Xunit;

namespace Preflight.Artifacts.Tests.Deployment;

public class DeploymentFilesTests
{
    [Theory]
    [InlineData(".github/workflows/ci.yml", DockerBuildSource.GitHubWorkflow)]
    [InlineData("azure-pipelines.yml", DockerBuildSource.AzurePipeline)]
    [InlineData("build/azure-pipelines.release.yaml", DockerBuildSource.AzurePipeline)]
    [InlineData(".azure-pipelines/images.yml", DockerBuildSource.AzurePipeline)]
    [InlineData("pipelines/templates/docker.yml", DockerBuildSource.AzurePipeline)]
    [InlineData(".gitlab-ci.yml", DockerBuildSource.GitLabCi)]
    [InlineData("src/Api/azds.yaml", DockerBuildSource.Azds)]
    [InlineData("skaffold.yaml", DockerBuildSource.Skaffold)]
    [InlineData(".devcontainer/devcontainer.json", DockerBuildSource.DevContainer)]
    [InlineData(".devcontainer/api/devcontainer.json", DockerBuildSource.DevContainer)]
    [InlineData("scripts/build.sh", DockerBuildSource.Script)]
    [InlineData("build.ps1", DockerBuildSource.Script)]
    [InlineData("Makefile", DockerBuildSource.Script)]
    public void Build_definitions_are_recognised(string path, DockerBuildSource source)
    {
        Assert.Equal(source, DeploymentFiles.Classify(path));
    }

    [Theory]
    [InlineData("k8s/deployment.yaml")]
    [InlineData("devcontainer.json")]
    [InlineData("docs/pipelines.md")]
    public void Other_files_are_not(string path)
    {
        Assert.Null(DeploymentFiles.Classify(path));
    }

    [Fact]
    public void The_classifier_gives_them_their_own_kind_and_keeps_workflows()
    {
        Assert.Equal(ArtifactKind.BuildDefinition, ArtifactClassifier.Classify("/repo/deploy/pipelines/api.yml"));
        Assert.Equal(ArtifactKind.BuildDefinition, ArtifactClassifier.Classify("/repo/k8s/skaffold.yaml"));
        Assert.Equal(ArtifactKind.Workflow, ArtifactClassifier.Classify("/repo/.github/workflows/ci.yml"));
        Assert.Equal(ArtifactKind.KubernetesManifest, ArtifactClassifier.Classify("/repo/k8s/api.yaml"));
    }
}
