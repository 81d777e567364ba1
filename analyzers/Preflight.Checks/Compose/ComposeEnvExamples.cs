using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Env;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Secrets;

namespace Preflight.Checks.Compose;

/// <summary>
/// The variables documented by the example env files of a compose project: <c>.env.example</c>, <c>.env.sample</c>,
/// <c>.env.template</c>, <c>.env.dist</c>, <c>example.env</c> and the like, beside the compose file or at the
/// repository
/// root. Copying the example to <c>.env</c> is the documented set-up step (the <c>.env</c> itself is git-ignored), so a
/// variable the example names counts as provided for PF3002 and PF3003. Its value is a placeholder and never used. A
/// commented-out <c>#NAME=</c> in the <c>.env</c> documents an optional setting (empty unless the user sets it).
/// </summary>
internal static class ComposeEnvExamples
{
    private static readonly string[] ExampleStems = { "example", "sample", "template", "dist", "defaults" };

    /// <summary>True for an example env file name: <c>.env.example</c>, <c>.env.dist</c>, <c>example.env</c>,
    /// <c>.env.local.sample</c>, ...</summary>
    public static bool IsExampleEnvFile(string fileName)
    {
        if (!ArtifactClassifier.IsEnvFile(fileName))
        {
            return false;
        }
        if (SecretScanner.IsExampleFile(fileName))
        {
            return true;
        }
        // "example.env", "env.sample" style: the stem names the example.
        var stem = fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
            ? fileName.Substring(0, fileName.Length - 4) : fileName;
        return Array.Exists(
            ExampleStems, s => string.Equals(s, stem.TrimStart('.'), StringComparison.OrdinalIgnoreCase) ||
            stem.EndsWith("." + s, StringComparison.OrdinalIgnoreCase)
                || stem.EndsWith("-" + s, StringComparison.OrdinalIgnoreCase) ||
            stem.EndsWith("_" + s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The names documented for the compose project of <paramref name="composePath"/> (its folder and the repository
    /// root): every key of an example env file, and every commented-out assignment (<c>#NAME=...</c>) of an example or
    /// of
    /// the <c>.env</c> itself, which documents an optional setting whose documented default is empty.
    /// </summary>
    /// <remarks>Computed once per folder and run (the checks ask for every service of every compose set); the set is
    /// shared: read it only.</remarks>
    public static HashSet<string> Documented(CheckContext context, string composePath)
    {
        var folder = PathText.GetDirectory(composePath);
        var byFolder = Cache.GetValue(context, _ => new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));
        lock (byFolder)
        {
            if (!byFolder.TryGetValue(folder, out var names))
            {
                names = DocumentedIn(context, folder);
                byFolder[folder] = names;
            }
            return names;
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CheckContext, Dictionary<string,
        HashSet<string>>> Cache =
        new System.Runtime.CompilerServices.ConditionalWeakTable<CheckContext, Dictionary<string, HashSet<string>>>();

    private static HashSet<string> DocumentedIn(CheckContext context, string folder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in context.Artifacts)
        {
            var directory = PathText.GetDirectory(path);
            var name = PathText.GetFileName(path);
            var isExample = IsExampleEnvFile(name);
            if (!(PathText.Equal(directory, folder) || PathText.Equal(directory, context.Layout.Root)) ||
                !(isExample || string.Equals(name, ".env", StringComparison.Ordinal))
                    || context.ReadText(path) is not { } text)
            {
                continue;
            }
            if (isExample)
            {
                foreach (var entry in EnvFileParser.Parse(text).Entries)
                {
                    names.Add(entry.Key);
                }
            }
            foreach (Match match in CommentedAssignment.Matches(text))
            {
                names.Add(match.Groups[1].Value);
            }
        }
        return names;
    }

    private static readonly string[] ExampleSuffixes = { ".example", ".sample", ".template", ".dist", ".tmpl",
        ".default", ".defaults" };

    /// <summary>
    /// The documented example of a missing file, beside it (<c>.env.sample</c> for <c>.env</c>,
    /// <c>.env.catalogs.sample</c>,
    /// <c>authsources.php.example</c>, <c>nginx.example.conf</c>): copying it is the set-up step. Null when there is
    /// none.
    /// </summary>
    public static string? FindExample(CheckContext context, string path)
    {
        var directory = PathText.GetDirectory(path);
        var name = PathText.GetFileName(path);
        var dot = name.LastIndexOf('.');
        foreach (var suffix in ExampleSuffixes)
        {
            var appended = PathText.Combine(directory, name + suffix);
            if (context.Exists(appended))
            {
                return appended;
            }
            if (dot > 0)
            {
                var inserted = PathText.Combine(directory, name.Substring(0, dot) + suffix + name.Substring(dot));
                if (context.Exists(inserted))
                {
                    return inserted;
                }
            }
        }
        return null;
    }

    /// <summary><c># NAME=value</c> on a line of its own (dotenv comments are whole lines).</summary>
    private static readonly Regex CommentedAssignment =
        new Regex(
            @"^[ \t]*#[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=",
            RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
