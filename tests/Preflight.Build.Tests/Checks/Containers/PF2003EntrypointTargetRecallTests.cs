using System.Collections.Generic;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF2003 recall (issue 17 pattern 8): the Visual Studio template shape and a Python module copied under another path.</summary>
public class PF2003EntrypointTargetRecallTests
{
    private const string ApiProject =
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" />" +
        "<ProjectReference Include=\"..\\Shop.Domain\\Shop.Domain.csproj\" /></ItemGroup></Project>";

    /// <summary>The shape Visual Studio's "Add Docker support" writes, built from the repository root.</summary>
    private static string TemplateDockerfile(string entrypoint) =>
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nWORKDIR /app\nEXPOSE 8080\n\n" +
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\n" +
        "COPY [\"src/Shop.Web/Shop.Web.csproj\", \"src/Shop.Web/\"]\nCOPY [\"src/Shop.Domain/Shop.Domain.csproj\", \"src/Shop.Domain/\"]\n" +
        "RUN dotnet restore \"./src/Shop.Web/Shop.Web.csproj\"\nCOPY . .\nWORKDIR \"/src/src/Shop.Web\"\n" +
        "RUN dotnet build \"./Shop.Web.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n\n" +
        "FROM build AS publish\nARG BUILD_CONFIGURATION=Release\n" +
        "RUN dotnet publish \"Shop.Web.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n\n" +
        "FROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\n" + entrypoint + "\n";

    private static List<Finding> RunTemplate(string entrypoint)
    {
        using var repo = new TempRepository()
            .Write("src/Shop.Web/Shop.Web.csproj", ApiProject)
            .Write("src/Shop.Web/Program.cs", "return;")
            .Write("src/Shop.Domain/Shop.Domain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")
            .Write("src/Shop.Web/Dockerfile", TemplateDockerfile(entrypoint));
        var context = new CheckContext(repo.Root, repo.Path("src/Shop.Web/Shop.Web.csproj"), repo.Artifacts());
        EntrypointTargetCheck.Run(context);
        return context.Findings;
    }

    [Fact]
    public void Visual_Studio_template_with_a_wrong_dll_is_reported()
    {
        var finding = Assert.Single(RunTemplate("ENTRYPOINT [\"dotnet\", \"Shop.dll\"]"));

        Assert.Equal("PF2003", finding.RuleId);
        Assert.Equal(23, finding.Line);
        Assert.Equal("'Shop.dll' is not in the image: /app contains Shop.Web.dll published from src/Shop.Web/Shop.Web.csproj", finding.Message);
    }

    [Fact]
    public void Visual_Studio_template_with_the_right_dll_is_not_reported()
    {
        Assert.Empty(RunTemplate("ENTRYPOINT [\"dotnet\", \"Shop.Web.dll\"]"));
    }

    private static List<Finding> RunPython(string dockerfile, params string[] files)
    {
        var repo = new TempRepository()
            .Write("worker/Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Worker\"><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>")
            .Write("jobs/requirements.txt")
            .Write("jobs/Dockerfile", dockerfile)
            .Write("jobs/build.sh", "cd \"$(dirname \"$0\")\"\ndocker build -t jobs .\n");
        foreach (var file in files)
        {
            repo.Write(file, "print('x')");
        }
        using (repo)
        {
            var sources = repo.Artifacts().Where(p => p.EndsWith(".py"));
            var context = new CheckContext(repo.Root, repo.Path("worker/Worker.csproj"), repo.Artifacts(), sources);
            EntrypointTargetCheck.Run(context);
            return context.Findings;
        }
    }

    [Fact]
    public void Python_module_under_a_package_the_context_lacks_is_reported_with_the_module_that_exists()
    {
        var finding = Assert.Single(RunPython(
            "FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app/ ./app/\nCMD [\"python\", \"-m\", \"src.worker\"]\n",
            "jobs/app/__init__.py", "jobs/app/worker.py"));

        Assert.Equal("PF2003", finding.RuleId);
        Assert.Equal((6, 22), (finding.Line, finding.Column));
        Assert.Equal("'src' is not in the image: python -m src.worker finds no package 'src' in /srv (WORKDIR); the build context has no 'src' but has app/worker.py: did you mean 'python -m app.worker'?", finding.Message);
    }

    [Fact]
    public void Python_module_copied_flat_suggests_the_flat_module()
    {
        var finding = Assert.Single(RunPython(
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY app/ .\nCMD [\"python\", \"-m\", \"src.worker\"]\n",
            "jobs/app/worker.py"));

        Assert.EndsWith("has app/worker.py: did you mean 'python -m worker'?", finding.Message);
    }

    [Theory]
    [InlineData("COPY app/ .\nCMD [\"python\", \"-m\", \"src.scheduler\"]")] // nothing named scheduler: an installed package, maybe
    [InlineData("COPY app/ .\nCMD [\"python\", \"-m\", \"worker\"]")]         // the module exists
    [InlineData("COPY app/ .\nRUN pip install .\nCMD [\"python\", \"-m\", \"src.worker\"]")] // the install may provide it
    public void Python_modules_that_exist_or_may_be_installed_are_not_reported(string instructions)
    {
        Assert.Empty(RunPython("FROM python:3.12-slim\nWORKDIR /app\n" + instructions + "\n", "jobs/app/worker.py"));
    }
}
