using Preflight.Artifacts.LaunchSettings;
using Xunit;

namespace Preflight.Artifacts.Tests.LaunchSettings;

public class LaunchSettingsFileTests
{
    [Fact]
    public void Every_profiles_environment_variables_are_read_once()
    {
        var file = LaunchSettingsFile.Parse("""
            {
              // as the SDK writes it
              "iisSettings": { "anonymousAuthentication": true },
              "profiles": {
                "http": { "commandName": "Project", "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "Cache__Host": "localhost", } },
                "https": { "commandName": "Project", "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" } },
                "IIS Express": { "commandName": "IISExpress" }
              }
            }
            """);
        Assert.Equal(new[] { "ASPNETCORE_ENVIRONMENT", "Cache__Host" }, file.Variables);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"profiles\": [] }")]
    [InlineData("{ \"profiles\": { \"p\": { \"environmentVariables\": [\"A\"] } } }")]
    public void Other_shapes_set_nothing(string text)
    {
        Assert.Empty(LaunchSettingsFile.Parse(text).Variables);
    }
}
