using System;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Vercel;

namespace Preflight.Checks.Platforms;

/// <summary>
/// PF5004: vercel.json names paths that do not exist, relative to its folder: a <c>functions</c> key (a glob of
/// function
/// files) that matches no file, or a <c>builds[].src</c> (a path or glob) that matches nothing. Build output folders
/// (<c>dist</c>, <c>build</c>, <c>out</c>, <c>.next</c>, <c>.output</c>, <c>.vercel</c>) are produced at deploy time
/// and not
/// checked. Repository-level: checked by the owner project only.
/// </summary>
public static class VercelPathCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF5004.Id];

    private static readonly string[] GeneratedFolders = { "dist", "build", "out", ".next", ".output", ".vercel",
        "node_modules" };

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        var inventory = PlatformInventory.Of(context);
        foreach (var path in context.OfKind(ArtifactKind.VercelConfig))
        {
            var text = context.ReadText(path);
            if (text == null)
            {
                continue;
            }
            var config = VercelConfigParser.Parse(text);
            if (config.Functions.Count == 0 && config.Builds.Count == 0)
            {
                continue;
            }
            var folder = PathText.GetDirectory(path);
            var relativeFolder = PathText.Relative(context.Layout.Root, folder);
            foreach (var function in config.Functions)
            {
                Check(context, inventory, path, folder, relativeFolder, "functions pattern", function);
            }
            foreach (var build in config.Builds)
            {
                Check(context, inventory, path, folder, relativeFolder, "builds src", build);
            }
        }
    }

    private static void Check(
        CheckContext context, PlatformInventory inventory, string path, string folder, string relativeFolder,
        string what, VercelPath entry)
    {
        var value = entry.Value.Trim();
        if (value.Length == 0 || value.IndexOf('$') >= 0 || value.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return;
        }
        var glob = PathGlob.Parse(value);
        var first = (glob.LiteralPrefix.Length > 0 ? glob.LiteralPrefix : value.TrimStart('.', '/')).Split('/')[0];
        if (!glob.IsValid || GeneratedFolders.Contains(first, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }
        if (!glob.HasWildcards)
        {
            if (!context.Exists(PathText.Combine(folder, value.TrimStart('/'))))
            {
                context.Findings.Add(
                    Finding.At(Rule, path, entry.Span, what, entry.Value, "does not exist", relativeFolder));
            }
            return;
        }
        var files = inventory.Files(out var complete);
        var prefix = relativeFolder == "." ? string.Empty : relativeFolder + "/";
        var matched = files.FirstOrDefault(
            f => f.StartsWith(prefix, StringComparison.Ordinal) && glob.IsMatch(f.Substring(prefix.Length)));
        if (matched != null)
        {
            context.Watched.Add(PathText.Combine(context.Layout.Root, matched));
        }
        else if (complete && !glob.TimedOut)
        {
            context.Findings.Add(
                Finding.At(Rule, path, entry.Span, what, entry.Value, "matches no file", relativeFolder));
            // A path that does not exist keeps the checks running on every build, so the finding goes once a file
            // matches.
            context.Watched.Add(PathText.Combine(folder, Sentinel(value)));
        }
    }

    /// <summary>The pattern as a file name that does not exist (wildcards replaced, so no host expands it).</summary>
    internal static string Sentinel(string pattern)
    {
        var chars = pattern.TrimStart('.', '/').ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '*' || chars[i] == '?' || chars[i] == '[' || chars[i] == ']' || chars[i] == '{'
                || chars[i] == '}' || chars[i] == ',' || chars[i] == ';')
            {
                chars[i] = '_';
            }
        }
        return new string(chars) + ".preflight-unmatched";
    }
}
