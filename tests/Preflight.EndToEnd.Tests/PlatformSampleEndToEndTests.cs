using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>samples/broken-platform: Kubernetes references, a preflight.yaml policy, a kustomization and vercel.json, built with the packed package.</summary>
[Collection(EndToEndCollection.Name)]
public class PlatformSampleEndToEndTests
{
    private readonly PackedPreflight _packed;

    public PlatformSampleEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Broken_platform_sample_reports_the_missing_secret_the_violated_policy_and_the_stale_vercel_function()
    {
        var sample = _packed.CopySample("broken-platform");

        var build = DotNet.Build(sample, "BrokenPlatform.sln", _packed.Version);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            ("deploy/production/kustomization.yaml", 6, 5, "PF5006"),
            ("deploy/shipping-api.yaml", 2, 7, "PF5003"),
            ("deploy/shipping-api.yaml", 24, 25, "PF5001"),
            ("vercel.json", 3, 5, "PF5004"),
        }, BuildDiagnostic.Relative(sample, build.Output));
        var messages = BuildDiagnostic.Parse(build.Output).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("Secret 'shipping-db'") && m.Contains("external.kubernetes.secrets") && m.Contains("deploy/shipping-config.yaml"));
        Assert.Contains(messages, m => m.Contains("Policy 'pinned-to-node'") && m.Contains("\"kubernetes.io/hostname\"") && m.Contains("Deployment 'shipping-api'"));
        Assert.Contains(messages, m => m.Contains("'api/**/*.ts'") && m.Contains("matches no file"));
        Assert.Contains(messages, m => m.Contains("kustomization resources '../shipping-worker.yaml' does not exist"));
        Assert.DoesNotContain(messages, m => m.Contains("shipping-config'") || m.Contains("shipping-payments"));
    }
}
