using Preflight.Artifacts.Repository;
using Xunit;

namespace Preflight.Artifacts.Tests.Repository;

public class ImageMatchingTests
{
    [Theory]
    [InlineData("ghcr.io/acme/orders-api:1.4", "Orders.Api")]
    [InlineData("orders_api", "Orders.Api")]
    [InlineData("registry:5000/team/ordersapi@sha256:abc", "Orders.Api")]
    [InlineData("acme/web:latest", "Catalog.Api")] // through the compose image it builds
    public void Image_runs_the_project(string image, string project) =>
        Assert.True(ServiceProjectMatcher.ImageRuns(image, project, new[] { "acme/web:dev" }));

    [Theory]
    [InlineData("ghcr.io/acme/orders:1.4", "Orders.Api")]
    [InlineData("postgres:16", "Orders.Api")]
    [InlineData("${REGISTRY}/orders-api", "Orders.Api")]
    [InlineData("", "Orders.Api")]
    public void Image_does_not_run_the_project(string image, string project) =>
        Assert.False(ServiceProjectMatcher.ImageRuns(image, project, new[] { "acme/web:dev" }));

    [Theory]
    [InlineData(".env", true)]
    [InlineData(".env.example", true)]
    [InlineData(".env.production", true)]
    [InlineData("api.env", true)]
    [InlineData("environment.ts", false)]
    [InlineData(".envrc", false)]
    [InlineData(".env.d", true)]
    public void Env_files_are_recognised_by_name(string name, bool isEnv) =>
        Assert.Equal(isEnv, ArtifactClassifier.Classify("/repo/config/" + name) == ArtifactKind.EnvFile);
}
