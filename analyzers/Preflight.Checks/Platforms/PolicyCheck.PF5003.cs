using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;
using YamlDotNet.RepresentationModel;

namespace Preflight.Checks.Platforms;

/// <summary>
/// PF5003: the policies of preflight.yaml. <c>require:</c> paths must be present and non-empty on every object of the
/// policy's <c>kind</c> in the manifests its <c>files</c> globs match (relative to the repository root; the Kubernetes
/// manifests found by the targets, plus any other YAML file the globs name); reported at the object's <c>kind</c>.
/// <c>forbid:</c> globs name files that must not exist; reported at line 1 of each such file. Malformed paths are
/// PF1005's business and are skipped here. Repository-level: checked by the owner project only.
/// </summary>
public static class PolicyCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF5003.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        var inventory = PlatformInventory.Of(context);
        var (configPath, config) = inventory.Config;
        if (configPath == null || config.Policies.Count == 0)
        {
            return;
        }
        foreach (var policy in config.Policies)
        {
            if (policy.Require.Count > 0)
            {
                CheckRequire(context, inventory, policy);
            }
            if (policy.Forbid.Count > 0)
            {
                CheckForbid(context, inventory, policy);
            }
        }
    }

    private static void CheckRequire(CheckContext context, PlatformInventory inventory, PreflightPolicy policy)
    {
        var globs = policy.Files.Select(f => PathGlob.Parse(f.Value)).ToList();
        var root = context.Layout.Root;
        var paths = inventory.Manifests.Select(m => m.Path).ToList();
        if (globs.Count > 0)
        {
            // A policy may name YAML files outside the usual manifest folders.
            var files = inventory.Files(out _);
            paths.AddRange(files.Where(IsYaml).Select(f => PathText.Combine(root, f)));
            paths = paths.Distinct(StringComparer.Ordinal).Where(
                p => globs.Any(g => g.IsMatch(PathText.Relative(root, p)))).ToList();
        }
        var patches = KustomizePatches(inventory);
        paths = paths.Where(p => !patches.Contains(p)).ToList();
        var filesText = policy.Files.Count > 0 ? $"files {string.Join(", ", policy.Files.Select(f => f.Value))}"
            : "every manifest";
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            var manifest = inventory.Manifest(path);
            if (manifest == null || manifest.File.IsTemplate)
            {
                continue;
            }
            foreach (var item in manifest.File.Objects)
            {
                if (policy.Kinds.Count > 0
                    && !policy.Kinds.Any(k => string.Equals(k.Value, item.Kind, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                foreach (var required in policy.Require)
                {
                    var match = item.Find(required.Value);
                    if (!match.IsValidPath || (match.Exists && !match.IsEmpty))
                    {
                        continue;
                    }
                    var subject = item.Name != null ? $"{item.Kind} '{item.Name}'" : item.Kind;
                    var problem = match.Exists ? "is empty" : "is missing" + Deepest(required.Value, match);
                    context.Findings.Add(Finding.At(Rule, manifest.Path, item.KindSpan, policy.Name,
                        $"'{required.Value}' {problem} in {subject} (the policy requires it of {Kinds(policy)} in " +
                            $"{filesText})"));
                }
            }
        }
    }

    private static void CheckForbid(CheckContext context, PlatformInventory inventory, PreflightPolicy policy)
    {
        var root = context.Layout.Root;
        var files = inventory.Files(out _);
        foreach (var forbidden in policy.Forbid)
        {
            var glob = PathGlob.Parse(forbidden.Value);
            foreach (var file in files)
            {
                if (!glob.IsMatch(file))
                {
                    continue;
                }
                var path = PathText.Combine(root, file);
                context.Watched.Add(path);
                context.Findings.Add(Finding.At(Rule, path, new SourceSpan(0, 0, 1, 1, 1, 1), policy.Name,
                    $"'{file}' exists, but the policy forbids files matching '{forbidden.Value}'"));
            }
        }
    }

    /// <summary>
    /// The files kustomizations use as patches (<c>patchesStrategicMerge</c>, <c>patches[].path</c>,
    /// <c>patchesJson6902[].path</c>): partial objects, merged into a complete one at build time, so not checked alone.
    /// </summary>
    private static HashSet<string> KustomizePatches(PlatformInventory inventory)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifest in inventory.Manifests)
        {
            var isKustomization = Array.IndexOf(
                ArtifactClassifier.KustomizationFileNames, PathText.GetFileName(manifest.Path)) >= 0 ||
                manifest.File.Objects.Any(o => o.Kind == "Kustomization");
            if (!isKustomization)
            {
                continue;
            }
            var folder = PathText.GetDirectory(manifest.Path);
            for (var document = 0; document < manifest.File.DocumentCount; document++)
            {
                foreach (var key in new[] { "patchesStrategicMerge", "patches", "patchesJson6902" })
                {
                    if (manifest.File.Find(document, key).Node is not YamlSequenceNode list)
                    {
                        continue;
                    }
                    foreach (var entry in list.Children)
                    {
                        var file = entry is YamlScalarNode scalar ? scalar.Value
                            : entry is YamlMappingNode mapping
                                && mapping.Children.TryGetValue(new YamlScalarNode("path"), out var pathNode)
                                ? (pathNode as YamlScalarNode)?.Value
                            : null;
                        if (!string.IsNullOrEmpty(file) && file!.IndexOf('\n') < 0)
                        {
                            result.Add(PathText.Combine(folder, file));
                        }
                    }
                }
            }
        }
        return result;
    }

    /// <summary>" (found up to 'spec.template.spec')" when a leading part of the path exists.</summary>
    private static string Deepest(string path, KubernetesPathMatch match)
    {
        if (match.MatchedSegments == 0 || !KubernetesPath.TryParse(path, out var segments, out _))
        {
            return string.Empty;
        }
        var found = new List<string>();
        for (var i = 0; i < match.MatchedSegments && i < segments.Count; i++)
        {
            var segment = segments[i];
            var text = segment.Index != null ? $"[{segment.Index}]" : segment.Key!.IndexOf('.') >= 0
                ? $"\"{segment.Key}\"" : segment.Key;
            found.Add(segment.Index != null || found.Count == 0 ? text : "." + text);
        }
        return $" (found up to '{string.Concat(found)}')";
    }

    private static string Kinds(PreflightPolicy policy) =>
        policy.Kinds.Count == 0 ? "every object" : "every " + string.Join(" and ", policy.Kinds.Select(k => k.Value));

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
