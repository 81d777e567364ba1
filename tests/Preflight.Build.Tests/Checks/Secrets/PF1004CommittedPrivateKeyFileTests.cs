using System;
using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF1004 on private key files committed in the repository (issue 14, item 8): <c>id_rsa</c>, <c>*.pem</c>, <c>*.key</c>.</summary>
public class PF1004CommittedPrivateKeyFileTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo)
    {
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        CommittedSecretCheck.Run(context);
        return context;
    }

    [Theory]
    [InlineData("id_rsa", "RSA ")]
    [InlineData("deploy/id_ed25519", "OPENSSH ")]
    [InlineData("certs/server.key", "")]
    [InlineData("certs/tls.pem", "EC ")]
    public void Private_key_file_is_reported_at_its_first_line_without_its_value(string path, string label)
    {
        var key = FakeSecrets.PrivateKeyFile(label);
        using var repo = new TempRepository().Write("src/Api/Api.csproj", Project).Write(path, key);

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF1004", repo.Path(path), 1, 1), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Contains("private key '", finding.Message);
        Assert.Contains("'" + path + "'", finding.Message);
        foreach (var line in key.Split('\n').Skip(1).Take(6))
        {
            Assert.DoesNotContain(line.Substring(0, 12), finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Key_after_a_certificate_in_a_pem_bundle_is_reported_at_its_begin_line()
    {
        var certificate = "-----BEGIN CERTIFICATE-----\n" + FakeSecrets.Random(64, seed: 50) + "\n" + FakeSecrets.Random(64, seed: 51) + "\n-----END CERTIFICATE-----\n";
        using var repo = new TempRepository().Write("src/Api/Api.csproj", Project).Write("certs/bundle.pem", certificate + FakeSecrets.PrivateKeyFile(""));

        Assert.Equal(5, Assert.Single(Run(repo).Findings).Line);
    }

    [Fact]
    public void Certificates_public_keys_other_key_files_and_ignored_keys_are_not_reported()
    {
        var certificate = "-----BEGIN CERTIFICATE-----\n" + FakeSecrets.Random(64, seed: 50) + "\n" + FakeSecrets.Random(64, seed: 51) + "\n-----END CERTIFICATE-----\n";
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("certs/ca.pem", certificate)
            .Write("id_rsa.pub", "ssh-rsa " + FakeSecrets.Random(200, seed: 52) + " me@host\n")
            // A .key file that is not a PEM key: its other contents are not PF1004's business.
            .Write("licence.key", "Server=db;User Id=sa;Password=Qv7" + FakeSecrets.Random(10, seed: 53) + ";\n")
            .Write("src/Api/signing.pem", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n")
            .Write(".gitignore", "local/\n")
            .Write("local/id_rsa", FakeSecrets.PrivateKeyFile("RSA "));

        Assert.Empty(Run(repo).Findings);
    }
}
