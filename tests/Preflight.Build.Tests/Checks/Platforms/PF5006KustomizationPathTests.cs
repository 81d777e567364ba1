using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF5006: kustomization.yaml naming local files or folders that do not exist.</summary>
public class PF5006KustomizationPathTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static Finding[] Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        RepositoryChecks.Run(context);
        return context.Findings.Where(f => f.RuleId == "PF5006").OrderBy(f => f.Line).ToArray();
    }

    [Fact]
    public void Every_field_naming_a_missing_local_path_is_reported_at_the_path()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("deploy/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n")
            .Write("deploy/overlays/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../base/deployment.yaml
                  - ../../base/service.yaml
                  - ../../components/missing-folder
                bases:
                  - ../../old-base
                components:
                  - ../../components/monitoring
                patchesStrategicMerge:
                  - replicas.yaml
                patches:
                  - path: probes.yaml
                    target: {kind: Deployment}
                configMapGenerator:
                  - name: api-config
                    files:
                      - appsettings.json=config/appsettings.Production.json
                    envs:
                      - api.env
                secretGenerator:
                  - name: api-secrets
                    env: secrets.env
                """);

        var findings = Run(repo);

        Assert.Equal(new[] { 5, 6, 8, 10, 12, 14, 19, 21, 24 }, findings.Select(f => f.Line));
        Assert.All(findings, f => Assert.Equal(repo.Path("deploy/overlays/prod/kustomization.yaml"), f.File));
        Assert.Equal(5, findings[0].Column);
        Assert.Equal("kustomization resources '../../base/service.yaml' does not exist (looked for deploy/base/service.yaml); kustomize build fails and nothing is deployed", findings[0].Message);
        Assert.Contains("kustomization bases '../../old-base'", findings[2].Message);
        Assert.Contains("kustomization patches path 'probes.yaml'", findings[5].Message);
        Assert.Contains("configMapGenerator 'api-config' files 'config/appsettings.Production.json'", findings[6].Message);
        Assert.Contains("secretGenerator 'api-secrets' env 'secrets.env'", findings[8].Message);
    }

    [Fact]
    public void Existing_files_and_folders_remote_references_and_inline_patches_are_no_finding()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("deploy/base/kustomization.yaml", "resources:\n  - deployment.yaml\n")
            .Write("deploy/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n")
            .Write("deploy/prod/config/app.json", "{}")
            .Write("deploy/prod/kustomization.yaml", """
                resources:
                  - ../base
                  - https://github.com/example/manifests/raw/main/crd.yaml
                  - github.com/example/platform//deploy/base?ref=v1.2.0
                  - git@github.com:example/platform.git//deploy
                patchesStrategicMerge:
                  - |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: api
                patches:
                  - patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 3
                configMapGenerator:
                  - name: app
                    files: [config/app.json, settings=config/app.json]
                    literals: [A=b]
                """);

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Flux_Kustomization_objects_and_paths_leaving_the_repository_are_not_checked()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("clusters/prod/kustomization.yaml", """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: apps}
                spec:
                  path: ./apps/prod
                resources:
                  - not-a-kustomize-field.yaml
                """)
            .Write("deploy/kustomization.yaml", "resources:\n  - ../../../outside/the/repository.yaml\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Malformed_kustomization_is_no_finding_and_no_crash()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("deploy/kustomization.yaml", "resources: [ {{{ \0")
            .Write("k8s/kustomization.yaml", "resources: not-a-list\nconfigMapGenerator: [1, [2], {files: 3}]\n");

        Assert.Empty(Run(repo));
    }
}
