using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Aspire;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// What the analyzers read of another project file of the repository (passed as an AdditionalFile): whether it is
/// deployed (an executable that is not a test or an Aspire AppHost) and the projects it references. Unconditional
/// properties and items only, as written (no evaluation).
/// </summary>
internal sealed class ProjectFileModel
{
    private ProjectFileModel(string path, bool isDeployable, IReadOnlyList<string> projectReferences)
    {
        Path = path;
        IsDeployable = isDeployable;
        ProjectReferences = projectReferences;
    }

    public string Path { get; }
    /// <summary>An executable (OutputType Exe/WinExe, or the Web/Worker SDK) that is not a test project or an Aspire
    /// AppHost.</summary>
    public bool IsDeployable { get; }
    /// <summary>Referenced project files, absolute and normalized.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>Null when the text is not a readable project file.</summary>
    public static ProjectFileModel? Parse(string path, string text)
    {
        XElement root;
        try
        {
            using var reader = XmlReader.Create(
                new StringReader(text),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        var sdk = root.Attribute("Sdk")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value ?? "";
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var packages = new List<string>();
        var references = new List<string>();
        var directory = PathText.GetDirectory(path);
        ProjectProperties.AddDefinite(root, properties);
        foreach (var group in root.Elements().Where(e => e.Attribute("Condition") == null))
        {
            foreach (var element in group.Elements().Where(e => e.Attribute("Condition") == null))
            {
                if (group.Name.LocalName == "ItemGroup" && element.Attribute("Include")?.Value is { } include
                    && include.IndexOf('$') < 0)
                {
                    if (element.Name.LocalName == "ProjectReference")
                    {
                        references.Add(PathText.Combine(directory, include.Trim()));
                    }
                    else if (element.Name.LocalName == "PackageReference")
                    {
                        packages.Add(include.Trim());
                    }
                }
            }
        }
        var executableSdk = sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) ||
            sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase);
        var outputType = properties.TryGetValue("OutputType", out var type) ? type : executableSdk ? "Exe" : "Library";
        var isExecutable = outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase)
            || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase);
        var isTest = ProjectRoles.IsTestProject(
            sdk, properties.TryGetValue("IsTestProject", out var isTestProject) ? isTestProject : null, packages);
        var isAppHost = AppHostProjectFile.IsAppHost(root);
        return new ProjectFileModel(PathText.Normalize(path), isExecutable && !isTest && !isAppHost, references);
    }
}
