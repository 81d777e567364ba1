using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Deployment;
using Xunit;

namespace Preflight.Artifacts.Tests.Deployment;

public class DockerBuildFinderTests
{
    private const string Root = "/repo";

    private static readonly string[] Dockerfiles =
    {
        "/repo/src/Api/Dockerfile", "/repo/src/Worker/Dockerfile", "/repo/docker/tools.Dockerfile", "/repo/Dockerfile",
    };

    private static DockerBuildFinder Find(params (string Path, string Text)[] files)
    {
        var texts = files.ToDictionary(f => Root + "/" + f.Path, f => f.Text);
        return DockerBuildFinder.Find(Root, texts.Keys, Dockerfiles, path => texts.TryGetValue(path, out var text) ? text : null);
    }

    private static (string Dockerfile, string Context) Single(DockerBuildFinder finder)
    {
        var build = Assert.Single(finder.Builds);
        return (build.Dockerfile, build.Context);
    }

    [Fact]
    public void Workflow_docker_build_runs_from_the_root()
    {
        var finder = Find((".github/workflows/ci.yml", "jobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t api -f src/Api/Dockerfile .\n"));

        var build = Assert.Single(finder.Builds);
        Assert.Equal(("/repo/src/Api/Dockerfile", "/repo"), (build.Dockerfile, build.Context));
        Assert.Equal(DockerBuildSource.GitHubWorkflow, build.Source);
        Assert.Equal("the run step in .github/workflows/ci.yml (job image)", build.Description);
    }

    [Fact]
    public void Workflow_working_directory_moves_the_command()
    {
        var finder = Find((".github/workflows/ci.yml",
            "defaults:\n  run:\n    working-directory: src\njobs:\n  image:\n    steps:\n      - run: |\n          docker buildx build \\\n            --push -t x \\\n            --file Worker/Dockerfile Worker\n"));

        Assert.Equal(("/repo/src/Worker/Dockerfile", "/repo/src/Worker"), Single(finder));
    }

    [Fact]
    public void Build_push_action_expands_the_matrix_and_reads_named_contexts()
    {
        var finder = Find((".github/workflows/images.yml",
            "jobs:\n  build:\n    strategy:\n      matrix:\n        include:\n          - name: api\n            path: src/Api\n          - name: worker\n            path: src/Worker\n" +
            "    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: ${{ matrix.path }}/Dockerfile\n          build-contexts: |\n            shared=./shared\n"));

        Assert.Equal(new[] { "/repo/src/Api/Dockerfile", "/repo/src/Worker/Dockerfile" }, finder.Builds.Select(b => b.Dockerfile).ToArray());
        Assert.All(finder.Builds, b => Assert.Equal("/repo", b.Context));
        Assert.Equal("/repo/shared", finder.Builds[0].NamedContexts["shared"]);
        Assert.Equal("the build-push-action step in .github/workflows/images.yml (job build)", finder.Builds[0].Description);
    }

    [Fact]
    public void Build_context_flag_of_buildx_is_read()
    {
        var finder = Find(("build.sh", "docker buildx build --build-context root=. -f src/Api/Dockerfile src/Api\n"));

        var build = Assert.Single(finder.Builds);
        Assert.Equal("/repo/src/Api", build.Context);
        Assert.Equal("/repo", build.NamedContexts["root"]);
    }

    [Fact]
    public void Unknown_variables_name_no_context()
    {
        var finder = Find((".github/workflows/ci.yml", "jobs:\n  a:\n    steps:\n      - run: docker build -f $DOCKERFILE .\n      - uses: docker/build-push-action@v6\n        with:\n          file: ${{ inputs.file }}\n"));

        Assert.Empty(finder.Builds);
    }

    [Fact]
    public void Workflow_env_and_workspace_are_expanded()
    {
        var finder = Find((".github/workflows/ci.yml",
            "env:\n  SERVICE: Worker\njobs:\n  a:\n    steps:\n      - run: docker build -f ${{ github.workspace }}/src/$SERVICE/Dockerfile \"$GITHUB_WORKSPACE\"\n"));

        Assert.Equal(("/repo/src/Worker/Dockerfile", "/repo"), Single(finder));
    }

    [Fact]
    public void Azure_Docker_task_reads_buildContext_and_Dockerfile()
    {
        var finder = Find(("azure-pipelines.yml",
            "variables:\n  apiPath: src/Api\nsteps:\n- task: Docker@2\n  inputs:\n    command: buildAndPush\n    Dockerfile: $(apiPath)/Dockerfile\n    buildContext: $(Build.SourcesDirectory)\n"));

        var build = Assert.Single(finder.Builds);
        Assert.Equal(("/repo/src/Api/Dockerfile", "/repo"), (build.Dockerfile, build.Context));
        Assert.Equal("the Docker@2 task in azure-pipelines.yml", build.Description);
    }

    [Fact]
    public void Azure_Docker_task_default_context_is_the_Dockerfile_folder()
    {
        var finder = Find((".azure/pipelines/worker.yml", "steps:\n- task: Docker@2\n  inputs:\n    Dockerfile: '**/Worker/Dockerfile'\n"));

        Assert.Equal(("/repo/src/Worker/Dockerfile", "/repo/src/Worker"), Single(finder));
    }

    [Fact]
    public void Azure_Docker_task_login_and_ambiguous_globs_name_nothing()
    {
        var finder = Find(("azure-pipelines.yml", "steps:\n- task: Docker@2\n  inputs:\n    command: login\n- task: Docker@2\n  inputs:\n    command: build\n"));

        Assert.Empty(finder.Builds);
    }

