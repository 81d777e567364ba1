using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Deployment;
using Xunit;

namespace Preflight.Artifacts.Tests.Deployment;

public class BuildContextInferenceTests
{
    private static InferredContext? Infer(string dockerfile, string[] sources, params string[] existing)
    {
        var files = new HashSet<string>(existing);
        bool Exists(string folder, string source)
        {
            var path = PathText.Combine(folder, source.TrimStart('/')).TrimEnd('/');
            return files.Contains(path) || files.Any(f => f.StartsWith(path + "/"));
        }
        return BuildContextInference.Infer(dockerfile, "/repo", sources, Exists);
    }

    [Fact]
    public void Root_relative_sources_infer_the_root()
    {
        var inferred = Infer("/repo/src/Api/Dockerfile", new[] { "src/Api/Api.csproj", "src/Core/Core.csproj", "./global.json", "src/Api/config/" },
            "/repo/src/Api/Api.csproj", "/repo/src/Core/Core.csproj", "/repo/global.json");

        Assert.NotNull(inferred);
        Assert.Equal(("/repo", 3, 4), (inferred!.Context, inferred.Found, inferred.Total));
    }

    [Fact]
    public void The_nearest_folder_that_explains_every_source_wins()
    {
        var inferred = Infer("/repo/src/Api/Dockerfile", new[] { "Api.csproj", "Program.cs" }, "/repo/src/Api/Api.csproj", "/repo/src/Api/Program.cs", "/repo/Api.csproj", "/repo/Program.cs");

        Assert.Equal("/repo/src/Api", inferred!.Context);
    }

    [Fact]
    public void A_middle_folder_is_found()
    {
        var inferred = Infer("/repo/src/Services/Basket/Dockerfile", new[] { "Services/Basket/Basket.csproj", "BuildingBlocks/" },
            "/repo/src/Services/Basket/Basket.csproj", "/repo/src/BuildingBlocks/Bus.cs");

        Assert.Equal(("/repo/src", 2), (inferred!.Context, inferred.Found));
    }

    [Fact]
    public void No_folder_that_explains_most_sources_is_unknown()
    {
        Assert.Null(Infer("/repo/src/Api/Dockerfile", new[] { "a.txt", "b.txt" }, "/repo/src/Api/a.txt"));
        Assert.Null(Infer("/repo/src/Api/Dockerfile", new[] { "missing/" }));
    }

    [Fact]
    public void Sources_that_exist_anywhere_are_no_evidence()
    {
        Assert.Null(Infer("/repo/src/Api/Dockerfile", new[] { ".", "./", "/" }));
        Assert.Equal("/repo", Infer("/repo/Dockerfile", new[] { "." })!.Context);
    }

    [Fact]
    public void A_missing_file_in_a_folder_that_is_there_places_the_context()
    {
        // Visual Studio's sample layout after a project was renamed: 'ApiGateway/' is there, its old project file is not.
        var inferred = Infer("/repo/samples/k8s/ApiGateway/Dockerfile", new[] { "ApiGateway/Old.ApiGateway.csproj" },
            "/repo/samples/k8s/ApiGateway/New.ApiGateway.csproj");

        Assert.Equal(("/repo/samples/k8s", 0, 1), (inferred!.Context, inferred.Found, inferred.Framed));
    }

    [Fact]
    public void Existing_sources_outweigh_folders_on_a_tie()
    {
        var inferred = Infer("/repo/src/Api/Dockerfile", new[] { "Api/Api.csproj", "Api/appsettings.json" },
            "/repo/src/Api/Api.csproj", "/repo/src/Api/appsettings.json", "/repo/src/Api/Api/readme.md");

        Assert.Equal(("/repo/src", 2), (inferred!.Context, inferred.Found));
    }
}
