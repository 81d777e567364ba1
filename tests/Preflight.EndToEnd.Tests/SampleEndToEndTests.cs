using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>The samples, built as their own repositories with the packed package.</summary>
[Collection(EndToEndCollection.Name)]
public class SampleEndToEndTests
{
    private readonly PackedPreflight _packed;

    public SampleEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Broken_sample_shows_each_finding_once_across_its_two_project_solution()
    {
        var sample = _packed.CopySample("broken-service");

        var build = DotNet.Build(sample, "BrokenService.sln", _packed.Version);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            ("docker-compose.yml", 15, 15, "PF5005"),
            ("src/Orders.Api/Dockerfile", 6, 6, "PF2001"),
            ("src/Orders.Api/Dockerfile", 13, 46, "PF5002"),
            ("src/Orders.Api/Models/Invoice.cs", 1, 1, "PF6004"),
            ("src/Orders.Api/Program.cs", 4, 41, "PF1001"),
            ("src/Orders.Api/Services/InvoiceService.cs", 14, 36, "PF6001"),
            ("src/Orders.Api/Services/InvoiceService.cs", 17, 60, "PF6003"),
            ("src/Orders.Api/Services/InvoiceService.cs", 19, 25, "PF6002"),
            ("src/Orders.Api/appsettings.Development.json", 5, 1, "PF1003"),
            ("src/Orders.Worker/Program.cs", 4, 40, "PF1001"),
            ("tools/ingest/main.py", 1, 6, "PF6005"),
            ("tools/ingest/models.py", 1, 1, "PF6004"),
        }, BuildDiagnostic.Relative(sample, build.Output));
        var messages = BuildDiagnostic.Parse(build.Output).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("'Storage:Root'") && m.Contains("docker-compose.yml (service api)"));
        Assert.Contains(messages, m => m.Contains("'Queue:DeadLetter'") && m.Contains("docker-compose.yml (service worker)"));
        Assert.Contains(messages, m => m.Contains("'config/'") && m.Contains("context of service 'api'"));
    }

    [Fact]
    public void Healthy_sample_builds_clean()
    {
        var sample = _packed.CopySample("healthy-service");

        var build = DotNet.Build(sample, "HealthyService.sln", _packed.Version);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(BuildDiagnostic.Parse(build.Output));
    }

    [Fact]
    public void Up_to_date_check_is_skipped_and_its_findings_are_replayed()
    {
        var sample = _packed.CopySample("broken-service");
        var project = Path.Combine("src", "Orders.Api", "Orders.Api.csproj");

        var first = DotNet.Build(sample, project, _packed.Version);
        var second = DotNet.Build(sample, project, _packed.Version);

        Assert.Contains(BuildDiagnostic.Parse(first.Output), d => d.Id == "PF2001");
        Assert.Contains(BuildDiagnostic.Parse(second.Output), d => d.Id == "PF2001");

        // Once the missing folder exists, nothing changes between two builds: the check is skipped.
        Directory.CreateDirectory(Path.Combine(sample, "config"));
        File.WriteAllText(Path.Combine(sample, "config", "app.json"), "{}");
        var fixedBuild = DotNet.Build(sample, project, _packed.Version);
        var again = DotNet.Build(sample, project, _packed.Version, verbosity: "detailed");
        Assert.DoesNotContain(BuildDiagnostic.Parse(fixedBuild.Output), d => d.Id == "PF2001");
        Assert.DoesNotContain(BuildDiagnostic.Parse(again.Output), d => d.Id == "PF2001");
        Assert.Contains("Skipping target \"PreflightCheckFiles\" because all output files are up-to-date", again.Output);
    }
}
