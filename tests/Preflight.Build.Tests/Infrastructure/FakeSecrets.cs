using System;
using System.Text;

namespace Preflight.Build.Tests.Infrastructure;

/// <summary>
/// Format-valid but fake secret values, generated at run time so that no secret scanner flags this repository.
/// </summary>
internal static class FakeSecrets
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
}
