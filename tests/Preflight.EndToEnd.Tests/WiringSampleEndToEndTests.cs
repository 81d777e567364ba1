using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>The wiring (PF6xxx) and platform (PF5002, PF5005) findings of the samples, built with the packed package.</summary>
[Collection(EndToEndCollection.Name)]
public class WiringSampleEndToEndTests
{
    private static readonly string[] Ids = { "PF5002", "PF5005", "PF6001", "PF6002", "PF6003" };

    private readonly PackedPreflight _packed;

    public WiringSampleEndToEndTests(PackedPreflight packed) => _packed = packed;

    private static (string File, int Line, int Column, string Id)[] Relative(string root, DotNet.Result build) =>
        BuildDiagnostic.Relative(root, build.Output).Where(d => Ids.Contains(d.Id)).ToArray();

    [Fact]
    public void Broken_sample_shows_its_wiring_probe_and_port_findings_once()
    {
        var sample = _packed.CopySample("broken-service");

        var build = DotNet.Build(sample, "BrokenService.sln", _packed.Version);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            ("docker-compose.yml", 15, 15, "PF5005"),
            ("src/Orders.Api/Dockerfile", 13, 46, "PF5002"),
            ("src/Orders.Api/Services/InvoiceService.cs", 14, 36, "PF6001"),
            ("src/Orders.Api/Services/InvoiceService.cs", 17, 60, "PF6003"),
            ("src/Orders.Api/Services/InvoiceService.cs", 19, 25, "PF6002"),
        }, Relative(sample, build));
        var messages = BuildDiagnostic.Parse(build.Output).Where(d => Ids.Contains(d.Id)).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("'IInvoiceNumbering'") && m.Contains("'InvoiceService'"));
        Assert.Contains(messages, m => m.Contains("'Issue'") && m.Contains("IInvoiceService"));
        Assert.Contains(messages, m => m.Contains("'Orders.Api.Services.PdfInvoiceFormater'") && m.Contains("Type.GetType"));
        Assert.Contains(messages, m => m.Contains("'/healthz'") && m.Contains("HEALTHCHECK of Dockerfile") && m.Contains("/health"));
        Assert.Contains(messages, m => m.Contains("service worker") && m.Contains("container port 80") && m.Contains("listens on 8080") &&
                                       m.Contains("mcr.microsoft.com/dotnet/aspnet:10.0"));
    }

    [Fact]
    public void Healthy_sample_has_no_wiring_probe_or_port_finding()
    {
        var sample = _packed.CopySample("healthy-service");

        var build = DotNet.Build(sample, "HealthyService.sln", _packed.Version);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(Relative(sample, build));
    }
}
