using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using KeyTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;
using VariableTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.EnvironmentVariableAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>Each declaration source of PF1001/PF1002: what it declares (negative) and that it is listed when a key is missing (positive).</summary>
public class DeclarationSourceTests
{
    private const string ReadsBucketAndMissing = """
        using Microsoft.Extensions.Configuration;
        class C
        {
            string? Declared(IConfiguration c) => c["Storage:Bucket"];
            string? Missing(IConfiguration c) => c[{|#0:"Storage:Missing"|}];
        }
        """;

    private const string ComposeApi = """
        services:
          api:
            build: src/Api
            image: ghcr.io/acme/api:1.0
        """;

    private static DiagnosticResult PF1001(string places) =>
        KeyTest.Diagnostic("PF1001").WithLocation(0).WithArguments("Storage:Missing", places);

    [Fact]
    public Task Env_example_beside_the_project_declares_its_keys() =>
        new KeyTest(ReadsBucketAndMissing)
            .WithFile(".env.example", "# what to set\nSTORAGE__BUCKET=\nexport OTHER=1\n")
            .Expect(PF1001("src/Api/.env.example"))
            .RunAsync();

    [Fact]
    public Task Env_template_at_the_repository_root_declares_its_keys() =>
        new KeyTest(ReadsBucketAndMissing)
            .WithFile("/repo/.env.template", "Storage__Bucket=uploads\n")
            .Expect(PF1001(".env.template"))
            .RunAsync();

    [Fact]
    public Task Env_files_elsewhere_declare_nothing() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Storage:Missing"|}]; }
            """)
            .WithFile("appsettings.json", "{}")
            .WithFile("/repo/tools/.env.example", "STORAGE__MISSING=x\n")
            .Expect(PF1001("appsettings.json"))
            .RunAsync();

    [Fact]
    public Task Compose_env_file_contents_declare_keys() =>
        new KeyTest(ReadsBucketAndMissing)
            .WithFile("/repo/compose.yaml", """
                services:
                  api:
                    build: src/Api
                    env_file: [ config/api.env ]
                """)
            .WithFile("/repo/config/api.env", "STORAGE__BUCKET=\"multi\nline\"\nIGNORED_AFTER=1\n")
            .Expect(PF1001("compose.yaml (service api), config/api.env"))
            .RunAsync();

    [Fact]
    public Task Compose_env_file_that_was_not_passed_in_may_set_anything() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["Storage:Missing"]; }
            """)
            .WithFile("/repo/compose.yaml", """
                services:
                  api:
                    build: src/Api
                    env_file: secrets/api.properties
                """)
            .RunAsync();

    [Fact]
    public Task Dockerfile_ENV_of_the_final_stage_and_its_parents_declares_keys() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c) => c["Storage:Bucket"];
                string? B(IConfiguration c) => c["Logging:Level"];
                string? D(IConfiguration c) => c[{|#0:"Storage:Missing"|}];
            }
            """)
            .WithFile("Dockerfile", """
                FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
                ENV STORAGE__MISSING=only-at-build-time
                FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
                ENV Logging__Level Debug
                FROM base AS final
                ENV STORAGE__BUCKET=uploads OTHER="a b"
                """)
            .Expect(PF1001("src/Api/Dockerfile (ENV)"))
            .RunAsync();

    [Fact]
    public Task Kubernetes_container_running_the_project_image_declares_env_and_in_repo_config_map_keys() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c) => c["Storage:Bucket"];
                string? B(IConfiguration c) => c["OpenAI:ApiKey"];
                string? D(IConfiguration c) => c["App:Region"];
                string? E(IConfiguration c) => c[{|#0:"Storage:Missing"|}];
            }
            """)
            .WithFile("/repo/k8s/api.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: { name: api-config }
                data:
                  REGION: eu
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: api }
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: registry.example/acme/api:2.1
                          env:
                            - name: Storage__Bucket
                              value: uploads
                            - name: OpenAI__ApiKey
                              valueFrom: { secretKeyRef: { name: openai, key: key } }
                          envFrom:
                            - configMapRef: { name: api-config }
                              prefix: App__
                        - name: sidecar
                          image: envoyproxy/envoy:v1.30
                          env:
                            - name: Storage__Missing
                              value: not-for-the-api
                """)
            .Expect(PF1001("k8s/api.yaml (container api)"))
            .RunAsync();

    [Fact]
    public Task Kubernetes_envFrom_a_secret_defined_elsewhere_may_set_anything() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["Storage:Missing"]; }
            """)
            .WithFile("/repo/deploy/api.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: api }
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: api
                          envFrom: [ { secretRef: { name: api-secrets } } ]
                """)
            .RunAsync();

    [Fact]
    public Task Kubernetes_container_found_through_the_compose_image_name() =>
        new KeyTest(ReadsBucketAndMissing)
            .WithFile("/repo/compose.yaml", ComposeApi)
            .WithFile("/repo/k8s/deploy.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: { name: storage }
                spec:
                  template:
                    spec:
                      containers:
                        - name: main
                          image: ghcr.io/acme/api@sha256:0123
                          env: [ { name: STORAGE__BUCKET, value: x } ]
                """)
            .Expect(PF1001("compose.yaml (service api), k8s/deploy.yaml (container main)"))
            .RunAsync();

    [Fact]
    public Task Preflight_yaml_secrets_and_variables_declare_keys() =>
        new KeyTest("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? A(IConfiguration c) => c["Storage:Bucket"];
                string? B(IConfiguration c) => c["OpenAI:ApiKey"];
                string? D(IConfiguration c) => c[{|#0:"Storage:Missing"|}];
            }
            """)
            .WithFile("/repo/preflight.yaml", """
                secrets:
                  - name: OpenAI__ApiKey
                    environments: [production]
                variables: [ Storage__Bucket ]
                """)
            .Expect(PF1001("preflight.yaml"))
            .RunAsync();

    [Fact]
    public Task Environment_variables_use_raw_names_from_every_source() =>
        new VariableTest("""
            using System;
            class C
            {
                string? A() => Environment.GetEnvironmentVariable("STORAGE_DIR");
                string? B() => Environment.GetEnvironmentVariable("PULUMI_ACCESS_TOKEN");
                string? D() => Environment.GetEnvironmentVariable("HF_HOME");
                string? E() => Environment.GetEnvironmentVariable({|#0:"LAMBDA_LABS_API_KEY"|});
            }
            """)
            .WithFile("/repo/.env.sample", "STORAGE_DIR=/data\n")
            .WithFile("/repo/preflight.yaml", "secrets: [ PULUMI_ACCESS_TOKEN ]\n")
            .WithFile("Dockerfile", "FROM python:3.12\nENV HF_HOME=/models\n")
            .Expect(VariableTest.Diagnostic("PF1002").WithLocation(0)
                .WithArguments("LAMBDA_LABS_API_KEY", ".env.sample, src/Api/Dockerfile (ENV), preflight.yaml"))
            .RunAsync();
}
