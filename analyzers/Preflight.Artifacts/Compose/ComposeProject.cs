using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>How a compose project is loaded.</summary>
public sealed class ComposeProjectOptions
{
    /// <summary>The project directory (relative paths and the default .env); default: the folder of the first
    /// file.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The .env files to read (default: <c>.env</c> in the project directory).</summary>
    public IReadOnlyList<string>? EnvFiles { get; set; }

    /// <summary>Variables that win over the .env (the shell environment); null: only the .env. Return null for
    /// unset.</summary>
    public Func<string, string?>? Environment { get; set; }

    /// <summary>False for files known to be incomplete (an override whose base is elsewhere): references to services,
    /// volumes and networks are not checked.</summary>
    public bool ValidateReferences { get; set; } = true;
}

/// <summary>
/// Loads a compose project the way <c>docker compose</c> does: the main file and its override file merged by the
/// compose-spec rules, interpolated with the project's .env, <c>extends</c> and <c>include</c> followed (each include
/// is
/// its own project). Every element of the result knows its file and position. Never throws; reads only through the
/// given function.
/// </summary>
public static class ComposeProject
{
    /// <summary>The main file names, in the order compose looks for them.</summary>
    public static readonly IReadOnlyList<string> MainFileNames = new[] { "compose.yaml", "compose.yml",
        "docker-compose.yaml", "docker-compose.yml" };

    /// <summary>True for a main compose file name (not an override).</summary>
    public static bool IsMainFileName(string fileName)
    {
        foreach (var name in MainFileNames)
        {
            if (string.Equals(name, fileName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The override file names of a main file name (<c>compose.yaml</c> → <c>compose.override.yaml</c>,
    /// <c>compose.override.yml</c>).</summary>
    public static IReadOnlyList<string> OverrideFileNames(string mainFileName)
    {
        var dot = mainFileName.LastIndexOf('.');
        var stem = dot < 0 ? mainFileName : mainFileName.Substring(0, dot);
        return new[] { stem + ".override.yaml", stem + ".override.yml" };
    }

    /// <summary>
    /// The files compose loads by default in <paramref name="directory"/>: the first main file that exists and its
    /// override file; empty when there is no main file.
    /// </summary>
    public static IReadOnlyList<string> FindFiles(string directory, Func<string, bool> exists)
    {
        foreach (var name in MainFileNames)
        {
            var main = PathText.Combine(directory, name);
            if (!SafeExists(exists, main))
            {
                continue;
            }
            var files = new List<string> { main };
            foreach (var overrideName in OverrideFileNames(name))
            {
                var path = PathText.Combine(directory, overrideName);
                if (SafeExists(exists, path))
                {
                    files.Add(path);
                    break;
                }
            }
            return files;
        }
        return Array.Empty<string>();
    }

    /// <summary>Loads <paramref name="files"/> (main first, then overrides) as one project.</summary>
    public static ComposeFile Load(
        IReadOnlyList<string> files, Func<string, string?> readText, ComposeProjectOptions? options = null)
    {
        var errors = new List<ComposeError>();
        var first = files.Count > 0 ? PathText.Normalize(files[0]) : null;
        try
        {
            var directory = options?.ProjectDirectory != null ? PathText.Normalize(options.ProjectDirectory)
                : first == null ? "." : PathText.GetDirectory(first);
            var stack = new List<string>();
            foreach (var file in files)
            {
                stack.Add(PathText.Normalize(file));
            }
            var loader = new ComposeLoader(
                readText, new ComposeBudget(), errors) { ValidateReferences = options?.ValidateReferences ?? true };
            return loader.LoadProject(files, directory, options?.EnvFiles, options?.Environment, stack);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            errors.Add(
                new ComposeError(
                "the compose project could not be read (" + ex.GetType().Name + ")", default, ComposeErrorKind.Syntax,
                first));
            return new ComposeFile(first, null, null, Array.Empty<ComposeService>(), errors);
        }
    }

    private static bool SafeExists(Func<string, bool> exists, string path)
    {
        try
        {
            return exists(path);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return false;
        }
    }
}
