using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Platforms;

/// <summary>
/// PF5001: a workload's secretKeyRef/configMapKeyRef, envFrom, secret/configMap/projected volume or imagePullSecrets
/// names a Secret or ConfigMap that no manifest of the repository defines and preflight.yaml does not declare under
/// <c>external.kubernetes</c>; or a key that the repository's definitions (when their keys are known) do not have.
/// Optional references, Helm templates and names that are not plain Kubernetes names (<c>${VAR}</c>, placeholders) are
/// not checked; a name written in a template, an unreadable manifest or a workflow that runs <c>kubectl create
/// secret</c>
/// / <c>kubectl create configmap</c> is given the benefit of the doubt.
/// Repository-level: checked by the owner project only.
/// </summary>
public static class KubernetesReferenceCheck
{
    private const int ListedFiles = 2;
    private const int ListedKeys = 6;

    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF5001.Id];

    /// <summary>A DNS subdomain name, as Kubernetes requires of Secret and ConfigMap names.</summary>
    private static readonly Regex PlainName = new Regex(
        "^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", RegexOptions.CultureInvariant);

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        var inventory = PlatformInventory.Of(context);
        var manifests = inventory.Manifests;
        if (!manifests.Any(m => m.File.Workloads.Any()))
        {
            return;
        }
        var (configPath, config) = inventory.Config;
        var scope = new Scope(context, manifests, configPath, config);
        foreach (var manifest in manifests)
        {
            if (manifest.File.IsTemplate)
            {
                continue;
            }
            foreach (var workload in manifest.File.Workloads)
            {
                CheckWorkload(scope, manifest.Path, workload);
            }
        }
    }

    private static void CheckWorkload(Scope scope, string path, KubernetesObject workload)
    {
        var pod = workload.PodSpec!;
        foreach (var container in pod.AllContainers)
        {
            var containerName = container.Name != null
                ? $" in {(container.IsInit ? "init container" : "container")} '{container.Name}'" : string.Empty;
            foreach (var variable in container.Env)
            {
                foreach (var reference in new[] { variable.SecretKeyRef, variable.ConfigMapKeyRef })
                {
                    if (reference != null)
                    {
                        var via = $"{(reference.Kind == KubernetesReferenceKind.Secret ? "secretKeyRef" : "configMapKeyRef")} of variable '{variable.Name}'{containerName}";
                        Check(scope, path, workload, reference.Kind, reference.Name, reference.NameSpan,
                            reference.Optional, via,
                            reference.Key != null ? new[] { (reference.Key, reference.KeySpan) }
                                : Array.Empty<(string, SourceSpan)>());
                    }
                }
            }
            foreach (var source in container.EnvFrom)
            {
                var via = $"envFrom {(source.Kind == KubernetesReferenceKind.Secret ? "secretRef" : "configMapRef")}{containerName}";
                Check(scope, path, workload, source.Kind, source.Name, source.NameSpan, source.Optional, via,
                    Array.Empty<(string, SourceSpan)>());
            }
        }
        foreach (var volume in pod.Volumes)
        {
            foreach (var reference in volume.References)
            {
                var via = $"{(volume.Type == "projected" ? "projected " : string.Empty)}{(reference.Kind == KubernetesReferenceKind.Secret ? "secret" : "configMap")} volume" +
                    (volume.Name != null ? $" '{volume.Name}'" : string.Empty);
                Check(scope, path, workload, reference.Kind, reference.Name, reference.NameSpan,
                    reference.Optional, via,
                    reference.Items.Select(i => (i.Key, i.KeySpan)).ToArray());
            }
        }
        foreach (var pullSecret in pod.ImagePullSecrets)
        {
            Check(scope, path, workload, KubernetesReferenceKind.Secret, pullSecret.Name, pullSecret.Span, false,
                "imagePullSecrets", Array.Empty<(string, SourceSpan)>());
        }
    }

    private static void Check(
        Scope scope, string path, KubernetesObject workload, KubernetesReferenceKind kind, string? name,
        SourceSpan nameSpan, bool optional,
        string via, IReadOnlyList<(string Key, SourceSpan Span)> keys)
    {
        if (optional || name == null || !PlainName.IsMatch(name) || scope.IsExternal(kind, name))
        {
            return;
        }
        var kindName = kind == KubernetesReferenceKind.Secret ? "Secret" : "ConfigMap";
        var candidates = scope.Definitions(kind, name);
        var compatible = candidates.Where(
            d => workload.Namespace == null || d.Definition.Namespace == null
            || d.Definition.Namespace == workload.Namespace).ToList();
        if (compatible.Count == 0)
        {
            if (candidates.Count > 0)
            {
                var namespaces = MessageText.List(
                    candidates.Select(d => $"'{d.Definition.Namespace}' ({scope.Display(d.Path)})").Distinct());
                scope.Report(path, nameSpan, $"{kindName} '{name}'", via,
                    $"the workload runs in namespace '{workload.Namespace}' and the {kindName} is defined only in " +
                        $"namespace {namespaces}", scope.LookedIn);
            }
            else if (!scope.MentionedInUnreadFile(name))
            {
                scope.Report(path, nameSpan, $"{kindName} '{name}'", via,
                    $"no manifest of the repository defines it and {scope.ExternalHint(kind)}", scope.LookedIn);
            }
            return;
        }
        if (keys.Count == 0 || compatible.Any(d => !d.Definition.KeysAreComplete || d.Definition.Keys.Count == 0))
        {
            return;
        }
        foreach (var (key, keySpan) in keys)
        {
            if (compatible.Any(d => d.Definition.HasKey(key)))
            {
                continue;
            }
            var known = compatible.SelectMany(d => d.Definition.Keys.Select(k => k.Key)).Distinct(
                StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
            var listed = string.Join(", ", known.Take(ListedKeys))
                + (known.Count > ListedKeys ? $", and {known.Count - ListedKeys} more" : string.Empty);
            var where = MessageText.List(
                compatible.Select(d => $"{scope.Display(d.Path)}:{d.Definition.NameSpan.Line}").Distinct());
            scope.Report(
                path, keySpan, $"Key '{key}' of {kindName} '{name}'", via,
                $"the {kindName} has no such key (its keys: {listed})", where);
        }
    }

    private sealed class Scope
    {
        private readonly CheckContext _context;
        private readonly List<(string Path, KubernetesDefinition Definition)> _definitions = new List<(string,
            KubernetesDefinition)>();
        private readonly List<string> _unreadTexts = new List<string>();
        private readonly HashSet<string> _externalSecrets = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _externalConfigMaps = new HashSet<string>(StringComparer.Ordinal);
        private readonly string? _configPath;

        public Scope(
            CheckContext context, IReadOnlyList<ManifestFile> manifests, string? configPath, PreflightConfig config)
        {
            _context = context;
            _configPath = configPath;
            foreach (var manifest in manifests)
            {
                foreach (var definition in manifest.File.Definitions)
                {
                    _definitions.Add((manifest.Path, definition));
                }
                if (manifest.File.IsTemplate || manifest.File.Errors.Count > 0)
                {
                    _unreadTexts.Add(manifest.Text);
                }
            }
            foreach (var workflow in context.OfKind(ArtifactKind.Workflow))
            {
                // "kubectl create secret generic db --from-literal=..." in CI creates the object outside the manifests.
                if (context.ReadText(workflow) is { } text && text.IndexOf("kubectl", StringComparison.Ordinal) >= 0 &&
                    (text.IndexOf("create secret", StringComparison.Ordinal) >= 0
                        || text.IndexOf("create configmap", StringComparison.Ordinal) >= 0))
                {
                    _unreadTexts.Add(text);
                }
            }
            foreach (var item in config.External.KubernetesSecrets)
            {
                _externalSecrets.Add(item.Value);
            }
            foreach (var item in config.External.KubernetesConfigMaps)
            {
                _externalConfigMaps.Add(item.Value);
            }
            var files = manifests.Select(m => Display(m.Path)).ToList();
            LookedIn = $"{files.Count} manifest{(files.Count == 1 ? string.Empty : "s")} {ManifestList(files)}" +
                (configPath != null ? $" and {Display(configPath)}" : string.Empty);
        }

        public string LookedIn { get; }

        /// <summary>"(a.yaml, b.yaml, c.yaml)" for up to three files; "under deploy/overlays/" for more (or the first
        /// two and how many more), so the message stays short.</summary>
        private static string ManifestList(IReadOnlyList<string> files)
        {
            if (files.Count <= 3)
            {
                return $"({string.Join(", ", files)})";
            }
            var prefix = files[0].Substring(0, files[0].LastIndexOf('/') + 1);
            foreach (var file in files)
            {
                while (prefix.Length > 0 && !file.StartsWith(prefix, StringComparison.Ordinal))
                {
                    prefix = prefix.Length < 2 ? string.Empty
                        : prefix.Substring(0, prefix.LastIndexOf('/', prefix.Length - 2) + 1);
                }
            }
            return prefix.Length == 0 ? $"({MessageText.List(files, ListedFiles)})" : $"under {prefix}";
        }

        public bool IsExternal(KubernetesReferenceKind kind, string name) =>
            (kind == KubernetesReferenceKind.Secret ? _externalSecrets : _externalConfigMaps).Contains(name);

        public List<(string Path, KubernetesDefinition Definition)> Definitions(
            KubernetesReferenceKind kind, string name) =>
            _definitions.Where(d => d.Definition.Kind == kind && d.Definition.Name == name).ToList();

        /// <summary>True when a Helm template, an unreadable manifest or a workflow that creates objects mentions the
        /// name: it may define the object.</summary>
        public bool MentionedInUnreadFile(string name) =>
            _unreadTexts.Any(text => text.IndexOf(name, StringComparison.Ordinal) >= 0);

        public string ExternalHint(KubernetesReferenceKind kind)
        {
            var list = kind == KubernetesReferenceKind.Secret ? "secrets" : "configmaps";
            return _configPath != null
                ? $"{Display(_configPath)} does not declare it (external.kubernetes.{list})"
                : $"no preflight.yaml declares it (external.kubernetes.{list})";
        }

        public string Display(string path) => _context.Display(path);

        public void Report(string path, SourceSpan span, string what, string via, string why, string lookedIn) =>
            _context.Findings.Add(Finding.At(Rule, path, span, what, via, why, lookedIn));
    }
}
