using System.IO;
using System.Linq;
using System.Text.Json;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Cli.Tests;

public class CheckCommandTests
{
    private const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>A web project that reads a key nothing declares (PF1001) and a Dockerfile copying a missing folder (PF2001).</summary>
    private static TempRepository BrokenRepository() => new TempRepository()
        .Write("preflight.yaml", "secrets: [ Api__Token ]\n")
        .Write("src/Api/Api.csproj", WebProject)
        .Write("src/Api/appsettings.json", """{ "Storage": { "Bucket": "b" } }""")
        .Write("src/Api/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var bucket = builder.Configuration["Storage:Bucket"];
            var token = builder.Configuration["Api:Token"];
            var root = builder.Configuration["Storage:Root"];
            builder.Build().Run();
            """)
        .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY config/ /app/config/\n")
        .Write("build.sh", "docker build -t api src/Api\n");

    [Fact]
    public void Reports_analyzer_and_file_findings_in_the_canonical_format_and_fails()
    {
        using var repo = BrokenRepository();

        var run = CliRun.Of("check", repo.Root);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(repo.Path("src/Api/Dockerfile") + "(2,6): error PF2001: COPY source 'config/'", lines[0]);
        Assert.StartsWith(repo.Path("src/Api/Program.cs") + "(4,34): error PF1001: Configuration key 'Storage:Root'", lines[1]);
        Assert.Contains("appsettings.json", lines[1]);
        Assert.Contains("preflight.yaml", lines[1]);
        Assert.Contains("docs/rules/PF1001.md", lines[1]);
        Assert.Contains("2 finding(s), 2 error(s)", run.Errors);
        Assert.DoesNotContain("internal error", run.Errors);
    }

    [Fact]
    public void Healthy_repository_exits_zero_with_no_output()
    {
        using var repo = new TempRepository()
            .Write("preflight.yaml", "")
            .Write("src/Api/Api.csproj", WebProject)
            .Write("src/Api/appsettings.json", """{ "Storage": { "Root": "/data" } }""")
            .Write("src/Api/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                var root = builder.Configuration["Storage:Root"];
                var optional = builder.Configuration["Feature:Flag"] ?? "off";
                builder.Build().Run();
                """);

        var run = CliRun.Of("check", repo.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Editorconfig_severity_applies_to_code_and_file_findings()
    {
        using var repo = BrokenRepository()
            .Write(".editorconfig", """
                root = true
                [*.cs]
                dotnet_diagnostic.PF1001.severity = warning
                [Dockerfile]
                dotnet_diagnostic.PF2001.severity = none
                """);

        var run = CliRun.Of("check", repo.Root);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(4,34): warning PF1001:", line);
    }

    [Fact]
    public void Json_output_lists_findings_relative_to_the_root()
    {
        using var repo = BrokenRepository();

        var run = CliRun.Of("check", repo.Root, "--format", "json");

        using var document = JsonDocument.Parse(run.Output);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(new[] { "PF2001", "PF1001" }, findings.Select(f => f.GetProperty("ruleId").GetString()));
        Assert.Equal("src/Api/Program.cs", findings[1].GetProperty("file").GetString());
        Assert.Equal(4, findings[1].GetProperty("line").GetInt32());
        Assert.Equal(34, findings[1].GetProperty("column").GetInt32());
        Assert.Equal("error", findings[1].GetProperty("severity").GetString());
    }

    [Fact]
    public void Sarif_output_is_valid_SARIF_2_1_0_with_the_expected_results()
    {
        using var repo = BrokenRepository();
        var output = repo.Path("out.sarif");

        var run = CliRun.Of("check", repo.Root, "--format", "sarif", "--output", output);

        Assert.Equal(1, run.ExitCode);
        var sarif = File.ReadAllText(output);
        Assert.Empty(SarifSchema.Validate(sarif));
        using var document = JsonDocument.Parse(sarif);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var sarifRun = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("Preflight", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Equal("error", result.GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }
        Assert.Equal("src/Api/Dockerfile", results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Baseline_absorbs_known_findings_even_when_lines_move_and_reports_new_ones()
    {
        using var repo = BrokenRepository();

        var baseline = CliRun.Of("baseline", repo.Root);
        Assert.Equal(0, baseline.ExitCode);
        Assert.True(File.Exists(repo.Path(".preflight-baseline.json")));
        Assert.Equal(0, CliRun.Of("check", repo.Root).ExitCode);

        // Lines move: the known findings stay absorbed.
        var program = File.ReadAllText(repo.Path("src/Api/Program.cs"));
        repo.Write("src/Api/Program.cs", "// moved\n// down\n" + program.Replace("builder.Build().Run();", "var region = builder.Configuration[\"Cloud:Region\"];\nbuilder.Build().Run();"));
        var after = CliRun.Of("check", repo.Root);

        Assert.Equal(1, after.ExitCode);
        var line = Assert.Single(after.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(7,36): error PF1001: Configuration key 'Cloud:Region'", line);
        Assert.Contains("Storage:Root", CliRun.Of("check", repo.Root, "--no-baseline").Output);
    }

    [Fact]
    public void Repository_without_projects_is_checked_as_one()
    {
        using var repo = new TempRepository()
            .Write("preflight.yaml", "")
            .Write("compose.yaml", "services:\n  api:\n    build: ./api\n")
            .Write("api/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY src/ ./src/\nCMD [\"python\", \"-m\", \"src.main\"]\n")
            .Write("api/src/__init__.py", "")
            .Write("api/src/main.py", "from src.models import User\n")
            .Write("api/src/models.py", "\n");

        var run = CliRun.Of("check", repo.Root);

        var lines = run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(repo.Path("api/src/main.py") + "(1,6): error PF6005: 'src.models' cannot be imported: api/src/models.py is empty", lines[0]);
        Assert.StartsWith(repo.Path("api/src/models.py") + "(1,1): warning PF6004: 'models.py' contains only whitespace", lines[1]);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Repository_level_files_are_found_where_the_targets_find_them()
    {
        using var repo = new TempRepository()
            .Write("preflight.yaml", "secrets: [ DEPLOY_TOKEN ]\n")
            .Write(".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.DEPLOY_TOKEN }} ${{ secrets.MISSING_TOKEN }}\n")
            .Write("tools/.github/workflows/ignored.yml", "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.OTHER }}\n");

        var run = CliRun.Of("check", repo.Root);

        var line = Assert.Single(run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(repo.Path(".github/workflows/deploy.yml") + "(6,", line);
        Assert.Contains("error PF4001: Secret 'MISSING_TOKEN'", line);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "a", "b")]
    public void Bad_command_lines_exit_with_2_and_usage(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Errors);
    }
}
