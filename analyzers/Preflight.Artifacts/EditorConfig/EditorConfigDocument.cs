using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.EditorConfig;

/// <summary>
/// An .editorconfig or global analyzer config file (<c>.globalconfig</c>, <c>is_global = true</c>) as Roslyn reads it:
/// a preamble of properties before the first section, then sections with a file glob header and properties. Keys are
/// case-insensitive; a <c>#</c> or <c>;</c> starts a comment. Never throws; lines it cannot read are skipped.
/// </summary>
public sealed class EditorConfigDocument
{
    /// <summary>Files above this size are not read (Preflight uses only a few keys of them).</summary>
    public const int MaxLength = 1024 * 1024;

    private EditorConfigDocument(
        string directory, IReadOnlyDictionary<string, string> preamble, IReadOnlyList<EditorConfigSection> sections)
    {
        Directory = directory;
        Preamble = preamble;
        Sections = sections;
    }

    /// <summary>The folder of the file ('/'-separated, no trailing slash): sections match paths below it.</summary>
    public string Directory { get; }

    /// <summary>The properties before the first section (<c>root</c>, <c>is_global</c>, <c>global_level</c>, and a
    /// global config's options).</summary>
    public IReadOnlyDictionary<string, string> Preamble { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    /// <summary><c>root = true</c>: the search for .editorconfig files stops here.</summary>
    public bool IsRoot => Preamble.TryGetValue("root", out var value)
        && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A global analyzer config: a <c>.globalconfig</c> file, or any file with <c>is_global =
    /// true</c>.</summary>
    public bool IsGlobal { get; private set; }

    /// <summary>The precedence of a global config (<c>global_level</c>; 100 for a user's, as Roslyn defaults
    /// it).</summary>
    public int GlobalLevel => Preamble.TryGetValue("global_level", out var value)
        && int.TryParse(value, out var level) ? level : 100;

    public static EditorConfigDocument Parse(string? text, string path)
    {
        var normalized = PathText.Normalize(path ?? string.Empty);
        var directory = PathText.GetDirectory(normalized).TrimEnd('/');
        var preamble = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<EditorConfigSection>();
        Dictionary<string, string>? current = null;
        string? currentName = null;
        if (text != null && text.Length <= MaxLength)
        {
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.Trim().TrimStart('\uFEFF').Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }
                if (TrySectionName(line, out var name))
                {
                    if (currentName != null)
                    {
                        sections.Add(new EditorConfigSection(currentName, directory, current!));
                    }
                    currentName = name;
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    continue;
                }
                if (TryProperty(line, out var key, out var value))
                {
                    (current ?? preamble)[key] = value;
                }
            }
        }
        if (currentName != null)
        {
            sections.Add(new EditorConfigSection(currentName, directory, current!));
        }
        var document = new EditorConfigDocument(directory, preamble, sections);
        document.IsGlobal = PathText.GetFileName(normalized).Equals(
            ".globalconfig", StringComparison.OrdinalIgnoreCase) ||
            (preamble.TryGetValue("is_global", out var isGlobal)
                && isGlobal.Equals("true", StringComparison.OrdinalIgnoreCase));
        return document;
    }

    /// <summary><c>[glob]</c>, possibly followed by a comment. A <c>#</c> or <c>;</c> inside the brackets ends nothing
    /// when escaped.</summary>
    private static bool TrySectionName(string line, out string name)
    {
        name = string.Empty;
        if (line[0] != '[')
        {
            return false;
        }
        var close = -1;
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i++;
                continue;
            }
            if (line[i] == '#' || line[i] == ';')
            {
                break;
            }
            if (line[i] == ']')
            {
                close = i;
            }
        }
        if (close <= 1)
        {
            return false;
        }
        var rest = line.Substring(close + 1).Trim();
        if (rest.Length > 0 && rest[0] != '#' && rest[0] != ';')
        {
            return false;
        }
        name = line.Substring(1, close - 1);
        return true;
    }

    /// <summary><c>key = value</c> or <c>key: value</c>; the key is letters, digits, '.', '-' and '_'; a comment may
    /// follow the value.</summary>
    private static bool TryProperty(string line, out string key, out string value)
    {
        key = value = string.Empty;
        var i = 0;
        while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_' || line[i] == '.' || line[i] == '-'))
        {
            i++;
        }
        if (i == 0)
        {
            return false;
        }
        key = line.Substring(0, i);
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        if (i >= line.Length || (line[i] != '=' && line[i] != ':'))
        {
            return false;
        }
        var rest = line.Substring(i + 1);
        var comment = rest.IndexOfAny(new[] { '#', ';' });
        value = (comment >= 0 ? rest.Substring(0, comment) : rest).Trim();
        return true;
    }
}
