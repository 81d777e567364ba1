using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3001-PF3006: compose projects checked by the task.</summary>
public class ComposeChecksTests
{
    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static Finding[] Run(TempRepository repo, string rule, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        Assert.Empty(RepositoryChecks.Run(context));
        return context.Findings.Where(f => f.RuleId == rule).ToArray();
    }

    private static TempRepository Repo(string compose) => new TempRepository()
        .Write("src/Api/Api.csproj", WebProject)
        .Write("src/Api/Dockerfile", "FROM x\n")
        .Write("compose.yaml", compose);

    // PF3001

    [Fact]
    public void PF3001_missing_context_dockerfile_env_file_and_bind_source()
    {
        using var repo = Repo("""
            services:
              api:
                build:
                  context: src/Api
                  dockerfile: Api.Dockerfile
                env_file: [api.env]
                volumes:
                  - ./config:/app/config:ro
              worker:
                build: ./src/Worker
            """);

        var findings = Run(repo, "PF3001");

        Assert.Equal(new[] { (5, 19), (6, 16), (8, 9), (10, 12) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("dockerfile 'Api.Dockerfile' of service 'api' does not exist (looked for src/Api/Api.Dockerfile in the build context)", findings[0].Message);
        Assert.Contains("env_file 'api.env' of service 'api' does not exist", findings[1].Message);
        Assert.Contains("bind-mount source './config' of service 'api' does not exist", findings[2].Message);
        Assert.Contains("build context './src/Worker' of service 'worker' does not exist", findings[3].Message);
        Assert.All(findings, f => Assert.Equal(repo.Path("compose.yaml"), f.File));
    }

    [Fact]
    public void PF3001_silent_for_existing_optional_variable_home_and_created_paths()
    {
        using var repo = Repo("""
            services:
              api:
                build: src/Api
                env_file:
                  - path: ./optional.env
                    required: false
                  - present.env
                volumes:
                  - ./src:/src
                  - ${DATA_DIR}:/data
                  - ~/cache:/cache
                  - named:/named
                  - type: bind
                    source: ./created
                    target: /created
                    bind:
                      create_host_path: true
              remote:
                build: https://github.com/org/repo.git
              inline:
                build:
                  context: .
                  dockerfile_inline: FROM x
            volumes:
              named:
            """).Write("present.env", "A=1\n");

        Assert.Empty(Run(repo, "PF3001"));
    }

    [Fact]
    public void PF3001_is_reported_by_the_project_the_service_builds_only()
    {
        using var repo = Repo("services:\n  api:\n    build: src/Api\n    env_file: missing.env\n")
            .Write("src/Other/Other.csproj", WebProject)
            .Write("src/Aaa/Aaa.csproj", WebProject);

        Assert.Single(Run(repo, "PF3001", "src/Api/Api.csproj"));
        Assert.Empty(Run(repo, "PF3001", "src/Aaa/Aaa.csproj"));
        Assert.Empty(Run(repo, "PF3001", "src/Other/Other.csproj"));
    }

    // PF3002

    [Fact]
    public void PF3002_variable_without_default_value_or_declaration_is_reported_at_the_use()
    {
        using var repo = Repo("""
            services:
              db:
                image: "postgres:${PG_VERSION}"
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD}
                  POSTGRES_USER: ${DB_USER:-app}
                  POSTGRES_DB: ${DB_NAME}
                  REQUIRED: ${NEEDED:?set NEEDED}
            """)
            .Write(".env", "PG_VERSION=16\n")
            .Write("preflight.yaml", "secrets:\n  - DB_PASSWORD\n");

        var findings = Run(repo, "PF3002");

        Assert.Equal(new[] { (7, 20), (8, 17) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("Variable 'DB_NAME' has no default and is set neither in .env or an example env file (.env.example) nor in preflight.yaml (secrets:/variables:); compose will substitute an empty string", findings[0].Message);
        Assert.StartsWith("Variable 'NEEDED'", findings[1].Message);
    }

    [Fact]
    public void PF3002_silent_when_every_variable_is_provided_or_defaulted()
    {
        using var repo = Repo("services:\n  api:\n    image: \"app:${TAG}\"\n    environment:\n      A: ${A:-x}\n      B: ${B-}\n      C: $$NOT_A_VARIABLE\n      D: ${D}\n    volumes:\n      - ${HOME}/.cache:/cache\n")
            .Write(".env", "TAG=1\n")
            .Write("preflight.yaml", "variables:\n  - D\n");

        Assert.Empty(Run(repo, "PF3002"));
    }

    [Fact]
    public void PF3002_mentions_the_missing_env_file()
    {
        using var repo = Repo("services:\n  api:\n    image: \"app:${TAG}\"\n");

        Assert.Contains("a .env or example env file (.env.example) beside compose.yaml (there is none)", Assert.Single(Run(repo, "PF3002")).Message);
    }

    // PF3003

    [Fact]
    public void PF3003_catalogue_requirements_are_reported_at_the_service()
    {
        using var repo = Repo("""
            services:
              db:
                image: registry.example.com:5000/library/postgres:16-alpine
                environment:
                  POSTGRES_USER: app
              mongo:
                image: mongo:7
                environment:
                  MONGO_INITDB_ROOT_USERNAME: root
              sql:
                image: mcr.microsoft.com/mssql/server:2022-latest
                profiles: [sql]
                environment:
                  - MSSQL_SA_PASSWORD
              mysql:
                image: mysql:8
              seq:
                image: datalust/seq
                environment:
                  ACCEPT_EULA: "N"
            """);

        var findings = Run(repo, "PF3003");

        Assert.Equal(new[] { (2, 3), (6, 3), (10, 3), (10, 3), (15, 3), (17, 3) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("Service 'db' (image registry.example.com:5000/library/postgres:16-alpine) lacks POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE)", findings[0].Message);
        Assert.Contains("sets MONGO_INITDB_ROOT_USERNAME but lacks MONGO_INITDB_ROOT_PASSWORD", findings[1].Message);
        Assert.Contains("lacks ACCEPT_EULA", findings[2].Message);
        Assert.Contains("lacks one of MSSQL_SA_PASSWORD, SA_PASSWORD", findings[3].Message);
        Assert.Contains("lacks one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD", findings[4].Message);
        Assert.Contains("needs ACCEPT_EULA set to Y", findings[5].Message);
    }

    [Fact]
    public void PF3003_silent_when_requirements_are_met_by_environment_env_file_dotenv_file_alias_or_declaration()
    {
        using var repo = Repo("""
            services:
              a:
                image: postgres
                environment:
                  POSTGRES_PASSWORD: ${PG_PASSWORD}
              b:
                image: postgres
                env_file: db.env
              c:
                image: postgres
                environment:
                  - POSTGRES_PASSWORD
              d:
                image: postgres
                environment:
                  POSTGRES_PASSWORD_FILE: /run/secrets/pg
              e:
                image: postgres
                environment:
                  POSTGRES_HOST_AUTH_METHOD: trust
              f:
                image: bitnami/postgresql
              g:
                image: mongo
            """)
            .Write("db.env", "POSTGRES_PASSWORD=x\n")
            .Write(".env", "POSTGRES_PASSWORD=y\n")
            .Write("preflight.yaml", "secrets:\n  - PG_PASSWORD\n");

        Assert.Empty(Run(repo, "PF3003"));
    }

    [Fact]
    public void PF3003_preflight_yaml_images_extend_the_catalogue()
    {
        using var repo = Repo("services:\n  llm:\n    image: mintplexlabs/anythingllm:latest\n  own:\n    image: registry.example.com/team/tool:1\n")
            .Write("preflight.yaml", "images:\n  team/tool:\n    requires: [TOOL_TOKEN]\n");

        var findings = Run(repo, "PF3003");

        Assert.Equal(new[] { "Service 'llm' (image mintplexlabs/anythingllm:latest) lacks STORAGE_DIR", "Service 'own' (image registry.example.com/team/tool:1) lacks TOOL_TOKEN; required by preflight.yaml images:" },
            findings.Select(f => f.Message));
    }

    // PF3004

    [Fact]
    public void PF3004_persist_path_without_volume_is_reported()
    {
        using var repo = Repo("""
            services:
              llm:
                image: mintplexlabs/anythingllm
                environment:
                  STORAGE_DIR: /app/server/storage
              llm-ok:
                image: mintplexlabs/anythingllm
                environment:
                  STORAGE_DIR: /app/server/storage
                volumes:
                  - storage:/app/server
              custom:
                image: team/db
                environment:
                  DATA: /var/data
                volumes:
                  - type: tmpfs
                    target: /var/data
            volumes:
              storage:
            """).Write("preflight.yaml", "images:\n  team/db:\n    persist: [DATA]\n");

        var findings = Run(repo, "PF3004");

        Assert.Equal(new[] { (2, 3), (12, 3) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("Service 'llm' (image mintplexlabs/anythingllm) keeps its data at STORAGE_DIR='/app/server/storage' but no volume is mounted at or above that path; the data is lost when the container is recreated", findings[0].Message);
    }

    [Fact]
    public void PF3004_silent_when_the_value_is_unknown_or_relative()
    {
        using var repo = Repo("services:\n  a:\n    image: mintplexlabs/anythingllm\n    environment:\n      STORAGE_DIR: ${STORAGE}\n  b:\n    image: mintplexlabs/anythingllm\n    environment:\n      STORAGE_DIR: storage\n")
            .Write("preflight.yaml", "variables: [STORAGE]\n");

        Assert.Empty(Run(repo, "PF3004"));
    }

    // PF3005

    [Fact]
    public void PF3005_undefined_references_and_cycles()
    {
        using var repo = Repo("""
            services:
              api:
                image: app
                depends_on: [db, queue]
                volumes: [cache:/cache]
              db:
                image: postgres
                depends_on:
                  api:
                    condition: service_started
                environment:
                  POSTGRES_PASSWORD: x
            """);

        var findings = Run(repo, "PF3005");

        Assert.Equal(new[] { (4, 22), (5, 15), (9, 7) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("service \"api\" depends on undefined service \"queue\"", findings[0].Message);
        Assert.Contains("undefined volume \"cache\"", findings[1].Message);
        Assert.Equal("depends_on cycle: api -> db -> api", findings[2].Message);
    }

    [Fact]
    public void PF3005_silent_for_defined_references_and_optional_dependencies()
    {
        using var repo = Repo("""
            services:
              api:
                image: app
                depends_on:
                  db:
                    condition: service_healthy
                  optional:
                    required: false
                networks: [default, back]
                secrets: [token]
              db:
                image: redis
            networks:
              back:
            secrets:
              token:
                environment: TOKEN
            """);

        Assert.Empty(Run(repo, "PF3005"));
    }

    [Fact]
    public void PF3005_and_PF3006_are_reported_by_the_owner_project_only()
    {
        using var repo = Repo("services:\n  api:\n    build: src/Api\n    depends_on: [ghost]\n    imgae: x\n")
            .Write("src/Aaa/Aaa.csproj", WebProject);

        Assert.Single(Run(repo, "PF3005", "src/Aaa/Aaa.csproj"));
        Assert.Single(Run(repo, "PF3006", "src/Aaa/Aaa.csproj"));
        Assert.Empty(Run(repo, "PF3005", "src/Api/Api.csproj"));
        Assert.Empty(Run(repo, "PF3006", "src/Api/Api.csproj"));
    }

    // PF3006

    [Fact]
    public void PF3006_schema_and_syntax_errors_in_the_file_they_are_in()
    {
        using var repo = Repo("services:\n  api:\n    image: app\n    restart_policy: always\n    ports: 80\n")
            .Write("compose.override.yaml", "services:\n  api:\n    environment: [\n");

        var findings = Run(repo, "PF3006");

        Assert.Equal(new[] { ("compose.yaml", 4, 5), ("compose.yaml", 5, 12), ("compose.override.yaml", 4, 1) },
            findings.Select(f => (System.IO.Path.GetFileName(f.File), f.Line, f.Column)));
        Assert.Equal("service \"api\": unknown key \"restart_policy\"", findings[0].Message);
        Assert.Equal("service \"api\": \"ports\" must be a list, not a string", findings[1].Message);
    }

    [Fact]
    public void PF3006_silent_for_a_valid_file_with_extensions_and_anchors()
    {
        using var repo = Repo("x-env: &env\n  A: \"1\"\nservices:\n  api:\n    image: app\n    environment:\n      <<: *env\n    x-note: hi\n");

        Assert.Empty(Run(repo, "PF3006"));
    }

    [Fact]
    public void PF3003_env_file_value_from_a_deploy_time_variable_counts_as_set()
    {
        using var repo = Repo("services:\n  db:\n    image: postgres\n    env_file: db.env\n")
            .Write("db.env", "POSTGRES_PASSWORD=${PG_SECRET}\n");

        Assert.Empty(Run(repo, "PF3003"));
    }

    [Fact]
    public void Included_project_is_checked_as_part_of_the_including_project_only()
    {
        using var repo = Repo("include:\n  - db/compose.yaml\nservices:\n  api:\n    image: app\n    depends_on: [db]\n")
            .Write("db/compose.yaml", "services:\n  db:\n    image: postgres\n    depends_on: [api]\n");

        var findings = Run(repo, "PF3005");
        var cycle = Assert.Single(findings);
        Assert.StartsWith("depends_on cycle", cycle.Message);
        Assert.Single(Run(repo, "PF3003"));
    }

    [Fact]
    public void PF3003_versions_commands_and_lengths_of_the_catalogue()
    {
        using var repo = Repo("""
            services:
              search-old:
                image: opensearchproject/opensearch:2.11.1
              search:
                image: opensearchproject/opensearch:2.12.0
              search-off:
                image: opensearchproject/opensearch:latest
                environment:
                  DISABLE_SECURITY_PLUGIN: "true"
              kc-dev:
                image: quay.io/keycloak/keycloak:26.0
                command: start-dev
              kc:
                image: quay.io/keycloak/keycloak:26.0
                command: ["start", "--optimized"]
              kc-ok:
                image: quay.io/keycloak/keycloak:26.0
                command: start
                environment:
                  KC_HOSTNAME_STRICT: "false"
              minio:
                image: minio/minio
                environment:
                  MINIO_ROOT_PASSWORD: short
            """);

        var findings = Run(repo, "PF3003");

        Assert.Equal(new[] { 4, 13, 21 }, findings.Select(f => f.Line));
        Assert.Contains("lacks OPENSEARCH_INITIAL_ADMIN_PASSWORD", findings[0].Message);
        Assert.Contains("lacks one of KC_HOSTNAME, KC_HOSTNAME_STRICT=false", findings[1].Message);
        Assert.Contains("sets MINIO_ROOT_PASSWORD shorter than the 8 characters the image requires", findings[2].Message);
        Assert.DoesNotContain("short", findings[2].Message.Replace("shorter", string.Empty));
    }
}
