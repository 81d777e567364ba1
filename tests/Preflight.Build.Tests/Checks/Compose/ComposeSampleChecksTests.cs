using System.IO;
using System.Linq;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>The compose checks on the samples, in process (the end-to-end test builds them with the packed package).</summary>
public class ComposeSampleChecksTests
{
    private static (string File, int Line, int Column, string Id)[] Check(string sample, string project)
    {
        var root = Path.Combine(TestPaths.Samples, sample).Replace('\\', '/');
        var artifacts = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => p.Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"));
        var context = new CheckContext(root, Path.Combine(root, project), artifacts);
        Assert.Empty(RepositoryChecks.Run(context));
        return context.Findings
            .Select(f => (Path.GetRelativePath(root, f.File).Replace('\\', '/'), f.Line, f.Column, f.RuleId))
            .OrderBy(f => f.Item1, System.StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column)
            .ToArray();
    }

    [Fact]
    public void Broken_compose_sample_shows_PF3001_to_PF3008_once_each()
    {
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
        }, Check("broken-compose", "src/Shop.Api/Shop.Api.csproj"));
    }

    [Fact]
    public void Healthy_sample_with_override_profiles_optional_env_file_and_defaults_is_silent()
    {
        Assert.Empty(Check("healthy-service", "src/Catalog.Api/Catalog.Api.csproj"));
    }
}
