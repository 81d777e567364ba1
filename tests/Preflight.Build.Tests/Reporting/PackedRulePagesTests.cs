using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Preflight.Artifacts.Rules;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Reporting;

/// <summary>The rule pages ship in the package (docs/rules/PFnnnn.md), one for every rule of the catalogue.</summary>
public class PackedRulePagesTests
{
    [Fact]
    public void The_package_packs_a_docs_rules_page_for_every_rule()
    {
        var projectDirectory = Path.Combine(TestPaths.RepositoryRoot, "msbuild-tasks", "Preflight.Build");
        var project = XDocument.Load(Path.Combine(projectDirectory, "Preflight.Build.csproj"));
        var packed = project.Descendants()
            .Where(e => (e.Name.LocalName == "None" || e.Name.LocalName == "Content") &&
                string.Equals((string?)e.Attribute("Pack"), "true", StringComparison.OrdinalIgnoreCase) &&
                ((string?)e.Attribute("PackagePath"))?.Replace('\\', '/').TrimEnd('/') == "docs/rules")
            .Select(e => ((string)e.Attribute("Include")!).Replace('\\', '/'))
            .ToList();
        var item = Assert.Single(packed);

        // "../../docs/rules/*.md": a folder and a file pattern, as MSBuild expands them when packing.
        var slash = item.LastIndexOf('/');
        var folder = Path.GetFullPath(Path.Combine(projectDirectory, item.Substring(0, slash)));
        var files = Directory.GetFiles(folder, item.Substring(slash + 1)).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(RuleCatalog.All);
        Assert.All(RuleCatalog.All.Keys, id => Assert.True(files.Contains(id + ".md"), $"{id}: no page {id}.md among the files packed under docs/rules/ ({item})"));
    }
}
