using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class InlineSuppressionsTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static (string Id, string File, int Line)[] Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        Assert.Empty(RepositoryChecks.Run(context));
        return context.Findings.Select(f => (f.RuleId, f.File, f.Line)).OrderBy(f => f.File).ThenBy(f => f.Line).ToArray();
    }

    [Fact]
    public void Next_line_comments_in_a_Dockerfile_ignore_the_named_rule_only()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Api/Dockerfile", """
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                # preflight-disable-next-line PF2001 (created by the release pipeline)
                COPY generated/ /app/generated/
                # preflight-disable-next-line PF2002
                COPY missing/ /app/missing/
                # preflight-disable-next-line
                COPY assets/ /app/assets/
                COPY other/ /app/other/
                """)
            .Write("build.sh", "docker build -t api src/Api\n");

        var findings = Run(repo);

        Assert.Equal(new[] { ("PF2001", repo.Path("src/Api/Dockerfile"), 5), ("PF2001", repo.Path("src/Api/Dockerfile"), 8) }, findings);
    }

    [Fact]
    public void Same_line_comment_in_YAML_ignores_the_finding_on_that_line()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("compose.yaml", """
                services:
                  web:
                    image: nginx:${NGINX_TAG}   # preflight-disable-line PF3002
                    environment:
                      A: ${UNSET_A}
                """);

        var findings = Run(repo).Where(f => f.Id == "PF3002").ToArray();

        Assert.Equal(new[] { ("PF3002", repo.Path("compose.yaml"), 5) }, findings);
        // Without the comment, both lines are reported.
        repo.Write("compose.yaml", System.IO.File.ReadAllText(repo.Path("compose.yaml")).Replace("# preflight-disable-line PF3002", ""));
        Assert.Equal(new[] { 3, 5 }, Run(repo).Where(f => f.Id == "PF3002").Select(f => f.Line));
    }

    [Theory]
    [InlineData("x # preflight-disable-line PF3002", InlineSuppressions.DisableLine, "PF3002", true)]
    [InlineData("x # preflight-disable-line pf3002,PF3003", InlineSuppressions.DisableLine, "PF3003", true)]
    [InlineData("x # preflight-disable-line PF3003", InlineSuppressions.DisableLine, "PF3002", false)]
    [InlineData("x # preflight-disable-line because reasons", InlineSuppressions.DisableLine, "PF3002", true)]
    [InlineData("x # preflight-disable-next-line PF3002", InlineSuppressions.DisableLine, "PF3002", false)]
    [InlineData("x # preflight-disable-lines PF3002", InlineSuppressions.DisableLine, "PF3002", false)]
    [InlineData("x", InlineSuppressions.DisableLine, "PF3002", false)]
    public void Markers_name_rules(string line, string marker, string id, bool suppressed) =>
        Assert.Equal(suppressed, InlineSuppressions.Mentions(line, marker, id));
}
