using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Repository;

/// <summary>
/// A path pattern relative to the repository root, matched as MSBuild matches an item glob on the file names of a
/// checkout: <c>**</c> is any number of folders (none too), a trailing <c>**</c> every file below (<c>wwwroot/**</c>),
/// <c>*</c> any characters of one name, <c>?</c> one character, ignoring case (MSBuild's globs ignore case on Linux
/// too);
/// <c>.</c> parts (<c>./src/*.cs</c>) are skipped. Used for the artifact patterns (<see cref="ArtifactPatterns"/>) and
/// the
/// CLI's Compile items, relative to the project folder (<c>..</c> parts are names like others). Pure text: the walk
/// that
/// lists the names is the host's.
/// </summary>
public sealed class RepositoryGlob
{
    private readonly string[] _parts;

    public RepositoryGlob(string pattern)
    {
        Pattern = pattern;
        _parts = Array.FindAll(
            pattern.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries), p => p != ".");
        FileNamePart = _parts.Length == 0 ? string.Empty : _parts[_parts.Length - 1];
    }

    /// <summary>The pattern as written (relative to the root, '/' between names).</summary>
    public string Pattern { get; }

    /// <summary>The last part, which every matching file's name matches.</summary>
    public string FileNamePart { get; }

    /// <summary>True when the relative path (names split at '/') matches.</summary>
    public bool IsMatch(IReadOnlyList<string> relativeParts)
    {
        if (relativeParts.Count == 0 || !NameMatches(FileNamePart, relativeParts[relativeParts.Count - 1]))
        {
            return false; // the cheap test first: most files of a repository fail on their name
        }
        return Matches(0, relativeParts, 0);
    }

    public bool IsMatch(string relativePath) =>
        IsMatch(relativePath.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));

    private bool Matches(int part, IReadOnlyList<string> names, int name)
    {
        while (part < _parts.Length)
        {
            if (_parts[part] == "**" && part == _parts.Length - 1)
            {
                return name < names.Count; // a trailing ** is every file below, at any depth
            }
            if (_parts[part] == "**")
            {
                // Any number of folders, never the file name itself (the last part is a file name pattern).
                for (var skip = name; skip < names.Count; skip++)
                {
                    if (Matches(part + 1, names, skip))
                    {
                        return true;
                    }
                }
                return false;
            }
            if (name >= names.Count || !NameMatches(_parts[part], names[name]))
            {
                return false;
            }
            part++;
            name++;
        }
        return name == names.Count;
    }

    /// <summary>A wildcard match of one name (<c>*</c>, <c>?</c>), ignoring case.</summary>
    public static bool NameMatches(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length
                && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
