using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.EditorConfig;

/// <summary>
/// What the .editorconfig files and global configs say of a rule's severity at one path, with Roslyn's precedence:
/// <c>dotnet_diagnostic.ID.severity</c> from the nearest .editorconfig section (later sections and nearer files win),
/// else from
/// the global configs (a section naming the path, then the global section; a higher <c>global_level</c> wins); when no
/// entry names the rule, the bulk entries <c>dotnet_analyzer_diagnostic.category-CATEGORY.severity</c>, then
/// <c>dotnet_analyzer_diagnostic.severity</c>, found the same way.
/// </summary>
public sealed class EditorConfigSeverities
{
    private readonly IReadOnlyList<EditorConfigDocument> _globalConfigs;

    /// <param name="globalConfigs">The global analyzer configs of the project (order does not matter).</param>
    public EditorConfigSeverities(IEnumerable<EditorConfigDocument> globalConfigs)
    {
        _globalConfigs = globalConfigs.Where(g => g.IsGlobal).OrderBy(g => g.GlobalLevel).ToList();
    }

    /// <summary>The severity <c>dotnet_diagnostic.ID.severity</c> gives the rule at the path, or null.</summary>
    /// <param name="editorConfigs">The .editorconfig files (those not in a folder above the path, and those above the
    /// nearest
    /// with <c>root = true</c>, are ignored).</param>
    public ConfiguredSeverity? Specific(
        IReadOnlyList<EditorConfigDocument> editorConfigs, string path, string ruleId) =>
        Find(editorConfigs, path, "dotnet_diagnostic." + ruleId + ".severity");

    /// <summary>The bulk entries (the rule's category, then every rule) at the path, or null; they apply only where no
    /// entry names the rule.</summary>
    public ConfiguredSeverity? Bulk(IReadOnlyList<EditorConfigDocument> editorConfigs, string path, string category) =>
        Find(editorConfigs, path, "dotnet_analyzer_diagnostic.category-" + category + ".severity") ??
        Find(editorConfigs, path, "dotnet_analyzer_diagnostic.severity");

    private ConfiguredSeverity? Find(IReadOnlyList<EditorConfigDocument> editorConfigs, string path, string key)
    {
        var normalized = PathText.Normalize(path);
        var applicable = Applicable(editorConfigs, normalized);
        for (var i = applicable.Count - 1; i >= 0; i--)
        {
            var sections = applicable[i].Sections;
            for (var s = sections.Count - 1; s >= 0; s--)
            {
                if (sections[s].Properties.TryGetValue(key, out var value)
                    && sections[s].Matches(normalized, global: false) &&
                    ConfiguredSeverities.TryParse(value, out var severity))
                {
                    return severity;
                }
            }
        }
        return Global(normalized, key, sectionForPath: true) ?? Global(normalized, key, sectionForPath: false);
    }

    /// <summary>The configs in folders above the path, root-most first, from the nearest with <c>root = true</c>
    /// on.</summary>
    private static List<EditorConfigDocument> Applicable(IReadOnlyList<EditorConfigDocument> editorConfigs, string path)
    {
        var applicable = editorConfigs.Where(
            c => !c.IsGlobal && path.StartsWith(c.Directory + "/", StringComparison.Ordinal))
            .OrderBy(c => c.Directory.Length)
            .ToList();
        var root = applicable.FindLastIndex(c => c.IsRoot);
        return root > 0 ? applicable.GetRange(root, applicable.Count - root) : applicable;
    }

    private ConfiguredSeverity? Global(string path, string key, bool sectionForPath)
    {
        for (var i = _globalConfigs.Count - 1; i >= 0; i--)
        {
            var config = _globalConfigs[i];
            if (sectionForPath)
            {
                foreach (var section in config.Sections)
                {
                    if (section.Matches(path, global: true) && section.Properties.TryGetValue(key, out var value) &&
                        ConfiguredSeverities.TryParse(value, out var severity))
                    {
                        return severity;
                    }
                }
            }
            else if (config.Preamble.TryGetValue(key, out var value)
                && ConfiguredSeverities.TryParse(value, out var severity))
            {
                return severity;
            }
        }
        return null;
    }
}
