using System;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>
/// Issue 14 (3): <c>-p:PreflightEnabled=false</c> turns Preflight off. The analyzers used to run anyway (the package adds
/// them as Analyzer items whatever the properties say) and failed the broken sample with PF6001/PF6003/PF6004.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class PreflightDisabledEndToEndTests
{
    private readonly PackedPreflight _packed;

    public PreflightDisabledEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Broken_sample_built_with_Preflight_disabled_has_no_Preflight_finding_and_succeeds()
    {
        var sample = _packed.CopySample("broken-service");

        var build = DotNet.Build(sample, "BrokenService.sln", _packed.Version, "minimal", "-p:PreflightEnabled=false");

        var preflight = BuildDiagnostic.Parse(build.Output).Where(d => d.Id.StartsWith("PF", StringComparison.Ordinal)).ToList();
        Assert.True(preflight.Count == 0, "Preflight reported with PreflightEnabled=false:\n" + string.Join("\n", preflight));
        Assert.True(build.ExitCode == 0, build.Output);
    }
}
