using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>The set-up the compose rules' tests (PF3001-PF3006) share: a web project with a Dockerfile, and a compose file.</summary>
public abstract class ComposeCheckTests
{
    protected const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    protected static Finding[] Run(TempRepository repo, string rule, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        Assert.Empty(RepositoryChecks.Run(context));
        return context.Findings.Where(f => f.RuleId == rule).ToArray();
    }

    protected static TempRepository Repo(string compose) => new TempRepository()
        .Write("src/Api/Api.csproj", WebProject)
        .Write("src/Api/Dockerfile", "FROM x\n")
        .Write("compose.yaml", compose);
}
