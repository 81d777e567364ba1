using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3003: a compose service lacking a variable its image requires, checked by the task (shared set-up in <see cref="ComposeCheckTests"/>).</summary>
public class PF3003ComposeImageTests : ComposeCheckTests
{
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

    [Fact]
    public void PF3003_env_file_value_from_a_deploy_time_variable_counts_as_set()
    {
        using var repo = Repo("services:\n  db:\n    image: postgres\n    env_file: db.env\n")
            .Write("db.env", "POSTGRES_PASSWORD=${PG_SECRET}\n");

        Assert.Empty(Run(repo, "PF3003"));
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