    [Fact]
    public void GitLab_scripts_run_from_the_project_dir()
    {
        var finder = Find((".gitlab-ci.yml",
            "build:\n  image: docker:27\n  script:\n    - cd $CI_PROJECT_DIR\n    - docker build --pull -t $CI_REGISTRY_IMAGE -f docker/tools.Dockerfile .\n"));

        Assert.Equal(("/repo/docker/tools.Dockerfile", "/repo"), Single(finder));
    }

    [Fact]
    public void Kaniko_dockerfile_is_relative_to_its_context()
    {
        var finder = Find((".gitlab-ci.yml",
            "build:\n  script:\n    - /kaniko/executor --context \"${CI_PROJECT_DIR}/src\" --dockerfile Api/Dockerfile --destination x\n"));

        Assert.Equal(("/repo/src/Api/Dockerfile", "/repo/src"), Single(finder));
    }

    [Fact]
    public void Azds_context_and_dockerfile_are_relative_to_its_folder()
    {
        var finder = Find(("src/Api/azds.yaml", "kind: helm-release\napiVersion: 1.1\nbuild:\n  context: ..\\..\n  dockerfile: Dockerfile\n"));

        var build = Assert.Single(finder.Builds);
        Assert.Equal(("/repo/src/Api/Dockerfile", "/repo"), (build.Dockerfile, build.Context));
        Assert.Equal(DockerBuildSource.Azds, build.Source);
    }

    [Fact]
    public void Skaffold_artifacts_and_profiles_are_read()
    {
        var finder = Find(("skaffold.yaml",
            "apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n      context: src\n      docker:\n        dockerfile: Api/Dockerfile\n" +
            "profiles:\n  - name: tools\n    build:\n      artifacts:\n        - image: tools\n          docker:\n            dockerfile: docker/tools.Dockerfile\n"));

        Assert.Equal(new[] { ("/repo/src/Api/Dockerfile", "/repo/src"), ("/repo/docker/tools.Dockerfile", "/repo") },
            finder.Builds.Select(b => (b.Dockerfile, b.Context)).ToArray());
        Assert.Equal("artifact 'api' of skaffold.yaml", finder.Builds[0].Description);
    }

    [Fact]
    public void Devcontainer_build_is_relative_to_its_folder()
    {
        var finder = Find((".devcontainer/devcontainer.json",
            "{\n  // comments are allowed\n  \"name\": \"dev\",\n  \"build\": { \"dockerfile\": \"../docker/tools.Dockerfile\", \"context\": \"..\", },\n}\n"));

        Assert.Equal(("/repo/docker/tools.Dockerfile", "/repo"), Single(finder));
    }

    [Fact]
    public void Script_cd_to_its_own_folder_settles_the_working_directory()
    {
        var finder = Find(("docker/build.sh", "#!/bin/sh\nset -e\ncd \"$(dirname \"$0\")/..\"\ndocker build -f docker/tools.Dockerfile -t tools .\n"));

        Assert.Equal(("/repo/docker/tools.Dockerfile", "/repo"), Single(finder));
    }

    [Fact]
    public void Script_without_cd_resolves_from_its_folder_or_the_root()
    {
        var finder = Find(("scripts/images.sh", "IMAGE=acme/api\ndocker build -t $IMAGE -f src/Api/Dockerfile .\n"));

        Assert.Equal(("/repo/src/Api/Dockerfile", "/repo"), Single(finder));
    }

    [Fact]
    public void PowerShell_script_root_and_backslashes_are_read()
    {
        var finder = Find(("build/build.ps1", "$ctx = \"$PSScriptRoot\\..\\src\"\ndocker build `\n  -f \"$PSScriptRoot\\..\\src\\Worker\\Dockerfile\" `\n  $ctx\n"));

        Assert.Equal(("/repo/src/Worker/Dockerfile", "/repo/src"), Single(finder));
    }

    [Fact]
    public void Makefile_recipes_run_in_the_Makefile_folder()
    {
        var finder = Find(("src/Makefile", "IMAGE ?= api\n\nimage:\n\t@docker build -t $(IMAGE) -f Api/Dockerfile $(CURDIR)\n"));

        Assert.Equal(("/repo/src/Api/Dockerfile", "/repo/src"), Single(finder));
    }

    [Fact]
    public void Compose_file_chains_are_recorded()
    {
        var finder = Find(("run-docker-compose.ps1", "docker compose -f docker-compose.yml -f docker-compose.elk.yml up -d\n"));

        var chain = Assert.Single(finder.ComposeChains);
        Assert.Equal(new[] { "/repo/docker-compose.yml", "/repo/docker-compose.elk.yml" }, chain.Files);
        Assert.Empty(finder.Builds);
    }

    [Fact]
    public void Builds_of_Dockerfiles_that_are_not_in_the_repository_or_contexts_outside_it_are_left_out()
    {
        var finder = Find(("build.sh", "docker build -f src/Missing/Dockerfile .\ndocker build -f Dockerfile ..\ndocker build https://github.com/acme/x.git\n"));

        Assert.Empty(finder.Builds);
    }

    [Theory]
    [InlineData("jobs: [")]
    [InlineData("{ not json")]
    [InlineData("\0\0\0")]
    public void Malformed_files_name_nothing_and_never_throw(string text)
    {
        var finder = Find((".github/workflows/x.yml", text), ("azure-pipelines.yml", text), (".devcontainer/devcontainer.json", text), ("skaffold.yaml", text), ("x.sh", text));

        Assert.Empty(finder.Builds);
    }
}
