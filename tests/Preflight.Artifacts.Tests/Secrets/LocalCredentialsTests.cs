using System;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Secrets;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Secrets;

public class LocalCredentialsTests
{
    private static readonly string SamplePassword = "Pass" + "@word1";

    /// <summary>Compose containers: 'sqldata' sets the sample password (as a default), 'basketdata' and 'rabbitmq' set none.</summary>
    private static LocalServices ComposeServices()
    {
        var services = new LocalServices();
        services.Add(new[] { "sqldata", "sql-data" }, new[] { "Y", "${SA_PASSWORD:-" + SamplePassword + "}" });
        services.Add(new[] { "basketdata" }, Array.Empty<string>());
        services.Add(new[] { "rabbitmq" }, new string?[] { null });
        return services;
    }

    private static SecretMatch Password(string connection) =>
        Assert.Single(SecretScanner.Scan(connection + "Password=" + SamplePassword + ";"));

    private static bool IsLocalSetup(SecretMatch match, ArtifactStage stage, ArtifactKind kind = ArtifactKind.AppSettings) =>
        LocalCredentials.IsLocalSetup(match, SamplePassword, stage, kind, ComposeServices());

    [Theory]
    [InlineData("src/Api/appsettings.json", ArtifactKind.AppSettings, ArtifactStage.Neutral)]
    [InlineData("src/Api/appsettings.Development.json", ArtifactKind.AppSettings, ArtifactStage.Development)]
    [InlineData("src/Api/appsettings.Local.json", ArtifactKind.AppSettings, ArtifactStage.Development)]
    [InlineData("src/Api/appsettings.Docker.json", ArtifactKind.AppSettings, ArtifactStage.Development)]
    [InlineData("src/Api/appsettings.Production.json", ArtifactKind.AppSettings, ArtifactStage.Production)]
    [InlineData("src/Api/appsettings.Staging.json", ArtifactKind.AppSettings, ArtifactStage.Production)]
    [InlineData("docker-compose.yml", ArtifactKind.Compose, ArtifactStage.Neutral)]
    [InlineData("compose.yaml", ArtifactKind.Compose, ArtifactStage.Neutral)]
    [InlineData("src/docker-compose.override.yml", ArtifactKind.Compose, ArtifactStage.Development)]
    [InlineData("docker-compose.dev.yml", ArtifactKind.Compose, ArtifactStage.Development)]
    [InlineData("docker-compose.prod.yml", ArtifactKind.Compose, ArtifactStage.Production)]
    [InlineData("deploy/docker-compose-production.yaml", ArtifactKind.Compose, ArtifactStage.Production)]
    [InlineData(".env", ArtifactKind.EnvFile, ArtifactStage.Development)]
    [InlineData(".env.local", ArtifactKind.EnvFile, ArtifactStage.Development)]
    [InlineData(".env.production", ArtifactKind.EnvFile, ArtifactStage.Production)]
    [InlineData("k8s/api.yaml", ArtifactKind.KubernetesManifest, ArtifactStage.Production)]
    [InlineData("src/Api/Dockerfile", ArtifactKind.Dockerfile, ArtifactStage.Neutral)]
    public void Stage_of_a_file_comes_from_its_name(string path, ArtifactKind kind, ArtifactStage stage)
    {
        Assert.Equal(stage, LocalCredentials.StageOf(path, kind));
    }

    [Theory]
    [InlineData("Server=localhost;Database=x;User Id=sa;")]
    [InlineData("Server=tcp:127.0.0.1,5433;Database=x;User Id=sa;")]
    [InlineData("Server=host.docker.internal;Database=x;User Id=sa;")]
    [InlineData("Server=(local);Database=x;User Id=sa;")]
    [InlineData("Server=basketdata;Database=x;User Id=sa;")]
    [InlineData("Host=basketdata,localhost;Username=app;")]
    public void Password_to_a_local_or_compose_host_is_local_set_up_outside_production(string connection)
    {
        var match = Password(connection);

        Assert.True(IsLocalSetup(match, ArtifactStage.Neutral));
        Assert.True(IsLocalSetup(match, ArtifactStage.Development));
        Assert.False(IsLocalSetup(match, ArtifactStage.Production));
    }

