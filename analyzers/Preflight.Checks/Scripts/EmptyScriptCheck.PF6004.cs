using System;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Scripts;

/// <summary>
/// PF6004 for the repository's Python, TypeScript and JavaScript services: a source file that is empty or only
/// whitespace. Package markers (<c>__init__.py</c>, <c>py.typed</c>), type declarations (<c>.d.ts</c>) and generated or
/// vendored folders are skipped. Repository-level: checked by the owner project only.
/// </summary>
public static class EmptyScriptCheck
{
    /// <summary>A file larger than this is not whitespace-only in practice; it is not read.</summary>
    private const long MaxInspectedBytes = 64 * 1024;

    private static readonly string[] SkippedFolders =
    {
        "node_modules", "bin", "obj", ".git", "dist", "build", "out", ".next", ".nuxt", "coverage", "__pycache__",
        ".venv", "venv", "env", ".tox", ".mypy_cache", "site-packages", "vendor", "generated", ".generated",
    };

    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF6004.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        foreach (var path in context.SourceFiles)
        {
            if (!IsChecked(context.Layout.Root, path) || !IsBlank(path, out var empty))
            {
                continue;
            }
            context.Watched.Add(path);
            var what = empty ? "is empty" : "contains only whitespace";
            context.Findings.Add(
                Finding.At(Rule, path, new SourceSpan(0, 0, 1, 1, 1, 1), PathText.GetFileName(path), what));
        }
    }

    internal static bool IsChecked(string root, string path)
    {
        var name = PathText.GetFileName(path);
        if (name == "__init__.py" || name.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase)
            || IsBundleOutput(name) ||
            !(name.EndsWith(".py", StringComparison.Ordinal) || name.EndsWith(".ts", StringComparison.Ordinal)
                || name.EndsWith(".js", StringComparison.Ordinal)))
        {
            return false;
        }
        return !IsInSkippedFolder(root, path);
    }

    /// <summary>
    /// A minified bundle (<c>site.min.js</c>) is a bundler's output, empty when its input holds only comments; it is a
    /// static asset that nothing imports.
    /// </summary>
    private static bool IsBundleOutput(string name) =>
        name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".bundle.js", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for files under generated, vendored or virtual-environment folders.</summary>
    internal static bool IsInSkippedFolder(string root, string path)
    {
        var folders = PathText.Relative(root, PathText.GetDirectory(path)).Split('/');
        return folders.Any(f => Array.IndexOf(SkippedFolders, f) >= 0);
    }

    private static bool IsBlank(string path, out bool empty)
    {
        // Through FileSystem: a link's own length is not its target's, and a FIFO must never be opened (it blocks).
        empty = false;
        var length = FileSystem.Length(path);
        if (length == null || length > MaxInspectedBytes)
        {
            return false;
        }
        if (length == 0 && SpecialFiles.IsSpecial(path))
        {
            // A FIFO or device named like a script is not an empty source file.
            return false;
        }
        empty = length == 0;
        return empty
            || (FileSystem.ReadText(path) is { } text && text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0);
    }
}
