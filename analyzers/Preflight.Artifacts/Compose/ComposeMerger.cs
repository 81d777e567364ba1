using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Merges compose node trees the way compose-spec says files are merged (override files, <c>extends</c>): mappings
/// merge key by key; <c>environment</c>, <c>labels</c>, <c>args</c> and similar merge by variable name (list or mapping
/// form); <c>volumes</c> by container path; <c>secrets</c>/<c>configs</c> by target; <c>depends_on</c> and
/// <c>networks</c> by name; <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c> are replaced; other lists
/// are appended without duplicates; scalars are replaced. <c>!reset</c> removes a value, <c>!override</c> replaces it.
/// </summary>
internal sealed class ComposeMerger
{
    private static readonly HashSet<string> KeyValueLists = new HashSet<string>(StringComparer.Ordinal)
    {
        "environment", "labels", "annotations", "args", "sysctls", "extra_hosts", "driver_opts", "storage_opt",
    };

    private static readonly HashSet<string> NamedLists = new HashSet<string>(
        StringComparer.Ordinal) { "depends_on", "networks" };

    private static readonly HashSet<string> Replaced = new HashSet<string>(
        StringComparer.Ordinal) { "command", "entrypoint", "test" };

    private readonly ComposeBudget _budget;

    public ComposeMerger(ComposeBudget budget) => _budget = budget;

    /// <summary>Merges <paramref name="over"/> on top of <paramref name="base"/>; null when the result is removed
    /// (<c>!reset</c>).</summary>
    public ComposeNode? Merge(ComposeNode? @base, ComposeNode over, string key)
    {
        if (over.IsReset)
        {
            return null;
        }
        if (@base == null || over.IsOverride || !_budget.Take())
        {
            return over;
        }
        if (Replaced.Contains(key))
        {
            return over;
        }
        if (KeyValueLists.Contains(key) && (@base is ComposeSequence || over is ComposeSequence))
        {
            return MergeByKey(@base, over, KeyOfAssignment);
        }
        if (NamedLists.Contains(key) && (@base is ComposeSequence || over is ComposeSequence))
        {
            return MergeNamed(@base, over);
        }
        if (@base is ComposeMapping baseMapping && over is ComposeMapping overMapping)
        {
            return MergeMappings(baseMapping, overMapping);
        }
        if (@base is ComposeSequence baseList && over is ComposeSequence overList)
        {
            return key switch
            {
                "volumes" => MergeByKey(baseList, overList, KeyOfVolume),
                "secrets" or "configs" => MergeByKey(baseList, overList, KeyOfResource),
                "env_file" => MergeByKey(baseList, overList, KeyOfEnvFile),
                _ => AppendDistinct(baseList, overList),
            };
        }
        return over;
    }