    [Theory]
    [InlineData("Server=orders.database.windows.net;Database=x;User Id=sa;")]
    [InlineData("Host=sqldata,10.0.4.2;Username=app;")]
    [InlineData("User Id=sa;Database=x;")]
    public void Password_to_another_or_unknown_host_is_a_finding_everywhere(string connection)
    {
        var match = Password(connection);

        Assert.False(IsLocalSetup(match, ArtifactStage.Neutral));
        Assert.False(IsLocalSetup(match, ArtifactStage.Development));
    }

    [Fact]
    public void Production_settings_may_repeat_the_compose_containers_own_password_but_nothing_else()
    {
        // The app's production settings name the compose database with the password the compose file gives it.
        Assert.True(IsLocalSetup(Password("Server=sqldata;Database=x;User Id=sa;"), ArtifactStage.Production));
        Assert.True(IsLocalSetup(Password("Server=sql-data,1433;Database=x;User Id=sa;"), ArtifactStage.Production));
        // Another password to that container, a container that sets none, localhost (a proxy sidecar): real.
        Assert.False(LocalCredentials.IsLocalSetup(Password("Server=sqldata;Database=x;User Id=sa;"), "Other" + "Pw1", ArtifactStage.Production, ArtifactKind.AppSettings, ComposeServices()));
        Assert.False(IsLocalSetup(Password("Server=basketdata;Database=x;User Id=sa;"), ArtifactStage.Production));
        Assert.False(IsLocalSetup(Password("Server=localhost;Database=x;User Id=sa;"), ArtifactStage.Production));
        // Deployment artifacts proper: a Kubernetes manifest, a production .env.
        Assert.False(IsLocalSetup(Password("Server=sqldata;Database=x;User Id=sa;"), ArtifactStage.Production, ArtifactKind.KubernetesManifest));
        Assert.False(IsLocalSetup(Password("Server=sqldata;Database=x;User Id=sa;"), ArtifactStage.Production, ArtifactKind.EnvFile));
    }

    [Fact]
    public void A_production_compose_overlay_may_name_a_database_container_of_the_compose_deployment_but_no_other_host()
    {
        // docker-compose.prod.yml: ConnectionString=${CATALOG_DB:-Server=sqldata;...;Password=...} runs against the compose container.
        Assert.True(IsLocalSetup(Password("Server=sqldata;Database=x;User Id=sa;"), ArtifactStage.Production, ArtifactKind.Compose));
        Assert.True(IsLocalSetup(Password("Server=basketdata;Database=x;User Id=sa;"), ArtifactStage.Production, ArtifactKind.Compose));
        Assert.False(IsLocalSetup(Password("Server=localhost;Database=x;User Id=sa;"), ArtifactStage.Production, ArtifactKind.Compose));
        Assert.False(IsLocalSetup(Password("Server=orders.database.windows.net;Database=x;User Id=sa;"), ArtifactStage.Production, ArtifactKind.Compose));
        Assert.False(IsLocalSetup(Password("Host=sqldata,10.0.4.2;Username=app;"), ArtifactStage.Production, ArtifactKind.Compose));
    }

    [Fact]
    public void A_single_label_host_is_local_in_a_development_file_only()
    {
        var match = Password("Server=mssql;Database=x;User Id=sa;");

        Assert.True(IsLocalSetup(match, ArtifactStage.Development));
        Assert.False(IsLocalSetup(match, ArtifactStage.Neutral));
    }

    [Fact]
    public void Tokens_are_never_local_set_up()
    {
        var match = Assert.Single(SecretScanner.Scan("Server=localhost;Token=" + FakeSecrets.GitHubToken()));

        Assert.False(IsLocalSetup(match, ArtifactStage.Development));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("api.localhost", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("(localdb)", true)]
    [InlineData("127.example.com", false)]
    [InlineData("localhost.example.com", false)]
    [InlineData("10.0.0.5", false)]
    public void Local_hosts(string host, bool local)
    {
        Assert.Equal(local, LocalCredentials.IsLocalHost(host));
    }
}
