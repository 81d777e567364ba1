using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Tasks;

public class PreflightCheckSecretsTaskTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static TempRepository Repository() => new TempRepository()
        .Write("src/Api/Api.csproj", Project)
        .Write("src/Worker/Worker.csproj", Project)
        .Write("preflight.yaml", "secrets:\n  - PULUMI_ACCESS_TOKEN\n  - name: OpenAI__ApiKey\n    environments: [production]\nvariables: [ASPNETCORE_ENVIRONMENT]\n")
        .Write(".github/workflows/deploy.yml", "on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.PULUMI_ACCESS_TOKEN }}\n");

    private static PreflightCheck Task(TempRepository repo, string project, RecordingBuildEngine engine) => new PreflightCheck
    {
        BuildEngine = engine,
        ProjectFile = repo.Path(project),
        RepositoryRoot = repo.Root,
        Artifacts = repo.Artifacts().Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
        FindingsFile = repo.Path(PathOf(project, "findings.tsv")),
        WatchFile = repo.Path(PathOf(project, "watched.txt")),
        SecretsInventoryFile = repo.Path(PathOf(project, "secrets.md")),
        SecretsInventoryJsonFile = repo.Path(PathOf(project, "secrets.json")),
    };

    private static string PathOf(string project, string name) => Path.GetDirectoryName(project)!.Replace('\\', '/') + "/obj/preflight/" + name;

    private static IReadOnlyList<Finding> Findings(PreflightCheck check) => Finding.DeserializeAll(File.ReadAllLines(check.FindingsFile));

    [Fact]
    public void Readiness_parameters_reach_the_check_and_the_report_lists_missing_names_only()
    {
        using var repo = Repository();
        var engine = new RecordingBuildEngine();
        var check = Task(repo, "src/Api/Api.csproj", engine);
        check.CheckEnvironment = true;
        check.EnvironmentName = "production";
        check.EnvironmentVariable = name => name == "PULUMI_ACCESS_TOKEN" ? "value-that-must-not-show" : null;

        Assert.True(check.Execute());

        var finding = Assert.Single(Findings(check));
        Assert.Equal(("PF4002", 3, 11), (finding.RuleId, finding.Line, finding.Column));
        Assert.Contains("(environment 'production'): OpenAI__ApiKey, ASPNETCORE_ENVIRONMENT (declared in 'preflight.yaml')", finding.Message);
        Assert.DoesNotContain("value-that-must-not-show", File.ReadAllText(check.FindingsFile));
    }

    [Fact]
    public void Readiness_is_off_unless_asked()
    {
        using var repo = Repository();
        var check = Task(repo, "src/Api/Api.csproj", new RecordingBuildEngine());
        check.EnvironmentVariable = _ => null;

        Assert.True(check.Execute());

        Assert.Empty(Findings(check));
    }

    [Fact]
    public void Owner_writes_the_inventory_and_other_projects_write_where_it_is()
    {
        using var repo = Repository();
        var owner = Task(repo, "src/Api/Api.csproj", new RecordingBuildEngine());
        var worker = Task(repo, "src/Worker/Worker.csproj", new RecordingBuildEngine());

        Assert.True(owner.Execute());
        Assert.True(worker.Execute());

        var markdown = File.ReadAllText(owner.SecretsInventoryFile!);
        Assert.Contains("| PULUMI_ACCESS_TOKEN | secret | .github/workflows/deploy.yml:6:23 (workflow secrets.PULUMI_ACCESS_TOKEN in job 'd') | preflight.yaml:2:5 (preflight.yaml secrets:) |", markdown);
        Assert.Contains("\"name\": \"ASPNETCORE_ENVIRONMENT\", \"kind\": \"variable\", \"declared\": true, \"usedAt\": []", File.ReadAllText(owner.SecretsInventoryJsonFile!));
        Assert.Contains("src/Api/Api.csproj", File.ReadAllText(worker.SecretsInventoryFile!));
        Assert.Contains("\"ownerProject\": \"src/Api/Api.csproj\"", File.ReadAllText(worker.SecretsInventoryJsonFile!));
    }

}
