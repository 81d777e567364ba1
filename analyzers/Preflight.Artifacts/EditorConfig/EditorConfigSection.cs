using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.EditorConfig;

/// <summary>One <c>[glob]</c> section of an .editorconfig file and its properties.</summary>
public sealed class EditorConfigSection
{
    private readonly EditorConfigSectionMatcher? _matcher;

    internal EditorConfigSection(string name, string directory, IReadOnlyDictionary<string, string> properties)
    {
        Name = name;
        Directory = directory;
        Properties = properties;
        _matcher = EditorConfigSectionMatcher.TryCreate(name);
    }

    public string Name { get; }
    public string Directory { get; }
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>
    /// True when the section applies to <paramref name="path"/> (absolute, '/'-separated). For an .editorconfig the
    /// glob is
    /// relative to the file's folder (a glob without '/' matches at any depth below it). For a global config the
    /// section
    /// names an absolute path exactly.
    /// </summary>
    public bool Matches(string path, bool global)
    {
        if (global)
        {
            return string.Equals(Name.Replace('\\', '/'), path, StringComparison.Ordinal);
        }
        if (_matcher == null || !path.StartsWith(Directory + "/", StringComparison.Ordinal))
        {
            return false;
        }
        return _matcher.IsMatch(path.Substring(Directory.Length));
    }
}
