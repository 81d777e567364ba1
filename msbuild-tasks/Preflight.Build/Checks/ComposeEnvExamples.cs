using System;
using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Env;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Secrets;

namespace Preflight.Build.Checks;

/// <summary>
/// The variables documented by the example env files of a compose project: <c>.env.example</c>, <c>.env.sample</c>,
/// <c>.env.template</c>, <c>.env.dist</c>, <c>example.env</c> and the like, beside the compose file or at the repository
/// root. Copying the example to <c>.env</c> is the documented set-up step (the <c>.env</c> itself is git-ignored), so a
/// variable the example names counts as provided for PF3002 and PF3003. Its value is a placeholder and never used.
/// </summary>
internal static class ComposeEnvExamples
{
    private static readonly string[] ExampleStems = { "example", "sample", "template", "dist", "defaults" };

    /// <summary>True for an example env file name: <c>.env.example</c>, <c>.env.dist</c>, <c>example.env</c>, <c>.env.local.sample</c>, ...</summary>
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
        var stem = fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase) ? fileName.Substring(0, fileName.Length - 4) : fileName;
        return Array.Exists(ExampleStems, s => string.Equals(s, stem.TrimStart('.'), StringComparison.OrdinalIgnoreCase) ||
            stem.EndsWith("." + s, StringComparison.OrdinalIgnoreCase) || stem.EndsWith("-" + s, StringComparison.OrdinalIgnoreCase) ||
            stem.EndsWith("_" + s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The names documented for the compose project of <paramref name="composePath"/> (its folder and the repository root).</summary>
    public static HashSet<string> Documented(CheckContext context, string composePath)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var folder = PathText.GetDirectory(composePath);
        foreach (var path in context.Artifacts)
        {
            var directory = PathText.GetDirectory(path);
            if (!(PathText.Equal(directory, folder) || PathText.Equal(directory, context.Layout.Root)) || !IsExampleEnvFile(PathText.GetFileName(path)) ||
                context.ReadText(path) is not { } text)
            {
                continue;
            }
            foreach (var entry in EnvFileParser.Parse(text).Entries)
            {
                names.Add(entry.Key);
            }
        }
        return names;
    }
}
