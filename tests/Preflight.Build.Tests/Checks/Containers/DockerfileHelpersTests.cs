using Preflight.Artifacts.Deployment;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class DockerfileHelpersTests
{
    [Theory]
    [InlineData("app-${VERSION}", "app-9.0")]
    [InlineData("$VERSION/x", "9.0/x")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${UNDECLARED:-d}", "d")]
    [InlineData("${UNDECLARED}", null)]
    [InlineData("${BARE}", null)]
    [InlineData("${VERSION:+x}", null)]
    [InlineData("${VERSION:?required}", null)]
    [InlineData("${VERSION", null)]
    [InlineData("no variables", "no variables")]
    public void Expands_the_supported_forms_and_nothing_else(string text, string? expected)
    {
        var variables = new DockerVariables();
        variables.DeclareArg("VERSION=9.0", null);
        variables.DeclareArg("EMPTY=", null);
        variables.DeclareArg("BARE", null);

        Assert.Equal(expected, variables.Expand(text));
    }

    [Fact]
    public void Bare_ARG_in_a_stage_takes_the_global_default()
    {
        var globals = new DockerVariables();
        globals.DeclareArg("TAG=8.0", null);
        var stage = new DockerVariables();
        stage.DeclareArg("TAG", globals);

        Assert.Equal("8.0", stage.Expand("$TAG"));
    }

    [Theory]
    [InlineData("dotnet publish src/Api/Api.csproj -c Release -o /app/publish /p:UseAppHost=false", "publish", "src/Api/Api.csproj", "/app/publish", null, null)]
    [InlineData("dotnet publish --no-restore --output=out -f net9.0 --self-contained false -p:AssemblyName=Shop", "publish", null, "out", "net9.0", "Shop")]
    [InlineData("dotnet restore -r linux-x64 \"./Api.csproj\"", "restore", "./Api.csproj", null, null, null)]
    [InlineData("CI=1 dotnet build Api.csproj -o:/build", "build", "Api.csproj", "/build", null, null)]
    [InlineData("dotnet publish -p ContinuousIntegrationBuild=true src/Api/Api.csproj", "publish", "src/Api/Api.csproj", null, null, null)]
    public void Reads_dotnet_commands(string text, string verb, string? project, string? output, string? framework, string? assemblyName)
    {
        var command = ShellCommands.Dotnet(Assert.Single(ShellCommands.Split(text)));

        Assert.NotNull(command);
        Assert.Equal((verb, project, output, framework, assemblyName), (command!.Verb, command.Project, command.Output, command.Framework, command.AssemblyName));
    }

    [Theory]
    [InlineData("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*", true)]
    [InlineData("pip install --no-cache-dir -r requirements.txt", true)]
    [InlineData("pip install -e .", false)]
    [InlineData("npm ci && npm run build", false)]
    [InlineData("./build.sh", false)]
    [InlineData("cp -r /tmp/out/. /app/", false)]
    public void Tells_commands_that_cannot_create_application_files(string text, bool neutral)
    {
        Assert.Equal(neutral, ShellCommands.Split(text).TrueForAll(ShellCommands.IsNeutral));
    }
}
