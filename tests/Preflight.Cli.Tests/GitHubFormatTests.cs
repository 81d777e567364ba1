using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Cli.Output;
using Xunit;

namespace Preflight.Cli.Tests;

public class GitHubFormatTests
{
    // The workflow-command syntax the runner accepts: ::command key=value,key=value::data, one line, where a property
    // value has no ',' ':' CR LF and data has no CR LF, and '%' only starts one of the runner's escapes.
    private static readonly Regex Command = new(@"^::(?<command>error|warning|notice) (?<props>[^:\r\n]*)::(?<data>[^\r\n]*)$");
    private static readonly Regex Escapes = new("%(?!25|0D|0A|3A|2C)");
    private static readonly string[] AllowedProperties = { "file", "line", "col", "endLine", "endColumn", "title" };

    private static (string Command, Dictionary<string, string> Properties, string Data) ParseCommand(string line)
    {
        var match = Command.Match(line);
        Assert.True(match.Success, "not a workflow command: " + line);
        Assert.False(Escapes.IsMatch(match.Groups["props"].Value), "unescaped % in properties: " + line);
        Assert.False(Escapes.IsMatch(match.Groups["data"].Value.Replace("%3A", "").Replace("%2C", "")), "unescaped % in data: " + line);
        var properties = new Dictionary<string, string>();
        foreach (var pair in match.Groups["props"].Value.Split(','))
        {
            var equals = pair.IndexOf('=');
            Assert.True(equals > 0, "property without '=': " + pair);
            var key = pair.Substring(0, equals);
            Assert.Contains(key, AllowedProperties);
            Assert.DoesNotContain(key, properties.Keys);
            properties[key] = Unescape(pair.Substring(equals + 1), property: true);
        }
        return (match.Groups["command"].Value, properties, Unescape(match.Groups["data"].Value, property: false));
    }

    private static string Unescape(string value, bool property)
    {
        if (property)
        {
            value = value.Replace("%3A", ":").Replace("%2C", ",");
        }
        return value.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");
    }

    [Fact]
    public void Check_with_format_github_writes_one_error_command_per_finding_with_relative_file_and_position()
    {
        using var repo = new TempRepository()
            .Write("preflight.yaml", "")
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY config/ /app/config/\n")
            .Write("build.sh", "docker build -t api src/Api\n");

        var run = CliRun.Of("check", repo.Root, "--format", "github");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        var (command, properties, data) = ParseCommand(line);
        Assert.Equal("error", command);
        Assert.Equal("src/Api/Dockerfile", properties["file"]);
        Assert.Equal(("2", "6"), (properties["line"], properties["col"]));
        Assert.Equal("PF2001", properties["title"]);
        Assert.StartsWith("COPY source 'config/'", data);
        Assert.EndsWith("docs/rules/PF2001.md)", data);
    }

    [Fact]
    public void Messages_and_properties_are_escaped_as_the_runner_requires()
    {
        var findings = new List<ReportedFinding>
        {
            new("PF3002", "warning", "/repo/dir,with:odd%chars/compose.yaml", 3, 5, 3, 9, "50% of\r\nthe value: a, b", "https://example.test/PF3002.md"),
            new("PF6004", "info", "/repo/src/Empty.cs", 1, 1, 2, 1, "'Empty.cs' is empty", "https://example.test/PF6004.md"),
        };

        var lines = GitHubAnnotations.Write(findings, "/repo").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("::warning file=dir%2Cwith%3Aodd%25chars/compose.yaml,line=3,col=5,endLine=3,endColumn=9,title=PF3002::50%25 of%0D%0Athe value: a, b", lines[0]);
        var (command, properties, data) = ParseCommand(lines[0]);
        Assert.Equal("warning", command);
        Assert.Equal("dir,with:odd%chars/compose.yaml", properties["file"]);
        Assert.Equal("50% of\r\nthe value: a, b (https://example.test/PF3002.md)", data);

        var notice = ParseCommand(lines[1]);
        Assert.Equal("notice", notice.Command);
        Assert.Equal("2", notice.Properties["endLine"]);
        Assert.False(notice.Properties.ContainsKey("endColumn"));
    }

    [Theory]
    [InlineData("check", "--help")]
    [InlineData("check", "-h")]
    [InlineData("check", ".", "--help")]
    public void Help_after_a_command_prints_the_usage_and_exits_zero(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains("--format text|json|sarif|github", run.Output);
        Assert.Equal("", run.Errors);
    }
}
