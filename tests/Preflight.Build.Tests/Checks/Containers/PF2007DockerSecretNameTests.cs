using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF2007DockerSecretNameTests
{
    private static CheckContext Run(string dockerfile) => SingleDockerfile.Check(dockerfile, DockerSecretNameCheck.Run);

    [Fact]
    public void Secret_looking_arg_and_env_names_are_reported_at_the_name()
    {
        var findings = Run("ARG NUGET_AUTH_TOKEN\nFROM alpine\nENV APP=1 dbPassword=x\nENV GITHUB_TOKEN abc\nARG api-key\n").Findings;

        Assert.Equal(new[] { "PF2007" }, findings.Select(f => f.RuleId).Distinct());
        Assert.Equal(new[] { (1, 5, 1, 21), (3, 11, 3, 21), (4, 5, 4, 17), (5, 5, 5, 12) },
            findings.Select(f => (f.Line, f.Column, f.EndLine, f.EndColumn)));
        Assert.Contains("ARG 'NUGET_AUTH_TOKEN' looks like a secret", findings[0].Message);
        Assert.Contains("RUN --mount=type=secret,id=NUGET_AUTH_TOKEN", findings[0].Message);
        Assert.Contains("ENV 'dbPassword' looks like a secret", findings[1].Message);
    }

    [Theory]
    [InlineData("FROM alpine\nARG PUBLIC_KEY\nARG SSH_KEY_FILE\nARG TOKEN_VERSION\n")]
    [InlineData("FROM alpine\nARG KEYCLOAK_URL\nENV MONKEY=1 TOKENIZER=bert AUTHOR=me\n")]
    [InlineData("FROM alpine\nRUN --mount=type=secret,id=NPM_TOKEN npm ci\nLABEL secret=no\n")]
    [InlineData("# check=skip=SecretsUsedInArgOrEnv\nFROM alpine\nARG NPM_TOKEN\n")]
    [InlineData("FROM alpine\nENV ASPNETCORE_Kestrel__Certificates__Default__Password=\"\"\n")]
    [InlineData("FROM alpine\nENV DB_PASSWORD='' API_TOKEN=\n")]
    public void Names_that_do_not_say_secret_are_not_reported(string dockerfile)
    {
        Assert.Empty(Run(dockerfile).Findings);
    }

    [Fact]
    public void An_ARG_without_a_value_and_an_ENV_with_one_stay_reported_next_to_an_empty_ENV()
    {
        var findings = Run("FROM alpine\nARG NUGET_TOKEN\nENV CERT_PASSWORD=\"\" DB_PASSWORD=pw\n").Findings;

        Assert.Equal(new[] { (2, "NUGET_TOKEN"), (3, "DB_PASSWORD") },
            findings.Select(f => (f.Line, f.Message.Contains("'NUGET_TOKEN'") ? "NUGET_TOKEN" : f.Message.Contains("'DB_PASSWORD'") ? "DB_PASSWORD" : f.Message)));
        Assert.All(findings, f => Assert.Equal("PF2007", f.RuleId));
    }

    [Theory]
    [InlineData("API_KEY", true)]
    [InlineData("apikey", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("DB_PASSWD", true)]
    [InlineData("REGISTRY_CREDENTIALS", true)]
    [InlineData("PUBLIC_TOKEN", false)]
    [InlineData("KEYS", false)]
    [InlineData("PASSWORD_FILE", false)]
    public void Name_words_decide(string name, bool secret)
    {
        Assert.Equal(secret, DockerSecretNameCheck.IsSecretName(name));
    }
}
