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

    private static List<(string File, int Line, int Column, string Id)> Keys(string root, IEnumerable<(string File, int Line, int Column, string Id)> diagnostics) =>
        diagnostics
            .Select(d => (Path.GetRelativePath(root, d.File).Replace('\\', '/'), d.Line, d.Column, d.Id))
            .Distinct()
            .OrderBy(d => d.Item1, System.StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToList();
}
