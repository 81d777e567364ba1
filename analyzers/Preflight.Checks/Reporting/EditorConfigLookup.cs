using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.EditorConfig;

namespace Preflight.Checks.Reporting;

/// <summary>
/// Finds the configuration that applies to a file outside the compilation: the <c>.editorconfig</c> files in the
/// folders
/// above it (up to the nearest with <c>root = true</c>), read once per folder, and the project's global analyzer
/// configs
/// (the <c>.globalconfig</c> and <c>is_global</c> files of <c>@(EditorConfigFiles)</c>).
/// </summary>
public sealed class EditorConfigLookup
{
    /// <summary>The .editorconfig of each folder asked about (null when it has none), read once; shared by the lookups
    /// made <see cref="WithGlobalConfigs"/>, which may be used in parallel.</summary>
    private readonly ConcurrentDictionary<string, EditorConfigDocument?> _byDirectory;

    public EditorConfigLookup(IEnumerable<string> configFiles)
        : this(configFiles, new ConcurrentDictionary<string, EditorConfigDocument?>(StringComparer.Ordinal))
    {
    }

    private EditorConfigLookup(
        IEnumerable<string> configFiles, ConcurrentDictionary<string, EditorConfigDocument?> byDirectory)
    {
        _byDirectory = byDirectory;
        var globals = new List<EditorConfigDocument>();
        foreach (var path in configFiles.Where(p => !string.IsNullOrEmpty(p)).Select(PathText.Normalize).Distinct(
            StringComparer.Ordinal))
        {
            var document = Read(path);
            if (document is { IsGlobal: true })
            {
                globals.Add(document);
            }
        }
        Severities = new EditorConfigSeverities(globals);
    }

    public EditorConfigSeverities Severities { get; }

    /// <summary>A lookup for another project's global configs that reuses the .editorconfig files this one has
    /// read.</summary>
    public EditorConfigLookup WithGlobalConfigs(IEnumerable<string> configFiles) =>
        new EditorConfigLookup(configFiles, _byDirectory);

    /// <summary>The .editorconfig files above <paramref name="path"/>, root-most first, from the nearest with <c>root =
    /// true</c>.</summary>
    public IReadOnlyList<EditorConfigDocument> For(string path)
    {
        var found = new List<EditorConfigDocument>();
        var directory = PathText.GetDirectory(PathText.Normalize(path)).TrimEnd('/');
        for (var depth = 0; directory.Length > 0 && depth < 256; depth++)
        {
            var document = _byDirectory.GetOrAdd(directory, d => Read(d + "/.editorconfig"));
            if (document != null && !document.IsGlobal)
            {
                found.Add(document);
                if (document.IsRoot)
                {
                    break;
                }
            }
            var parent = PathText.GetDirectory(directory).TrimEnd('/');
            if (parent.Length >= directory.Length || parent == ".")
            {
                break;
            }
            directory = parent;
        }
        found.Reverse();
        return found;
    }

    private static EditorConfigDocument? Read(string path)
    {
        if (!FileSystem.FileExists(path))
        {
            return null;
        }
        var text = FileSystem.ReadText(path);
        return text == null ? null : EditorConfigDocument.Parse(text, path);
    }
}
