using System.Collections.Generic;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2002StageReferenceTests
{
    private const string ApiProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private static List<Finding> Run(string dockerfile)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/Dockerfile", dockerfile);
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        StageReferenceCheck.Run(context);
        return context.Findings;
    }

    [Fact]
    public void Typo_of_a_stage_name_is_reported_at_the_flag_with_a_suggestion()
    {
        var finding = Assert.Single(Run("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=biuld /app .\n"));

        Assert.Equal("PF2002", finding.RuleId);
        Assert.Equal((5, 6, 5, 18), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Contains("'biuld' names no stage defined before this instruction", finding.Message);
        Assert.Contains("did you mean 'build'?", finding.Message);
    }

    [Fact]
    public void Stage_defined_later_is_reported_with_its_line()
    {
        var finding = Assert.Single(Run("FROM alpine:3.20 AS tools\nCOPY --from=assets /dist /dist\nFROM node:20 AS assets\nRUN npm ci\n"));

        Assert.Equal((2, 6), (finding.Line, finding.Column));
        Assert.Contains("stage 'assets' is defined later, at line 3", finding.Message);
    }

    [Fact]
    public void Index_of_the_current_or_a_later_stage_is_reported()
    {
        var finding = Assert.Single(Run("FROM alpine:3.20\nRUN true\nFROM alpine:3.20\nCOPY --from=1 /x /x\n"));

        Assert.Equal(4, finding.Line);
        Assert.Contains("'1' names no stage", finding.Message);
        Assert.Contains("cannot copy from itself", finding.Message);
    }

    [Fact]
    public void Mount_from_is_checked_at_the_mount_flag()
    {
        var finding = Assert.Single(Run("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS test\nRUN --network=none --mount=type=bind,from=buidl,source=/src,target=/src dotnet test\n"));

        Assert.Equal((3, 20), (finding.Line, finding.Column));
        Assert.Contains("'buidl'", finding.Message);
        Assert.Contains("did you mean 'build'?", finding.Message);
    }

    [Fact]
    public void Variable_resolved_from_an_ARG_default_is_checked()
    {
        var finding = Assert.Single(Run("FROM alpine:3.20 AS build\nFROM alpine:3.20\nARG SOURCE_STAGE=bild\nCOPY --from=${SOURCE_STAGE} /app /app\n"));

        Assert.Equal(4, finding.Line);
        Assert.Contains("'bild'", finding.Message);
    }

    [Fact]
    public void Bare_word_with_no_similar_stage_lists_the_earlier_stages()
    {
        var finding = Assert.Single(Run("FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=composer /usr/bin/composer /usr/bin/\n"));

        Assert.Contains("earlier stages: 'build'", finding.Message);
        Assert.Contains("an image needs a tag", finding.Message);
    }

    [Theory]
    [InlineData("COPY --from=build /app .")]
    [InlineData("COPY --from=BUILD /app .")]
    [InlineData("COPY --from=0 /app .")]
    [InlineData("COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/")]
    [InlineData("COPY --from=ghcr.io/org/tool /tool /usr/bin/tool")]
    [InlineData("COPY --from=busybox@sha256:0123abcd /bin/busybox /bin/")]
    [InlineData("COPY --from=$UNSET_STAGE /app .")]
    [InlineData("COPY /app .")]
    [InlineData("RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore")]
    [InlineData("RUN --mount=type=secret,id=npmrc cat /run/secrets/npmrc")]
    [InlineData("RUN --mount=type=bind,from=build,source=/app,target=/app ls /app")]
    public void Earlier_stages_images_and_unknown_values_are_not_reported(string instruction)
    {
        Assert.Empty(Run("ARG UNSET_STAGE\nFROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20\n" + instruction + "\n"));
    }
}
