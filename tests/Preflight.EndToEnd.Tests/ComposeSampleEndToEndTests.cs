using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>samples/broken-compose: one finding of each compose rule (PF3001-PF3008), built with the packed package.</summary>
[Collection(EndToEndCollection.Name)]
public class ComposeSampleEndToEndTests
{
    private readonly PackedPreflight _packed;

    public ComposeSampleEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Broken_compose_sample_shows_each_compose_rule_once()
    {
        var sample = _packed.CopySample("broken-compose");

        var build = DotNet.Build(sample, "BrokenCompose.sln", _packed.Version);

        Assert.NotEqual(0, build.ExitCode);
        var diagnostics = BuildDiagnostic.Parse(build.Output);
        Assert.Equal(new[]
        {
            ("compose.yaml", 6, 15, "PF3001"),
            ("compose.yaml", 9, 21, "PF3002"),
            ("compose.yaml", 10, 22, "PF3005"),
            ("compose.yaml", 11, 3, "PF3003"),
            ("compose.yaml", 17, 5, "PF3006"),
            ("compose.yaml", 18, 3, "PF3004"),
            ("compose.yaml", 26, 20, "PF3007"),
            ("compose.yaml", 32, 32, "PF3008"),
        }, diagnostics
            .Select(d => (Path.GetRelativePath(sample, d.File).Replace('\\', '/'), d.Line, d.Column, d.Id))
            .OrderBy(d => d.Item1, System.StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToArray());
        var messages = diagnostics.ToDictionary(d => d.Id, d => d.Message);
        Assert.Contains("env_file 'config/api.env' of service 'api' does not exist", messages["PF3001"]);
        Assert.Contains("'SHOP_REGION'", messages["PF3002"]);
        Assert.Contains("undefined service \"cache\"", messages["PF3005"]);
        Assert.Contains("lacks POSTGRES_PASSWORD", messages["PF3003"]);
        Assert.Contains("STORAGE_DIR='/app/server/storage'", messages["PF3004"]);
        Assert.Contains("unknown key \"restart_policy\"", messages["PF3006"]);
        Assert.Contains("'migrate' waits for 'db' to be healthy", messages["PF3007"]);
        Assert.Contains("'ConnectionStrings__Shop' points at 'localhost'", messages["PF3008"]);
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("SHOP_API_KEY"));
    }
}
