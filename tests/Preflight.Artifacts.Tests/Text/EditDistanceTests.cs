using Preflight.Artifacts.Text;
using Xunit;

namespace Preflight.Artifacts.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("build", "build", 0)]
    [InlineData("build", "biuld", 1)]
    [InlineData("build", "buil", 1)]
    [InlineData("build", "builds", 1)]
    [InlineData("runtime", "runtimes", 1)]
    [InlineData("REGISTRY_HOST", "REGISTRY_HOSTNAME", 4)]
    [InlineData("", "abc", 3)]
    [InlineData("Build", "build", 1)]
    public void Counts_edits_and_adjacent_transpositions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
