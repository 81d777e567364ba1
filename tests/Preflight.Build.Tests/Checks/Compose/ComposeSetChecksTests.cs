using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>
/// Compose sets (every compose file read, as a base or an overlay of the base in its folder), example env files,
/// host bind sources and include cycles through folders: the compose rules on real repository shapes.
/// </summary>
public class ComposeSetChecksTests
{
    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static Finding[] Run(TempRepository repo, string rule)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        RepositoryChecks.Run(context);
        return context.Findings.Where(f => f.RuleId == rule).ToArray();
    }

    private static TempRepository Repo() => new TempRepository()
        .Write("src/Api/Api.csproj", WebProject)
        .Write("src/Api/Dockerfile", "FROM x\n");

    private const string Base = """
        services:
          api:
            build: src/Api
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: local
        """;

    // Every compose file is read

    [Fact]
    public void Non_spec_compose_files_are_read_and_their_missing_paths_reported()
    {
        using var repo = Repo()
            .Write("docker-compose.yml", Base)
            .Write("docker-compose.elk.yml", "services:\n  kibana:\n    image: kibana:8\n    volumes:\n      - ./elk/kibana.yml:/usr/share/kibana/config/kibana.yml\n")
            .Write("deploy/monitoring.services.yaml", "services:\n  grafana:\n    image: grafana/grafana\n    env_file: grafana.env\n")
            .Write("docker-compose-tests.yml", "services:\n  tests:\n    build: tests/Api.Tests\n");

        var findings = Run(repo, "PF3001");

        Assert.Equal(new[] { ("deploy/monitoring.services.yaml", 4, 15), ("docker-compose-tests.yml", 3, 12), ("docker-compose.elk.yml", 5, 9) },
            findings.Select(f => (f.File.Substring(repo.Root.Length + 1), f.Line, f.Column)).OrderBy(f => f.Item1));
        Assert.Contains("env_file 'grafana.env' of service 'grafana' does not exist", findings[0].Message + findings[1].Message + findings[2].Message);
        Assert.Contains(findings, f => f.Message.StartsWith("bind-mount source './elk/kibana.yml' of service 'kibana' does not exist"));
        Assert.Contains(findings, f => f.Message.StartsWith("build context 'tests/Api.Tests' of service 'tests' does not exist"));
    }

    [Fact]
    public void A_yaml_named_like_compose_that_is_a_kubernetes_manifest_or_a_workflow_is_not_read_as_compose()
    {
        using var repo = Repo()
            .Write("k8s/compose-api.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nservices:\n  x:\n    build: missing\n")
            .Write(".github/workflows/docker-compose.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres\n    steps:\n      - run: docker compose up\n")
            .Write("docs/compose-notes.yaml", "title: how we compose\nsections: [a, b]\n");

        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        RepositoryChecks.Run(context);

        Assert.Empty(context.ComposeFiles);
        Assert.DoesNotContain(context.Findings, f => f.RuleId.StartsWith("PF3"));
    }

    // Overlays

    [Fact]
    public void PF3005_overlay_service_that_no_base_defines_and_that_has_neither_image_nor_build()
    {
        using var repo = Repo()
            .Write("docker-compose.yml", Base)
            .Write("docker-compose.prod.yml", """
                services:
                  api:
                    environment:
                      ASPNETCORE_ENVIRONMENT: Production
                  worker:
                    environment:
                      QUEUE: orders
                    restart: always
                """);

        var finding = Assert.Single(Run(repo, "PF3005"));

        Assert.Equal((repo.Path("docker-compose.prod.yml"), 5, 3), (finding.File, finding.Line, finding.Column));
        Assert.Contains("service \"worker\" of overlay docker-compose.prod.yml has neither an image nor a build context", finding.Message);
        Assert.Contains("no base compose file of its folder (docker-compose.yml) defines it", finding.Message);
    }

    [Fact]
    public void PF3005_overlay_of_the_override_file_names_both_bases()
    {
        using var repo = Repo()
            .Write("docker-compose.yml", Base)
            .Write("docker-compose.override.yml", "services:\n  api:\n    ports: [\"5000:8080\"]\n")
            .Write("docker-compose.override.windows.yml", "services:\n  api:\n    environment:\n      A: b\n  identity:\n    ports: [\"5105:80\"]\n");

        var finding = Assert.Single(Run(repo, "PF3005"));

        Assert.Equal((repo.Path("docker-compose.override.windows.yml"), 5, 3), (finding.File, finding.Line, finding.Column));
        Assert.Contains("(docker-compose.yml, docker-compose.override.yml)", finding.Message);
    }

    [Fact]
    public void Overlay_services_that_a_base_or_another_file_of_the_folder_defines_are_fine()
    {
        using var repo = Repo()
            .Write("docker-compose.yml", Base)
            .Write("docker-compose.override.yml", "services:\n  api:\n    ports: [\"5000:8080\"]\n  cache:\n    image: redis\n")
            .Write("docker-compose.prod.yml", "services:\n  api:\n    restart: always\n  cache:\n    restart: always\n  db:\n    environment:\n      POSTGRES_DB: shop\n")
            .Write("docker-compose.ci.yml", "services:\n  tests:\n    extends:\n      file: docker-compose.yml\n      service: api\n  api:\n    restart: 'no'\n  seed:\n    profiles: [seed]\n    command: seed\n");

        Assert.Empty(Run(repo, "PF3005"));
        Assert.Empty(Run(repo, "PF3003"));
    }

    [Fact]
    public void Rules_on_an_overlay_service_use_the_merged_service()
    {
        // The overlay changes db without repeating its password (the base sets it): no PF3003; its own missing bind
        // source is still reported, at the overlay's line.
        using var repo = Repo()
            .Write("docker-compose.yml", Base)
            .Write("docker-compose.prod.yml", "services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - ./backups:/backups\n");

        Assert.Empty(Run(repo, "PF3003"));
        var finding = Assert.Single(Run(repo, "PF3001"));
        Assert.Equal((repo.Path("docker-compose.prod.yml"), 5, 9), (finding.File, finding.Line, finding.Column));
    }

    [Fact]
    public void A_file_that_adds_services_uses_the_networks_and_volumes_of_the_main_file()
    {
        using var repo = Repo()
            .Write("docker-compose.yml", Base + "\nnetworks:\n  backend:\nvolumes:\n  metrics:\n")
            .Write("docker-compose.monitoring.yml", "services:\n  prometheus:\n    image: prom/prometheus\n    networks: [backend]\n    volumes:\n      - metrics:/prometheus\n    depends_on: [api, ghost]\n");

        var finding = Assert.Single(Run(repo, "PF3005"));

        Assert.Equal((repo.Path("docker-compose.monitoring.yml"), 7, 23), (finding.File, finding.Line, finding.Column));
        Assert.Contains("undefined service \"ghost\"", finding.Message);
    }

    [Fact]
    public void A_compose_file_in_a_folder_without_base_is_a_base_of_its_own_and_not_an_overlay()
    {
        // deploy/ has no base: the file may be chained with a base elsewhere (-f ../docker-compose.yml); nothing to report.
        using var repo = Repo()
            .Write("docker-compose.yml", Base)
            .Write("deploy/docker-compose.prod.yml", "services:\n  api:\n    restart: always\n");

        Assert.Empty(Run(repo, "PF3005"));
    }

    [Fact]
    public void PF3003_is_silent_when_the_override_of_a_non_spec_base_sets_the_variable_and_reported_when_no_combination_does()
    {
        using var repo = Repo()
            .Write("docker-compose-tests.yml", "services:\n  sql-test:\n    image: postgres:16\n  mongo-test:\n    image: mongo:7\n    environment:\n      MONGO_INITDB_ROOT_USERNAME: root\n")
            .Write("docker-compose-tests.override.yml", "services:\n  sql-test:\n    environment:\n      - POSTGRES_PASSWORD=local\n  mongo-test:\n    ports: [\"27017:27017\"]\n");

        var finding = Assert.Single(Run(repo, "PF3003"));

        Assert.Equal((repo.Path("docker-compose-tests.yml"), 4, 3), (finding.File, finding.Line, finding.Column));
        Assert.Contains("Service 'mongo-test' (image mongo:7) sets MONGO_INITDB_ROOT_USERNAME but lacks MONGO_INITDB_ROOT_PASSWORD", finding.Message);
    }

    [Fact]
    public void An_override_file_whose_base_is_in_another_folder_gets_no_reference_finding_but_keeps_its_path_findings()
    {
        // .devcontainer/dev/docker-compose.override.yml is chained with ../common/docker-compose.yml by devcontainer.json.
        using var repo = Repo()
            .Write(".devcontainer/common/docker-compose.yml", "services:\n  server:\n    image: mcr.microsoft.com/devcontainers/dotnet\n")
            .Write(".devcontainer/dev/docker-compose.override.yml", "services:\n  storage:\n    image: azurite\n    network_mode: service:server\n    depends_on: [server]\n    volumes:\n      - ./seed.json:/seed.json\n");

        Assert.Empty(Run(repo, "PF3005"));
        var missing = Assert.Single(Run(repo, "PF3001"));
        Assert.Equal((repo.Path(".devcontainer/dev/docker-compose.override.yml"), 7, 9), (missing.File, missing.Line, missing.Column));
    }

    [Fact]
    public void PF3003_counts_the_keys_of_the_example_of_a_missing_optional_env_file()
    {
        using var repo = Repo()
            .Write("compose.yaml", "services:\n  mssql:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    env_file:\n      - path: dev/.env\n        required: false\n    environment:\n      ACCEPT_EULA: Y\n  pg:\n    image: postgres\n    env_file:\n      - path: dev/.env\n        required: false\n")
            .Write("dev/.env.example", "MSSQL_SA_PASSWORD=<choose one>\n");

        var finding = Assert.Single(Run(repo, "PF3003"));

        Assert.Equal((repo.Path("compose.yaml"), 9, 3), (finding.File, finding.Line, finding.Column));
        Assert.Contains("Service 'pg' (image postgres) lacks POSTGRES_PASSWORD", finding.Message);
    }

    // Example env files

    [Theory]
    [InlineData(".env.example")]
    [InlineData(".env.sample")]
    [InlineData(".env.template")]
    [InlineData(".env.dist")]
    [InlineData("example.env")]
    public void PF3002_and_PF3003_count_variables_documented_by_an_example_env_file_beside_the_compose_file(string example)
    {
        using var repo = Repo()
            .Write("deploy/compose.yaml", "services:\n  db:\n    image: postgres:${PG_VERSION}\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n  mq:\n    image: rabbitmq\n    environment:\n      - RABBITMQ_DEFAULT_PASS\n")
            .Write("deploy/" + example, "# copy to .env\nPG_VERSION=16\nDB_PASSWORD=change-me\nRABBITMQ_DEFAULT_PASS=\n");

        Assert.Empty(Run(repo, "PF3002"));
        Assert.Empty(Run(repo, "PF3003"));
    }

    [Fact]
    public void An_example_env_file_at_the_repository_root_counts_and_an_undocumented_variable_is_still_reported()
    {
        using var repo = Repo()
            .Write("compose.yaml", "services:\n  api:\n    image: \"app:${TAG}\"\n    environment:\n      KEY: ${API_KEY}\n")
            .Write(".env.example", "TAG=latest\n");

        var finding = Assert.Single(Run(repo, "PF3002"));

        Assert.Equal((repo.Path("compose.yaml"), 5, 12), (finding.File, finding.Line, finding.Column));
        Assert.StartsWith("Variable 'API_KEY' has no default and is set neither in a .env or example env file (.env.example) beside compose.yaml", finding.Message);
    }

    [Fact]
    public void An_example_env_file_in_another_folder_does_not_count()
    {
        using var repo = Repo()
            .Write("deploy/compose.yaml", "services:\n  api:\n    image: \"app:${TAG}\"\n")
            .Write("docs/.env.example", "TAG=latest\n");

        var finding = Assert.Single(Run(repo, "PF3002"));
        Assert.StartsWith("Variable 'TAG'", finding.Message);
    }

    [Fact]
    public void PF3002_is_silent_for_a_variable_the_env_lists_commented_out_and_reported_once_per_file()
    {
        using var repo = Repo()
            .Write("compose.yaml", "services:\n  api:\n    image: app\n    environment:\n      BUS_USER: ${BUS_USER}\n      MODE: ${MODE}\n  worker:\n    image: app\n    environment:\n      MODE: ${MODE}\n")
            .Write(".env", "# optional, only with Service Bus\n#BUS_USER=<user>\nTAG=1\n");

        var finding = Assert.Single(Run(repo, "PF3002"));

        Assert.Equal((repo.Path("compose.yaml"), 6, 13), (finding.File, finding.Line, finding.Column));
        Assert.StartsWith("Variable 'MODE' has no default and is set neither in .env or an example env file (.env.example)", finding.Message);
    }

    // Host bind sources

    [Fact]
    public void PF3001_never_reports_host_paths_outside_the_repository_but_still_checks_relative_sources_inside_it()
    {
        using var repo = Repo().Write("compose.yaml", """
            services:
              api:
                build: src/Api
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock
                  - /etc/localtime:/etc/localtime:ro
                  - ~/.aspnet/https:/https:ro
                  - C:\certs:/certs
                  - ${HOME}/.nuget:/root/.nuget
                  - $APPDATA/Microsoft/UserSecrets:/root/.microsoft/usersecrets:ro
                  - ../../shared-volume:/shared
                  - type: bind
                    source: /opt/data
                    target: /data
                  - ./missing-config:/app/config
            """);

        var finding = Assert.Single(Run(repo, "PF3001"));

        Assert.Equal((repo.Path("compose.yaml"), 15, 9), (finding.File, finding.Line, finding.Column));
        Assert.StartsWith("bind-mount source './missing-config' of service 'api' does not exist", finding.Message);
    }

    [Fact]
    public void PF3001_is_silent_for_a_file_made_from_its_example_or_a_git_ignored_source_and_reports_a_misspelt_example()
    {
        using var repo = Repo()
            .Write("deploy/compose.yaml", """
                services:
                  api:
                    build: ../src/Api
                    env_file: [./.env, ./.env.catalogs, ./.env.customers]
                    volumes:
                      - ./.data/mssql:/var/opt/mssql
                      - ./proxy.conf:/etc/nginx/conf.d/default.conf
                      - ./missing.conf:/etc/app.conf
                """)
            .Write("deploy/.env.sample", "A=1\n")
            .Write("deploy/.env.catalogs.sample", "B=1\n")
            .Write("deploy/.env.cutomers.sample", "C=1\n")
            .Write("deploy/proxy.conf.example", "server {}\n")
            .Write("deploy/.gitignore", ".data/\n.env*\n!*.sample\n");

        var findings = Run(repo, "PF3001");

        Assert.Equal(new[] { (4, 41), (8, 9) }, findings.Select(f => (f.Line, f.Column)));
        Assert.StartsWith("env_file './.env.customers' of service 'api' does not exist", findings[0].Message);
        Assert.StartsWith("bind-mount source './missing.conf' of service 'api' does not exist", findings[1].Message);
    }

    [Fact]
    public void PF3002_is_silent_for_variables_every_windows_session_sets()
    {
        using var repo = Repo().Write("compose.yaml", "services:\n  api:\n    image: app\n    volumes:\n      - ${USERPROFILE}/.nuget/packages:/root/.nuget/packages:ro\n      - ${APPDATA}/Microsoft/UserSecrets:/root/.microsoft/usersecrets:ro\n");

        Assert.Empty(Run(repo, "PF3002"));
    }

    // Include cycles through folders

    [Fact]
    public void PF3005_include_cycle_through_another_folder_is_reported_and_the_files_other_findings_are_kept()
    {
        using var repo = Repo()
            .Write("docker-compose.yml", "include:\n  - other/compose.yaml\nservices:\n  api:\n    build: src/Api\n    depends_on: [ghost]\n")
            .Write("other/compose.yaml", "include:\n  - ../docker-compose.yml\nservices:\n  worker:\n    build: ./missing-worker\n");

        var cycle = Assert.Single(Run(repo, "PF3005"), f => f.Message.Contains("cycle"));
        Assert.Equal((repo.Path("other/compose.yaml"), 2, 5), (cycle.File, cycle.Line, cycle.Column));
        Assert.Contains("include cycle: docker-compose.yml includes itself", cycle.Message);
        Assert.Contains(Run(repo, "PF3005"), f => f.Message.Contains("undefined service \"ghost\"") && f.File == repo.Path("docker-compose.yml"));
        var missing = Assert.Single(Run(repo, "PF3001"));
        Assert.Equal((repo.Path("other/compose.yaml"), 5, 12), (missing.File, missing.Line, missing.Column));
    }
}
