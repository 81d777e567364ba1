using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Cli.Projects;

/// <summary>
/// The Directory.Build.props files MSBuild imports for a project, followed as MSBuild does without evaluating the
/// project: only the nearest one above the project's folder, then what it imports itself (an <c>&lt;Import&gt;</c> of a
/// relative path, <c>$(MSBuildThisFileDirectory)..</c>, <c>$([MSBuild]::GetPathOfFileAbove(...))</c> or
/// <c>GetDirectoryNameOfFileAbove</c>), in document order, so a parent's properties apply only when the nearest file
/// imports it. Unconditioned properties are read; <c>$(Name)</c> of a property already read is substituted; an import
/// under a condition other than <c>Exists(...)</c>, or with a path that cannot be known, is not followed. Nothing above
/// the repository root (or behind a link that leads out of it) is read.
/// </summary>
internal static class BuildPropsChain
{
    private const int MaxImports = 32;

    private static readonly Regex PropertyReference = new(
        @"\$\(([A-Za-z_][A-Za-z0-9_.\-]*)\)", RegexOptions.CultureInvariant);

    private static readonly Regex FileAbove = new(
        @"\$\(\[MSBuild\]::(GetPathOfFileAbove|GetDirectoryNameOfFileAbove)\(\s*('[^']*'|[^,()']*)\s*(?:,\s*('[^']*'|[^,()']*)\s*)?\)\)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex ExistsCondition = new(
        @"^\s*Exists\(\s*'([^']*)'\s*\)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Adds the properties of the Directory.Build.props chain of a project folder to
    /// <paramref name="properties"/>.</summary>
    public static void Apply(string projectDirectory, string root, Dictionary<string, string> properties)
    {
        projectDirectory = PathText.Normalize(projectDirectory);
        root = PathText.Normalize(root);
        if (Nearest(projectDirectory, root) is { } nearest)
        {
            var state = new State(projectDirectory, root, properties);
            Evaluate(nearest, state);
        }
    }

    /// <summary>The nearest Directory.Build.props at or above the folder, up to the root; null when there is
    /// none.</summary>
    public static string? Nearest(string directory, string root)
    {
        for (var current = directory; ; current = PathText.GetDirectory(current))
        {
            var candidate = PathText.Combine(current, "Directory.Build.props");
            if (File.Exists(candidate))
            {
                return candidate;
            }
            if (PathText.Equal(current, root) || !PathText.IsUnder(current, root)
                || PathText.GetDirectory(current) == current)
            {
                return null;
            }
        }
    }

    private static void Evaluate(string file, State state)
    {
        if (state.Imports++ >= MaxImports || !state.Visiting.Add(file) || !PathText.IsUnder(file, state.Root)
            || state.Boundary.LeavesRepository(file))
        {
            return;
        }
        if (ProjectInfo.Read(file) is not { } project)
        {
            return;
        }
        var thisDirectory = PathText.GetDirectory(file);
        foreach (var element in project.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "PropertyGroup":
                    foreach (var property in ProjectProperties.Definite(element))
                    {
                        state.Properties[property.Name.LocalName] = Expand(
                            property.Value.Trim(), thisDirectory, state, keepUnknown: true)!;
                    }
                    break;
                case "Import":
                    Import(element, thisDirectory, state);
                    break;
            }
        }
    }

    private static void Import(XElement import, string thisDirectory, State state)
    {
        var project = import.Attribute("Project")?.Value;
        if (project == null || Expand(project.Trim(), thisDirectory, state, keepUnknown: false) is not { } expanded
            || expanded.Length == 0)
        {
            return;
        }
        var path = PathText.Combine(thisDirectory, expanded);
        if (import.Attribute("Condition")?.Value is { } condition)
        {
            var exists = ExistsCondition.Match(condition);
            if (!exists.Success
                || Expand(exists.Groups[1].Value, thisDirectory, state, keepUnknown: false) is not { } tested ||
                !File.Exists(PathText.Combine(thisDirectory, tested)))
            {
                return;
            }
        }
        if (File.Exists(path))
        {
            Evaluate(PathText.Normalize(path), state);
        }
    }

    /// <summary>
    /// The value with the properties MSBuild would know here and the file-above functions replaced; with
    /// <paramref name="keepUnknown"/> false, null when something cannot be known.
    /// </summary>
    private static string? Expand(string value, string thisDirectory, State state, bool keepUnknown)
    {
        if (value.IndexOf('$') < 0)
        {
            return value;
        }
        var unknown = false;
        string Property(string name)
        {
            switch (name)
            {
                case "MSBuildThisFileDirectory":
                    return thisDirectory.TrimEnd('/') + "/";
                case "MSBuildProjectDirectory":
                    return state.ProjectDirectory;
                default:
                    if (state.Properties.TryGetValue(name, out var known)
                        && known.IndexOf("$(", StringComparison.Ordinal) < 0)
                    {
                        return known;
                    }
                    unknown = true;
                    return "$(" + name + ")";
            }
        }
        // Properties first (their values hold no parentheses), then the functions on the expanded arguments.
        var expanded = PropertyReference.Replace(value, m => Property(m.Groups[1].Value));
        expanded = FileAbove.Replace(expanded, match =>
        {
            var first = Unquote(match.Groups[2].Value);
            var second = match.Groups[3].Success ? Unquote(match.Groups[3].Value) : null;
            if (unknown || first.Contains("$(") || (second != null && second.Contains("$(")))
            {
                unknown = true;
                return match.Value;
            }
            // GetPathOfFileAbove(file, startingDirectory = this file's folder);
            // GetDirectoryNameOfFileAbove(startingDirectory, file).
            var getPath = match.Groups[1].Value.Equals("GetPathOfFileAbove", StringComparison.OrdinalIgnoreCase);
            var name = getPath ? first : second;
            var start = getPath ? second ?? thisDirectory : first;
            if (name == null || name.Length == 0)
            {
                unknown = true;
                return match.Value;
            }
            var found = FindAbove(PathText.Combine(thisDirectory, start), name, state.Root);
            return found == null ? string.Empty : getPath ? PathText.Combine(found, name) : found;
        });
        if (expanded.IndexOf("$(", StringComparison.Ordinal) >= 0)
        {
            unknown = true;
        }
        return unknown && !keepUnknown ? null : expanded;
    }

    private static string Unquote(string text)
    {
        text = text.Trim();
        return text.Length >= 2 && text[0] == '\''
            && text[text.Length - 1] == '\'' ? text.Substring(1, text.Length - 2).Trim() : text;
    }

    /// <summary>The folder at or above <paramref name="directory"/> (not above the root) that holds
    /// <paramref name="name"/>, or null.</summary>
    private static string? FindAbove(string directory, string name, string root)
    {
        for (var current = PathText.Normalize(directory); PathText.IsUnder(
            current, root); current = PathText.GetDirectory(current))
        {
            if (File.Exists(PathText.Combine(current, name)))
            {
                return current;
            }
            if (PathText.Equal(current, root) || PathText.GetDirectory(current) == current)
            {
                break;
            }
        }
        return null;
    }

    private sealed class State
    {
        public State(string projectDirectory, string root, Dictionary<string, string> properties)
        {
            ProjectDirectory = projectDirectory;
            Root = root;
            Properties = properties;
        }

        public string ProjectDirectory { get; }
        public string Root { get; }
        public Dictionary<string, string> Properties { get; }
        public HashSet<string> Visiting { get; } = new(StringComparer.Ordinal);
        public RepositoryBoundary Boundary => _boundary ??= new RepositoryBoundary(Root);
        private RepositoryBoundary? _boundary;
        public int Imports { get; set; }
    }
}
