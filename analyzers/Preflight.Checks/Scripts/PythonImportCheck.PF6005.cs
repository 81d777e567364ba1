using System;
using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Python;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Scripts;

/// <summary>
/// PF6005 for the repository's Python services: a top-level <c>import a.b</c> / <c>from a.b import C</c> (relative
/// imports too) that resolves inside the repository to a module that does not exist, is empty, or defines no <c>C</c>.
/// An absolute import resolves from the nearest folder above the importing file that holds <c>a</c> (as
/// <c>a/</c> or <c>a.py</c>); nothing there means a third-party module: no finding. A missing module inside a
/// namespace package (a folder without <c>__init__.py</c>), a module whose names cannot be listed
/// (<c>import *</c>, <c>__getattr__</c>, names defined under <c>if</c>/<c>try</c>) and imports inside blocks give no
/// finding. Repository-level: checked by the owner project only.
/// </summary>
public static class PythonImportCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF6005.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        var modules = new Dictionary<string, PythonModule?>(StringComparer.Ordinal);
        foreach (var path in context.SourceFiles)
        {
            if (!path.EndsWith(".py", StringComparison.Ordinal)
                || EmptyScriptCheck.IsInSkippedFolder(context.Layout.Root, path) ||
                Module(context, modules, path) is not { } module)
            {
                continue;
            }
            foreach (var import in module.Imports)
            {
                CheckImport(context, modules, path, import);
            }
        }
    }

    private static void CheckImport(
        CheckContext context, Dictionary<string, PythonModule?> modules, string importer, PythonImport import)
    {
        var parts = import.Module.Length == 0 ? Array.Empty<string>() : import.Module.Split('.');
        var folder = import.Level == 0 ? SourceRoot(context, importer, parts[0])
            : RelativeBase(context, importer, import.Level);
        if (folder == null)
        {
            return;
        }
        for (var i = 0; i < parts.Length; i++)
        {
            var isLast = i == parts.Length - 1;
            var directory = PathText.Combine(folder, parts[i]);
            if (!isLast && IsFile(PathText.Combine(directory, "__init__.py")) || !isLast && IsDirectory(directory))
            {
                folder = directory;
                continue;
            }
            if (isLast && (IsFile(directory + ".py") || IsDirectory(directory)))
            {
                folder = directory;
                break;
            }
            // parts[i] is not there. Only a regular package (one with __init__.py) is known to be complete.
            if (i > 0 && !IsFile(PathText.Combine(folder, "__init__.py")))
            {
                return;
            }
            if (!isLast && IsFile(directory + ".py"))
            {
                return; // a module used as a package: Python says so clearly; not this rule's business
            }
            var expected = context.Display(directory);
            Report(context, importer, import.ModuleSpan, import.DisplayModule,
                $"module '{import.DisplayModule}' does not exist (expected {expected}.py or {expected}/__init__.py)");
            return;
        }
        CheckModule(context, modules, importer, import, folder);
    }

    /// <summary>The import resolved to <paramref name="target"/> (a <c>.py</c> path without extension, or a package
    /// folder).</summary>
    private static void CheckModule(
        CheckContext context, Dictionary<string, PythonModule?> modules, string importer, PythonImport import,
        string target)
    {
        var file = IsFile(target + ".py")
            && !IsDirectory(target) ? target + ".py" : PathText.Combine(target, "__init__.py");
        var isPackage = !file.EndsWith("/__init__.py", StringComparison.Ordinal) ? false : true;
        if (!IsFile(file))
        {
            // A namespace package: its names are its submodules, and other portions may add more.
            return;
        }
        if (Module(context, modules, file) is not { } module)
        {
            return;
        }
        if (module.IsBlank && !isPackage)
        {
            Report(context, importer, import.ModuleSpan, import.DisplayModule, $"{context.Display(file)} is empty");
            return;
        }
        foreach (var name in import.Names)
        {
            if (module.Defines(name.Name) || !module.NamesAreComplete
                || (isPackage && IsSubmodule(context, target, name.Name)))
            {
                continue;
            }
            Report(context, importer, name.Span, name.Name,
                $"{context.Display(file)} defines no '{name.Name}' (no top-level def, class, assignment or import of " +
                $"it)");
        }
    }

    private static bool IsSubmodule(CheckContext context, string package, string name) =>
        IsFile(PathText.Combine(package, name + ".py")) || IsDirectory(PathText.Combine(package, name));

    /// <summary>The nearest folder from the importing file up to the repository root that holds the top-level package
    /// or module.</summary>
    private static string? SourceRoot(CheckContext context, string importer, string topLevel)
    {
        for (var folder = PathText.GetDirectory(importer); PathText.IsUnder(
            folder, context.Layout.Root); folder = PathText.GetDirectory(folder))
        {
            var candidate = PathText.Combine(folder, topLevel);
            if (IsFile(candidate + ".py") || IsDirectory(candidate))
            {
                return folder;
            }
            if (PathText.Equal(folder, context.Layout.Root))
            {
                break;
            }
        }
        return null;
    }

    private static string? RelativeBase(CheckContext context, string importer, int level)
    {
        var folder = PathText.GetDirectory(importer);
        for (var i = 1; i < level; i++)
        {
            folder = PathText.GetDirectory(folder);
            if (!PathText.IsUnder(folder, context.Layout.Root))
            {
                return null;
            }
        }
        return folder;
    }

    private static bool IsDirectory(string path) => FileSystem.DirectoryExists(path);

    /// <summary>
    /// Existence probes are not watched: every Python file of the repository is already an input of the check, so a
    /// module that appears or disappears re-runs it; watching the many paths probed would keep it from ever being
    /// skipped.
    /// </summary>
    private static bool IsFile(string path) => FileSystem.FileExists(path);

    private static PythonModule? Module(CheckContext context, Dictionary<string, PythonModule?> modules, string path)
    {
        if (!modules.TryGetValue(path, out var module))
        {
            var text = context.ReadText(path);
            module = text == null ? null : PythonModuleParser.Parse(text);
            modules[path] = module;
        }
        return module;
    }

    private static void Report(
        CheckContext context, string importer, Artifacts.Text.SourceSpan span, string what, string why) =>
        context.Findings.Add(Finding.At(Rule, importer, span, what, why));
}
