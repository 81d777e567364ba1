using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;
using Xunit;

namespace Preflight.Artifacts.Tests.Deployment;

public class DockerfileOwnershipTests
{
    /// <summary>Copies every project file for restore caching, publishes one.</summary>
    private const string RestoreCaching =
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"src/Api/Api.csproj\", \"src/Api/\"]\nCOPY [\"src/Worker/Worker.csproj\", \"src/Worker/\"]\n" +
        "RUN dotnet restore src/Api/Api.csproj\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n";

    private static bool Owns(string dockerfilePath, string text, string project, string? assemblyName = null) =>
        DockerfileOwnership.Owns(dockerfilePath, DockerfilePublishes.Read(DockerfileParser.Parse(text)), project, assemblyName);

    [Fact]
    public void Copying_a_project_file_for_restore_does_not_make_the_Dockerfile_that_project_s()
    {
        Assert.True(Owns("/repo/docker/api.Dockerfile", RestoreCaching, "/repo/src/Api/Api.csproj"));
        Assert.False(Owns("/repo/docker/api.Dockerfile", RestoreCaching, "/repo/src/Worker/Worker.csproj"));
    }

    [Fact]
    public void A_Dockerfile_in_a_project_folder_that_publishes_another_project_is_that_project_s()
    {
        Assert.False(Owns("/repo/src/Worker/Dockerfile", RestoreCaching, "/repo/src/Worker/Worker.csproj"));
        Assert.True(Owns("/repo/src/Worker/Dockerfile", RestoreCaching, "/repo/src/Api/Api.csproj"));
    }

    [Theory]
    [InlineData("RUN dotnet publish src/Api/Api.csproj -c Release -o /app", "src/Api/Api.csproj")]
    [InlineData("RUN dotnet publish --self-contained true -r linux-x64 src/Api/", "src/Api")]
    [InlineData("RUN cd /src && dotnet build -p CI=true ./src/Api/Api.csproj", "./src/Api/Api.csproj")]
    [InlineData("RUN dotnet publish Shop.sln -o /app", null)]
    [InlineData("RUN dotnet publish $PROJECT -o /app", null)]
    [InlineData("RUN dotnet restore src/Api/Api.csproj", null)]
    public void Published_project_is_the_first_argument_of_dotnet_publish_or_build_after_its_options(string run, string? project)
    {
        var publishes = DockerfilePublishes.Read(DockerfileParser.Parse("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\n" + run + "\n"));

        Assert.Equal(project == null ? System.Array.Empty<string>() : new[] { project }, publishes.Projects);
    }

    [Fact]
    public void Entrypoint_dll_names_the_project_by_AssemblyName_or_file_name()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out/ .\nENTRYPOINT [\"dotnet\", \"Acme.Orders.dll\"]\n";

        Assert.True(Owns("/repo/Dockerfile", text, "/repo/src/Orders/Orders.csproj", "Acme.Orders"));
        Assert.True(Owns("/repo/Dockerfile", text, "/repo/src/Acme.Orders/Acme.Orders.csproj"));
        Assert.False(Owns("/repo/Dockerfile", text, "/repo/src/Orders/Orders.csproj"));
    }

    [Fact]
    public void A_Dockerfile_that_names_what_no_project_is_belongs_to_none_of_them()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . .\nENTRYPOINT [\"dotnet\", \"Legacy.dll\"]\n";

        Assert.False(Owns("/repo/src/Api/Dockerfile", text, "/repo/src/Api/Api.csproj"));
        Assert.False(Owns("/repo/src/Api/Dockerfile", text, "/repo/src/Api/Api.Tests.csproj"));
    }

    [Fact]
    public void A_Dockerfile_that_names_nothing_belongs_to_the_projects_beside_it()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n";

        Assert.True(Owns("/repo/src/Api/Dockerfile", text, "/repo/src/Api/Api.csproj"));
        Assert.False(Owns("/repo/src/Api/Dockerfile", text, "/repo/src/Worker/Worker.csproj"));
    }

    [Fact]
    public void Publish_arguments_are_matched_as_paths_and_expanded_from_ARG_defaults()
    {
        const string text = "ARG PROJECT=Billing/Api/Api.csproj\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nARG PROJECT\nWORKDIR \"/src/Orders/Api\"\nRUN dotnet publish \"$PROJECT\" -o /app\n";

        Assert.True(Owns("/repo/Dockerfile", text, "/repo/src/Billing/Api/Api.csproj"));
        Assert.False(Owns("/repo/Dockerfile", text, "/repo/src/Orders/Api/Api.csproj"));
    }

    [Fact]
    public void Visual_Studio_template_publishes_the_project_in_its_WORKDIR()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [\"src/Shop.Web/Shop.Web.csproj\", \"src/Shop.Web/\"]\n" +
            "COPY [\"src/Shop.Domain/Shop.Domain.csproj\", \"src/Shop.Domain/\"]\nRUN dotnet restore \"./src/Shop.Web/Shop.Web.csproj\"\nCOPY . .\n" +
            "WORKDIR \"/src/src/Shop.Web\"\nRUN dotnet build \"./Shop.Web.csproj\" -c Release -o /app/build\nFROM build AS publish\n" +
            "RUN dotnet publish \"./Shop.Web.csproj\" -c Release -o /app/publish /p:UseAppHost=false\nFROM base AS final\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";

        Assert.True(Owns("/repo/src/Shop.Web/Dockerfile", text, "/repo/src/Shop.Web/Shop.Web.csproj"));
        Assert.False(Owns("/repo/src/Shop.Web/Dockerfile", text, "/repo/src/Shop.Domain/Shop.Domain.csproj"));
    }
}
