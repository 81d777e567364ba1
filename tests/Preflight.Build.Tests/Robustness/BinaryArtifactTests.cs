using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Robustness;

/// <summary>A binary file named like an artifact is not checked (as the analyzers never receive it), rather than flooded with findings.</summary>
public sealed class BinaryArtifactTests
{
    [Fact]
    public void A_binary_Dockerfile_gives_no_finding_while_a_text_one_beside_it_still_does()
    {
        var garbage = string.Concat(Enumerable.Range(0, 200).Select(i => "\0\0\u0007RUNX " + i + "\n"));
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", "<Project />")
            .Write("src/Api/Dockerfile.fuzz", garbage)
            .Write("src/Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY nope/ /app/\n")
            .Write("build.sh", "docker build -t api src/Api\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts(), System.Array.Empty<string>());

        Assert.Empty(RepositoryChecks.Run(context));

        Assert.DoesNotContain(context.Findings, f => f.File.EndsWith("Dockerfile.fuzz"));
        Assert.Contains(context.Findings, f => f.File == repo.Path("src/Api/Dockerfile") && f.RuleId == "PF2001");
        Assert.Null(context.ReadText(repo.Path("src/Api/Dockerfile.fuzz")));
    }
}
