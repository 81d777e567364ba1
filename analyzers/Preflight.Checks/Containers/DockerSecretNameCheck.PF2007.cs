using System;
using System.Collections.Generic;
using System.Text;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2007: an ARG or ENV whose name says it holds a secret, as BuildKit's SecretsUsedInArgOrEnv check decides: a word
/// of the name (split on '_', '-' and lower-to-upper case changes) is apikey, auth, credential(s), key, password,
/// pword, passwd, secret or token, and no word is public, file or version. An ENV set to the empty string is not
/// reported (nothing is stored; a dev certificate exported without a password sets one). Honours <c>#
/// check=skip=SecretsUsedInArgOrEnv</c>.
/// </summary>
public static class DockerSecretNameCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2007.Id];

    private static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token",
    };

    private static readonly HashSet<string> AllowedWords = new HashSet<string>(
        StringComparer.Ordinal) { "public", "file", "version" };

    public static void Run(CheckContext context)
    {
        foreach (var owned in OwnedDockerfiles.Of(context))
        {
            if (owned.SkipsBuildKitCheck("SecretsUsedInArgOrEnv"))
            {
                continue;
            }
            foreach (var instruction in owned.Dockerfile.Instructions)
            {
                if (instruction.Keyword != "ARG" && instruction.Keyword != "ENV")
                {
                    continue;
                }
                var searchFrom = instruction.ArgumentSpan;
                foreach (var pair in instruction.KeyValues())
                {
                    if (!IsSecretName(pair.Key) || instruction.Keyword == "ENV" && IsEmptyValue(pair.Value))
                    {
                        continue;
                    }
                    var span = owned.Find(pair.Key, searchFrom, OwnedDockerfiles.WholeName) ?? instruction.KeywordSpan;
                    context.Findings.Add(Finding.At(Rule, owned.Path, span, instruction.Keyword, pair.Key));
                }
            }
        }
    }

    /// <summary>An ENV set to the empty string (<c>X=""</c>, <c>X=''</c>, <c>X=</c>) puts no secret in the
    /// image.</summary>
    private static bool IsEmptyValue(string? value) => value != null && value.Trim().Trim('"', '\'').Length == 0;

    /// <summary>True when a word of the name is a secret word and none is an allowed one.</summary>
    public static bool IsSecretName(string name)
    {
        var secret = false;
        foreach (var word in Words(name))
        {
            if (AllowedWords.Contains(word))
            {
                return false;
            }
            secret |= SecretWords.Contains(word);
        }
        return secret;
    }

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = c == '_' || c == '-' || c == '.';
            var caseChange = i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
            if ((boundary || caseChange) && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
            if (!boundary)
            {
                word.Append(char.ToLowerInvariant(c));
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
