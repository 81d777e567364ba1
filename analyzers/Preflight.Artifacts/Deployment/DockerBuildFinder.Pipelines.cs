using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Deployment;

public sealed partial class DockerBuildFinder
{
    private const int MaxPipelineNodes = 20000;
    private static readonly string[] ScriptKeys = { "script", "bash", "pwsh", "powershell", "before_script",
        "after_script" };

    /// <summary>
    /// Azure Pipelines and GitLab CI: script steps (<c>script</c>, <c>bash</c>, <c>pwsh</c>, <c>powershell</c>,
    /// <c>before_script</c>) run from the checkout root (or <c>workingDirectory</c>), and Azure's <c>Docker@N</c> tasks
    /// (<c>Dockerfile</c>, default <c>**/Dockerfile</c>; <c>buildContext</c>, default <c>**</c>: the Dockerfile's
    /// folder).
    /// <c>variables:</c> set anywhere in the file are expanded.
    /// </summary>
    private void ReadPipeline(DockerBuildSource source, string file, string text)
    {
        var loaded = YamlDocumentLoader.Load(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var mappings = new List<YamlMappingNode>();
        foreach (var document in loaded.Documents)
        {
            Collect(document.RootNode, mappings, new HashSet<YamlNode>(SameNode.Instance), 0);
        }
        foreach (var map in mappings)
        {
            if (Child(map, "variables") is { } variables)
            {
                foreach (var pair in PipelineVariables(variables))
                {
                    if (!values.ContainsKey(pair.Key))
                    {
                        values[pair.Key] = pair.Value;
                    }
                }
            }
        }
        var kind = source == DockerBuildSource.AzurePipeline ? "Azure Pipelines" : "GitLab CI";
        foreach (var map in mappings)
        {
            var task = map.Child("task").ScalarValue();
            if (task != null && task.StartsWith("Docker@", StringComparison.OrdinalIgnoreCase))
            {
                AddDockerTask(file, task, Child(map, "inputs") as YamlMappingNode, values);
                continue;
            }
            foreach (var key in ScriptKeys)
            {
                var node = map.Child(key);
                var lines = node is YamlSequenceNode sequence
                    ? sequence.Children.Select(c => c.ScalarValue()).Where(s => s != null).Select(s => s!).ToList()
                    : node.ScalarValue() is { } single ? new List<string> { single } : new List<string>();
                if (lines.Count == 0)
                {
                    continue;
                }
                var directory = map.Child("workingDirectory").ScalarValue() is { } wd
                    ? Expand(wd, values, null, _root) : ".";
                if (HasVariable(directory))
                {
                    continue;
                }
                var workingDirectory = PathText.Combine(_root, directory);
                foreach (var block in lines)
                {
                    foreach (var line in ShellWords.LogicalLines(
                        block, powerShell: key == "pwsh" || key == "powershell"))
                    {
                        AddShell(Expand(line, values, null, workingDirectory), new[] { workingDirectory }, source, file,
                            $"a script step of {Display(file)} ({kind})");
                    }
                }
            }
        }
    }

    private void AddDockerTask(
        string file, string task, YamlMappingNode? inputs, IReadOnlyDictionary<string, string> values)
    {
        var command = (inputs == null ? null : Child(inputs, "command").ScalarValue()) ?? "buildAndPush";
        if (!string.Equals(command, "build", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(command, "buildAndPush", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var dockerfile = Expand(
            (inputs == null ? null : Child(inputs, "Dockerfile").ScalarValue()) ?? "**/Dockerfile", values,
            null, _root);
        var context = (inputs == null ? null : Child(inputs, "buildContext").ScalarValue()) is { } written
            ? Expand(written, values, null, _root) : "**";
        if (HasVariable(dockerfile) || HasVariable(context))
        {
            return;
        }
        if (dockerfile.IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0)
        {
            // The task builds the first match; only a glob that matches one Dockerfile says which.
            var glob = PathGlob.Parse(dockerfile);
            var matches = _dockerfiles.Where(
                d => PathText.IsUnder(d, _root) && glob.IsMatch(PathText.Relative(_root, d))).Take(2).ToList();
            if (matches.Count != 1)
            {
                return;
            }
            dockerfile = matches[0];
        }
        var resolved = PathText.Combine(_root, dockerfile);
        if (context == "**" || context.Length == 0)
        {
            context = PathText.GetDirectory(resolved);
        }
        Add(resolved, context, new[] { _root }, fileRelativeToContext: false, DockerBuildSource.AzurePipeline, file,
            $"the {task} task in {Display(file)}");
    }

    /// <summary>Every mapping of the documents, depth first (each node once: aliases are shared).</summary>
    private static void Collect(YamlNode node, List<YamlMappingNode> mappings, HashSet<YamlNode> seen, int depth)
    {
        if (depth > 64 || mappings.Count > MaxPipelineNodes || !seen.Add(node))
        {
            return;
        }
        if (node is YamlMappingNode map)
        {
            mappings.Add(map);
            foreach (var entry in map.Children)
            {
                Collect(entry.Value, mappings, seen, depth + 1);
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children)
            {
                Collect(child, mappings, seen, depth + 1);
            }
        }
    }

    /// <summary><c>variables:</c> as a mapping (<c>NAME: value</c>, GitLab's <c>NAME: {value: x}</c>) or Azure's list
    /// of <c>name</c>/<c>value</c>.</summary>
    private static IEnumerable<KeyValuePair<string, string>> PipelineVariables(YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            foreach (var entry in map.Children)
            {
                var key = entry.Key.ScalarValue();
                var value = entry.Value.ScalarValue()
                    ?? (entry.Value is YamlMappingNode inner ? inner.Child("value").ScalarValue() : null);
                if (key != null && value != null)
                {
                    yield return new KeyValuePair<string, string>(key, value);
                }
            }
        }
        else if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children.OfType<YamlMappingNode>())
            {
                if (item.Child("name").ScalarValue() is { } name && item.Child("value").ScalarValue() is { } value)
                {
                    yield return new KeyValuePair<string, string>(name, value);
                }
            }
        }
    }

    /// <summary>A mapping's child by key, case-insensitively (Azure task inputs are).</summary>
    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar
                && string.Equals(scalar.Value, key, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>Nodes compared by reference: YamlDotNet's own equality walks the whole subtree (an alias bomb's
    /// cost).</summary>
    private sealed class SameNode : IEqualityComparer<YamlNode>
    {
        public static readonly SameNode Instance = new SameNode();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode node) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node);
    }
}
