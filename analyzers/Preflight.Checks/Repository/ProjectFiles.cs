using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Repository;

/// <summary>What the Dockerfile checks read from project files: literal properties and project references. Never
/// throws.</summary>
internal static class ProjectFiles
{
    public static bool IsProjectFile(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project file parsed, or null when it is missing or not XML.</summary>
    public static XDocument? Load(CheckContext context, string path)
    {
        var text = context.ReadText(path);
        if (text == null)
        {
            return null;
        }
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new System.IO.StringReader(text), settings);
            return XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException || ex is InvalidOperationException || ex is ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The values a property is given in the file (any PropertyGroup, any condition:
    /// <see cref="ProjectProperties.Possible"/>).</summary>
    public static IReadOnlyList<string> Property(XDocument? document, string name) =>
        ProjectProperties.Possible(document?.Root, name);

    /// <summary>The assembly name a project builds, or null when it is not a literal value.</summary>
    public static string? AssemblyName(CheckContext context, string projectPath)
    {
        var values = Property(Load(context, projectPath), "AssemblyName");
        var stem = FileStem(projectPath);
        if (values.Count == 0)
        {
            // A Directory.Build.props may set it (usually from the project name); then it is not known here.
            return BuildPropsAbove(context, projectPath).Any(
                p => (context.ReadText(p) ?? string.Empty).IndexOf(
                "<AssemblyName", StringComparison.OrdinalIgnoreCase) >= 0)
                ? null
                : stem;
        }
        if (values.Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return null;
        }
        var value = values[0].Replace("$(MSBuildProjectName)", stem);
        return value.IndexOf("$(", StringComparison.Ordinal) >= 0 || value.Length == 0 ? null : value;
    }

    /// <summary>The target frameworks of a project (literal values only; empty when unknown).</summary>
    public static IReadOnlyList<string> TargetFrameworks(CheckContext context, string projectPath)
    {
        var document = Load(context, projectPath);
        var values = Property(document, "TargetFramework").Concat(Property(document, "TargetFrameworks")).ToList();
        if (values.Count == 0)
        {
            var props = BuildPropsAbove(context, projectPath).FirstOrDefault();
            if (props != null)
            {
                var propsDocument = Load(context, props);
                values = Property(propsDocument, "TargetFramework").Concat(Property(propsDocument, "TargetFrameworks"))
                    .ToList();
            }
        }
        var frameworks = values.SelectMany(v => v.Split(';')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(
            StringComparer.OrdinalIgnoreCase).ToList();
        return frameworks.Any(f => f.IndexOf('$') >= 0) ? Array.Empty<string>() : frameworks;
    }

    /// <summary>The projects a project references, transitively (absolute paths), in discovery order.</summary>
    public static IReadOnlyList<string> ProjectReferencesClosure(CheckContext context, string projectPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { PathText.Normalize(projectPath) };
        var order = new List<string>();
        var pending = new Queue<string>();
        pending.Enqueue(PathText.Normalize(projectPath));
        while (pending.Count > 0 && seen.Count < 500)
        {
            var current = pending.Dequeue();
            var document = Load(context, current);
            if (document?.Root == null)
            {
                continue;
            }
            foreach (var reference in document.Root.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value;
                if (string.IsNullOrWhiteSpace(include) || include!.IndexOf('$') >= 0
                    || include.IndexOfAny(new[] { '*', '?' }) >= 0)
                {
                    continue;
                }
                var path = PathText.Combine(PathText.GetDirectory(current), include.Trim());
                if (seen.Add(path))
                {
                    order.Add(path);
                    pending.Enqueue(path);
                }
            }
        }
        return order;
    }

    /// <summary>The Directory.Build.props files from the project's folder up to the repository root, nearest
    /// first.</summary>
    public static IEnumerable<string> BuildPropsAbove(CheckContext context, string projectPath)
    {
        foreach (var folder in FoldersUpToRoot(context, PathText.GetDirectory(projectPath)))
        {
            var candidate = PathText.Combine(folder, "Directory.Build.props");
            if (context.Exists(candidate))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>A folder and its ancestors up to the repository root (none when the folder is outside it).</summary>
    public static IEnumerable<string> FoldersUpToRoot(CheckContext context, string folder)
    {
        var root = context.Layout.Root;
        folder = PathText.Normalize(folder);
        while (PathText.IsUnder(folder, root))
        {
            yield return folder;
            if (PathText.Equal(folder, root))
            {
                yield break;
            }
            var parent = PathText.GetDirectory(folder);
            if (PathText.Equal(parent, folder))
            {
                yield break;
            }
            folder = parent;
        }
    }

    public static string FileStem(string path)
    {
        var name = PathText.GetFileName(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    /// <summary>The .NET version of a target framework moniker (<c>net9.0</c>, <c>net8.0-windows</c>,
    /// <c>netcoreapp3.1</c>), or null.</summary>
    public static Version? FrameworkVersion(string framework)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            framework, @"^net(?:coreapp)?(\d+)\.(\d+)(?:-.*)?$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var major)
            || !int.TryParse(match.Groups[2].Value, out var minor))
        {
            return null;
        }
        // net4x (net48) has no dot; net5.0 and later, netcoreapp3.1.
        return major >= 5
            || framework.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase)
            ? new Version(major, minor) : null;
    }
}
