using System.Linq;
using Preflight.Artifacts.Json;
using Xunit;

namespace Preflight.Artifacts.Tests.Json;

public class AppSettingsParserTests
{
    [Fact]
    public void Flattens_objects_and_arrays_like_the_configuration_provider()
    {
        var document = AppSettingsParser.Parse("""
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Hosts": [ "a", { "Name": "b" } ],
              "Port": 8080,
              "Nothing": null
            }
            """);

        Assert.Null(document.Error);
        Assert.Equal(
            new[] { "Logging", "Logging:LogLevel", "Logging:LogLevel:Default", "Hosts", "Hosts:0", "Hosts:1", "Hosts:1:Name", "Port", "Nothing" },
            document.Keys.Select(k => k.Key));
        Assert.Equal("Information", document.Keys.Single(k => k.Key == "Logging:LogLevel:Default").Value);
        Assert.Equal("8080", document.Keys.Single(k => k.Key == "Port").Value);
    }

    [Fact]
    public void Key_positions_point_at_the_property_name()
    {
        var document = AppSettingsParser.Parse("{\n  \"A\": {\n    \"Bé\": 1\n  }\n}");
        var key = document.Keys.Single(k => k.Key == "A:Bé");
        Assert.Equal((3, 5), (key.Span.Line, key.Span.Column));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("   \r\n", "the file is empty")]
    [InlineData("\"text\"", "the top-level JSON element must be an object, but it is a string")]
    [InlineData("{ \"a\": 1 } trailing", "not valid JSON")]
    [InlineData("{ \"a\": }", "not valid JSON")]
    public void Rejects_what_the_host_rejects(string text, string reason)
    {
        var document = AppSettingsParser.Parse(text);
        Assert.NotNull(document.Error);
        Assert.StartsWith(reason, document.Error!.Message);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_comments_and_trailing_commas()
    {
        var document = AppSettingsParser.Parse("\uFEFF{ /* c */ \"a\": [1,], // x\n }");
        Assert.Null(document.Error);
        Assert.Contains(document.Keys, k => k.Key == "a:0");
    }
}
