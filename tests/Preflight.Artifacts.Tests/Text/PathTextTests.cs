using Xunit;

namespace Preflight.Artifacts.Tests.Text;

public class PathTextTests
{
    [Theory]
    [InlineData("/repo/./src/../api/", "/repo/api")]
    [InlineData("C:\\repo\\src\\..\\api", "C:/repo/api")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/../x", "/x")]
    public void Normalize_resolves_dots_and_separators(string path, string expected) =>
        Assert.Equal(expected, PathText.Normalize(path));

    [Fact]
    public void IsUnder_respects_folder_boundaries()
    {
        Assert.True(PathText.IsUnder("/repo/src/Api/Dockerfile", "/repo/src/Api/"));
        Assert.False(PathText.IsUnder("/repo/src/Api2/Dockerfile", "/repo/src/Api"));
        Assert.Equal("src/Api", PathText.Relative("/repo", "/repo/src/Api"));
    }
}
