using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF5001KubernetesReferenceTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private const string Workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              imagePullSecrets:
                - name: registry-creds
              containers:
                - name: api
                  image: shop/api:1
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: db
                          key: password
                    - name: FEATURE
                      valueFrom:
                        configMapKeyRef: {name: flags, key: feature}
                  envFrom:
                    - configMapRef:
                        name: api-config
              volumes:
                - name: certs
                  secret:
                    secretName: api-tls
        """;

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        KubernetesReferenceCheck.Run(context);
        return context;
    }

    [Fact]
    public void Every_kind_of_reference_to_an_object_defined_nowhere_is_reported_at_its_name()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("deploy/api.yaml", Workload);

        var findings = Run(repo).Findings.OrderBy(f => f.Line).ToList();

        Assert.Equal(new[]
        {
            ("PF5001", 9, 17),
            ("PF5001", 17, 25),
            ("PF5001", 21, 41),
            ("PF5001", 24, 23),
            ("PF5001", 28, 25),
        }, findings.Select(f => (f.RuleId, f.Line, f.Column)));
        Assert.All(findings, f => Assert.Equal(repo.Path("deploy/api.yaml"), f.File));
        Assert.Contains("Secret 'registry-creds' is referenced here (imagePullSecrets)", findings[0].Message);
        Assert.Contains("Secret 'db' is referenced here (secretKeyRef of variable 'DB_PASSWORD' in container 'api')", findings[1].Message);
        Assert.Contains("no manifest of the repository defines it and no preflight.yaml declares it (external.kubernetes.secrets)", findings[1].Message);
        Assert.Contains("looked in 1 manifest (deploy/api.yaml)", findings[1].Message);
        Assert.Contains("ConfigMap 'flags'", findings[2].Message);
        Assert.Contains("external.kubernetes.configmaps", findings[2].Message);
        Assert.Contains("ConfigMap 'api-config' is referenced here (envFrom configMapRef in container 'api')", findings[3].Message);
        Assert.Contains("Secret 'api-tls' is referenced here (secret volume 'certs')", findings[4].Message);
    }

    [Fact]
    public void Objects_defined_in_the_repository_or_declared_external_are_fine()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "external:\n  kubernetes:\n    secrets: [registry-creds]\n    configmaps: [flags]\n")
            .Write("deploy/api.yaml", Workload)
            .Write("deploy/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: api-config}
                data: {LOG_LEVEL: info}
                ---
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: db}
                spec:
                  encryptedData: {password: AgBy...}
                """)
            .Write("k8s/base/kustomization.yaml", """
                secretGenerator:
                  - name: api-tls
                    files: [tls.crt, tls.key]
                """);

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void A_key_missing_from_a_definition_with_known_keys_is_reported_at_the_key()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "external:\n  kubernetes:\n    secrets: [registry-creds, api-tls]\n    configmaps: [flags, api-config]\n")
            .Write("deploy/api.yaml", Workload)
            .Write("deploy/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  user: app\n  host: db\n");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF5001", repo.Path("deploy/api.yaml"), 18, 24), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Contains("Key 'password' of Secret 'db'", finding.Message);
        Assert.Contains("has no such key (its keys: host, user)", finding.Message);
        Assert.Contains("deploy/secret.yaml:4", finding.Message);
        Assert.DoesNotContain("app", finding.Message.Replace("api", string.Empty));
    }

    [Fact]
    public void Keys_are_not_checked_when_the_definition_may_hold_more()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "external:\n  kubernetes:\n    secrets: [registry-creds, api-tls]\n    configmaps: [flags, api-config]\n")
            .Write("deploy/api.yaml", Workload)
            .Write("deploy/secret.yaml", """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: db}
                spec:
                  dataFrom:
                    - extract: {key: app}
                """);

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void A_definition_in_another_namespace_does_not_count()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("k8s/app.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: shop}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: job
                              envFrom:
                                - secretRef: {name: job-secrets}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: job-secrets, namespace: billing}
                stringData: {TOKEN: x}
                """);

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((12, 37), (finding.Line, finding.Column));
        Assert.Contains("runs in namespace 'shop' and the Secret is defined only in namespace 'billing' (k8s/app.yaml)", finding.Message);
    }

    [Fact]
    public void Optional_references_templates_and_placeholders_are_not_checked()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("deploy/pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      env:
                        - name: A
                          valueFrom:
                            secretKeyRef: {name: maybe, key: a, optional: true}
                        - name: B
                          valueFrom:
                            secretKeyRef: {name: "${SECRET_NAME}", key: b}
                      envFrom:
                        - configMapRef: {name: from-chart}
                  volumes:
                    - name: v
                      projected:
                        sources:
                          - configMap: {name: optional-cm, optional: true}
                """)
            .Write("deploy/charts/app/templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          envFrom:
                            - secretRef: {name: {{ .Values.secret }}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: from-chart
                data:
                  x: {{ .Values.x | quote }}
                """);

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void Objects_a_workflow_creates_with_kubectl_are_given_the_benefit_of_the_doubt()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "external:\n  kubernetes:\n    secrets: [registry-creds, api-tls]\n    configmaps: [flags, api-config]\n")
            .Write("deploy/api.yaml", Workload)
            .Write(".github/workflows/deploy.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl create secret generic db --from-literal=password=${{ secrets.DB }}\n");

        Assert.Empty(Run(repo).Findings);

        repo.Write(".github/workflows/deploy.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f deploy/\n");
        Assert.Single(Run(repo).Findings);
    }

    [Fact]
    public void Projected_sources_and_volume_items_are_checked()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("k8s/daemon.yaml", """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  template:
                    spec:
                      containers: [{name: agent, image: agent:1}]
                      volumes:
                        - name: config
                          configMap:
                            name: agent-config
                            items:
                              - key: agent.yaml
                                path: agent.yaml
                              - key: extra.yaml
                                path: extra.yaml
                        - name: all
                          projected:
                            sources:
                              - configMap: {name: agent-config}
                              - secret: {name: agent-token}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: agent-config}
                data:
                  agent.yaml: |
                    level: info
                """);

        var findings = Run(repo).Findings.OrderBy(f => f.Line).ToList();

        Assert.Equal(new[] { (15, 22), (21, 32) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Contains("Key 'extra.yaml' of ConfigMap 'agent-config' is referenced here (configMap volume 'config')", findings[0].Message);
        Assert.Contains("(its keys: agent.yaml)", findings[0].Message);
        Assert.Contains("Secret 'agent-token' is referenced here (projected secret volume 'all')", findings[1].Message);
    }

    [Fact]
    public void Multi_document_files_and_lists_are_read_whole()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("manifests/all.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: one}
                    data: {a: "1"}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  template:
                    spec:
                      containers:
                        - name: db
                          env:
                            - name: A
                              valueFrom: {configMapKeyRef: {name: one, key: a}}
                            - name: B
                              valueFrom: {configMapKeyRef: {name: two, key: b}}
                """);

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal((21, 51), (finding.Line, finding.Column));
        Assert.Contains("ConfigMap 'two'", finding.Message);
    }

    [Fact]
    public void Only_the_owner_project_reports_manifests()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("deploy/api.yaml", Workload);

        Assert.NotEmpty(Run(repo, "src/Api/Api.csproj").Findings);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);
    }
    [Fact]
    public void Messages_stay_short_when_many_long_manifest_paths_were_looked_in()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("deploy/overlays/production-eu-west-with-a-long-name/api.yaml", Workload);
        for (var i = 0; i < 12; i++)
        {
            repo.Write($"deploy/overlays/production-eu-west-with-a-long-name/component-number-{i}/configmap.yaml",
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated-{i}\ndata:\n  a: b\n");
        }

        var findings = Run(repo).Findings;

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.True(f.Message.Length <= 300, $"{f.Message.Length} characters: {f.Message}"));
        Assert.Contains(findings, f => f.Message.EndsWith("looked in 13 manifests under deploy/overlays/production-eu-west-with-a-long-name/"));
    }
}
