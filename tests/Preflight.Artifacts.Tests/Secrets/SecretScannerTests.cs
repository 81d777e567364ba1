using System;
using System.Linq;
using System.Text;
using Preflight.Artifacts.Secrets;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Secrets;

/// <summary>
/// Every secret-looking value here is generated (<see cref="Fake"/>) or concatenated at run time, so that secret
/// scanners do not flag this repository.
/// </summary>
public class SecretScannerTests
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";

    /// <summary>A deterministic random-looking string.</summary>
    private static string Fake(int length, string alphabet = Alnum, int seed = 7) => FakeSecrets.Random(length, alphabet, seed);

    private static string Found(string text, SecretMatch match) => text.Substring(match.Span.Start, match.Span.Length);

    public static TheoryData<string, string> Tokens() => new()
    {
        { SecretKinds.AwsAccessKeyId, "AKIA" + Fake(16, Upper) },
        { SecretKinds.AwsAccessKeyId, "ASIA" + Fake(16, Upper, 3) },
        { SecretKinds.GitHubToken, "ghp_" + Fake(36) },
        { SecretKinds.GitHubToken, "gho_" + Fake(36, seed: 2) },
        { SecretKinds.GitHubToken, "ghs_" + Fake(36, seed: 3) },
        { SecretKinds.GitHubToken, "github_pat_" + Fake(22) + "_" + Fake(59, seed: 4) },
        { SecretKinds.SlackToken, "xoxb-" + Fake(12, "0123456789") + "-" + Fake(13, "0123456789", 2) + "-" + Fake(24) },
        { SecretKinds.SlackToken, "xoxp-" + Fake(11, "0123456789") + "-" + Fake(11, "0123456789", 2) + "-" + Fake(12, "0123456789", 3) + "-" + Fake(32, Hex) },
        { SecretKinds.StripeLiveKey, "sk_" + "live_" + Fake(24) },
        { SecretKinds.StripeLiveKey, "rk_" + "live_" + Fake(99, seed: 5) },
        { SecretKinds.OpenAIApiKey, "sk-" + Fake(20) + "T3Blbk" + "FJ" + Fake(20, seed: 9) },
        { SecretKinds.OpenAIApiKey, "sk-" + "proj-" + Fake(74) + "T3Blbk" + "FJ" + Fake(74, seed: 11) },
        { SecretKinds.OpenAIApiKey, "sk-" + "proj-" + Fake(56, Alnum + "_-") },
        { SecretKinds.AnthropicApiKey, "sk-" + "ant-api03-" + Fake(93, Alnum + "_-") + "AA" },
        { SecretKinds.PulumiAccessToken, "pul-" + Fake(40, Hex) },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Finds_each_token_format_with_its_exact_span(string kind, string token)
    {
        var text = "config:\n  value: \"" + token + "\" # committed\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(kind, match.Kind);
        Assert.Equal(token, Found(text, match));
        Assert.Equal((2, 11), (match.Span.Line, match.Span.Column));
        // At most the format's fixed prefix: after a bare "sk-" the characters are the key's own.
        var fixedPrefix = token.StartsWith("sk-", StringComparison.Ordinal) && !token.StartsWith("sk-proj-", StringComparison.Ordinal) &&
            !token.StartsWith("sk-ant-", StringComparison.Ordinal) ? "sk-" : token.Substring(0, 4);
        Assert.Equal(fixedPrefix + "****", match.Masked);
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Tokens_inside_longer_words_are_not_matched(string kind, string token)
    {
        _ = kind;
        Assert.Empty(SecretScanner.Scan("x" + token + "Q"));
        Assert.Empty(SecretScanner.Scan("Z_" + token));
    }

    [Theory]
    [InlineData("AKIA", 15)]
    [InlineData("AKIA", 17)]
    [InlineData("ghp_", 35)]
    [InlineData("ghp_", 37)]
    [InlineData("pul-", 39)]
    public void Wrong_lengths_are_not_matched(string prefix, int length)
    {
        Assert.Empty(SecretScanner.Scan("key=" + prefix + Fake(length, prefix == "pul-" ? Hex : Upper)));
    }

    [Theory]
    [InlineData("sk_test_")]
    [InlineData("pk_live_")]
    public void Stripe_test_and_publishable_keys_are_not_secrets(string prefix)
    {
        Assert.Empty(SecretScanner.Scan("STRIPE=" + prefix + Fake(24)));
    }

    [Theory]
    [InlineData("sk-1234")]
    [InlineData("risk-assessment-for-the-new-platform-and-beyond")]
    [InlineData("task-sk-averylongidentifierwithoutanymarkersinside")]
    public void Other_sk_dash_strings_are_not_claimed(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
    }

    [Fact]
    public void Aws_documentation_keys_are_placeholders()
    {
        Assert.Empty(SecretScanner.Scan("aws_access_key_id = AKIA" + "IOSFODNN7" + "EXAMPLE\n"));
        Assert.Empty(SecretScanner.Scan("aws_access_key_id = AKIA" + new string('X', 16) + "\n"));
    }

    [Theory]
    [InlineData("GITHUB_TOKEN=${GITHUB_TOKEN}")]
    [InlineData("token: ${{ secrets.GH_TOKEN }}")]
    [InlineData("token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("token: ghp_************************************")]
    [InlineData("SLACK=xoxb-your-bot-token-goes-right-here")]
    [InlineData("SLACK=xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("OPENAI_API_KEY=sk-...")]
    [InlineData("OPENAI_API_KEY=sk-proj-...")]
    public void Placeholder_tokens_are_not_secrets(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
    }

    [Theory]
    [InlineData("Server=db;Database=app;User Id=sa;Password=", "S3cure!Pass;", "S3cure!Pass")]
    [InlineData("\"Db\": \"Host=db;Port=5432;Username=app;Password=", "pg-" + "Pa55w0rd\"", "pg-Pa55w0rd")]
    [InlineData("ConnectionStrings__Db=Data Source=sql;Initial Catalog=x;Pwd=", "Tr1cky;Encrypt=true", "Tr1cky")]
    [InlineData("Server=db;Password='semi;colon", "Secret42';", "semi;colonSecret42")]
    [InlineData("Password=", "Zq9!long-pass;Server=db;", "Zq9!long-pass")]
    public void Finds_passwords_in_connection_strings(string before, string after, string password)
    {
        var text = "settings:\n  db: " + before + after + "\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(SecretKinds.ConnectionStringPassword, match.Kind);
        Assert.Equal(password, Found(text, match));
        Assert.True(match.Masked.Length <= 8);
    }

    [Theory]
    [InlineData("PASSWORD=hunter2")]
    [InlineData("DB_PASSWORD=hunter2;other")]
    [InlineData("spring.datasource.password=hunter2")]
    [InlineData("https://example.com/login?user=x;password=hunter2")]
    [InlineData("the password=hunter2 is not in a connection string")]
    public void Password_assignments_outside_connection_strings_are_not_claimed(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
    }

    [Theory]
    [InlineData("Password=${DB_PASSWORD}")]
    [InlineData("Password=$DB_PASSWORD")]
    [InlineData("Password=$(DbPassword)")]
    [InlineData("Password=%DB_PASSWORD%")]
    [InlineData("Password={{ .Values.db.password }}")]
    [InlineData("Password=${{ secrets.DB_PASSWORD }}")]
    [InlineData("Password=<your-password>")]
    [InlineData("Password=@Microsoft.KeyVault(SecretUri=https://vault.vault.azure.net/secrets/db)")]
    [InlineData("Password=changeme")]
    [InlineData("Password=change-me")]
    [InlineData("Password=password")]
    [InlineData("Password=secret")]
    [InlineData("Password=xxxxxx")]
    [InlineData("Password=***")]
    [InlineData("Password=")]
    [InlineData("Password=yourStrong(!)Password")]
    [InlineData("Password=#{DbPassword}#")]
    [InlineData("Password=postgres")]
    [InlineData("Password=guest")]
    public void Placeholder_passwords_are_not_secrets(string password)
    {
        Assert.Empty(SecretScanner.Scan("Server=db;Database=app;User Id=sa;" + password + ";"));
    }

    [Theory]
    [InlineData("postgres://app:", "S3cr3tPass", "@db:5432/app")]
    [InlineData("mongodb+srv://admin:", "Zx81-qwerty", "@cluster0.mongodb.net/?retryWrites=true")]
    [InlineData("redis://:", "p4ssw0rdCache", "@cache:6379/0")]
    [InlineData("amqp://svc:", "Rabbit%40Pass", "@[::1]:5672")]
    public void Finds_passwords_in_urls(string before, string password, string after)
    {
        var text = "DATABASE_URL=" + before + password + after + "\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(SecretKinds.UrlPassword, match.Kind);
        Assert.Equal(password, Found(text, match));
    }

    [Theory]
    [InlineData("postgres://postgres:postgres@db:5432/app")]
    [InlineData("postgres://app:${PG_PASSWORD}@db/app")]
    [InlineData("postgres://app:password@localhost/app")]
    [InlineData("https://user@example.com/path")]
    [InlineData("https://example.com:8443/a@b")]
    [InlineData("ssh://git@github.com:22/org/repo.git")]
    [InlineData("amqp://guest:guest@rabbit:5672")]
    [InlineData("http://user:<password>@host")]
    public void Urls_without_real_passwords_are_not_claimed(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
    }

    private static string PemBody(int lines, string newline = "\n", string indent = "") =>
        string.Concat(Enumerable.Range(0, lines).Select(i => indent + Fake(64, Alnum + "+/", i) + newline));

    [Fact]
    public void Finds_private_key_blocks_with_the_whole_block_as_span()
    {
        var block = "-----BEGIN RSA " + "PRIVATE KEY-----\n" + PemBody(6, "\n", "    ") + "    -----END RSA " + "PRIVATE KEY-----";
        var text = "apiVersion: v1\nkind: Secret\nstringData:\n  key.pem: |\n    " + block + "\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(SecretKinds.PrivateKey, match.Kind);
        Assert.Equal(block, Found(text, match));
        Assert.Equal((5, 5), (match.Span.Line, match.Span.Column));
        // BEGIN on line 5, six body lines (6-11), END on line 12.
        Assert.Equal(5 + 6 + 1, match.Span.EndLine);
        Assert.Equal("----****", match.Masked);
    }

    [Theory]
    [InlineData("OPENSSH ")]
    [InlineData("EC ")]
    [InlineData("ENCRYPTED ")]
    [InlineData("")]
    public void Finds_private_keys_of_every_label_and_in_json_strings(string label)
    {
        var text = "{\"key\": \"-----BEGIN " + label + "PRIVATE KEY-----\\n" + PemBody(3, "\\n") + "-----END " + label + "PRIVATE KEY-----\\n\"}";

        Assert.Equal(SecretKinds.PrivateKey, Assert.Single(SecretScanner.Scan(text)).Kind);
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END PUBLIC KEY-----")]
    [InlineData("key = \"-----BEGIN PRIVATE KEY-----${KEY}-----END PRIVATE KEY-----\"")]
    public void Private_key_examples_and_public_keys_are_not_secrets(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
    }

    [Fact]
    public void Tokens_inside_a_private_key_block_are_not_reported_again()
    {
        var text = "-----BEGIN PRIVATE KEY-----\n" + PemBody(2) + "/AKIA" + Fake(16, Upper) + "/\n" + PemBody(2) + "-----END PRIVATE KEY-----\n";

        Assert.Equal(SecretKinds.PrivateKey, Assert.Single(SecretScanner.Scan(text)).Kind);
    }

    [Fact]
    public void Token_as_url_password_is_reported_once_as_the_token()
    {
        var token = "ghp_" + Fake(36);
        var text = "git clone https://x-access-token:" + token + "@github.com/org/repo.git";

        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(SecretKinds.GitHubToken, match.Kind);
        Assert.Equal(token, Found(text, match));
    }

    [Fact]
    public void Finds_azure_account_keys_but_not_the_azurite_key()
    {
        var key = Fake(86, Alnum + "+/") + "==";
        var text = "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + key + ";EndpointSuffix=core.windows.net";
        var azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" +
            "/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

        var match = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(SecretKinds.AzureAccountKey, match.Kind);
        Assert.Equal(key, Found(text, match));
        Assert.Empty(SecretScanner.Scan(azurite));
    }

    [Fact]
    public void Finds_slack_webhooks()
    {
        var url = "https://hooks.slack.com/services/T" + Fake(8, Upper) + "/B" + Fake(10, Upper, 2) + "/" + Fake(24, seed: 3);

        var match = Assert.Single(SecretScanner.Scan("SLACK_WEBHOOK_URL=" + url + "\n"));

        Assert.Equal((SecretKinds.SlackWebhook, 19, url.Length), (match.Kind, match.Span.Column, match.Span.Length));
    }

    [Fact]
    public void Finds_several_secrets_in_text_order()
    {
        var text = "A=ghp_" + Fake(36) + "\nB=Server=db;User Id=sa;Password=Qw3rty-42;\nC=pul-" + Fake(40, Hex) + "\n";

        Assert.Equal(new[] { (SecretKinds.GitHubToken, 1), (SecretKinds.ConnectionStringPassword, 2), (SecretKinds.PulumiAccessToken, 3) },
            SecretScanner.Scan(text).Select(m => (m.Kind, m.Span.Line)));
    }

    [Theory]
    [InlineData("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_****")]
    [InlineData("hunter2x", "hu****")]
    [InlineData("abc", "****")]
    [InlineData("", "****")]
    public void Masks_show_at_most_four_characters(string value, string masked)
    {
        Assert.Equal(masked, SecretScanner.Mask(value));
    }

    [Theory]
    [InlineData("Server=db;User Id=sa;Password=Qw3rty-42;")]
    [InlineData("postgres://app:S3cr3tPass@db:5432/app")]
    public void Passwords_are_masked_without_any_character(string text)
    {
        Assert.Equal("****", Assert.Single(SecretScanner.Scan(text)).Masked);
    }

    [Fact]
    public void Masked_forms_never_show_more_than_four_characters_of_the_value()
    {
        var text = string.Join("\n", Tokens().Select(row => (string)row[1])) + "\nServer=db;Password=Ab1!;\npostgres://a:Zz9-longer@db\n";

        var matches = SecretScanner.Scan(text);

        Assert.Equal(Tokens().Count() + 2, matches.Count);
        foreach (var match in matches)
        {
            Assert.EndsWith("****", match.Masked);
            var shown = match.Masked.Substring(0, match.Masked.Length - 4);
            Assert.True(shown.Length <= 4 && shown.Length <= match.Span.Length / 4, match.Masked);
            Assert.StartsWith(shown, Found(text, match));
        }
    }

    [Theory]
    [InlineData(".env.example", true)]
    [InlineData(".env.template", true)]
    [InlineData(".env.sample", true)]
    [InlineData(".env.dist", true)]
    [InlineData("appsettings.example.json", true)]
    [InlineData("config/values.sample.yaml", true)]
    [InlineData("C:\\repo\\secrets.template.env", true)]
    [InlineData("docker-compose.yml.example", true)]
    [InlineData(".env", false)]
    [InlineData(".env.production", false)]
    [InlineData("appsettings.json", false)]
    [InlineData("example.json", false)]
    [InlineData("examples/appsettings.json", false)]
    [InlineData("", false)]
    public void Tells_example_files_by_name(string fileName, bool isExample)
    {
        Assert.Equal(isExample, SecretScanner.IsExampleFile(fileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("real-Value-42")]
    public void Placeholder_check_keeps_real_values(string value)
    {
        Assert.Equal(value.Length == 0, SecretScanner.IsPlaceholder(value));
    }
}
