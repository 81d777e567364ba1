using System;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>The CLI's scan finds private key files (as the targets' globs do) and PF1004 reports them without the key.</summary>
public class PrivateKeyFileTests
{
    [Fact]
    public void Private_key_committed_at_the_root_is_reported_at_its_first_line()
    {
        var key = FakeSecrets.PrivateKeyFile("RSA ");
        using var repo = new TempRepository()
            .Write("preflight.yaml", "")
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>")
            .Write("id_rsa", key)
            .Write("id_rsa.pub", "ssh-rsa " + FakeSecrets.Random(200, seed: 52) + " me@host\n");

        var run = CliRun.Of("check", repo.Root);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(repo.Path("id_rsa") + "(1,1): error PF1004: Secret value committed: private key '", line);
        Assert.DoesNotContain(key.Split('\n')[1].Substring(0, 12), run.Output + run.Errors, StringComparison.Ordinal);
    }
}
