using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Preflight.Artifacts;

namespace Preflight.Cli.Projects;

/// <summary>
/// The reference items of a project file that decide what it compiles against: PackageReference and FrameworkReference
/// names, and ProjectReference paths (absolute). Items under a Condition, or made of properties, are left out.
/// </summary>
internal sealed class ProjectItems
{
    private ProjectItems(List<string> packages, List<string> frameworks, List<string> projects)
    {
        Packages = packages;
        Frameworks = frameworks;
        Projects = projects;
    }

    public IReadOnlyList<string> Packages { get; }
    public IReadOnlyList<string> Frameworks { get; }
    public IReadOnlyList<string> Projects { get; }

    public static ProjectItems Read(XElement project, string directory)
    {
        var packages = new List<string>();
        var frameworks = new List<string>();
        var projects = new List<string>();
        foreach (var group in project.Elements().Where(
            e => e.Name.LocalName == "ItemGroup" && e.Attribute("Condition") == null))
        {
            foreach (var item in group.Elements().Where(e => e.Attribute("Condition") == null))
            {
                if (item.Attribute("Include")?.Value is not { } include)
                {
                    continue;
                }
                foreach (var value in include.Split(';').Select(v => v.Trim()).Where(
                    v => v.Length > 0 && !v.Contains('$') && !v.Contains('@')))
                {
                    switch (item.Name.LocalName)
                    {
                        case "PackageReference":
                            packages.Add(value);
                            break;
                        case "FrameworkReference":
                            frameworks.Add(value);
                            break;
                        case "ProjectReference":
                            projects.Add(
                                PathText.Normalize(
                                System.IO.Path.GetFullPath(
                                System.IO.Path.Combine(directory, value.Replace('\\', '/')))));
                            break;
                    }
                }
            }
        }
        return new ProjectItems(packages, frameworks, projects);
    }

    public bool HasFramework(string name) =>
        Frameworks.Any(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    public bool HasPackage(Func<string, bool> matches) => Packages.Any(matches);
}
