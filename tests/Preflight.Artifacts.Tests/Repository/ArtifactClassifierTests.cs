using Preflight.Artifacts.Repository;
using Xunit;

namespace Preflight.Artifacts.Tests.Repository;

public class ArtifactClassifierTests
{
    [Theory]
    [InlineData("/repo/k8s/api.yaml")]
    [InlineData("/repo/deploy/production/api.yml")]
    [InlineData("/repo/services/orders/manifests/api.yaml")]
    [InlineData("/repo/charts/orders/templates/deployment.yaml")]
    [InlineData("/repo/overlays/prod/kustomization.yaml")]
    [InlineData("k8s/api.yaml")]
    [InlineData("C:\\repo\\Deploy\\api.yaml")]
    public void Kubernetes_manifests_are_found_in_the_usual_folders_and_kustomizations_anywhere(string path)
    {
        Assert.Equal(ArtifactKind.KubernetesManifest, ArtifactClassifier.Classify(path));
    }

    [Theory]
    [InlineData("/repo/vercel.json", ArtifactKind.VercelConfig)]
    [InlineData("/repo/web/vercel.json", ArtifactKind.VercelConfig)]
    [InlineData("/repo/deploy/compose.yaml", ArtifactKind.Compose)]
    [InlineData("/repo/preflight.yaml", ArtifactKind.PreflightConfig)]
    [InlineData("/repo/.github/workflows/deploy.yml", ArtifactKind.Workflow)]
    [InlineData("/repo/src/Api/Properties/launchSettings.json", ArtifactKind.LaunchSettings)]
    [InlineData("/repo/src/Api/launchSettings.json", ArtifactKind.Unknown)]
    [InlineData("/repo/config/settings.yaml", ArtifactKind.Unknown)]
    [InlineData("/repo/k8s/readme.md", ArtifactKind.Unknown)]
    public void Other_files_keep_their_kind(string path, ArtifactKind kind)
    {
        Assert.Equal(kind, ArtifactClassifier.Classify(path));
    }

    [Theory]
    [InlineData("/repo/Dockerfile", ArtifactKind.Dockerfile)]
    [InlineData("/repo/src/Api/Dockerfile.prod", ArtifactKind.Dockerfile)]
    [InlineData("/repo/src/Api/Dockerfile.develop", ArtifactKind.Dockerfile)]
    [InlineData("/repo/api.Dockerfile", ArtifactKind.Dockerfile)]
    [InlineData("/repo/test/assets/generate/dockerfile.yaml", ArtifactKind.Unknown)]
    [InlineData("/repo/docs/Dockerfile.md", ArtifactKind.Unknown)]
    [InlineData("/repo/build/Dockerfile.ps1", ArtifactKind.BuildDefinition)]
    [InlineData("/repo/k8s/dockerfile.yml", ArtifactKind.KubernetesManifest)]
    public void A_file_named_like_a_Dockerfile_with_another_format_s_extension_is_not_a_Dockerfile(string path, ArtifactKind kind)
    {
        Assert.Equal(kind, ArtifactClassifier.Classify(path));
    }

    [Theory]
    [InlineData("/repo/docker-compose.prod.yml", ArtifactKind.Compose)]
    [InlineData("/repo/docker-compose.elk.yml", ArtifactKind.Compose)]
    [InlineData("/repo/docker-compose-tests.yml", ArtifactKind.Compose)]
    [InlineData("/repo/docker-compose.override.windows.yml", ArtifactKind.Compose)]
    [InlineData("/repo/src/app.services.yaml", ArtifactKind.Compose)]
    [InlineData("/repo/deploy/compose.dev.yaml", ArtifactKind.Compose)]
    [InlineData("/repo/.github/workflows/docker-compose.yml", ArtifactKind.Workflow)]
    [InlineData("/repo/docker-compose.md", ArtifactKind.Unknown)]
    [InlineData("/repo/config/services.yaml", ArtifactKind.Unknown)]
    public void Every_compose_named_yaml_is_a_compose_candidate_except_workflows(string path, ArtifactKind kind)
    {
        // Names outside the compose spec are confirmed by their content when loaded (ComposeSets.LooksLikeCompose).
        Assert.Equal(kind, ArtifactClassifier.Classify(path));
    }
}
