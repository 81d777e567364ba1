using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>samples/broken-dockerfile, built as its own repository with the packed package: one finding per Dockerfile rule.</summary>
[Collection(EndToEndCollection.Name)]
public class DockerfileSampleEndToEndTests
{
    private readonly PackedPreflight _packed;

    public DockerfileSampleEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Broken_dockerfile_sample_shows_each_Dockerfile_rule_once()
    {
        var sample = _packed.CopySample("broken-dockerfile");

        var build = DotNet.Build(sample, "BrokenDockerfile.sln", _packed.Version);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            ("Dockerfile", 7, 1, "PF2004"),
            ("Dockerfile", 11, 6, "PF2005"),
            ("Dockerfile", 14, 6, "PF2002"),
            ("Dockerfile", 15, 6, "PF2001"),
            ("Dockerfile", 16, 23, "PF2003"),
        }, BuildDiagnostic.Relative(sample, build.Output));
        var messages = BuildDiagnostic.Parse(build.Output).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("src/Billing.Core/Billing.Core.csproj (ProjectReference)") && !m.Contains("Directory.Build.props"));
        Assert.Contains(messages, m => m.Contains("'mcr.microsoft.com/dotnet/aspnet:9.0' has .NET 9.0") && m.Contains("targets net10.0"));
        Assert.Contains(messages, m => m.Contains("'biuld'") && m.Contains("did you mean 'build'?"));
        Assert.Contains(messages, m => m.Contains("'config/'") && m.Contains("build context '.'"));
        Assert.Contains(messages, m => m.Contains("'Billing.dll' is not in the image") && m.Contains("/app contains Billing.Api.dll published from src/Billing.Api/Billing.Api.csproj"));
    }
}
