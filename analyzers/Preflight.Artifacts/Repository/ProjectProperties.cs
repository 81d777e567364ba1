using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Preflight.Artifacts.Repository;

/// <summary>
/// The one reader of a project file's properties without MSBuild's evaluation, in its two meanings:
/// <list type="bullet">
/// <item><b>Definite</b>: what MSBuild sets whatever the configuration: the elements without a <c>Condition</c> of a
/// <c>PropertyGroup</c> without one, the last one winning. For what must be known for sure (a project's own properties,
/// warning settings, compile options): a conditioned value is unknown without evaluation, so it is left out.</item>
/// <item><b>Possible</b>: every value the file gives a property, under any condition. For candidates that are matched
/// against something else (the assembly name a Dockerfile may run, the target frameworks an image may need): a value
/// under <c>'$(Configuration)' == 'Release'</c> is one the build may produce.</item>
/// </list>
/// Used by the CLI's project model and props chain, the file checks and the analyzers' project model alike.
/// </summary>
public static class ProjectProperties
{
    /// <summary>True for an element MSBuild always evaluates (no <c>Condition</c> attribute).</summary>
    public static bool IsUnconditioned(XElement element) => element.Attribute("Condition") == null;

    /// <summary>The properties of one <c>PropertyGroup</c> that are set whatever the evaluation (none when the group
    /// has a condition).</summary>
    public static IEnumerable<XElement> Definite(XElement propertyGroup) =>
        propertyGroup.Name.LocalName == "PropertyGroup" && IsUnconditioned(propertyGroup)
            ? propertyGroup.Elements().Where(IsUnconditioned)
            : Enumerable.Empty<XElement>();

    /// <summary>Adds the project's definite properties to <paramref name="properties"/> in document order (the last one
    /// wins).</summary>
    public static void AddDefinite(XElement project, IDictionary<string, string> properties)
    {
        foreach (var group in project.Elements())
        {
            foreach (var property in Definite(group))
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }
        }
    }

    /// <summary>Every value the file gives the property, under any condition, in document order.</summary>
    public static IReadOnlyList<string> Possible(XElement? project, string name) =>
        project == null
            ? Array.Empty<string>()
            : project.Elements().Where(e => e.Name.LocalName == "PropertyGroup")
                .SelectMany(g => g.Elements().Where(e => e.Name.LocalName == name))
                .Select(e => e.Value.Trim())
                .ToList();
}
