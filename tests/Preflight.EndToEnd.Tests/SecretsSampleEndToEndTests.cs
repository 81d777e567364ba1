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

    private string CopySample()
    {
        var workspace = _packed.NewWorkspace("broken-secrets");
        File.Copy(Path.Combine(TestPaths.Samples, "Directory.Build.props"), Path.Combine(workspace, "Directory.Build.props"));
        File.Copy(Path.Combine(TestPaths.Samples, "Directory.Build.targets"), Path.Combine(workspace, "Directory.Build.targets"));
        Workspace.CopyDirectory(Path.Combine(TestPaths.Samples, "broken-secrets"), Path.Combine(workspace, "broken-secrets"));
        return Path.Combine(workspace, "broken-secrets");
    }

    /// <summary>As <see cref="DotNet.Build"/>, with extra MSBuild properties.</summary>
    private DotNet.Result Build(string directory, params string[] properties)
    {
        var log = Path.Combine(Path.GetTempPath(), "preflight-e2e-" + Guid.NewGuid().ToString("N") + ".log");
        var arguments = new List<string>
        {
            "build", "BrokenSecrets.sln", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:PreflightVersion=" + _packed.Version,
            "-noConsoleLogger", $"-flp:logfile={log};verbosity=minimal;NoSummary",
        };
        arguments.AddRange(properties);
        var result = DotNet.Run(directory, arguments.ToArray());
        var text = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
        File.Delete(log);
        return result with { Output = text + result.Output };
    }

    private static (string File, int Line, int Column, string Id)[] Relative(string root, DotNet.Result build) =>
        BuildDiagnostic.Parse(build.Output)
            .Select(d => (Path.GetRelativePath(root, d.File).Replace('\\', '/'), d.Line, d.Column, d.Id))
            .OrderBy(d => d.Item1, StringComparer.Ordinal).ThenBy(d => d.Line)
            .ToArray();

    [Fact]
    public void Secrets_sample_reports_each_finding_once_never_prints_the_value_and_checks_readiness_on_request()
    {
        var sample = CopySample();
        Assert.Contains(PlantedToken, File.ReadAllText(Path.Combine(sample, "src/Payments.Api/appsettings.json")));

        var build = Build(sample);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            (".github/workflows/deploy.yml", 20, 36, "PF4001"),
            ("preflight.yaml", 8, 1, "PF1005"),
            ("src/Payments.Api/appsettings.json", 7, 15, "PF1004"),
        }, Relative(sample, build));
        var messages = BuildDiagnostic.Parse(build.Output).ToDictionary(d => d.Id, d => d.Message);
        Assert.Contains("GitHub token 'ghp_****'", messages["PF1004"]);
        Assert.Contains("unknown key 'polices'", messages["PF1005"]);
        Assert.Contains("did you mean 'policies'?", messages["PF1005"]);
        Assert.Contains("Secret 'LAMBDA_LABS_API_KEY'", messages["PF4001"]);
        Assert.Contains("not declared in 'preflight.yaml'", messages["PF4001"]);
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
        var ready = Build(sample, "-p:PreflightCheckEnvironment=true", "-p:PreflightEnvironment=production");

        Assert.NotEqual(0, ready.ExitCode);
        var readiness = Assert.Single(BuildDiagnostic.Parse(ready.Output), d => d.Id == "PF4002");
        Assert.Equal(("preflight.yaml", 3, 5), (Path.GetRelativePath(sample, readiness.File).Replace('\\', '/'), readiness.Line, readiness.Column));
        Assert.Contains("(environment 'production'): PAYMENTS_DEPLOY_TOKEN, Stripe__ApiKey, PAYMENTS_REGION (declared in 'preflight.yaml')", readiness.Message);
        Assert.DoesNotContain(PlantedToken, ready.Output);

        // Back to an ordinary build: the readiness finding is not replayed.
        var again = Build(sample);
        Assert.DoesNotContain(BuildDiagnostic.Parse(again.Output), d => d.Id == "PF4002");
        Assert.Equal(3, BuildDiagnostic.Parse(again.Output).Count);
    }
}
