using System.Linq;
using Preflight.Artifacts.Secrets;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Secrets;

/// <summary>
/// Formats the scanner used to miss: an AWS secret access key beside its id or under its key name, and a URL password
/// with '#' or '!'. Every secret-looking value is generated (<see cref="FakeSecrets"/>) or concatenated at run time.
/// </summary>
public class MissedSecretFormatsTests
{
    private static string Found(string text, SecretMatch match) => text.Substring(match.Span.Start, match.Span.Length);

    [Fact]
    public void Aws_secret_access_key_next_to_its_id_is_found_with_no_character_shown()
    {
        var id = FakeSecrets.AwsAccessKeyId();
        var secret = FakeSecrets.AwsSecretAccessKey();
        var text = "# deploy user\nAWS_ACCESS_KEY_ID=" + id + "\nAWS_SECRET_ACCESS_KEY=" + secret + "\nAWS_REGION=eu-west-1\n";

        var matches = SecretScanner.Scan(text);

        Assert.Equal(new[] { SecretKinds.AwsAccessKeyId, SecretKinds.AwsSecretAccessKey }, matches.Select(m => m.Kind));
        var match = matches[1];
        Assert.Equal(secret, Found(text, match));
        Assert.Equal((3, 23), (match.Span.Line, match.Span.Column));
        Assert.Equal("****", match.Masked);
    }

    [Fact]
    public void Aws_secret_access_key_near_its_id_is_found_whatever_its_key_is_named()
    {
        var id = FakeSecrets.AwsAccessKeyId(seed: 6);
        var secret = FakeSecrets.AwsSecretAccessKey(seed: 10);
        var text = "{\n  \"Storage\": {\n    \"User\": \"" + id + "\",\n    \"Password\": \"" + secret + "\"\n  }\n}\n";

        var match = Assert.Single(SecretScanner.Scan(text), m => m.Kind == SecretKinds.AwsSecretAccessKey);

        Assert.Equal(secret, Found(text, match));
        Assert.Equal(4, match.Span.Line);
    }

    [Theory]
    [InlineData("aws_secret_access_key = {0}")]
    [InlineData("\"SecretAccessKey\": \"{0}\"")]
    [InlineData("  Aws__SecretAccessKey: '{0}'")]
    [InlineData("AWS_SECRET_KEY={0}")]
    public void Aws_secret_access_key_under_its_key_name_is_found_without_an_id(string line)
    {
        var secret = FakeSecrets.AwsSecretAccessKey(seed: 12);
        var text = string.Format(line, secret) + "\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(SecretKinds.AwsSecretAccessKey, match.Kind);
        Assert.Equal(secret, Found(text, match));
    }

    [Fact]
    public void Forty_character_values_without_an_id_or_key_name_and_other_shapes_near_an_id_are_not_aws_secrets()
    {
        var id = FakeSecrets.AwsAccessKeyId();
        var secret = FakeSecrets.AwsSecretAccessKey();
        // A 40-character value alone; a commit hash (lower-case hex), a 41- and a 39-character token and the documented
        // example key beside an id; an all-letters value under the key name.
        Assert.Empty(SecretScanner.Scan("Checksum=" + secret + "\n"));
        var nearId = "AWS_ACCESS_KEY_ID=" + id + "\n" +
            "COMMIT=" + FakeSecrets.Random(40, "0123456789abcdef") + "\n" +
            "LONG=" + secret + "Z\n" +
            "SHORT=" + secret.Substring(1) + "\n" +
            "DOC=wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\n" +
            "aws_secret_access_key=" + FakeSecrets.Random(40, "abcdefghijklmnopqrstuvwxyz") + "\n";
        Assert.Equal(new[] { SecretKinds.AwsAccessKeyId }, SecretScanner.Scan(nearId).Select(m => m.Kind));
        // The documented example id does not make its neighbours secrets either.
        Assert.Empty(SecretScanner.Scan("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7" + "EXAMPLE\nX=" + secret + "\n"));
    }

    [Theory]
    [InlineData("p#ss!word")]
    [InlineData("s3cr3t!")]
    [InlineData("#leading")]
    public void Url_password_with_hash_or_bang_is_found_up_to_the_at_sign(string password)
    {
        var text = "DATABASE_URL=postgres://user:" + password + "@db.example.com/x\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(SecretKinds.UrlPassword, match.Kind);
        Assert.Equal(password, Found(text, match));
        Assert.Equal("****", match.Masked);
        Assert.Equal(new[] { "db.example.com" }, match.Hosts);
    }

    [Theory]
    [InlineData("see http://localhost:8080#section and mail me@example.com")]
    [InlineData("https://example.com/#/user@x")]
    [InlineData("http://host:8080/#a@b")]
    public void Fragments_are_not_passwords(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
    }

    [Theory]
    [InlineData("Server=tcp:sqldata,1433;Database=x;User Id=sa;Password={0};", "sqldata")]
    [InlineData("\"Db\": \"Data Source=(localdb)\\\\MSSQLLocalDB;Initial Catalog=x;User Id=sa;Password={0}\"", "(localdb)")]
    [InlineData("Server=.\\SQLEXPRESS;Database=x;User Id=sa;Password={0}", ".")]
    [InlineData("Host=db1:5432,db2;Username=app;Password={0}", "db1,db2")]
    [InlineData("ConnectionStrings__Db=Server=127.0.0.1,5433;User Id=sa;Password={0}", "127.0.0.1")]
    [InlineData("User Id=sa;Password={0};Server=localhost\\SQLEXPRESS", "localhost")]
    [InlineData("mongodb://app:{0}@mongo1:27017,mongo2:27017/db?replicaSet=rs", "mongo1,mongo2")]
    [InlineData("amqp://app:{0}@[::1]:5672/", "::1")]
    [InlineData("User Id=sa;Password={0};Database=x", "")]
    [InlineData("\"Db\": \"PORT = 5432; HOST = localhost; DATABASE = 'postgres'; PASSWORD = '{0}'; USER ID = 'postgres'\"", "localhost")]
    [InlineData("ConnectionStrings__Db: 'Host=pg;Password={0}'", "pg")]
    public void Passwords_know_the_hosts_they_are_sent_to(string template, string hosts)
    {
        var password = "Qv7" + FakeSecrets.Random(9, seed: 2) + "!x";

        var match = Assert.Single(SecretScanner.Scan(string.Format(template, password)));

        Assert.Equal(hosts, string.Join(",", match.Hosts));
    }

    [Fact]
    public void Tokens_have_no_hosts()
    {
        Assert.Empty(Assert.Single(SecretScanner.Scan("token: " + FakeSecrets.GitHubToken() + "\n")).Hosts);
    }
}
