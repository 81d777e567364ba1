using Preflight.Artifacts.Text;
using Xunit;

namespace Preflight.Artifacts.Tests.Text;

public class PathGlobTests
{
    [Theory]
    [InlineData("api/*.js", "api/hello.js", true)]
    [InlineData("api/*.js", "api/v1/hello.js", false)]
    [InlineData("api/**/*.ts", "api/hello.ts", true)]
    [InlineData("api/**/*.ts", "api/v1/users/get.ts", true)]
    [InlineData("api/**/*.ts", "apix/hello.ts", false)]
    [InlineData("**/vercel.json", "vercel.json", true)]
    [InlineData("**/vercel.json", "web/app/vercel.json", true)]
    [InlineData("**/vercel.json", "web/app/vercel.json.bak", false)]
    [InlineData("kubernetes/production/mcp-*.yaml", "kubernetes/production/mcp-server.yaml", true)]
    [InlineData("kubernetes/production/mcp-*.yaml", "kubernetes/staging/mcp-server.yaml", false)]
    [InlineData("deploy/**", "deploy/a/b.yaml", true)]
    [InlineData("deploy/**", "other/b.yaml", false)]
    [InlineData("./src/?.py", "src/a.py", true)]
    [InlineData("/src/?.py", "src/ab.py", false)]
    [InlineData("api/*.{js,ts}", "api/x.ts", true)]
    [InlineData("api/*.{js,ts}", "api/x.go", false)]
    [InlineData("api/[ab].js", "api/b.js", true)]
    [InlineData("api/[!ab].js", "api/c.js", true)]
    [InlineData("api/[!ab].js", "api/a.js", false)]
    [InlineData("api/index.js", "api/index.js", true)]
    [InlineData("api/index.js", "api/index_js", false)]
    public void Matches_like_repository_tools(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, PathGlob.Parse(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("api/v1/**/*.ts", "api/v1", true)]
    [InlineData("**/*.ts", "", true)]
    [InlineData("api/index.js", "api", false)]
    public void Knows_its_literal_folders_and_wildcards(string pattern, string prefix, bool wildcards)
    {
        var glob = PathGlob.Parse(pattern);
        Assert.Equal(prefix, glob.LiteralPrefix);
        Assert.Equal(wildcards, glob.HasWildcards);
        Assert.True(glob.IsValid);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a,b")]
    [InlineData("a/[z-a].js")]
    [InlineData("")]
    public void Odd_patterns_never_throw(string pattern)
    {
        var glob = PathGlob.Parse(pattern);
        Assert.False(glob.IsMatch("a/b.js"));
    }
}
