using System.Linq;
using Preflight.Artifacts.Docker;
using Xunit;

namespace Preflight.Artifacts.Tests.Docker;

public class DockerfileModelTests
{
    [Fact]
    public void Several_heredocs_per_instruction_keep_bodies_and_spans()
    {
        var dockerfile = DockerfileParser.Parse("FROM alpine\nCOPY <<one <<\"two\" /dest/\nfirst $X\none\n\tsecond\ntwo\nRUN <<-EOT sh\n\techo hi\n\tEOT\nUSER app\n");
        Assert.Empty(dockerfile.Errors);
        Assert.Equal(new[] { "FROM", "COPY", "RUN", "USER" }, dockerfile.Instructions.Select(i => i.Keyword));
        var copy = dockerfile.Instructions[1];
        Assert.Equal(new[] { "one", "two" }, copy.Heredocs.Select(h => h.Name));
        Assert.True(copy.Heredocs[0].Expand);
        Assert.False(copy.Heredocs[1].Expand);
        Assert.Equal("first $X\n", copy.Heredocs[0].Content);
        Assert.Equal("\tsecond\n", copy.Heredocs[1].Content);
        Assert.Equal((2, 6), (copy.Heredocs[0].Span.Line, copy.Heredocs[0].Span.Column));
        Assert.Equal((2, 12), (copy.Heredocs[1].Span.Line, copy.Heredocs[1].Span.Column));
        Assert.Equal(3, copy.Heredocs[0].BodySpan.Line);
        Assert.Equal(6, copy.Heredocs[1].TerminatorSpan.Line);
        Assert.Equal(6, copy.Span.EndLine);
        var run = dockerfile.Instructions[2];
        Assert.True(run.Heredocs.Single().Chomp);
        Assert.Equal("echo hi\n", run.Heredocs.Single().EffectiveContent);
        Assert.Equal(10, dockerfile.Instructions[3].Span.Line);
    }

    [Fact]
    public void Exec_form_heredoc_markers_and_json_are_not_heredocs()
    {
        var dockerfile = DockerfileParser.Parse("FROM a\nRUN [\"sh\", \"-c\", \"cat <<EOF\"]\nCMD [\"x\"]\n");
        Assert.Empty(dockerfile.Errors);
        Assert.Empty(dockerfile.Instructions[1].Heredocs);
        Assert.True(dockerfile.Instructions[1].IsExecForm);
        Assert.Equal((2, 18), (dockerfile.Instructions[1].Arguments[2].Span.Line, dockerfile.Instructions[1].Arguments[2].Span.Column));
    }

    [Fact]
    public void Onbuild_keeps_the_trigger_and_its_flags()
    {
        var dockerfile = DockerfileParser.Parse("FROM a\nONBUILD COPY --chown=app src/ /app/\n");
        var onbuild = dockerfile.Instructions[1];
        Assert.Equal("COPY", onbuild.Inner!.Keyword);
        Assert.Equal("app", onbuild.Inner.Flag("chown")!.Value);
        Assert.Equal((2, 14), (onbuild.Inner.Flags[0].Span.Line, onbuild.Inner.Flags[0].Span.Column));
        Assert.Equal("onbuild (copy [\"--chown=app\"] \"src/\" \"/app/\")", onbuild.Dump());
    }

    [Fact]
    public void Flags_keep_values_repeats_and_positions()
    {
        var dockerfile = DockerfileParser.Parse("FROM --platform=$BUILDPLATFORM a AS b\nRUN --mount=type=cache,target=/root/.nuget \\\n    --mount=type=secret,id=npm --network=none dotnet restore\nCOPY --link --exclude=*.md . /src\n");
        Assert.Empty(dockerfile.Errors);
        var run = dockerfile.Instructions[1];
        Assert.Equal(2, run.FlagsNamed("mount").Count());
        Assert.Equal((3, 5), (run.Flags[1].Span.Line, run.Flags[1].Span.Column));
        Assert.Equal("dotnet restore", run.ArgumentText);
        var copy = dockerfile.Instructions[2];
        Assert.Null(copy.Flag("link")!.Value);
        Assert.Equal("*.md", copy.Flag("exclude")!.Value);
        Assert.Equal("$BUILDPLATFORM", dockerfile.Stages[0].Platform);
    }

