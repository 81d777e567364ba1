using System;
using System.Collections.Generic;
using System.Text;

namespace Preflight.Tests;

/// <summary>
/// Format-valid but fake secret values, generated at run time so that no secret scanner flags this repository.
/// </summary>
public static class FakeSecrets
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int length, string alphabet = Alnum, int seed = 7)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return builder.ToString();
    }

    /// <summary><c>ghp_</c> and 36 letters or digits.</summary>
    public static string GitHubToken(int seed = 7) => "gh" + "p_" + Random(36, seed: seed);

    /// <summary><c>AKIA</c> and 16 upper-case letters or digits.</summary>
    public static string AwsAccessKeyId(int seed = 5) => "AK" + "IA" + Random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", seed);

    /// <summary><c>pul-</c> and 40 lower-case hex digits.</summary>
    public static string PulumiToken(int seed = 3) => "pu" + "l-" + Random(40, "0123456789abcdef", seed);

    /// <summary>An AWS secret access key: 40 characters of letters, digits, '/' and '+' (upper case, lower case and a digit always among them).</summary>
    public static string AwsSecretAccessKey(int seed = 9) => "Q" + "k7" + Random(37, Alnum + "/+", seed);

    /// <summary>An OpenSSH private key file's text (BEGIN line, six lines of base64, END line).</summary>
    public static string PrivateKeyFile(string label = "OPENSSH ", int seed = 40)
    {
        var builder = new StringBuilder("-----BEGIN " + label + "PRIVATE" + " KEY-----\n");
        for (var i = 0; i < 6; i++)
        {
            builder.Append(Random(64, Base64, seed + i)).Append('\n');
        }
        return builder.Append("-----END " + label + "PRIVATE" + " KEY-----\n").ToString();
    }

    private const string Digits = "0123456789";
    private const string Hex = "0123456789abcdef";
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>
    /// One value of every format the secret scanner knows, each as it would be written in a file, with the part that must
    /// never be printed (the value itself, or the password of a connection string or URL).
    /// </summary>
    public static IReadOnlyList<(string Kind, string Written, string Value)> EveryFormat()
    {
        var list = new List<(string, string, string)>
        {
            ("aws", AwsAccessKeyId(11), AwsAccessKeyId(11)),
            ("aws-session", "AS" + "IA" + Random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 12), "AS" + "IA" + Random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 12)),
            ("github", GitHubToken(13), GitHubToken(13)),
            ("github-pat", "github" + "_pat_" + Random(22, seed: 14) + "_" + Random(59, seed: 15), "github" + "_pat_" + Random(22, seed: 14) + "_" + Random(59, seed: 15)),
            ("pulumi", PulumiToken(16), PulumiToken(16)),
            ("stripe", "sk_" + "live_" + Random(24, seed: 17), "sk_" + "live_" + Random(24, seed: 17)),
            ("slack", "xo" + "xb-" + Random(12, Digits, 18) + "-" + Random(13, Digits, 19) + "-" + Random(24, seed: 20), "xo" + "xb-" + Random(12, Digits, 18) + "-" + Random(13, Digits, 19) + "-" + Random(24, seed: 20)),
            ("openai", "sk-" + Random(20, seed: 21) + "T3Blbk" + "FJ" + Random(20, seed: 22), "sk-" + Random(20, seed: 21) + "T3Blbk" + "FJ" + Random(20, seed: 22)),
            ("anthropic", "sk-" + "ant-api03-" + Random(93, seed: 23) + "AA", "sk-" + "ant-api03-" + Random(93, seed: 23) + "AA"),
        };
        var webhook = "T" + Random(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24) + "/B" + Random(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 25) + "/" + Random(24, seed: 26);
        list.Add(("slack-webhook", "https://hooks." + "slack.com/services/" + webhook, webhook));
        var accountKey = Random(86, Base64, 27) + "==";
        list.Add(("azure-storage", "DefaultEndpointsProtocol=https;AccountName=store;AccountKey=" + accountKey + ";EndpointSuffix=core.windows.net", accountKey));
        var password = "Qv7" + Random(13, seed: 28) + "!x";
        list.Add(("connection-string", "Server=db;Database=app;User Id=svc;Password=" + password + ";", password));
        var urlPassword = "Uz4" + Random(12, seed: 29);
        list.Add(("url-password", "postgres://svc:" + urlPassword + "@db:5432/app", urlPassword));
        var awsSecret = AwsSecretAccessKey(41);
        list.Add(("aws-secret", "aws_secret_access_key=" + awsSecret, awsSecret));
        var hashPassword = "Pw#" + Random(10, seed: 42) + "!x";
        list.Add(("url-password-hash", "postgres://svc:" + hashPassword + "@db.example.com:5432/app", hashPassword));
        var keyBody = Random(64, Base64, 30);
        list.Add(("private-key", "-----BEGIN RSA " + "PRIVATE KEY-----\n" + keyBody + "\n" + Random(64, Base64, 31) + "\n-----END RSA " + "PRIVATE KEY-----", keyBody));
        return list;
    }
}
