using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

public class ComposeInterpolationTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["SET"] = "value",
        ["EMPTY"] = "",
        ["NESTED"] = "inner",
    };

    private static string? Lookup(string name) => Env.TryGetValue(name, out var value) ? value : null;

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$$", "$")]
    [InlineData("$$SET", "$SET")]
    [InlineData("a$$b", "a$b")]
    [InlineData("$SET", "value")]
    [InlineData("${SET}", "value")]
    [InlineData("x${SET}y", "xvaluey")]
    [InlineData("$SET.txt", "value.txt")]
    [InlineData("${UNSET}", "")]
    [InlineData("${UNSET:-d}", "d")]
    [InlineData("${EMPTY:-d}", "d")]
    [InlineData("${SET:-d}", "value")]
    [InlineData("${UNSET-d}", "d")]
    [InlineData("${EMPTY-d}", "")]
    [InlineData("${SET-d}", "value")]
    [InlineData("${SET:+r}", "r")]
    [InlineData("${EMPTY:+r}", "")]
    [InlineData("${UNSET:+r}", "")]
    [InlineData("${SET+r}", "r")]
    [InlineData("${EMPTY+r}", "r")]
    [InlineData("${UNSET+r}", "")]
    [InlineData("${UNSET:-${NESTED}}", "inner")]
    [InlineData("${UNSET:-${ALSO_UNSET:-deep}}", "deep")]
    [InlineData("${UNSET:-a ${SET} b}", "a value b")]
    [InlineData("${SET:?must be set}", "value")]
    [InlineData("${EMPTY?must be set}", "")]
    [InlineData("${UNSET:-}", "")]
    [InlineData("${UNSET:-with:colon-and-dash}", "with:colon-and-dash")]
    public void Values_follow_the_compose_spec(string template, string expected)
    {
        var result = ComposeInterpolation.Interpolate(template, Lookup);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("${UNSET}", "UNSET")]
    [InlineData("$UNSET", "UNSET")]
    [InlineData("a ${UNSET} ${SET}", "UNSET")]
    [InlineData("${SET:-${UNSET}}", "")]
    [InlineData("${UNSET:-${UNSET_INNER}}", "UNSET_INNER")]
    [InlineData("${UNSET:-d}", "")]
    [InlineData("${UNSET-d}", "")]
    [InlineData("${UNSET:+r}", "")]
    public void Unset_lists_only_used_references_without_default(string template, string expected)
    {
        var result = ComposeInterpolation.Interpolate(template, Lookup);

        Assert.Equal(expected, string.Join(",", result.Unset.Select(r => r.Name)));
    }

    [Theory]
    [InlineData("${UNSET:?database password}", "UNSET", "database password")]
    [InlineData("${UNSET?needed}", "UNSET", "needed")]
    [InlineData("${EMPTY:?needed}", "EMPTY", "needed")]
    public void Required_variables_fail_with_their_message(string template, string variable, string message)
    {
        var error = Assert.Single(ComposeInterpolation.Interpolate(template, Lookup).Errors);

        Assert.Equal(variable, error.Variable);
        Assert.Contains(message, error.Message);
        Assert.Equal(0, error.Start);
        Assert.Equal(template.Length, error.Length);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("a $ b")]
    [InlineData("${")]
    [InlineData("${}")]
    [InlineData("${1abc}")]
    [InlineData("${SET")]
    [InlineData("${SET!x}")]
    public void Invalid_syntax_is_an_error_without_variable(string template)
    {
        var error = Assert.Single(ComposeInterpolation.Interpolate(template, Lookup).Errors);

        Assert.Null(error.Variable);
        Assert.Contains("invalid interpolation", error.Message);
    }

    [Fact]
    public void References_include_nested_ones_with_offsets_and_operators()
    {
        var references = ComposeInterpolation.FindReferences("x ${A:-${B}} $C");

        Assert.Equal(new[] { ("A", 2, ComposeVariableOperator.DefaultIfUnsetOrEmpty), ("B", 7, ComposeVariableOperator.None), ("C", 13, ComposeVariableOperator.None) },
            references.Select(r => (r.Name, r.Start, r.Operator)));
        Assert.Equal("${B}", references[0].Argument);
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var template = string.Concat(Enumerable.Repeat("${A:-", 200)) + "x" + new string('}', 200);

        var result = ComposeInterpolation.Interpolate(template, Lookup);

        Assert.NotEmpty(result.Errors);
    }
}
