using System.Linq;
using Preflight.Artifacts.Docker;
using Xunit;

namespace Preflight.Artifacts.Tests.Docker;

/// <summary>.dockerignore semantics of moby's patternmatcher, cases written from its documented behaviour.</summary>
public class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.go", "main.go", true)]
    [InlineData("*.go", "cmd/main.go", false)] // '*' does not cross '/', unlike .gitignore
    [InlineData("**/*.go", "cmd/app/main.go", true)]
    [InlineData("**/*.go", "main.go", true)]
    [InlineData("**/node_modules", "node_modules/x/index.js", true)]
    [InlineData("**/node_modules", "web/node_modules/x/index.js", true)]
    [InlineData("docs", "docs/guide/intro.md", true)] // a directory pattern excludes its children
    [InlineData("docs", "docsite/index.md", false)]
    [InlineData("docs/", "docs/a.md", true)] // trailing '/' is cleaned away
    [InlineData("/bin", "bin/app", true)] // leading '/' is the context root
    [InlineData("./obj", "obj/project.assets.json", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[a-c].txt", "d.txt", false)]
    [InlineData("[^a].txt", "a.txt", false)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("foo/**", "foo/bar/baz", true)]
    [InlineData("foo/**", "foo", false)]
    [InlineData("foo/**/bar", "foo/bar", true)]
    [InlineData("foo/**/bar", "foo/x/y/bar/z", true)]
    [InlineData("file.txt", "./file.txt", true)]
    [InlineData("a/../b", "b", true)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*/*.cs", "src/Program.cs", true)]
    [InlineData("*/*.cs", "src/Api/Program.cs", false)]
    [InlineData("x.(1)+$", "x.(1)+$", true)] // regex characters are literal
    [InlineData("\\*.txt", "a.txt", false)]
    public void Pattern_matches_like_moby(string pattern, string path, bool excluded)
    {
        var ignore = DockerIgnoreParser.Parse(pattern + "\n");
        Assert.Empty(ignore.Errors);
        Assert.Equal(excluded, ignore.IsExcluded(path));
    }

    [Fact]
    public void Exceptions_reinclude_and_the_last_match_wins()
    {
        var ignore = DockerIgnoreParser.Parse("# build output\n*\n!src\n!*.csproj\nsrc/secrets\n\n  bin  \n");
        Assert.True(ignore.IsExcluded("README.md"));
        Assert.False(ignore.IsExcluded("Api.csproj"));
        Assert.False(ignore.IsExcluded("src/Program.cs"));
        Assert.True(ignore.IsExcluded("src/secrets/key.pem"));
        Assert.Equal(new[] { "*", "!src", "!*.csproj", "src/secrets", "bin" }, ignore.Patterns.Select(p => p.Text));
        Assert.True(ignore.HasExceptions);
        var deciding = ignore.DecidingPattern("src/secrets/key.pem")!;
        Assert.Equal((5, 1), (deciding.Span.Line, deciding.Span.Column));
        var bin = ignore.Patterns[4];
        Assert.Equal((7, 3), (bin.Span.Line, bin.Span.Column));
    }

    [Fact]
    public void Exception_before_the_exclusion_is_overridden()
    {
        var ignore = DockerIgnoreParser.Parse("!keep.txt\n*.txt\n");
        Assert.True(ignore.IsExcluded("keep.txt"));
    }

    [Fact]
    public void Directory_excluded_with_an_exception_for_one_child()
    {
        var ignore = DockerIgnoreParser.Parse("config\n!config/appsettings.json\n");
        Assert.False(ignore.IsExcluded("config/appsettings.json"));
        Assert.True(ignore.IsExcluded("config/appsettings.Development.json"));
        Assert.Equal("!config/appsettings.json", ignore.DecidingPattern("config/appsettings.json")!.Text);
    }

    [Fact]
    public void Comments_only_at_line_start_and_crlf_and_bom_are_handled()
    {
        var ignore = DockerIgnoreParser.Parse("\uFEFF# comment\r\nobj\r\n #kept\r\n");
        Assert.Equal(new[] { "obj", "#kept" }, ignore.Patterns.Select(p => p.Pattern));
        Assert.True(ignore.IsExcluded("obj/x"));
        Assert.True(ignore.IsExcluded("#kept"));
    }

    [Fact]
    public void Invalid_patterns_are_errors_not_exceptions()
    {
        var ignore = DockerIgnoreParser.Parse("ok\n!\n[abc\n");
        Assert.Equal(2, ignore.Errors.Count);
        Assert.Equal(2, ignore.Errors[0].Span.Line);
        Assert.Equal(3, ignore.Errors[1].Span.Line);
        Assert.Single(ignore.Patterns);
        Assert.False(ignore.IsExcluded("abc"));
    }

    [Fact]
    public void Nothing_is_excluded_by_an_empty_file()
    {
        Assert.False(DockerIgnoreParser.Parse(string.Empty).IsExcluded("anything"));
        Assert.False(DockerIgnoreParser.Parse("*").IsExcluded("."));
    }
}
