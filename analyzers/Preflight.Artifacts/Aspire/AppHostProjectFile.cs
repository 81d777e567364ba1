using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Preflight.Artifacts.Repository;

namespace Preflight.Artifacts.Aspire;

/// <summary>
/// An Aspire AppHost's project file: whether a project file is one (<c>Sdk="Aspire.AppHost.Sdk/…"</c>, an
/// <c>&lt;Sdk Name="Aspire.AppHost.Sdk"/&gt;</c>, <c>&lt;IsAspireHost&gt;true&lt;/IsAspireHost&gt;</c>), and the
/// projects it
/// references, with the <c>Projects.X</c> class name Aspire generates for each (the file name, '.', '-' and ' ' made
/// '_',
/// or the <c>AspireProjectMetadataTypeName</c> it is given). Text in, model out; shared by the analyzers, the task and
/// the CLI.
/// </summary>
public sealed class AppHostProjectFile
{
    private AppHostProjectFile(string path, IReadOnlyList<AppHostProjectReference> references)
    {
        Path = path;
        References = references;
    }

    /// <summary>The AppHost's project file (normalised).</summary>
    public string Path { get; }
    public string Directory => PathText.GetDirectory(Path);
    public IReadOnlyList<AppHostProjectReference> References { get; }

    /// <summary>A cheap test on the text before it is parsed: only project files that mention Aspire's AppHost can be
    /// one.</summary>
    public static bool MayBeAppHost(string text) =>
        text.IndexOf("Aspire.AppHost.Sdk", StringComparison.OrdinalIgnoreCase) >= 0 ||
        text.IndexOf("IsAspireHost", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The AppHost a project file describes, or null when it is no AppHost (or not XML, or a test project's
    /// fixture).</summary>
    public static AppHostProjectFile? Parse(string path, string text)
    {
        if (!MayBeAppHost(text) || ParseXml(text) is not { } project || !IsAppHost(project) || IsTestProject(project))
        {
            return null;
        }
        var normalized = PathText.Normalize(path);
        var directory = PathText.GetDirectory(normalized);
        var references = new List<AppHostProjectReference>();
        foreach (var item in project.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            var include = item.Attribute("Include")?.Value;
            if (include == null || include.IndexOf('$') >= 0 || include.IndexOf('*') >= 0)
            {
                continue;
            }
            foreach (var one in include.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                var referenced = PathText.Combine(directory, one.Replace('\\', '/'));
                var typeName = item.Attribute("AspireProjectMetadataTypeName")?.Value ??
                    item.Elements().FirstOrDefault(e => e.Name.LocalName == "AspireProjectMetadataTypeName")?.Value;
                references.Add(
                    new AppHostProjectReference(
                    referenced, string.IsNullOrWhiteSpace(typeName) ? TypeNameOf(referenced) : typeName!.Trim()));
            }
        }
        return new AppHostProjectFile(normalized, references);
    }

    /// <summary>The class Aspire generates in the <c>Projects</c> namespace for a referenced project file.</summary>
    public static string TypeNameOf(string projectPath)
    {
        var name = PathText.GetFileName(projectPath);
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name.Substring(0, dot);
        }
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '_')
            {
                chars[i] = '_';
            }
        }
        return new string(chars);
    }

    /// <summary>An Aspire AppHost's project (its SDK, an <c>Sdk</c> element or import, or <c>IsAspireHost</c>), test
    /// fixture or not.</summary>
    public static bool IsAppHost(XElement project)
    {
        if (IsAppHostSdk(project.Attribute("Sdk")?.Value))
        {
            return true;
        }
        foreach (var element in project.Descendants())
        {
            if (element.Name.LocalName == "Sdk" && IsAppHostSdk(element.Attribute("Name")?.Value))
            {
                return true;
            }
            if (element.Name.LocalName == "Import" && IsAppHostSdk(element.Attribute("Sdk")?.Value))
            {
                return true;
            }
            if (element.Name.LocalName == "IsAspireHost"
                && string.Equals(element.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A test project (<see cref="ProjectRoles.IsTestProject"/>): its AppHost is a test fixture.</summary>
    private static bool IsTestProject(XElement project) =>
        ProjectRoles.IsTestProject(
            project.Attribute("Sdk")?.Value,
            project.Descendants().FirstOrDefault(
                e => e.Name.LocalName == "IsTestProject"
                && string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))?.Value,
            project.Descendants().Where(e => e.Name.LocalName == "PackageReference").Select(
                e => e.Attribute("Include")?.Value).OfType<string>());

    private static bool IsAppHostSdk(string? sdk) => ProjectRoles.IsAppHostSdk(sdk);

    private static XElement? ParseXml(string text)
    {
        try
        {
            using var reader = XmlReader.Create(
                new StringReader(text),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}

/// <summary>A project an AppHost references: its path and the <c>Projects.X</c> class name of it.</summary>
public sealed class AppHostProjectReference
{
    public AppHostProjectReference(string path, string typeName)
    {
        Path = path;
        TypeName = typeName;
    }

    public string Path { get; }
    public string TypeName { get; }
}