    public ComposeMapping MergeMappings(ComposeMapping @base, ComposeMapping over)
    {
        var entries = new List<ComposeMappingEntry>(@base.Entries);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            positions[entries[i].Name] = i;
        }
        var removed = new HashSet<int>();
        foreach (var entry in over.Entries)
        {
            if (positions.TryGetValue(entry.Name, out var at))
            {
                var merged = Merge(entries[at].Value, entry.Value, entry.Name);
                if (merged == null)
                {
                    removed.Add(at);
                }
                else
                {
                    entries[at] = new ComposeMappingEntry(entries[at].Key, merged);
                    removed.Remove(at);
                }
            }
            else if (!entry.Value.IsReset)
            {
                positions[entry.Name] = entries.Count;
                entries.Add(entry);
            }
        }
        if (removed.Count > 0)
        {
            var kept = new List<ComposeMappingEntry>(entries.Count - removed.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                if (!removed.Contains(i))
                {
                    kept.Add(entries[i]);
                }
            }
            entries = kept;
        }
        return new ComposeMapping(
            over.Source, over.Span, over.Tag == "!override" || over.Tag == "!reset" ? null : over.Tag, entries);
    }

    private ComposeNode MergeByKey(ComposeNode @base, ComposeNode over, Func<ComposeNode, string?> keyOf)
    {
        var baseItems = AsItems(@base);
        var overItems = AsItems(over);
        var result = new List<ComposeNode>(baseItems.Count + overItems.Count);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in baseItems)
        {
            Put(result, positions, item, keyOf(item));
        }
        foreach (var item in overItems)
        {
            Put(result, positions, item, keyOf(item));
        }
        return new ComposeSequence(over.Source, over.Span, null, result);
    }

    private static void Put(List<ComposeNode> result, Dictionary<string, int> positions, ComposeNode item, string? key)
    {
        if (key != null && positions.TryGetValue(key, out var at))
        {
            result[at] = item;
            return;
        }
        if (key != null)
        {
            positions[key] = result.Count;
        }
        result.Add(item);
    }

    /// <summary>A mapping form turned into <c>KEY=VALUE</c> items (the list form compose also accepts) so both forms
    /// merge.</summary>
    private static IReadOnlyList<ComposeNode> AsItems(ComposeNode node)
    {
        if (node is ComposeSequence list)
        {
            return list.Items;
        }
        if (node is not ComposeMapping mapping)
        {
            return Array.Empty<ComposeNode>();
        }
        var items = new List<ComposeNode>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            var value = entry.Value is ComposeScalar scalar ? scalar.Text : string.Empty;
            items.Add(
                new ComposeScalar(
                entry.Key.Source, entry.Key.Span, null, value == null ? entry.Name : entry.Name + "=" + value,
                entry.Key.RawValue, false, true));
        }
        return items;
    }

    /// <summary><c>depends_on</c> / <c>networks</c> in list and mapping forms: merged by name into the mapping
    /// form.</summary>
    private ComposeNode MergeNamed(ComposeNode @base, ComposeNode over) =>
        MergeMappings(AsNamedMapping(@base), AsNamedMapping(over));

    private static ComposeMapping AsNamedMapping(ComposeNode node)
    {
        if (node is ComposeMapping mapping)
        {
            return mapping;
        }
        var entries = new List<ComposeMappingEntry>();
        if (node is ComposeSequence list)
        {
            foreach (var item in list.Items)
            {
                if (item is ComposeScalar scalar && !scalar.IsNull)
                {
                    entries.Add(
                        new ComposeMappingEntry(
                        scalar, new ComposeScalar(
                        scalar.Source, scalar.Span, null, string.Empty, string.Empty, true, false)));
                }
            }
        }
        return new ComposeMapping(node.Source, node.Span, null, entries);
    }

    private static ComposeSequence AppendDistinct(ComposeSequence @base, ComposeSequence over)
    {
        var result = new List<ComposeNode>(@base.Items);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in @base.Items)
        {
            if (item is ComposeScalar scalar)
            {
                seen.Add(scalar.Value);
            }
        }
        foreach (var item in over.Items)
        {
            if (item is ComposeScalar scalar && !seen.Add(scalar.Value))
            {
                continue;
            }
            result.Add(item);
        }
        return new ComposeSequence(over.Source, over.Span, null, result);
    }

    private static string? KeyOfAssignment(ComposeNode item)
    {
        if (item is not ComposeScalar scalar || scalar.IsNull)
        {
            return null;
        }
        var text = scalar.Value;
        var cut = text.IndexOf('=');
        return (cut < 0 ? text : text.Substring(0, cut)).Trim();
    }

    private static string? KeyOfVolume(ComposeNode item)
    {
        if (item is ComposeMapping mapping)
        {
            return ComposeModelReader.Text(mapping["target"]);
        }
        if (item is ComposeScalar scalar && !scalar.IsNull)
        {
            var parts = scalar.Value.Split(':');
            // [SOURCE:]TARGET[:MODE], with a possible drive letter in SOURCE: the target is the first part starting
            // with '/'.
            for (var i = parts.Length == 1 ? 0 : 1; i < parts.Length; i++)
            {
                if (parts[i].StartsWith("/", StringComparison.Ordinal))
                {
                    return parts[i];
                }
            }
            return scalar.Value;
        }
        return null;
    }

    private static string? KeyOfResource(ComposeNode item) => item switch
    {
        ComposeScalar scalar => scalar.Text,
        ComposeMapping mapping => ComposeModelReader.Text(mapping["target"])
            ?? ComposeModelReader.Text(mapping["source"]),
        _ => null,
    };

    private static string? KeyOfEnvFile(ComposeNode item) => item switch
    {
        ComposeScalar scalar => scalar.Text,
        ComposeMapping mapping => ComposeModelReader.Text(mapping["path"]),
        _ => null,
    };
}
