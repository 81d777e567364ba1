using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>samples/broken-secrets: committed token (PF1004), preflight.yaml typo (PF1005), undeclared workflow secret (PF4001), readiness (PF4002).</summary>
[Collection(EndToEndCollection.Name)]
public class SecretsSampleEndToEndTests
{
    /// <summary>The fake token planted in the sample's appsettings.json, assembled here so that scanners do not flag this file.</summary>
    private static readonly string PlantedToken = "gh" + "p_" + "PreflightSampleFakeTokenNotReal12345";

    private readonly PackedPreflight _packed;

    public SecretsSampleEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Secrets_sample_reports_each_finding_once_never_prints_the_value_and_checks_readiness_on_request()
    {
        var sample = _packed.CopySample("broken-secrets");
        Assert.Contains(PlantedToken, File.ReadAllText(Path.Combine(sample, "src/Payments.Api/appsettings.json")));

        var build = DotNet.Build(sample, "BrokenSecrets.sln", _packed.Version);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            (".github/workflows/deploy.yml", 20, 36, "PF4001"),
            ("preflight.yaml", 8, 1, "PF1005"),
            ("src/Payments.Api/Program.cs", 2, 50, "PF1002"),
            ("src/Payments.Api/appsettings.json", 7, 15, "PF1004"),
        }, BuildDiagnostic.Relative(sample, build.Output));
        var messages = BuildDiagnostic.Parse(build.Output).ToDictionary(d => d.Id, d => d.Message);
        Assert.Contains("GitHub token 'ghp_****'", messages["PF1004"]);
        Assert.Contains("unknown key 'polices'", messages["PF1005"]);
        Assert.Contains("did you mean 'policies'?", messages["PF1005"]);
        Assert.Contains("Secret 'LAMBDA_LABS_API_KEY'", messages["PF4001"]);
        Assert.Contains("not declared in 'preflight.yaml'", messages["PF4001"]);
        Assert.Contains("Environment variable 'LAMBDA_LABS_API_KEY' is read here but set in none of: preflight.yaml", messages["PF1002"]);
        Assert.DoesNotContain(PlantedToken, build.Output);
        Assert.DoesNotContain(PlantedToken.Substring(4), build.Output);

        // The secrets inventory of the owner project: names and places, never the value.
        var inventory = Directory.GetFiles(Path.Combine(sample, "src/Payments.Api/obj"), "secrets.md", SearchOption.AllDirectories);
        var markdown = File.ReadAllText(Assert.Single(inventory));
        Assert.Contains("| LAMBDA_LABS_API_KEY | secret | .github/workflows/deploy.yml:20:36", markdown);
        Assert.Contains("**not declared**", markdown);
        Assert.DoesNotContain(PlantedToken, markdown);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(inventory[0])!, "secrets.json")));

        // Readiness, as the deploy workflow runs it: the declared names are not set in this environment.
        var ready = DotNet.Build(sample, "BrokenSecrets.sln", _packed.Version, "minimal", "-p:PreflightCheckEnvironment=true", "-p:PreflightEnvironment=production");

        Assert.NotEqual(0, ready.ExitCode);
        var readiness = Assert.Single(BuildDiagnostic.Parse(ready.Output), d => d.Id == "PF4002");
        Assert.Equal(("preflight.yaml", 3, 5), (Path.GetRelativePath(sample, readiness.File).Replace('\\', '/'), readiness.Line, readiness.Column));
        Assert.Contains("(environment 'production'): PAYMENTS_DEPLOY_TOKEN, Stripe__ApiKey, PAYMENTS_REGION (declared in 'preflight.yaml')", readiness.Message);
        Assert.DoesNotContain(PlantedToken, ready.Output);

        // Back to an ordinary build: the readiness finding is not replayed.
        var again = DotNet.Build(sample, "BrokenSecrets.sln", _packed.Version);
        Assert.DoesNotContain(BuildDiagnostic.Parse(again.Output), d => d.Id == "PF4002");
        Assert.Equal(BuildDiagnostic.Relative(sample, build.Output), BuildDiagnostic.Relative(sample, again.Output));
    }
}
