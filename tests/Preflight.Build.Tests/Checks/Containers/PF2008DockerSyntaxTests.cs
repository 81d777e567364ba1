using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2008DockerSyntaxTests
{
    private static CheckContext Run(string dockerfile) => SingleDockerfile.Check(dockerfile, DockerSyntaxCheck.Run);

    [Fact]
    public void Syntax_errors_are_reported_at_the_offending_line()
    {
        var findings = Run("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPPY . /src\nCOPY --form=build /app .\nRUN <<EOF\necho hi\n").Findings;

        Assert.Equal(new[] { "PF2008" }, findings.Select(f => f.RuleId).Distinct());
        Assert.Equal(new[] { (2, 1), (3, 6), (4, 5) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("Dockerfile syntax error: unknown instruction: COPPY", findings[0].Message);
        Assert.Contains("unknown flag: form", findings[1].Message);
        Assert.Contains("unterminated heredoc 'EOF'", findings[2].Message);
    }

    [Fact]
    public void Empty_continuation_at_the_end_of_the_file_is_reported()
    {
        var finding = Assert.Single(Run("FROM alpine\nRUN true\n\\\n# trailing comment\n").Findings);

        Assert.Equal((3, 1, 3, 2), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Contains("empty continuation at the end of the file", finding.Message);
    }

    [Theory]
    [InlineData("# syntax=docker/dockerfile:1\nFROM alpine AS build\nRUN --mount=type=cache,target=/root/.nuget \\\n    # restore\n\n    dotnet restore\nCOPY --link --chmod=755 <<EOF /run.sh\n#!/bin/sh\nEOF\nCMD [\"/run.sh\"]\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n")]
    [InlineData("# syntax=example.com/my/frontend:1\nFROM alpine\nMAGIC does things\n")]
    [InlineData("# syntax=docker/dockerfile:1-labs\nFROM alpine\nCOPY --some-new-flag . /src\n")]
    [InlineData("FROM alpine\nCMD ['echo', 'invalid JSON is shell form']\n")]
    public void Valid_dockerfiles_and_other_front_ends_are_not_reported(string dockerfile)
    {
        Assert.Empty(Run(dockerfile).Findings);
    }

    [Theory]
    [InlineData("src/Api/Dockerfile.template", "FROM alpine\nCOPPY . /src\n")]
    [InlineData("src/Api/Dockerfile", "{{ if .Debug }}\nFROM alpine:debug\n{{ end }}\nWORKDIR $UNDECLARED_IN_TEMPLATE\n")]
    public void Templates_are_not_checked(string path, string text)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", SingleDockerfile.ApiProject)
            .Write(path, text);
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        DockerSyntaxCheck.Run(context);
        DockerUndefinedVariableCheck.Run(context);
        Assert.Empty(context.Findings);
        Assert.Contains(repo.Path(path), context.Watched);
    }
}
