using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Preflight.Artifacts;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2004: whether a <c>Directory.Build.props</c> changes what <c>dotnet restore</c> does, so that copying it after the
/// restore matters. It does when it sets a property restore reads (target frameworks, runtime identifiers, central
/// package management, <c>Restore*</c>/<c>NuGet*</c> settings, the intermediate output path, properties that add
/// implicit package references such as <c>PublishAot</c>), adds package, framework or project references, names an
/// SDK, hooks a target into restore, or imports a file of the repository that does. A file that only sets
/// <c>Nullable</c>, <c>LangVersion</c>, analyzer switches, <c>NuGetAudit</c>, versions or authors does not.
/// When the file cannot be known (an import whose path is computed, a setting under a condition), it counts only for
/// the strongest evidence: <c>PackageReference</c>, <c>PackageVersion</c>, <c>TargetFramework(s)</c> or
/// <c>RuntimeIdentifier(s)</c>. Never throws.
/// </summary>
internal static class RestoreRelevance
{
    private const int MaxImportDepth = 8;

    /// <summary>Properties restore reads (compared case-insensitively), besides the <c>Restore*</c>, <c>NuGet*</c> and
    /// <c>CentralPackage*</c> families.</summary>
    private static readonly HashSet<string> RestoreProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "TargetFramework", "TargetFrameworks", "TargetFrameworkIdentifier", "TargetFrameworkVersion",
            "TargetFrameworkMoniker",
        "TargetPlatformIdentifier", "TargetPlatformVersion", "RuntimeIdentifier", "RuntimeIdentifiers",
            "RuntimeFrameworkVersion",
        "TargetLatestRuntimePatch", "SelfContained", "PublishSelfContained", "PublishReadyToRun", "PublishAot",
            "PublishTrimmed",
        "IsAotCompatible", "IsTrimmable", "EnableTrimAnalyzer", "EnableAotAnalyzer", "EnableSingleFileAnalyzer",
        "ManagePackageVersionsCentrally", "ImportDirectoryPackagesProps", "DirectoryPackagesPropsPath",
        "AssetTargetFallback", "PackageTargetFallback", "DisableImplicitNuGetFallbackFolder",
            "DisableImplicitFrameworkReferences",
        "BaseIntermediateOutputPath", "MSBuildProjectExtensionsPath", "ProjectAssetsFile", "ArtifactsPath",
            "UseArtifactsOutput",
        "UseWPF", "UseWindowsForms", "UseMaui", "EnableWindowsTargeting",
    };

    /// <summary>The settings that count even under a condition (the brief's "contains" evidence).</summary>
    private static readonly HashSet<string> StrongNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "TargetFramework", "TargetFrameworks", "RuntimeIdentifier", "RuntimeIdentifiers", "PackageReference",
            "PackageVersion", "GlobalPackageReference",
    };

    /// <summary>Items restore reads.</summary>
    private static readonly HashSet<string> RestoreItems = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PackageReference", "PackageVersion", "GlobalPackageReference", "PackageDownload", "FrameworkReference",
            "ProjectReference", "DotNetCliToolReference",
    };

    /// <summary>Files judged on their own (the import chain of Directory.*.props), not through an importer.</summary>
    private static readonly string[] ChainFiles = { "Directory.Build.props", "Directory.Build.targets",
        "Directory.Packages.props" };

    /// <summary>True when copying the props file after <c>dotnet restore</c> changes what the restore does.</summary>
    public static bool AffectsRestore(CheckContext context, string path) =>
        Affects(context, PathText.Normalize(path), 0, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The same judgement on a text alone (imports of other files are not followed).</summary>
    internal static bool AffectsRestore(string text) => Judge(text, null, _ => false);

    private const string NuGetOrgFeed = "https://api.nuget.org/v3/index.json";

    /// <summary>
    /// False for a NuGet.config whose only setting is package sources that are nuget.org (with or without
    /// <c>&lt;clear/&gt;</c>; other sections holding only <c>&lt;clear/&gt;</c> change nothing either): restore does
    /// the same without it. Any other setting, feed, or a text that is not XML changes it.
    /// </summary>
    public static bool NuGetConfigChangesRestore(string? text)
    {
        if (text == null)
        {
            return true;
        }
        try
        {
            var root = System.Xml.Linq.XDocument.Parse(text).Root;
            if (root == null || root.Name.LocalName != "configuration")
            {
                return true;
            }
            foreach (var section in root.Elements())
            {
                if (section.Elements().All(item => item.Name.LocalName == "clear")
                    && section.Name.LocalName != "packageSources")
                {
                    continue; // <disabledPackageSources><clear/></disabledPackageSources> and the like reset what a
                              // container has not set
                }
                if (section.Name.LocalName != "packageSources")
                {
                    return true;
                }
                foreach (var item in section.Elements())
                {
                    var isDefaultFeed = item.Name.LocalName == "add" &&
                        string.Equals(
                            ((string?)item.Attribute("value"))?.Trim().TrimEnd('/'), NuGetOrgFeed,
                            StringComparison.OrdinalIgnoreCase);
                    if (item.Name.LocalName != "clear" && !isDefaultFeed)
                    {
                        return true;
                    }
                }
            }
            return false;
        }
        catch (System.Xml.XmlException)
        {
            return true;
        }
    }

    private static bool Affects(CheckContext context, string path, int depth, HashSet<string> visited)
    {
        if (depth > MaxImportDepth || !visited.Add(path))
        {
            return false;
        }
        var text = context.ReadText(path);
        if (text == null)
        {
            return false;
        }
        var folder = PathText.GetDirectory(path);
        return Judge(text, folder, imported =>
        {
            if (!PathText.IsUnder(imported, context.Layout.Root)
                || Array.Exists(
                ChainFiles, n => string.Equals(n, PathText.GetFileName(imported), StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
            return context.Exists(imported) && Affects(context, imported, depth + 1, visited);
        });
    }

    private static bool Judge(string text, string? folder, Func<string, bool> importAffects)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
                MaxCharactersInDocument = 16 * 1024 * 1024 };
            using var reader = XmlReader.Create(new System.IO.StringReader(text), settings);
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException || ex is InvalidOperationException || ex is ArgumentException)
        {
            // Not XML MSBuild could read: only the strongest evidence counts.
            return StrongNames.Any(n => text.IndexOf("<" + n, StringComparison.OrdinalIgnoreCase) >= 0);
        }
        var root = document.Root;
        if (root == null)
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace((string?)root.Attribute("Sdk")))
        {
            return true;
        }
        foreach (var element in root.Descendants())
        {
            var name = element.Name.LocalName;
            var conditional = IsConditional(element);
            var parent = element.Parent?.Name.LocalName;
            if (string.Equals(name, "Sdk", StringComparison.Ordinal) && parent == "Project")
            {
                return true;
            }
            if (string.Equals(name, "Import", StringComparison.Ordinal))
            {
                if (!string.IsNullOrWhiteSpace((string?)element.Attribute("Sdk")))
                {
                    return true;
                }
                var imported = folder == null ? null : ResolveImport((string?)element.Attribute("Project"), folder);
                if (imported != null && importAffects(imported))
                {
                    return true;
                }
                continue;
            }
            if (parent == "PropertyGroup" && IsRestoreProperty(name) && (!conditional || StrongNames.Contains(name)))
            {
                return true;
            }
            if (parent == "ItemGroup" && RestoreItems.Contains(name) && (!conditional || StrongNames.Contains(name)))
            {
                return true;
            }
            if (string.Equals(name, "Target", StringComparison.Ordinal) && !conditional && HooksRestore(element))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRestoreProperty(string name) =>
        RestoreProperties.Contains(name) ||
        name.StartsWith("Restore", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("CentralPackage", StringComparison.OrdinalIgnoreCase) ||
        (name.StartsWith("NuGet", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("NuGetAudit", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the element, or a group or Choose around it, has a condition that is not evaluated
    /// here.</summary>
    private static bool IsConditional(XElement element)
    {
        for (var current = element; current != null; current = current.Parent)
        {
            if (current.Attribute("Condition") != null || current.Name.LocalName == "Choose")
            {
                return true;
            }
        }
        return false;
    }

    private static bool HooksRestore(XElement target)
    {
        foreach (var attribute in new[] { "BeforeTargets", "AfterTargets", "DependsOnTargets" })
        {
            var value = (string?)target.Attribute(attribute);
            if (value != null && (value.IndexOf("Restore", StringComparison.OrdinalIgnoreCase) >= 0 ||
                value.IndexOf("CollectPackageReferences", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The repository path an <c>Import</c> names when it is a literal path, relative to the importing file or built
    /// from <c>$(MSBuildThisFileDirectory)</c>; null when it is computed, a wildcard, or not there.
    /// </summary>
    internal static string? ResolveImport(string? project, string folder)
    {
        if (string.IsNullOrWhiteSpace(project))
        {
            return null;
        }
        var value = project!.Trim()
            .Replace("$(MSBuildThisFileDirectory)", folder + "/")
            .Replace("$(MSBuildThisFileDirectoryNoRoot)", folder + "/")
            .Replace('\\', '/');
        if (value.IndexOf("$(", StringComparison.Ordinal) >= 0 || value.IndexOf("@(", StringComparison.Ordinal) >= 0 ||
            value.IndexOf("%(", StringComparison.Ordinal) >= 0 || value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0
                || value.IndexOf(';') >= 0)
        {
            return null;
        }
        return PathText.Combine(folder, value);
    }
}
