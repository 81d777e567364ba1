using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF5003PolicyTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private const string Policies = """
        policies:
          - name: pinned-to-node
            files: deploy/**
            kind: Deployment
            require:
              - spec.template.spec.nodeSelector."kubernetes.io/hostname"
          - name: no-vercel
            forbid: ["**/vercel.json"]
        """;

    private static string Deployment(string name, string nodeSelector) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
        spec:
          template:
            spec:
        {nodeSelector}
              containers:
                - name: app
                  image: app:1
        """;

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        PolicyCheck.Run(context);
        return context;
    }

    [Fact]
    public void An_object_without_the_required_path_is_reported_at_its_kind()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", Policies)
            .Write("deploy/api.yaml", Deployment("api", "      nodeSelector:\n        disktype: ssd"))
            .Write("deploy/worker.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n" + Deployment("worker", "      nodeSelector: {}"));

        var findings = Run(repo).Findings.OrderBy(f => f.File).ToList();

        Assert.Equal(new[]
        {
            ("PF5003", repo.Path("deploy/api.yaml"), 2, 7),
            ("PF5003", repo.Path("deploy/worker.yaml"), 6, 7),
        }, findings.Select(f => (f.RuleId, f.File, f.Line, f.Column)));
        Assert.Equal("Policy 'pinned-to-node' of preflight.yaml is violated: 'spec.template.spec.nodeSelector.\"kubernetes.io/hostname\"' is missing " +
            "(found up to 'spec.template.spec.nodeSelector') in Deployment 'api' (the policy requires it of every Deployment in files deploy/**)", findings[0].Message);
        Assert.Contains("Deployment 'worker'", findings[1].Message);
    }

    [Fact]
    public void Objects_with_the_path_of_other_kinds_or_outside_the_files_are_fine()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", Policies)
            .Write("deploy/api.yaml", Deployment("api", "      nodeSelector:\n        kubernetes.io/hostname: node-1"))
            .Write("deploy/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {template: {spec: {containers: []}}}\n")
            .Write("k8s/other.yaml", Deployment("other", string.Empty))
            .Write("deploy/chart/templates/d.yaml", "kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Policies_apply_to_yaml_files_outside_the_usual_manifest_folders()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "policies:\n  - name: mcp-on-mcp-node\n    files: infra/production/mcp-*.yaml\n    kind: deployment\n    require: [spec.template.spec.nodeSelector]\n")
            .Write("infra/production/mcp-server.yaml", Deployment("mcp", string.Empty))
            .Write("infra/production/web.yaml", Deployment("web", string.Empty));

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((repo.Path("infra/production/mcp-server.yaml"), 2, 7), (finding.File, finding.Line, finding.Column));
        Assert.Contains("'spec.template.spec.nodeSelector' is missing (found up to 'spec.template.spec') in Deployment 'mcp'", finding.Message);
    }

    [Fact]
    public void Kustomize_patches_are_partial_objects_and_not_checked_alone()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", Policies)
            .Write("deploy/base/api.yaml", Deployment("api", "      nodeSelector:\n        kubernetes.io/hostname: node-1"))
            .Write("deploy/overlays/prod/kustomization.yaml", "resources: [../../base]\npatches:\n  - path: replicas.yaml\npatchesStrategicMerge:\n  - memory.yaml\n")
            .Write("deploy/overlays/prod/replicas.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {replicas: 3}\n")
            .Write("deploy/overlays/prod/memory.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {template: {spec: {}}}\n")
            .Write("deploy/overlays/prod/extra.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: extra}\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(repo.Path("deploy/overlays/prod/extra.yaml"), finding.File);
        Assert.Contains("is missing in Deployment 'extra'", finding.Message);
    }

    [Fact]
    public void A_forbidden_file_is_reported_at_its_first_line()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", Policies)
            .Write("web/vercel.json", "{}")
            .Write("web/node_modules/pkg/vercel.json", "{}");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF5003", repo.Path("web/vercel.json"), 1, 1), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Equal("Policy 'no-vercel' of preflight.yaml is violated: 'web/vercel.json' exists, but the policy forbids files matching '**/vercel.json'", finding.Message);
    }

    [Fact]
    public void Without_policies_or_on_other_projects_nothing_is_reported()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("preflight.yaml", Policies)
            .Write("vercel.json", "{}");

        Assert.Single(Run(repo, "src/Api/Api.csproj").Findings);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);

        using var plain = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "secrets: [A]\n")
            .Write("vercel.json", "{}")
            .Write("deploy/api.yaml", Deployment("api", string.Empty));
        Assert.Empty(Run(plain).Findings);
    }

    [Fact]
    public void Malformed_paths_and_preflight_yaml_are_left_to_PF1005()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "policies:\n  - name: broken\n    require: ['spec..x', 'metadata.\"unterminated']\n  - [not a policy]\n")
            .Write("deploy/api.yaml", Deployment("api", string.Empty));

        Assert.Empty(Run(repo).Findings);
    }
}
