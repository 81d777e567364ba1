using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2006DockerUndefinedVariableTests
{
    private static CheckContext Run(string dockerfile) => SingleDockerfile.Check(dockerfile, DockerUndefinedVariableCheck.Run);

    [Fact]
    public void Global_arg_not_redeclared_in_the_stage_is_reported_at_the_reference()
    {
        var finding = Assert.Single(Run("ARG VERSION=1.0\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY app-$VERSION.tar /opt/\n").Findings);

        Assert.Equal("PF2006", finding.RuleId);
        Assert.Equal((3, 10, 3, 18), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Contains("'$VERSION' is used in COPY", finding.Message);
        Assert.Contains("stage 0", finding.Message);
        Assert.Contains("add 'ARG VERSION' after the stage's FROM", finding.Message);
    }

    [Fact]
    public void Typo_in_a_scratch_stage_gets_a_did_you_mean()
    {
        var finding = Assert.Single(Run("FROM scratch AS final\nENV APP_HOME=/app\nWORKDIR ${APP_HOEM}/bin\n").Findings);

        Assert.Equal((3, 9), (finding.Line, finding.Column));
        Assert.Contains("'$APP_HOEM' is used in WORKDIR", finding.Message);
        Assert.Contains("stage 'final'", finding.Message);
        Assert.Contains("did you mean '$APP_HOME'?", finding.Message);
    }

    [Fact]
    public void Undeclared_variable_in_FROM_is_reported_in_the_global_scope()
    {
        var finding = Assert.Single(Run("ARG TAG=8.0\nFROM ${REGISTRY}/dotnet/aspnet:$TAG\n").Findings);

        Assert.Equal((2, 6), (finding.Line, finding.Column));
        Assert.Contains("'$REGISTRY' is used in FROM", finding.Message);
        Assert.Contains("the global scope", finding.Message);
    }

    [Fact]
    public void Near_miss_of_a_declared_name_is_reported_in_a_stage_built_from_an_image()
    {
        var finding = Assert.Single(Run("FROM node:20\nARG BUILD_CONFIGURATION=Release\nCOPY --chown=app out/$BUILD_CONFIGURATON /app\n").Findings);

        Assert.Equal((3, 22), (finding.Line, finding.Column));
        Assert.Contains("did you mean '$BUILD_CONFIGURATION'?", finding.Message);
    }

    [Fact]
    public void Env_values_are_expanded_with_the_env_before_the_instruction()
    {
        var finding = Assert.Single(Run("FROM scratch\nENV ROOT=/srv \\\n    DATA=$ROOT/data\n").Findings);

        Assert.Equal((3, 10), (finding.Line, finding.Column));
        Assert.Contains("'$ROOT' is used in ENV", finding.Message);
    }

    [Theory]
    [InlineData("FROM alpine\nRUN echo $UNDEFINED\nCMD echo $ALSO_UNDEFINED\n")]
    [InlineData("FROM alpine\nWORKDIR /app/${SUBDIR:-src}\nUSER ${RUN_AS:+app}\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV PATH=\"/root/.dotnet/tools:${PATH}\"\nWORKDIR $HOME\nUSER $APP_UID\n")]
    [InlineData("ARG VERSION=1.0\nFROM alpine\nARG VERSION\nCOPY app-$VERSION.tar /opt/\n")]
    [InlineData("FROM alpine AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n")]
    [InlineData("FROM alpine\nCOPY \\$HOME/x /y\nLABEL a='$NOT_EXPANDED'\n")]
    [InlineData("# check=skip=UndefinedVar\nFROM scratch\nWORKDIR $NOPE\n")]
    [InlineData("FROM scratch\nENV PATH=/app/bin:$PATH\n")]
    [InlineData("ARG DOTNET_VERSION=8.0\nFROM mcr.microsoft.com/dotnet/aspnet:$DOTNET_VERSION\nLABEL dotnet=$DOTNET_VERSION\n")]
    [InlineData("FROM --platform=$BUILDPLATFORM alpine\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\n")]
    [InlineData("FROM alpine\nONBUILD COPY $LATER /x\nARG DEPLOY_KEY\nCOPY $DEPLOY_KEY /k\n")]
    [InlineData("FROM alpine\nCOPY <<EOF /etc/app.conf\nvalue=$IN_BODY\nEOF\n")]
    public void Defined_or_unexpanded_variables_are_not_reported(string dockerfile)
    {
        Assert.Empty(Run(dockerfile).Findings);
    }
}
