using System.Collections.Generic;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2003EntrypointTargetTests
{
    private static string Project(string properties = "") =>
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup>" + properties + "</PropertyGroup><ItemGroup><PackageReference Include=\"Preflight\" Version=\"1.0.0\" /></ItemGroup></Project>";

    private const string Build =
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish Orders.Api.csproj -c Release -o /app/publish\n\n" +
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\n";

    private static List<Finding> Run(TempRepository repo, string project = "src/Orders.Api/Orders.Api.csproj")
    {
        var sources = repo.Artifacts().Where(p => p.EndsWith(".py") || p.EndsWith(".js"));
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts(), sources);
        EntrypointTargetCheck.Run(context);
        return context.Findings;
    }

    private static List<Finding> RunDotnet(string entrypoint, string properties = "")
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project(properties))
            .Write("src/Orders.Api/Program.cs", "return;")
            .Write("src/Orders.Api/Dockerfile", Build + entrypoint + "\n");
        return Run(repo);
    }

    [Fact]
    public void Dll_that_is_not_the_published_assembly_is_reported_at_the_argument()
    {
        var finding = Assert.Single(RunDotnet("ENTRYPOINT [\"dotnet\", \"Orders.dll\"]"));

        Assert.Equal("PF2003", finding.RuleId);
        Assert.Equal((9, 23, 9, 35), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.Equal("'Orders.dll' is not in the image: /app contains Orders.Api.dll published from src/Orders.Api/Orders.Api.csproj", finding.Message);
    }

    [Fact]
    public void AssemblyName_of_the_project_is_the_published_dll()
    {
        Assert.Empty(RunDotnet("ENTRYPOINT [\"dotnet\", \"Orders.dll\"]", "<AssemblyName>Orders</AssemblyName>"));
        Assert.Contains("/app contains Orders.dll published from", Assert.Single(RunDotnet("ENTRYPOINT [\"dotnet\", \"Orders.Api.dll\"]", "<AssemblyName>Orders</AssemblyName>")).Message);
    }

    [Fact]
    public void Shell_form_CMD_is_checked_at_the_word()
    {
        var finding = Assert.Single(RunDotnet("CMD dotnet   orders.api.dll"));

        Assert.Equal((9, 14, 9, 28), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        Assert.StartsWith("'orders.api.dll' is not in the image", finding.Message);
    }

    [Fact]
    public void Entrypoint_and_cmd_combine_and_stage_chains_are_followed()
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/Dockerfile",
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nWORKDIR /app\nEXPOSE 8080\n\n" +
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY [\"Orders.Api.csproj\", \"Orders.Api/\"]\n" +
                "RUN dotnet restore \"./Orders.Api/Orders.Api.csproj\"\nCOPY . Orders.Api/\nWORKDIR \"/src/Orders.Api\"\nRUN dotnet build \"./Orders.Api.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n\n" +
                "FROM build AS publish\nARG BUILD_CONFIGURATION=Release\nRUN dotnet publish \"./Orders.Api.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n\n" +
                "FROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\"]\nCMD [\"Orders.Api.dl\"]\n");

        // Not a .dll: not checked. Fix the typo the other way round to see the chain followed.
        Assert.Empty(Run(repo));
        repo.Write("src/Orders.Api/Dockerfile", System.IO.File.ReadAllText(repo.Path("src/Orders.Api/Dockerfile")).Replace("Orders.Api.dl\"", "Orders.Web.dll\""));
        var finding = Assert.Single(Run(repo));
        Assert.Equal(23, finding.Line);
        Assert.Equal("'Orders.Web.dll' is not in the image: /app contains Orders.Api.dll published from src/Orders.Api/Orders.Api.csproj", finding.Message);
    }

    [Fact]
    public void Python_module_whose_package_was_copied_elsewhere_is_reported()
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/worker/src/__init__.py")
            .Write("src/Orders.Api/worker/src/main.py", "print('x')")
            .Write("src/Orders.Api/worker/requirements.txt")
            .Write("src/Orders.Api/Dockerfile",
                "FROM python:3.12-slim\nWORKDIR /app\nCOPY worker/requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY worker/src/ .\nCMD [\"python\", \"-m\", \"src.main\"]\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal((6, 22), (finding.Line, finding.Column));
        Assert.Equal("'src' is not in the image: python -m src.main finds no package 'src' in /app (WORKDIR); the build context has it at worker/src/", finding.Message);
    }

    [Theory]
    [InlineData("COPY worker/src/ ./src/\nCMD [\"python\", \"-m\", \"src.main\"]")]
    [InlineData("COPY worker/ .\nCMD [\"python\", \"-m\", \"src.main\"]")]
    [InlineData("COPY worker/src/ /opt/app/src/\nENV PYTHONPATH=/opt/app\nCMD [\"python\", \"-m\", \"src.main\"]")]
    [InlineData("COPY worker/src/ .\nCMD [\"python\", \"-m\", \"uvicorn\", \"main:app\"]")]
    [InlineData("COPY worker/src/ .\nRUN pip install .\nCMD [\"python\", \"-m\", \"src.main\"]")]
    [InlineData("COPY worker/src/ .\nCMD [\"python\", \"main.py\"]")]
    [InlineData("COPY worker/src/ .\nCMD python -u main.py")]
    [InlineData("COPY worker/src/ .\nCMD [\"python\", \"-c\", \"import src\"]")]
    [InlineData("COPY worker/src/ .\nCMD [\"sh\", \"-c\", \"python main.py\"]")]
    public void Python_layouts_that_work_or_cannot_be_known_are_not_reported(string instructions)
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/worker/src/__init__.py")
            .Write("src/Orders.Api/worker/src/main.py", "print('x')")
            .Write("src/Orders.Api/Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\n" + instructions + "\n");

        Assert.Empty(Run(repo));
    }

    [Theory]
    [InlineData("CMD [\"python\", \"app.py\"]", "'app.py' is not in the image: no COPY or ADD puts it at /app/app.py (WORKDIR /app)")]
    [InlineData("CMD [\"node\", \"--enable-source-maps\", \"dist/server.js\"]", "'server.js' is not in the image: no COPY or ADD puts it at /app/dist/server.js (WORKDIR /app)")]
    [InlineData("ENTRYPOINT [\"./docker-entrypoint.sh\"]", "'docker-entrypoint.sh' is not in the image")]
    [InlineData("ENTRYPOINT [\"/app/start.sh\"]", "'start.sh' is not in the image: no COPY or ADD puts it at /app/start.sh")]
    [InlineData("ENTRYPOINT [\"tini\", \"--\", \"sh\", \"run.sh\"]", "'run.sh' is not in the image")]
    [InlineData("CMD [\"sh\", \"-c\", \"exec python worker.py\"]", "'worker.py' is not in the image")]
    public void Scripts_that_were_not_copied_are_reported(string command, string message)
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/main.py", "print('x')")
            .Write("src/Orders.Api/Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY main.py .\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" + command + "\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal(5, finding.Line);
        Assert.StartsWith(message, finding.Message);
    }

    [Theory]
    [InlineData("COPY main.py app.py\nCMD [\"python\", \"app.py\"]")]
    [InlineData("COPY . .\nCMD [\"python\", \"app.py\"]")]
    [InlineData("COPY *.py ./\nCMD [\"python\", \"main.py\"]")]
    [InlineData("RUN npm ci && npm run build\nCMD [\"node\", \"dist/server.js\"]")]
    [InlineData("RUN ./generate.sh\nCMD [\"python\", \"app.py\"]")]
    [InlineData("RUN echo 'print(1)' > app.py\nCMD [\"python\", \"app.py\"]")]
    [InlineData("ADD https://example.com/app.tar.gz /app/\nCMD [\"python\", \"app.py\"]")]
    [InlineData("COPY --from=ghcr.io/org/tools:1 /app /app\nCMD [\"python\", \"app.py\"]")]
    [InlineData("COPY ${SRC} .\nCMD [\"python\", \"app.py\"]")]
    [InlineData("CMD [\"docker-entrypoint.sh\"]")]
    [InlineData("CMD [\"/usr/local/bin/docker-entrypoint.sh\"]")]
    [InlineData("CMD [\"python\", \"$APP\"]")]
    [InlineData("COPY <<EOF /app/app.py\nprint(1)\nEOF\nCMD [\"python\", \"app.py\"]")]
    public void Files_that_are_there_or_cannot_be_known_are_not_reported(string instructions)
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/main.py", "print('x')")
            .Write("src/Orders.Api/app.py", "print('x')")
            .Write("src/Orders.Api/Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\n" + instructions + "\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Dll_in_a_folder_that_received_no_publish_output_says_so()
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/Dockerfile", Build.Replace("COPY --from=build /app/publish .", "COPY --from=build /app/publish ./bin/") + "ENTRYPOINT [\"dotnet\", \"Orders.Api.dll\"]\n");

        Assert.Equal("'Orders.Api.dll' is not in the image: no COPY, ADD or dotnet publish output puts it at /app/Orders.Api.dll (WORKDIR /app)", Assert.Single(Run(repo)).Message);
    }

    [Theory]
    [InlineData("bin/Release/net8.0/publish")]
    [InlineData("out")]
    [InlineData("dist")]
    public void Local_build_outputs_are_not_taken_as_the_image_content(string folder)
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/" + folder + "/Old.dll")
            .Write("src/Orders.Api/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY " + folder + "/ .\nENTRYPOINT [\"dotnet\", \"Orders.Api.dll\"]\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Node_service_in_usr_src_app_is_checked()
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/web/package.json", "{}")
            .Write("src/Orders.Api/web/index.js", "require('http')")
            .Write("src/Orders.Api/Dockerfile", "FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY web/package*.json ./\nCOPY web/ .\nCMD [\"node\", \"server.js\"]\n");

        Assert.StartsWith("'server.js' is not in the image: no COPY or ADD puts it at /usr/src/app/server.js (WORKDIR /usr/src/app)", Assert.Single(Run(repo)).Message);

        repo.Write("src/Orders.Api/Dockerfile", "FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY web/ .\nCMD [\"node\", \"index.js\"]\n");
        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Custom_base_images_may_contain_anything()
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project())
            .Write("src/Orders.Api/Dockerfile", "FROM myorg/python-base:3\nWORKDIR /app\nCMD [\"python\", \"app.py\"]\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Publish_of_the_only_copied_project_without_a_project_argument_is_followed()
    {
        using var repo = new TempRepository()
            .Write("src/Orders.Api/Orders.Api.csproj", Project("<AssemblyName>orders</AssemblyName>"))
            .Write("src/Orders.Api/Dockerfile",
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY Orders.Api.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app\n" +
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"Orders.Api.dll\"]\n");

        Assert.Contains("/app contains orders.dll published from src/Orders.Api/Orders.Api.csproj", Assert.Single(Run(repo)).Message);
    }
}
