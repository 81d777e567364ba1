using System.Linq;
using Preflight.Artifacts.Vercel;
using Xunit;

namespace Preflight.Artifacts.Tests.Vercel;

public class VercelConfigParserTests
{
    [Fact]
    public void Reads_function_keys_and_build_sources_with_their_positions()
    {
        var config = VercelConfigParser.Parse("""
            {
              "version": 2,
              "functions": {
                "api/*.js": { "memory": 1024, "maxDuration": 10 },
                "api/é/**/*.ts": {}
              },
              "builds": [
                { "src": "package.json", "use": "@vercel/static-build", "config": { "src": "ignored" } },
                { "use": "@vercel/python" },
                "not an object",
                { "src": "api/index.py", "use": "@vercel/python" }
              ],
              "routes": [{ "src": "/(.*)", "dest": "/api/index.py" }]
            }
            """);

        Assert.Null(config.Error);
        Assert.Equal(new[] { ("api/*.js", 4, 5, 15), ("api/é/**/*.ts", 5, 5, 20) },
            config.Functions.Select(f => (f.Value, f.Span.Line, f.Span.Column, f.Span.EndColumn)));
        Assert.Equal(new[] { ("package.json", 8, 14, 28), ("api/index.py", 11, 14, 28) },
            config.Builds.Select(b => (b.Value, b.Span.Line, b.Span.Column, b.Span.EndColumn)));
    }

    [Fact]
    public void Escaped_keys_keep_the_span_of_the_written_text()
    {
        var config = VercelConfigParser.Parse("{\"functions\":{\"api\\/x.js\":{}}}");
        var function = Assert.Single(config.Functions);
        Assert.Equal("api/x.js", function.Value);
        Assert.Equal((1, 15, 26), (function.Span.Line, function.Span.Column, function.Span.EndColumn));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("[1]", "the top-level JSON element must be an object")]
    [InlineData("{\"functions\": {\"api/*.js\": ", "not valid JSON")]
    [InlineData("\u0000\u0001binary", "not valid JSON")]
    public void Malformed_files_give_an_error_and_what_was_read(string text, string error)
    {
        var config = VercelConfigParser.Parse(text);
        Assert.Equal(error, config.Error);
    }

    [Fact]
    public void Entries_before_an_error_are_kept()
    {
        var config = VercelConfigParser.Parse("{\"functions\": {\"api/*.js\": {}, \"b\": ");
        Assert.Equal("not valid JSON", config.Error);
        Assert.Equal(new[] { "api/*.js", "b" }, config.Functions.Select(f => f.Value));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var text = "{\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Assert.Equal("not valid JSON", VercelConfigParser.Parse(text).Error);
    }
}
