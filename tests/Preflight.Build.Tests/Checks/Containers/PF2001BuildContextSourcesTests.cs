using System.Collections.Generic;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>
/// PF2001 from the contexts the repository names (issue 17 pattern 1): CI steps, scripts and tool configurations, and
/// from the context inferred from the sources when nothing names one; never from a guess.
/// </summary>
public class PF2001BuildContextSourcesTests
{
    private const string ApiProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    /// <summary>A Dockerfile beside its project whose sources are relative to the repository root; 'src/Api/config/' is missing.</summary>
    private const string RootRelativeDockerfile =
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api/Api.csproj\n" +
        "COPY src/ src/\nCOPY src/Api/config/ /app/config/\nRUN dotnet publish src/Api/Api.csproj -o /app/publish\n";

    private static List<Finding> Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        BuildContextCheck.Run(context);
        StageReferenceCheck.Run(context);
        return context.Findings;
    }

    private static TempRepository Repository(string dockerfile = RootRelativeDockerfile) => new TempRepository()
        .Write("src/Api/Api.csproj", ApiProject)
        .Write("src/Api/Program.cs", "return;")
        .Write("src/Api/Dockerfile", dockerfile);

    [Theory]
    [InlineData(".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: src/Api/Dockerfile\n",
        "the build-push-action step in .github/workflows/ci.yml (job build)")]
    [InlineData(".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - run: docker build -f src/Api/Dockerfile -t api .\n",
        "the run step in .github/workflows/ci.yml (job build)")]
    [InlineData("azure-pipelines.yml", "steps:\n- task: Docker@2\n  inputs:\n    Dockerfile: src/Api/Dockerfile\n    buildContext: .\n",
        "the Docker@2 task in azure-pipelines.yml")]
    [InlineData(".gitlab-ci.yml", "image:\n  script:\n    - docker build -f src/Api/Dockerfile $CI_PROJECT_DIR\n",
        "a script step of .gitlab-ci.yml (GitLab CI)")]
    [InlineData("src/Api/azds.yaml", "kind: helm-release\nbuild:\n  context: ../..\n  dockerfile: Dockerfile\n", "src/Api/azds.yaml")]
    [InlineData("skaffold.yaml", "apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: api\n    docker:\n      dockerfile: src/Api/Dockerfile\n",
        "artifact 'api' of skaffold.yaml")]
    [InlineData(".devcontainer/devcontainer.json", "{ \"build\": { \"dockerfile\": \"../src/Api/Dockerfile\", \"context\": \"..\" } }", ".devcontainer/devcontainer.json")]
    [InlineData("scripts/publish.sh", "#!/bin/bash\ncd \"$(dirname \"$0\")/..\"\ndocker build -f src/Api/Dockerfile -t api .\n", "the docker command in scripts/publish.sh")]
    [InlineData("Makefile", "image:\n\tdocker build -f src/Api/Dockerfile -t api .\n", "the docker command in Makefile")]
    public void Context_named_by_a_build_definition_is_used_and_named_in_the_message(string file, string text, string origin)
    {
        using var repo = Repository().Write(file, text);

        var finding = Assert.Single(Run(repo));

        Assert.Equal("PF2001", finding.RuleId);
        Assert.Equal(6, finding.Line);
        Assert.Equal($"COPY source 'src/Api/config/' does not exist in the build context '.' (context of {origin})", finding.Message);
    }

    [Fact]
    public void Root_relative_sources_infer_the_root_when_nothing_names_the_context()
    {
        using var repo = Repository();

        var finding = Assert.Single(Run(repo));

        Assert.Equal(6, finding.Line);
        Assert.Equal("COPY source 'src/Api/config/' does not exist in the build context '.' (inferred: the folder under which 2 of 3 COPY/ADD sources exist and 1 more has its folder; nothing in the repository names the context)", finding.Message);
    }

    [Fact]
    public void Sources_that_fit_no_folder_are_not_reported()
    {
        // Two of three sources are missing under every folder from src/Api up to the root: the context is unknown.
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Api.csproj ./\nCOPY generated/ ./generated/\nCOPY certs/ /certs/\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_guessed_folder_is_never_the_context()
    {
        // The baseline assumed the Dockerfile's folder (src/Api): 'src/Api/Api.csproj' and 'src/' are missing there, not
        // from the real context (the root, inferred), so only the truly missing folder is reported.
        using var repo = Repository();

        Assert.DoesNotContain(Run(repo), f => f.Message.Contains("'src/Api/Api.csproj'") || f.Message.Contains("build context 'src/Api'"));
    }

    [Fact]
    public void A_context_in_a_publish_output_folder_cannot_be_known()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . /app\nCOPY Api.dll /app/\nCOPY wwwroot/ /app/wwwroot/\n")
            .Write("build.sh", "dotnet publish src/Api -o artifacts/api-publish\ndocker build -f src/Api/Dockerfile artifacts/api-publish\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Named_build_contexts_are_not_unknown_stages()
    {
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY --from=root Directory.Packages.props ./\nCOPY Api.csproj ./\n")
            .Write(".github/workflows/ci.yml", "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: src/Api\n          build-contexts: |\n            root=.\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_named_context_the_Dockerfile_is_not_written_for_is_stale_when_another_fits()
    {
        // compose builds it from src/ (every source is there); a retired azds.yaml names the root (none is there).
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Api/Api.csproj Api/\nCOPY Api/ Api/\nRUN dotnet publish Api/Api.csproj -o /app\n")
            .Write("src/docker-compose.yml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: Api/Dockerfile\n")
            .Write("src/Api/azds.yaml", "kind: helm-release\nbuild:\n  context: ../..\n  dockerfile: Dockerfile\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void A_single_named_context_that_does_not_fit_is_still_checked()
    {
        // Nothing else builds it: the compose file's context is the one used, and the sources are not there.
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api/Api.csproj\n")
            .Write("src/Api/docker-compose.yml", "services:\n  api:\n    build: .\n");

        var finding = Assert.Single(Run(repo));
        Assert.Equal("COPY source 'src/Api/Api.csproj' does not exist in the build context 'src/Api' (context of service 'api' in src/Api/docker-compose.yml)", finding.Message);
    }

    [Fact]
    public void A_retired_azds_yaml_whose_context_does_not_fit_is_stale()
    {
        // azds.yaml (Azure Dev Spaces, retired) names the root; the Dockerfile is written for src/, where its sources are.
        using var repo = Repository("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY Api/Api.csproj Api/\nCOPY Api/Program.cs Api/\nCOPY Api/missing.json Api/\n")
            .Write("src/Api/azds.yaml", "kind: helm-release\nbuild:\n  context: ../..\n  dockerfile: Dockerfile\n");

        var finding = Assert.Single(Run(repo));
        Assert.Equal("COPY source 'Api/missing.json' does not exist in the build context 'src' (inferred: the folder under which 2 of 3 COPY/ADD sources exist and 1 more has its folder; nothing in the repository names the context)", finding.Message);
    }
}
