using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Kubernetes;

/// <summary>A local path a kustomization names: its field (<c>resources</c>, <c>patches</c>, ...), the path and where
/// it is written.</summary>
public sealed class KustomizationReference
{
    public KustomizationReference(string field, string path, SourceSpan span)
    {
        Field = field;
        Path = path;
        Span = span;
    }

    /// <summary>Where the path is written: <c>resources</c>, <c>patches path</c>, <c>configMapGenerator 'x' files</c>,
    /// ...</summary>
    public string Field { get; }

    /// <summary>The path as written (for <c>files: key=path</c>, the path after the key).</summary>
    public string Path { get; }

    public SourceSpan Span { get; }
}

/// <summary>
/// The local files and folders a <c>kustomization.yaml</c> names: <c>resources</c>, <c>bases</c>, <c>components</c>,
/// <c>patchesStrategicMerge</c>, <c>patches[].path</c>, <c>patchesJson6902[].path</c>, and the
/// <c>files</c>/<c>envs</c>/<c>env</c>
/// of <c>configMapGenerator</c> and <c>secretGenerator</c>. Remote references (URLs,
/// <c>github.com/org/repo//dir?ref=v1</c>,
/// <c>git@...</c>), inline patches, globs and values with variables are left out. A Flux <c>Kustomization</c> object
/// (kustomize.toolkit.fluxcd.io) is another thing and yields nothing.
/// </summary>
public static class KustomizationReferences
{
    private static readonly string[] PathLists = { "resources", "bases", "components", "patchesStrategicMerge" };
    private static readonly string[] PatchLists = { "patches", "patchesJson6902" };
    private static readonly string[] Generators = { "configMapGenerator", "secretGenerator" };

    public static IReadOnlyList<KustomizationReference> Parse(string text)
    {
        var result = new List<KustomizationReference>();
        var load = YamlDocumentLoader.Load(text);
        if (load.Error != null || load.Documents.Count == 0)
        {
            return result;
        }
        var map = new LineMap(text);
        foreach (var document in load.Documents)
        {
            if (document.RootNode is not YamlMappingNode root ||
                (root.Child("apiVersion").ScalarValue() ?? string.Empty).StartsWith(
                    "kustomize.toolkit.fluxcd.io", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var field in PathLists)
            {
                if (root.Child(field) is YamlSequenceNode list)
                {
                    foreach (var item in list.Children)
                    {
                        Add(result, map, field, item, item.ScalarValue());
                    }
                }
            }
            foreach (var field in PatchLists)
            {
                if (root.Child(field) is YamlSequenceNode list)
                {
                    foreach (var item in list.Children)
                    {
                        if (item is YamlMappingNode patch && patch.Child("path") is YamlScalarNode path)
                        {
                            Add(result, map, field + " path", path, path.Value);
                        }
                    }
                }
            }
            foreach (var field in Generators)
            {
                if (root.Child(field) is not YamlSequenceNode list)
                {
                    continue;
                }
                foreach (var item in list.Children)
                {
                    if (item is not YamlMappingNode generator)
                    {
                        continue;
                    }
                    var name = generator.Child("name").ScalarValue();
                    var label = name != null ? $"{field} '{name}'" : field;
                    if (generator.Child("files") is YamlSequenceNode files)
                    {
                        foreach (var file in files.Children)
                        {
                            // "key=path" names the key the file's content is stored under.
                            var value = file.ScalarValue();
                            var equals = value?.IndexOf('=') ?? -1;
                            Add(result, map, label + " files", file,
                                equals >= 0 ? value!.Substring(equals + 1) : value);
                        }
                    }
                    if (generator.Child("envs") is YamlSequenceNode envs)
                    {
                        foreach (var env in envs.Children)
                        {
                            Add(result, map, label + " envs", env, env.ScalarValue());
                        }
                    }
                    if (generator.Child("env") is YamlScalarNode single)
                    {
                        Add(result, map, label + " env", single, single.Value);
                    }
                }
            }
        }
        return result;
    }

    private static void Add(
        List<KustomizationReference> result, LineMap map, string field, YamlNode node, string? value)
    {
        if (node is not YamlScalarNode || value == null)
        {
            return;
        }
        var path = value.Trim();
        if (IsLocalPath(path))
        {
            result.Add(new KustomizationReference(field, path, YamlDocumentLoader.SpanOf(map, node)));
        }
    }

    /// <summary>False for remote references (URLs, git and hosted-repository forms), inline YAML, globs and
    /// variables.</summary>
    public static bool IsLocalPath(string path) =>
        path.Length > 0 &&
        path.IndexOfAny(new[] { '\n', '*', '?', '[', '{', '$' }) < 0 &&
        path.IndexOf("://", StringComparison.Ordinal) < 0 &&
        path.IndexOf("//", StringComparison.Ordinal) < 0 &&
        !path.StartsWith("git@", StringComparison.Ordinal) &&
        !path.StartsWith("github.com/", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWith("gitlab.com/", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWith("bitbucket.org/", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWith("oci:", StringComparison.OrdinalIgnoreCase) &&
        !PathText.IsRooted(path);
}
