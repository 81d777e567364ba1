using System.Linq;
using Preflight.Artifacts.Kubernetes;
using Xunit;

namespace Preflight.Artifacts.Tests.Kubernetes;

public class KubernetesParserTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              nodeSelector:
                kubernetes.io/hostname: mcp-node
              imagePullSecrets:
                - name: registry-creds
              initContainers:
                - name: migrate
                  image: shop/migrate:1
              containers:
                - name: api
                  image: shop/api:1.2
                  ports:
                    - containerPort: 8080
                      name: http
                  env:
                    - name: LITERAL
                      value: "x"
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: db
                          key: password
                    - name: FEATURE
                      valueFrom:
                        configMapKeyRef: {name: flags, key: feature, optional: true}
                    - name: POD
                      valueFrom:
                        fieldRef: {fieldPath: metadata.name}
                    - name: MEM
                      valueFrom:
                        resourceFieldRef: {resource: limits.memory}
                  envFrom:
                    - configMapRef:
                        name: api-config
                    - prefix: S_
                      secretRef:
                        name: api-secrets
                        optional: true
                  livenessProbe:
                    httpGet:
                      path: /health/live
                      port: http
                  readinessProbe:
                    httpGet:
                      path: /health/ready
                      port: 8080
                  startupProbe:
                    tcpSocket:
                      port: 8080
              volumes:
                - name: certs
                  secret:
                    secretName: tls
                    items:
                      - key: tls.crt
                        path: cert.pem
                - name: settings
                  configMap:
                    name: settings
                    optional: true
                - name: cache
                  emptyDir: {}
        """;

    [Fact]
    public void Reads_object_identity_and_spans()
    {
        var file = KubernetesParser.Parse(Deployment);

        Assert.Empty(file.Errors);
        var deployment = Assert.Single(file.Objects);
        Assert.Equal(("apps/v1", "Deployment", "api", "shop", 0), (deployment.ApiVersion, deployment.Kind, deployment.Name, deployment.Namespace, deployment.DocumentIndex));
        Assert.Equal((4, 9), (deployment.NameSpan.Line, deployment.NameSpan.Column));
        Assert.Equal(1, deployment.Span.Line);
        Assert.Equal(69, deployment.Span.EndLine);
        Assert.Equal("spec.template.spec", deployment.PodSpec!.Path);
    }

    [Fact]
    public void Reads_containers_env_and_value_sources()
    {
        var spec = KubernetesParser.Parse(Deployment).Objects[0].PodSpec!;

        Assert.Equal("migrate", Assert.Single(spec.InitContainers).Name);
        Assert.True(spec.InitContainers[0].IsInit);
        var api = Assert.Single(spec.Containers);
        Assert.Equal(("api", "shop/api:1.2"), (api.Name, api.Image));
        Assert.Equal(new[] { "api", "migrate" }, spec.AllContainers.Select(c => c.Name));

        var env = api.Env.ToDictionary(e => e.Name);
        Assert.Equal("x", env["LITERAL"].Value);
        Assert.False(env["LITERAL"].IsValueFrom);
        var secret = env["DB_PASSWORD"].SecretKeyRef!;
        Assert.Equal((KubernetesReferenceKind.Secret, "db", "password", false), (secret.Kind, secret.Name, secret.Key, secret.Optional));
        Assert.Equal((29, 24), (secret.KeySpan.Line, secret.KeySpan.Column));
        var flag = env["FEATURE"].ConfigMapKeyRef!;
        Assert.Equal((KubernetesReferenceKind.ConfigMap, "flags", "feature", true), (flag.Kind, flag.Name, flag.Key, flag.Optional));
        Assert.Equal("metadata.name", env["POD"].FieldPath);
        Assert.Equal("limits.memory", env["MEM"].Resource);
        Assert.True(env["MEM"].IsValueFrom);
    }

    [Fact]
    public void Reads_env_from_ports_and_probes()
    {
        var api = KubernetesParser.Parse(Deployment).Objects[0].PodSpec!.Containers[0];

        Assert.Equal(new[] { (KubernetesReferenceKind.ConfigMap, "api-config", false, (string?)null), (KubernetesReferenceKind.Secret, "api-secrets", true, "S_") },
            api.EnvFrom.Select(e => (e.Kind, e.Name!, e.Optional, e.Prefix)));
        Assert.Equal((8080, "http"), (api.Ports[0].ContainerPort, api.Ports[0].Name));

        var live = api.LivenessProbe!.HttpGet!;
        Assert.Equal(("/health/live", (int?)null, "http"), (live.Path, live.PortNumber, live.PortName));
        Assert.Equal(48, live.PathSpan.Line);
        var ready = api.ReadinessProbe!.HttpGet!;
        Assert.Equal(("/health/ready", (int?)8080, (string?)null), (ready.Path, ready.PortNumber, ready.PortName));
        Assert.Equal("tcpSocket", api.StartupProbe!.Handler);
        Assert.Null(api.StartupProbe.HttpGet);
        Assert.Equal(new[] { KubernetesProbeKind.Liveness, KubernetesProbeKind.Readiness, KubernetesProbeKind.Startup }, api.Probes.Select(p => p.Kind));
    }

    [Fact]
    public void Reads_volumes_pull_secrets_and_node_selector()
    {
        var spec = KubernetesParser.Parse(Deployment).Objects[0].PodSpec!;

        Assert.Equal(new[] { "secret", "configMap", "emptyDir" }, spec.Volumes.Select(v => v.Type));
        var tls = Assert.Single(spec.Volumes[0].References);
        Assert.Equal((KubernetesReferenceKind.Secret, "tls", false), (tls.Kind, tls.Name, tls.Optional));
        Assert.Equal(("tls.crt", "cert.pem"), (tls.Items[0].Key, tls.Items[0].Path));
        Assert.True(spec.Volumes[1].References[0].Optional);
        Assert.Empty(spec.Volumes[2].References);
        Assert.Equal("registry-creds", Assert.Single(spec.ImagePullSecrets).Name);
        var label = Assert.Single(spec.NodeSelector!);
        Assert.Equal(("kubernetes.io/hostname", "mcp-node"), (label.Key, label.Value));
        Assert.Equal(9, spec.NodeSelectorSpan.Line);
    }

    [Fact]
    public void Reads_every_document_with_its_index()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: one}
            data: {a: "1"}
            ---
            # a comment-only document
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: two}
            spec:
              containers: [{name: c, image: busybox}]
            ...
            ---
            apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: Service, metadata: {name: three}}
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: four}}
            """);

        Assert.Empty(file.Errors);
        Assert.Equal(4, file.DocumentCount);
        Assert.Equal(new[] { ("one", 0), ("two", 2), ("three", 3), ("four", 3) }, file.Objects.Select(o => (o.Name!, o.DocumentIndex)));
        Assert.Equal("spec", file.Objects[1].PodSpec!.Path);
        Assert.Equal(new[] { "two" }, file.Workloads.Select(w => w.Name));
        Assert.Equal(new[] { "one", "four" }, file.Definitions.Select(d => d.Name));
        Assert.Equal(8, file.Objects[1].Span.Line);
    }

    [Fact]
    public void Reads_cron_job_pod_template()
    {
        var cron = KubernetesParser.Parse("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: job
                          image: shop/job
                          env:
                            - name: TOKEN
                              valueFrom: {secretKeyRef: {name: job-token, key: token}}
            """).Objects.Single();

        Assert.Equal("spec.jobTemplate.spec.template.spec", cron.PodSpec!.Path);
        Assert.Equal("job-token", cron.PodSpec.Containers[0].Env[0].SecretKeyRef!.Name);
    }

    [Theory]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("ReplicaSet")]
    [InlineData("Job")]
    public void Reads_pod_template_of_every_workload_kind(string kind)
    {
        var workload = KubernetesParser.Parse($"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: w}}\nspec:\n  template:\n    spec:\n      containers: [{{name: c, image: i}}]\n").Objects.Single();

        Assert.Equal("c", workload.PodSpec!.Containers.Single().Name);
    }

    [Fact]
    public void Non_workloads_have_no_pod_spec()
    {
        var service = KubernetesParser.Parse("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {template: {spec: {containers: []}}}\n").Objects.Single();

        Assert.Null(service.PodSpec);
        Assert.False(service.IsWorkload);
    }

    [Fact]
    public void Reads_projected_volume_sources()
    {
        var volume = KubernetesParser.Parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: i}]
              volumes:
                - name: all-in-one
                  projected:
                    sources:
                      - secret:
                          name: creds
                          items: [{key: username, path: user}]
                      - configMap:
                          name: app
                          optional: true
                      - downwardAPI:
                          items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]
                      - serviceAccountToken: {path: token}
            """).Objects.Single().PodSpec!.Volumes.Single();

        Assert.Equal("projected", volume.Type);
        Assert.Equal(new[] { (KubernetesReferenceKind.Secret, "creds", false), (KubernetesReferenceKind.ConfigMap, "app", true) },
            volume.References.Select(r => (r.Kind, r.Name!, r.Optional)));
        Assert.Equal("username", volume.References[0].Items.Single().Key);
    }

    [Fact]
    public void Reads_references_without_names_and_keys()
    {
        var env = KubernetesParser.Parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: c
                  env:
                    - name: A
                      valueFrom:
                        secretKeyRef: {}
                    - value: no-name-is-skipped
            """).Objects.Single().PodSpec!.Containers[0].Env;

        var reference = Assert.Single(env).SecretKeyRef!;
        Assert.Null(reference.Name);
        Assert.Null(reference.Key);
        Assert.Equal(reference.Span, reference.NameSpan);
    }

    [Fact]
    public void Optional_is_read_as_kubernetes_reads_booleans()
    {
        var refs = KubernetesParser.Parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: c
                  envFrom:
                    - secretRef: {name: a, optional: yes}
                    - secretRef: {name: b, optional: "true"}
                    - secretRef: {name: c, optional: false}
            """).Objects[0].PodSpec!.Containers[0].EnvFrom;

        Assert.Equal(new[] { true, false, false }, refs.Select(r => r.Optional));
    }

    [Fact]
    public void Reads_config_map_and_secret_keys_without_values()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data:
              appsettings.json: "{}"
            binaryData:
              logo.png: aGVsbG8=
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            type: Opaque
            data:
              password: aHVudGVyMg==
            stringData:
              username: admin
            """);

        var configMap = file.Definitions.First();
        Assert.Equal((KubernetesReferenceKind.ConfigMap, KubernetesDefinitionSource.Manifest, "settings", "shop"), (configMap.Kind, configMap.Source, configMap.Name, configMap.Namespace));
        Assert.Equal(new[] { ("appsettings.json", "data"), ("logo.png", "binaryData") }, configMap.Keys.Select(k => (k.Key, k.Field)));
        var secret = file.Definitions.Last();
        Assert.Equal(new[] { "password", "username" }, secret.Keys.Select(k => k.Key));
        Assert.True(secret.KeysAreComplete);
        Assert.Equal("Opaque", secret.SecretType);
        Assert.True(secret.HasKey("password"));
        Assert.Equal((14, 13), (secret.Keys[0].ValueSpan.Line, secret.Keys[0].ValueSpan.Column));
    }

    [Fact]
    public void Service_account_token_secret_keys_are_incomplete()
    {
        var secret = KubernetesParser.Parse("apiVersion: v1\nkind: Secret\nmetadata: {name: t}\ntype: kubernetes.io/service-account-token\n").Definitions.Single();

        Assert.False(secret.KeysAreComplete);
    }

    [Fact]
    public void Sealed_secret_defines_the_secret_it_unseals()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: db, namespace: shop}
            spec:
              encryptedData:
                password: AgBy8hCi...
            ---
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: sealed}
            spec:
              encryptedData: {token: AgA...}
              template:
                metadata: {name: unsealed-name}
                data: {extra: "{{ index . \"token\" }}x"}
            """);

        Assert.False(file.IsTemplate);
        var definitions = file.Definitions.ToList();
        Assert.Equal((KubernetesReferenceKind.Secret, KubernetesDefinitionSource.SealedSecret, "db", "shop"),
            (definitions[0].Kind, definitions[0].Source, definitions[0].Name, definitions[0].Namespace));
        Assert.Equal("password", definitions[0].Keys.Single().Key);
        Assert.Equal("unsealed-name", definitions[1].Name);
        Assert.Equal(new[] { "token", "extra" }, definitions[1].Keys.Select(k => k.Key));
    }

    [Fact]
    public void External_secret_defines_its_target()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: external-secrets.io/v1beta1
            kind: ExternalSecret
            metadata: {name: es}
            spec:
              secretStoreRef: {name: vault, kind: ClusterSecretStore}
              target: {name: mcp-secrets}
              data:
                - secretKey: OPENAI_API_KEY
                  remoteRef: {key: openai}
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: all-of-it}
            spec:
              dataFrom:
                - extract: {key: app}
            ---
            apiVersion: not-external-secrets.example.com/v1
            kind: ExternalSecret
            metadata: {name: other}
            """);

        var definitions = file.Definitions.ToList();
        Assert.Equal(2, definitions.Count);
        Assert.Equal(("mcp-secrets", KubernetesDefinitionSource.ExternalSecret, true), (definitions[0].Name, definitions[0].Source, definitions[0].KeysAreComplete));
        Assert.Equal("OPENAI_API_KEY", definitions[0].Keys.Single().Key);
        Assert.Equal(6, definitions[0].NameSpan.Line);
        Assert.Equal(("all-of-it", false), (definitions[1].Name, definitions[1].KeysAreComplete));
    }

    [Fact]
    public void Certificate_and_kustomize_generators_define_objects()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: cert}
            spec: {secretName: api-tls, dnsNames: [api.example.com]}
            ---
            namespace: shop
            configMapGenerator:
              - name: app-config
                literals: [LOG_LEVEL=debug, "MODE=fast"]
                files: [config/app.json, custom=config/other.json]
            secretGenerator:
              - name: app-secrets
                envs: [secrets.env]
            """);

        var definitions = file.Definitions.ToList();
        Assert.Equal(("api-tls", KubernetesDefinitionSource.Certificate), (definitions[0].Name, definitions[0].Source));
        Assert.True(definitions[0].HasKey("tls.key"));
        Assert.Equal(("app-config", KubernetesReferenceKind.ConfigMap, "shop", true), (definitions[1].Name, definitions[1].Kind, definitions[1].Namespace, definitions[1].KeysAreComplete));
        Assert.Equal(new[] { "LOG_LEVEL", "MODE", "app.json", "custom" }, definitions[1].Keys.Select(k => k.Key));
        Assert.Equal((9, 26), (definitions[1].Keys[0].ValueSpan.Line, definitions[1].Keys[0].ValueSpan.Column));
        Assert.Equal(5, definitions[1].Keys[0].ValueSpan.Length);
        Assert.Equal(6, definitions[1].Keys[1].ValueSpan.Column - definitions[1].Keys[1].KeySpan.Column);
        Assert.Equal(("app-secrets", KubernetesReferenceKind.Secret, false), (definitions[2].Name, definitions[2].Kind, definitions[2].KeysAreComplete));
    }

    [Fact]
    public void Follows_merge_keys()
    {
        var container = KubernetesParser.Parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - &base
                  name: base
                  image: shop/base
                - <<: *base
                  name: derived
            """).Objects[0].PodSpec!.Containers[1];

        Assert.Equal(("derived", "shop/base"), (container.Name, container.Image));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-db\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"{{ include \\\"x\\\" . }}\"\n")]
    [InlineData("{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n{% if x %}\ndata: {}\n{% endif %}\n")]
    public void Template_files_are_not_read(string text)
    {
        var file = KubernetesParser.Parse(text);

        Assert.True(file.IsTemplate);
        Assert.Empty(file.Objects);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Template_text_inside_block_scalars_leaves_a_plain_manifest()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: alert-templates}
            data:
              slack.tmpl: |
                {{ define "slack.title" }}{{ .CommonLabels.alertname }}{{ end }}
            """);

        Assert.False(file.IsTemplate);
        Assert.Equal("alert-templates", file.Objects.Single().Name);
    }

    [Fact]
    public void External_secret_templates_leave_a_plain_manifest()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: external-secrets.io/v1beta1
            kind: ExternalSecret
            metadata: {name: db}
            spec:
              target:
                name: db-dsn
                template:
                  data:
                    DSN: "postgres://{{ .user }}:{{ .password }}@db/app"
              data:
                - {secretKey: user, remoteRef: {key: db-user}}
            """);

        Assert.False(file.IsTemplate);
        Assert.Equal(new[] { "user", "DSN" }, file.Definitions.Single().Keys.Select(k => k.Key));
    }

    [Fact]
    public void Documents_without_kind_are_not_objects_and_not_errors()
    {
        var file = KubernetesParser.Parse("replicaCount: 2\nimage:\n  repository: shop/api\n---\n- a\n- b\n---\nplain scalar\n");

        Assert.Empty(file.Objects);
        Assert.Empty(file.Errors);
        Assert.Equal(3, file.DocumentCount);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: [\n")]
    [InlineData("kind: Pod\n  bad: indent\n")]
    [InlineData("a: 1\na: 2\n")]
    public void Malformed_yaml_gives_a_positioned_error(string text)
    {
        var file = KubernetesParser.Parse(text);

        var error = Assert.Single(file.Errors);
        Assert.True(error.Span.Line >= 1);
        Assert.False(file.IsTemplate);
    }

    [Fact]
    public void Keeps_objects_of_documents_before_a_syntax_error()
    {
        var file = KubernetesParser.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\nkind: [\n");

        Assert.Equal("ok", file.Objects.Single().Name);
        Assert.True(file.Errors.Single().Span.Line >= 5);
    }
}
