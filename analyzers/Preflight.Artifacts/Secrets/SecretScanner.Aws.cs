using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Secrets;

public static partial class SecretScanner
{
    /// <summary>Key names that hold an AWS secret access key (matched case-insensitively, inside longer names too:
    /// <c>AWS_SECRET_ACCESS_KEY</c>, <c>Aws:SecretAccessKey</c>).</summary>
    private static readonly string[] AwsSecretKeyNames = { "secret_access_key", "secretaccesskey", "secret-access-key",
        "aws_secret_key", "awssecretkey", "aws-secret-key" };

    /// <summary>How far from an AWS access key id a 40-character secret is taken as its secret access key.</summary>
    private const int AwsPairRadius = 1024;

    private const int AwsSecretLength = 40;

    /// <summary>
    /// AWS secret access keys: 40 characters of <c>A-Z a-z 0-9 / +</c> mixing upper case, lower case and digits, either
    /// the value of a key named like <c>aws_secret_access_key</c> / <c>SecretAccessKey</c>, or near (within
    /// <see cref="AwsPairRadius"/> characters of) an <c>AKIA</c>/<c>ASIA</c> access key id of the same text.
    /// </summary>
    private static void FindAwsSecretKeys(string text, List<Candidate> found)
    {
        foreach (var name in AwsSecretKeyNames)
        {
            foreach (var at in Occurrences(text, name, StringComparison.OrdinalIgnoreCase))
            {
                // Past the name's own tail ("..._KEY_ID" is not the secret) and the separators: '"', ':', '=', spaces.
                var i = at + name.Length;
                if (i < text.Length && (IsWordChar(text[i]) || text[i] == '-'))
                {
                    continue;
                }
                var limit = Math.Min(text.Length, i + 8);
                while (i < limit
                    && (text[i] == '"' || text[i] == '\'' || text[i] == ':' || text[i] == '=' || text[i] == ' '
                    || text[i] == '\t' || text[i] == '>'))
                {
                    i++;
                }
                AddAwsSecretAt(text, i, found);
            }
        }

        // Near an access key id: every 40-character token of the windows around the ids (merged, so each character is
        // looked at once).
        var ids = new List<int>();
        foreach (var prefix in new[] { "AKIA", "ASIA" })
        {
            foreach (var at in Occurrences(text, prefix, StringComparison.Ordinal))
            {
                if (IsAwsAccessKeyId(text, at))
                {
                    ids.Add(at);
                }
            }
        }
        ids.Sort();
        var scannedTo = 0;
        foreach (var at in ids)
        {
            var to = Math.Min(text.Length, at + AwsPairRadius);
            for (var i = Math.Max(scannedTo, at - AwsPairRadius); i < to; i++)
            {
                if (IsAwsSecretChar(text[i]) && (i == 0 || !IsAwsSecretChar(text[i - 1])))
                {
                    AddAwsSecretAt(text, i, found);
                }
            }
            scannedTo = Math.Max(scannedTo, to);
        }
    }

    /// <summary>Adds the secret that starts at <paramref name="start"/> when exactly 40 characters of the shape stand
    /// there.</summary>
    private static void AddAwsSecretAt(string text, int start, List<Candidate> found)
    {
        var end = start + AwsSecretLength;
        if (end > text.Length || (start > 0 && IsAwsSecretChar(text[start - 1]))
            || !All(text, start, end, IsAwsSecretChar) ||
            (end < text.Length && (IsAwsSecretChar(text[end]) || text[end] == '=')))
        {
            return;
        }
        var value = text.Substring(start, AwsSecretLength);
        if (!HasMixedCharacters(value) || IsPlaceholder(value)
            || value.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 ||
            string.CompareOrdinal(value, 0, "AKIA", 0, 4) == 0 || string.CompareOrdinal(value, 0, "ASIA", 0, 4) == 0)
        {
            return;
        }
        found.Add(new Candidate(start, end, SecretKinds.AwsSecretAccessKey, 2));
    }

    /// <summary>An <c>AKIA</c>/<c>ASIA</c> id with its 16 upper-case letters or digits, as <see cref="FindAws"/> takes
    /// it.</summary>
    private static bool IsAwsAccessKeyId(string text, int at)
    {
        var end = at + 20;
        return BoundaryBefore(text, at) && end <= text.Length && All(text, at + 4, end, IsUpperAlphanumeric)
            && (end == text.Length || !IsWordChar(text[end])) &&
            !IsPlaceholder(text.Substring(at, 20));
    }

    private static bool IsAwsSecretChar(char c) => IsAlphanumeric(c) || c == '/' || c == '+';
}
