using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>`preflight check` and `dotnet build` host the same rules: on every sample they report the same findings.</summary>
[Collection(EndToEndCollection.Name)]
public class CliEndToEndTests
{
    private readonly PackedPreflight _packed;

    public CliEndToEndTests(PackedPreflight packed) => _packed = packed;

    /// <summary>Every sample that is a buildable solution.</summary>
    public static IEnumerable<object[]> Samples() =>
        Directory.GetDirectories(TestPaths.Samples)
            .Where(d => Directory.GetFiles(d, "*.sln").Length == 1)
            .Select(d => new object[] { Path.GetFileName(d) })
            .OrderBy(d => (string)d[0], System.StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Cli_reports_what_the_build_reports(string name)
    {
        var workspace = _packed.NewWorkspace(name);
        File.Copy(Path.Combine(TestPaths.Samples, "Directory.Build.props"), Path.Combine(workspace, "Directory.Build.props"));
        File.Copy(Path.Combine(TestPaths.Samples, "Directory.Build.targets"), Path.Combine(workspace, "Directory.Build.targets"));
        var sample = Path.Combine(workspace, name);
        Workspace.CopyDirectory(Path.Combine(TestPaths.Samples, name), sample);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = Preflight.Cli.Program.Run(new[] { "check", sample, "--format", "text" }, stdout, stderr);
        var build = DotNet.Build(sample, Path.GetFileName(Directory.GetFiles(sample, "*.sln").Single()), _packed.Version);

        var fromBuild = Keys(sample, BuildDiagnostic.Parse(build.Output).Select(d => (d.File, d.Line, d.Column, d.Id)));
        var fromCli = Keys(sample, BuildDiagnostic.Parse(stdout.ToString()).Select(d => (d.File, d.Line, d.Column, d.Id)));
        Assert.DoesNotContain("internal error", stderr.ToString());
        Assert.Equal(fromBuild, fromCli);
        Assert.Equal(build.ExitCode == 0 ? 0 : 1, exitCode);
    }

    [Fact]
    public void Python_only_repository_is_checked_without_any_project()
    {
        var workspace = _packed.NewWorkspace("python-service");
        Workspace.CopyDirectory(Path.Combine(TestPaths.Samples, "python-service"), workspace);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = Preflight.Cli.Program.Run(new[] { "check", workspace }, stdout, stderr);

        Assert.Equal(1, exitCode);
        var findings = Keys(workspace, BuildDiagnostic.Parse(stdout.ToString()).Select(d => (d.File, d.Line, d.Column, d.Id)));
        Assert.Contains(("api/src/main.py", 3, 6, "PF6005"), findings);
        Assert.Contains(("api/src/database/models.py", 1, 1, "PF6004"), findings);
        Assert.Contains("'src.database.models' cannot be imported: api/src/database/models.py is empty", stdout.ToString());
    }

    /// <summary>
    /// The deployment model's evidence in both hosts alike: a Dockerfile built by CI from the repository root (a
    /// build-push-action step names the context), a compose overlay whose service no base defines, and a variable the
    /// documented .env.example provides.
    /// </summary>
    [Fact]
    public void Cli_reports_what_the_build_reports_on_a_repository_built_by_CI_with_a_compose_overlay()
    {
        var root = _packed.NewWorkspace("deployment-model");
        Workspace.Write(root, ".git/HEAD", "ref: refs/heads/main\n");
        Workspace.Write(root, "src/Orders/Orders.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n");
        Workspace.AddPreflightReference(Path.Combine(root, "src/Orders/Orders.csproj"), _packed.Version);
        Workspace.Write(root, "src/Orders/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/health\", () => \"ok\");\napp.Run();\n");
        Workspace.Write(root, "src/Orders/Dockerfile",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY src/Orders/Orders.csproj src/Orders/\nRUN dotnet restore src/Orders/Orders.csproj\n" +
            "COPY src/ src/\nCOPY config/shared.json src/Orders/\nRUN dotnet publish src/Orders/Orders.csproj -o /app\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"Orders.dll\"]\n");
        Workspace.Write(root, ".github/workflows/images.yml",
            "on: push\njobs:\n  images:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" +
            "      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: src/Orders/Dockerfile\n");
        Workspace.Write(root, "docker-compose.yml", "services:\n  orders:\n    image: orders\n    environment:\n      - API_KEY=${API_KEY}\n");
        Workspace.Write(root, ".env.example", "API_KEY=\n");
        Workspace.Write(root, "docker-compose.prod.yml", "services:\n  orders:\n    restart: always\n  billing:\n    restart: always\n");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = Preflight.Cli.Program.Run(new[] { "check", root, "--format", "text" }, stdout, stderr);
        var build = DotNet.Build(Path.Combine(root, "src", "Orders"), "Orders.csproj", _packed.Version);

        var fromBuild = Keys(root, BuildDiagnostic.Parse(build.Output).Select(d => (d.File, d.Line, d.Column, d.Id)));
        var fromCli = Keys(root, BuildDiagnostic.Parse(stdout.ToString()).Select(d => (d.File, d.Line, d.Column, d.Id)));
        Assert.DoesNotContain("internal error", stderr.ToString());
        Assert.True(fromBuild.Count > 0, build.Output);
        // PF2004 too: the workspace's NuGet.config (the feed of the packed Preflight) is never copied before the restore.
        Assert.Equal(new[] { ("docker-compose.prod.yml", 4, 3, "PF3005"), ("src/Orders/Dockerfile", 4, 1, "PF2004"), ("src/Orders/Dockerfile", 6, 6, "PF2001") }, fromBuild);
        Assert.Equal(fromBuild, fromCli);
        Assert.Equal(1, exitCode);
        var messages = BuildDiagnostic.Parse(stdout.ToString()).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("'config/shared.json'") && m.Contains("build-push-action") && m.Contains(".github/workflows/images.yml"));
        Assert.Contains(messages, m => m.Contains("\"billing\"") && m.Contains("neither an image nor a build context"));
    }

    private static List<(string File, int Line, int Column, string Id)> Keys(string root, IEnumerable<(string File, int Line, int Column, string Id)> diagnostics) =>
        diagnostics
            .Select(d => (Path.GetRelativePath(root, d.File).Replace('\\', '/'), d.Line, d.Column, d.Id))
            .Distinct()
            .OrderBy(d => d.Item1, System.StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToList();
}
