using System;

namespace Preflight.Build.Tests.Infrastructure;

/// <summary>A repository of one Preflight web project with one Dockerfile beside it, checked by one Dockerfile check.</summary>
internal static class SingleDockerfile
{
    public const string ApiProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    public static CheckContext Check(string dockerfile, Action<CheckContext> check)
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", ApiProject)
            .Write("src/Api/Dockerfile", dockerfile);
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        check(context);
        return context;
    }
}
