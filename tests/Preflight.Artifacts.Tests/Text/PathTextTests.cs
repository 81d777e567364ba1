using Xunit;

namespace Preflight.Artifacts.Tests.Text;

public class PathTextTests
{
    [Theory]
    [InlineData("/repo/./src/../api/", "/repo/api")]
    [InlineData("C:\\repo\\src\\..\\api", "C:/repo/api")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/../x", "/x")]
    [InlineData("/repo/src/", "/repo/src")]
    [InlineData("/repo//src", "/repo/src")]
    [InlineData("src/./Api", "src/Api")]
    [InlineData("./src", "src")]
    [InlineData(".", ".")]
    [InlineData("..", "..")]
    [InlineData("src/..", ".")]
    [InlineData("/", "/")]
    [InlineData("//", "/")]
    [InlineData("C:", "C:/")]
    [InlineData("C:repo", "C:/repo")]
    [InlineData("C:/", "C:/")]
    [InlineData("src/.hidden/..x/a..b", "src/.hidden/..x/a..b")]
    public void Normalize_resolves_dots_and_separators(string path, string expected) =>
        Assert.Equal(expected, PathText.Normalize(path));

    /// <summary>Already normalized paths come back as they are: the same instance, no copy (the fast path).</summary>
    [Theory]
    [InlineData("/repo/src/Api/Api.csproj")]
    [InlineData("src/Api")]
    [InlineData("/")]
    [InlineData("C:/repo/api")]
    [InlineData("a.b/.c/d..")]
    public void Normalize_returns_a_normalized_path_itself(string path) =>
        Assert.Same(path, PathText.Normalize(path));

    [Fact]
    public void IsUnder_respects_folder_boundaries()
    {
        Assert.True(PathText.IsUnder("/repo/src/Api/Dockerfile", "/repo/src/Api/"));
        Assert.False(PathText.IsUnder("/repo/src/Api2/Dockerfile", "/repo/src/Api"));
        Assert.Equal("src/Api", PathText.Relative("/repo", "/repo/src/Api"));
    }
}
