using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Cli.Projects;

/// <summary>
/// What <c>preflight check</c> needs of a project without evaluating it: the SDK, target framework, output type,
/// implicit usings, nullable, compile items. Read from the .csproj and the Directory.Build.props MSBuild imports
/// (<see cref="BuildPropsChain"/>); properties
/// under a Condition are ignored (their value is unknown without evaluation).
/// </summary>
internal sealed class ProjectInfo
{
    private readonly Dictionary<string, string> _properties;

    private ProjectInfo(
        string path, string sdk, Dictionary<string, string> properties, List<string> compileRemoves,
        List<string> compileIncludes,
        ProjectItems items)
    {
        Path = path;
        Sdk = sdk;
        _properties = properties;
        CompileRemoves = compileRemoves;
        CompileIncludes = compileIncludes;
        Items = items;
    }

    private string _repositoryRoot = "/";
    private bool? _usesAspNetCore;

    /// <summary>Compiles against Microsoft.AspNetCore.App (see <see cref="SharedFrameworkUse"/>).</summary>
    public bool UsesAspNetCore => _usesAspNetCore ??= SharedFrameworkUse.Of(this, _repositoryRoot);

    /// <summary>A test (or benchmark) project, as <see cref="ProjectRoles.IsTestProject"/> decides it for every
    /// host.</summary>
    public bool IsTestProject => ProjectRoles.IsTestProject(Sdk, Property("IsTestProject"), Items.Packages);

    /// <summary>PackageReference, FrameworkReference and ProjectReference items (unconditional ones).</summary>
    public ProjectItems Items { get; }

    public string Path { get; }
    public string Directory => PathText.GetDirectory(Path);
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public string Sdk { get; }
    public bool IsWeb => Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
        || Sdk.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase);
    public bool IsWorker => Sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase);
    public List<string> CompileRemoves { get; }
    public List<string> CompileIncludes { get; }

    public string? Property(string name) => _properties.TryGetValue(name, out var value)
        && value.Length > 0 ? value : null;

    /// <summary>The first of TargetFramework / TargetFrameworks; null when unknown (e.g. made of properties).</summary>
    public string? TargetFramework
    {
        get
        {
            var value = Property("TargetFramework")
                ?? Property("TargetFrameworks")?.Split(';').FirstOrDefault(t => t.Trim().Length > 0)?.Trim();
            return value == null || value.Contains('$') ? null : value;
        }
    }

    /// <summary>The output type as MSBuild defaults it: Web and Worker SDK projects are executables.</summary>
    public string OutputType => Property("OutputType") ?? (IsWeb || IsWorker ? "Exe" : "Library");

    public bool ImplicitUsings => Property("ImplicitUsings") is { } value &&
        (value.Equals("enable", StringComparison.OrdinalIgnoreCase)
            || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    public bool NullableEnabled => Property("Nullable") is { } value &&
        (value.Equals("enable", StringComparison.OrdinalIgnoreCase)
            || value.Equals("annotations", StringComparison.OrdinalIgnoreCase));

    public bool DefaultCompileItems =>
        !string.Equals(Property("EnableDefaultCompileItems"), "false", StringComparison.OrdinalIgnoreCase) &&
        !string.Equals(Property("EnableDefaultItems"), "false", StringComparison.OrdinalIgnoreCase);

    public static ProjectInfo? Load(string path, string repositoryRoot)
    {
        if (Read(path) is not { } project)
        {
            return null;
        }
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // As MSBuild: the nearest Directory.Build.props, and its parents only when it imports them.
        BuildPropsChain.Apply(PathText.GetDirectory(path), repositoryRoot, properties);
        AddProperties(project, properties);
        var removes = new List<string>();
        var includes = new List<string>();
        foreach (var item in project.Descendants().Where(
            e => e.Name.LocalName == "Compile" && ProjectProperties.IsUnconditioned(e)))
        {
            if (item.Attribute("Remove")?.Value is { } remove)
            {
                removes.AddRange(Split(remove));
            }
            if (item.Attribute("Include")?.Value is { } include)
            {
                includes.AddRange(Split(include));
            }
        }
        var sdk = project.Attribute("Sdk")?.Value
            ?? project.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value
            ?? "Microsoft.NET.Sdk";
        return new ProjectInfo(
            PathText.Normalize(path), sdk.Trim(), properties, removes, includes,
            ProjectItems.Read(project, PathText.GetDirectory(path)))
        {
            _repositoryRoot = repositoryRoot,
        };
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(';').Select(v => v.Trim()).Where(v => v.Length > 0 && !v.Contains('$') && !v.Contains('@'));

    private static void AddProperties(XElement project, Dictionary<string, string> properties) =>
        ProjectProperties.AddDefinite(project, properties);

    internal static XElement? Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 4 * 1024 * 1024)
            {
                return null;
            }
            using var stream = File.OpenRead(path);
            using var reader = XmlReader.Create(
                stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XElement.Load(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            return null;
        }
    }
}
