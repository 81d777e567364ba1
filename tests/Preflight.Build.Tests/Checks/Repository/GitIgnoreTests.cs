using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class GitIgnoreTests
{
    [Theory]
    [InlineData(".env", true)]
    [InlineData("src/Api/.env", true)]
    [InlineData(".env.production", false)]
    [InlineData(".env.local", true)]
    [InlineData("config/appsettings.Local.json", true)]
    [InlineData("src/appsettings.Local.json", false)]
    [InlineData("secrets/prod.json", true)]
    [InlineData("src/secrets/prod.json", true)]
    [InlineData("deploy/keys/a.pem", true)]
    [InlineData("deploy/keys.txt", false)]
    [InlineData("tools/local/.env.test", false)]
    [InlineData("src/Api/appsettings.json", false)]
    public void Tells_ignored_files_from_the_repository_gitignore_files(string path, bool ignored)
    {
        using var repo = new TempRepository()
            .Write(".gitignore", "# local files\n.env\n.env.*\n!.env.production\n/config/appsettings.Local.json\nsecrets/\n**/keys/*.pem\n")
            .Write("tools/local/.gitignore", "!.env.test\n")
            .Write(path, "x");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        Assert.Equal(ignored, new GitIgnore(context).IsIgnored(repo.Path(path)));
    }
}