    [Theory]
    [InlineData("FROM a\nCOPPY x y\n", 2, 1, "unknown instruction: COPPY")]
    [InlineData("FROM a\nCOPY --form=build /x /y\n", 2, 6, "unknown flag: form")]
    [InlineData("FROM a\nCOPY --link=maybe /x /y\n", 2, 6, "expecting boolean value")]
    [InlineData("FROM a\nCOPY --from /x /y\n", 2, 6, "missing a value on flag: from")]
    [InlineData("FROM a\nRUN <<EOF\necho\n", 2, 5, "unterminated heredoc")]
    [InlineData("FROM a\nENV PATH\n", 2, 5, "ENV must have two arguments")]
    [InlineData("FROM a\nCOPY onlyone\n", 2, 1, "COPY requires at least two arguments")]
    [InlineData("FROM a b\n", 1, 1, "FROM requires either one or three arguments")]
    [InlineData("FROM a AS 1st\n", 1, 1, "invalid name for build stage")]
    [InlineData("RUN echo\nFROM a\n", 1, 1, "no build stage")]
    [InlineData("FROM a\nCMD [\"a\", [\"b\"]]\n", 2, 5, "strings only")]
    [InlineData("FROM a\n\\\n", 2, 1, "empty continuation")]
    [InlineData("# escape=x\nFROM a\n", 1, 1, "invalid escape token")]
    [InlineData("# syntax=a\n# SYNTAX=b\nFROM a\n", 2, 1, "only one syntax parser directive")]
    [InlineData("", 1, 1, "file with no instructions")]
    [InlineData("FROM a\nONBUILD FROM b\n", 2, 9, "isn't allowed as an ONBUILD trigger")]
    [InlineData("FROM a\nHEALTHCHECK CMD\n", 2, 1, "Missing command after HEALTHCHECK CMD")]
    public void Syntax_errors_are_reported_at_the_offending_line(string text, int line, int column, string message)
    {
        var error = DockerfileParser.Parse(text).Errors.First();
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Directives_are_case_insensitive_and_only_at_the_top()
    {
        var dockerfile = DockerfileParser.Parse("# SYNTAX = docker/dockerfile:1\n#Check=skip=all\n# escape=`\nFROM a\n# escape=\\\nRUN a `\n  b\n");
        Assert.Equal(new[] { "syntax", "check", "escape" }, dockerfile.Directives.Select(d => d.Name));
        Assert.Equal("skip=all", dockerfile.Directives[1].Value);
        Assert.Equal('`', dockerfile.EscapeToken);
        Assert.Equal("a   b", dockerfile.Instructions[1].ArgumentText);
        Assert.Empty(DockerfileParser.Parse("FROM a\n# escape=`\n").Directives);
    }

    [Fact]
    public void Continuation_with_comments_and_blank_lines_warns_but_joins()
    {
        var dockerfile = DockerfileParser.Parse("FROM a\nRUN a \\\n# comment\n\n  b\nRUN c \\");
        Assert.Empty(dockerfile.Errors);
        Assert.Equal("a   b", dockerfile.Instructions[1].ArgumentText);
        Assert.Equal((5, 3), (dockerfile.Instructions[1].Arguments[1].Span.Line, dockerfile.Instructions[1].Arguments[1].Span.Column));
        Assert.Equal(2, dockerfile.Warnings.Count);
        Assert.Contains("end of the file", dockerfile.Warnings[1].Message);
    }

    [Fact]
    public void Scopes_follow_buildkit_arg_and_env_rules()
    {
        var dockerfile = DockerfileParser.Parse(string.Join("\n",
            "ARG VERSION=8.0",
            "ARG REGISTRY=mcr.microsoft.com",
            "FROM $REGISTRY/dotnet/sdk:${VERSION} AS build",
            "ENV APP=/app",
            "COPY . $APP/$VERSION",
            "ARG VERSION",
            "WORKDIR /src/$VERSION/${MISSING:-x}",
            "FROM build AS test",
            "WORKDIR $APP",
            "FROM scratch",
            "COPY --from=test $APP /",
            ""));
        Assert.Empty(dockerfile.Errors);
        var from = dockerfile.Instructions[2];
        var fromScope = dockerfile.ScopeAt(from);
        Assert.True(fromScope.IsGlobal);
        Assert.Equal(new[] { "mcr.microsoft.com/dotnet/sdk:8.0" }, fromScope.Expand(from.Values[0]).Words);
        var copy = dockerfile.Instructions[4];
        var copyResult = dockerfile.ScopeAt(copy).Expand(copy.Arguments[1].Raw);
        Assert.Equal("/app/", copyResult.Result);
        Assert.Equal(new[] { "VERSION" }, copyResult.Undefined);
        var workdir = dockerfile.Instructions[6];
        var workdirResult = dockerfile.ScopeAt(workdir).Expand(workdir.ArgumentText);
        Assert.Equal("/src/8.0/x", workdirResult.Result);
        Assert.Empty(workdirResult.Undefined);
        Assert.Equal(new[] { "MISSING" }, workdirResult.Unmatched);
        Assert.Same(dockerfile.Stages[0], dockerfile.Stages[1].BaseStage);
        var inherited = dockerfile.ScopeAt(dockerfile.Instructions[8]);
        Assert.Equal("/app", inherited.Variables["APP"]);
        Assert.False(inherited.IsDeclared("VERSION"));
        var scratch = dockerfile.ScopeAt(dockerfile.Instructions[10]);
        Assert.False(scratch.MayHaveImageEnvironment);
        Assert.Equal(new[] { "APP" }, scratch.Expand("$APP").Undefined);
        Assert.Equal("APP", dockerfile.ScopeAt(dockerfile.Instructions[8]).Suggest("APPP"));
    }

    [Fact]
    public void Shell_lexer_handles_patterns_and_reports_unset_names()
    {
        var env = new System.Collections.Generic.Dictionary<string, string> { ["FILE"] = "dir/name.tar.gz" };
        Assert.Equal("name.tar.gz", DockerShellLexer.ProcessWord("${FILE##*/}", env).Result);
        Assert.Equal("dir/name.tar", DockerShellLexer.ProcessWord("${FILE%.*}", env).Result);
        Assert.Equal("dir/name", DockerShellLexer.ProcessWord("${FILE%%.*}", env).Result);
        Assert.Equal("dir/name.zip.gz", DockerShellLexer.ProcessWord("${FILE/tar/zip}", env).Result);
        var failed = DockerShellLexer.ProcessWord("${NOPE:?must be set}", env);
        Assert.False(failed.Success);
        Assert.Contains("must be set", failed.Error);
        Assert.Equal("a`b", DockerShellLexer.ProcessWord("a``b", env, '`').Result);
    }
}
