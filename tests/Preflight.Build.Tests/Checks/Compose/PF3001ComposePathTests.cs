using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3001: compose paths (build context, dockerfile, env_file, bind-mount sources) that do not exist, checked by the task (shared set-up in <see cref="ComposeCheckTests"/>).</summary>
public class PF3001ComposePathTests : ComposeCheckTests
{
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
    public void PF3001_silent_for_bind_sources_a_dev_container_creates_before_compose_starts()
    {
        // The dev container's initializeCommand runs on the host in the workspace folder (the one holding .devcontainer/)
        // and makes the data folders the compose file mounts; a folder it does not make is still reported.
        using var repo = Repo("""
            services:
              db:
                build: src/Api
                volumes:
                  - ./local/helpers/db:/mnt/helpers
                  - ./local/data/keys:/keys
                  - ./local/seed:/seed
                  - ./local/outside:/outside
            """).Write(".devcontainer/team/devcontainer.json", """
            {
              // Made on the host before the containers start.
              "initializeCommand": "mkdir -p local/helpers/db local/data && mkdir -p ${HOME}/local/seed ../local/outside",
            }
            """);

        var findings = Run(repo, "PF3001");

        Assert.Equal(new[] { "./local/seed", "./local/outside" }, findings.Select(f => f.Message.Split('\'')[1]));
        Assert.Equal(new[] { 7, 8 }, findings.Select(f => f.Line));
        Assert.All(findings, f => Assert.Contains("bind-mount source", f.Message));
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
}
