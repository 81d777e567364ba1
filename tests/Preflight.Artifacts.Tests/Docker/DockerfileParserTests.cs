using System.Linq;
using Preflight.Artifacts.Docker;
using Xunit;

namespace Preflight.Artifacts.Tests.Docker;

public class DockerfileParserTests
{
    [Fact]
    public void Splits_instructions_with_flags_arguments_and_positions()
    {
        var dockerfile = DockerfileParser.Parse("""
            # syntax=docker/dockerfile:1
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            WORKDIR /src
            COPY --chown=app:app ["Api/Api.csproj", "Api/"]
            COPY src/ \
                 # a comment inside the continuation

                 ./out/
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            COPY --from=build /app .
            """);

        Assert.Equal("syntax", dockerfile.Directives.Single().Name);
        Assert.Equal(new[] { "FROM", "WORKDIR", "COPY", "COPY", "FROM", "COPY" }, dockerfile.Instructions.Select(i => i.Keyword));
        var jsonCopy = dockerfile.Instructions[2];
        Assert.True(jsonCopy.IsExecForm);
        Assert.Equal("app:app", jsonCopy.Flag("chown")!.Value);
        Assert.Equal(new[] { "Api/Api.csproj", "Api/" }, jsonCopy.Arguments.Select(a => a.Value));
        var continued = dockerfile.Instructions[3];
        Assert.Equal(new[] { "src/", "./out/" }, continued.Arguments.Select(a => a.Value));
        Assert.Equal((5, 6), (continued.Arguments[0].Span.Line, continued.Arguments[0].Span.Column));
        Assert.Equal((8, 6), (continued.Arguments[1].Span.Line, continued.Arguments[1].Span.Column));
        Assert.Equal(new[] { "build", null }, dockerfile.Stages.Select(s => s.Name));
        Assert.Equal(1, dockerfile.Instructions[5].StageIndex);
        Assert.Equal("build", dockerfile.Instructions[5].Flag("from")!.Value);
    }

    [Fact]
    public void Escape_directive_changes_the_continuation_character()
    {
        var dockerfile = DockerfileParser.Parse("# escape=`\nFROM windows\nCOPY a `\n  b c:\\dest\\\n");
        Assert.Equal('`', dockerfile.EscapeToken);
        Assert.Equal(new[] { "a", "b", "c:\\dest\\" }, dockerfile.Instructions[1].Arguments.Select(a => a.Value));
    }

    [Fact]
    public void Invalid_json_falls_back_to_shell_form()
    {
        var dockerfile = DockerfileParser.Parse("CMD ['echo', 'hi']");
        Assert.False(dockerfile.Instructions[0].IsExecForm);
    }

    [Fact]
    public void Heredoc_bodies_are_not_instructions()
    {
        var dockerfile = DockerfileParser.Parse("FROM alpine\nRUN <<EOF\nFROM nothing\necho hi\nEOF\nCOPY <<-CONF /etc/app.conf\n\tkey=value\n\tCONF\nUSER app\n");
        Assert.Equal(new[] { "FROM", "RUN", "COPY", "USER" }, dockerfile.Instructions.Select(i => i.Keyword));
        Assert.Empty(dockerfile.Errors);
    }

    [Fact]
    public void Unknown_instructions_and_unterminated_heredocs_are_errors()
    {
        var dockerfile = DockerfileParser.Parse("FROM alpine\nCOPPY a b\nRUN <<EOF\necho\n");
        Assert.Equal(2, dockerfile.Errors.Count);
        Assert.Contains("COPPY", dockerfile.Errors[0].Message);
        Assert.Equal(2, dockerfile.Errors[0].Span.Line);
    }
}
