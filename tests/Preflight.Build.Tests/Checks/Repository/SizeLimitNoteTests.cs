using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>
/// Issue 14 (6): a Dockerfile over the parser's 4 MB limit got PF2008 "syntax error"; a size limit is Preflight's, not
/// the user's error: a note says the file was not checked, and the other files are checked.
/// </summary>
public class SizeLimitNoteTests
{
    [Fact]
    public void A_Dockerfile_over_the_limit_gets_a_note_and_no_PF2008_and_other_files_are_still_checked()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
            .Write("src/Api/Dockerfile", HostileInputs.Huge("FROM alpine\n", "LABEL a=b\n", 5))
            .Write("compose.yaml", "services:\n  a:\n    image: x\n    env_file: [ gone.env ]\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        RepositoryChecks.Run(context);

        Assert.DoesNotContain(context.Findings, f => f.RuleId == "PF2008");
        Assert.Contains(context.Findings, f => f.RuleId == "PF3001" && f.Message.Contains("gone.env"));
        var note = Assert.Single(context.Notes);
        Assert.Equal(repo.Path("src/Api/Dockerfile"), note.Key);
        Assert.Contains("not checked: larger than 4 MB", note.Value);
    }

    [Fact]
    public void A_settings_file_over_the_read_limit_gets_a_note()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />")
            .Write("src/Api/appsettings.json", "{ \"a\": \"" + new string('x', 9 * 1024 * 1024) + "\" }");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        RepositoryChecks.Run(context);

        Assert.Empty(context.Findings);
        Assert.Equal("not checked: larger than 8 MB, Preflight's limit for one file", context.Notes[repo.Path("src/Api/appsettings.json")]);
    }
}
