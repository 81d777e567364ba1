using System.Linq;
using Preflight.Artifacts.Env;
using Xunit;

namespace Preflight.Artifacts.Tests.Env;

public class EnvFileParserTests
{
    [Theory]
    [InlineData("A=1", "1")]
    [InlineData("A = 1 ", "1")]
    [InlineData("export A=1", "1")]
    [InlineData("A=", "")]
    [InlineData("A='single $B'", "single $B")]
    [InlineData("A='it\\'s'", "it's")]
    [InlineData("A=\"double\\nline\"", "double\nline")]
    [InlineData("A=\"quoted # not a comment\" # comment", "quoted # not a comment")]
    [InlineData("A=value # comment", "value")]
    [InlineData("A=value#not-comment", "value#not-comment")]
    [InlineData("A: yaml-style", "yaml-style")]
    [InlineData("A=postgres://h:5432/db?sslmode=disable", "postgres://h:5432/db?sslmode=disable")]
    [InlineData("B=x\nA=${B}_y", "x_y")]
    [InlineData("A=${UNSET:-default}", "default")]
    [InlineData("A=\"price \\$5\"", "price $5")]
    [InlineData("\uFEFFA=bom", "bom")]
    public void Values_follow_compose_rules(string text, string expected)
    {
        var file = EnvFileParser.Parse(text);

        Assert.Empty(file.Errors);
        Assert.Equal(expected, file["A"]);
    }

    [Fact]
    public void Multiline_double_quoted_values_and_spans()
    {
        var file = EnvFileParser.Parse("# comment\n\nFIRST=1\nMULTI=\"a\nb\"\n  LAST=2\nBARE\n");

        Assert.Equal(new[] { "FIRST", "MULTI", "LAST", "BARE" }, file.Entries.Select(e => e.Key));
        Assert.Equal("a\nb", file["MULTI"]);
        Assert.Null(file.Entries[3].Value);
        Assert.True(file.Contains("BARE"));
        Assert.Equal((6, 3), (file.Entries[2].Span.Line, file.Entries[2].Span.Column));
        Assert.Equal((4, 7, 5, 3), (file.Entries[1].ValueSpan.Line, file.Entries[1].ValueSpan.Column, file.Entries[1].ValueSpan.EndLine, file.Entries[1].ValueSpan.EndColumn));
    }

    [Theory]
    [InlineData("INVALID LINE", 1)]
    [InlineData("A=\"unterminated", 1)]
    [InlineData("=value", 1)]
    [InlineData("OK=1\nBAD KEY=2", 2)]
    public void Invalid_lines_are_errors(string text, int line)
    {
        var error = Assert.Single(EnvFileParser.Parse(text).Errors);

        Assert.Equal(line, error.Span.Line);
    }

    [Fact]
    public void Later_lines_win_and_dictionary_skips_bare_keys()
    {
        var file = EnvFileParser.Parse("A=1\nA=2\nB\n");

        Assert.Equal("2", file["A"]);
        Assert.Equal(new[] { "A" }, file.ToDictionary().Keys);
    }
}
