using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Configuration;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;

using YamlDotNet.RepresentationModel;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3008 for Kubernetes: a container of a workload (Deployment, StatefulSet, Pod, Job, ...) in a plain manifest of the
/// repository whose effective environment (its <c>envFrom</c> ConfigMaps defined in the repository, then its
/// <c>env</c>)
/// sets a connection string or a database/broker URL (<see cref="LocalhostEndpoint"/>) to localhost: inside the pod
/// that
/// is the pod itself. Reported where the value is set (the <c>env</c> entry, or the ConfigMap's key), naming the
/// workload and, when one Service of the manifests runs that kind of server, that Service.
/// Silent when localhost may be right or the value may be replaced: a pod with more than one container or with a
/// sidecar injected by annotation (Dapr, a mesh, a proxy), <c>hostNetwork</c>, templated values, a later
/// <c>envFrom</c> source whose keys are unknown, an argument that names the key, and a name that a kustomize patch of
/// the repository mentions. Helm templates are not read. The manifests' values are checked by the owner project; each
/// project checks its own appsettings for the containers that run its image (KubernetesLocalhostCheck.AppSettings.cs).
/// </summary>
public static partial class KubernetesLocalhostCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3008.Id];

    /// <summary>Annotation or label keys that inject a container into the pod (a sidecar may listen on
    /// localhost).</summary>
    private static readonly string[] InjectionMarkers = { "inject", "dapr.io/enabled", "sidecar", "proxy" };

    /// <summary>Text that makes a value a template filled in at deploy time.</summary>
    private static readonly string[] TemplateMarkers = { "{{", "#{", "${", "$(", "<%", "%{" };

    public static void Run(CheckContext context)
    {
        var checkAppSettings = SettingsMayNameLocalHost(context);
        if (!context.Layout.CurrentIsOwner && !checkAppSettings)
        {
            return;   // nothing of this project to check: the manifests are not even parsed
        }
        var manifests = PlatformInventory.Of(context).Manifests.Where(
            m => !m.File.IsTemplate && m.File.Errors.Count == 0).ToList();
        if (!manifests.Any(m => m.File.Workloads.Any()))
        {
            return;
        }
        var scope = new Scope(context, manifests);
        foreach (var manifest in manifests)
        {
            if (scope.IsPatch(manifest.Path))
            {
                continue;   // a kustomize patch is applied to another object: not a workload of its own
            }
            foreach (var workload in manifest.File.Workloads)
            {
                if (HasSidecarOrHostNetwork(scope, workload))
                {
                    continue;
                }
                if (context.Layout.CurrentIsOwner)
                {
                    CheckContainer(
                        scope, manifest, workload,
                        workload.PodSpec!.Containers[0]);   // the manifests' values: once per repository
                }
                if (checkAppSettings)
                {
                    CheckAppSettings(
                        context, scope, manifest, workload, workload.PodSpec!.Containers[0]);   // this project's image
                }
            }
        }
    }

    /// <summary>
    /// True when localhost may reach another process of the pod or the node: more than one container (or a native
    /// sidecar,
    /// an init container with <c>restartPolicy: Always</c>), a sidecar injected by annotation (on the pod or its
    /// namespace),
    /// or <c>hostNetwork: true</c>. Also true for a pod without exactly one container.
    /// </summary>
    private static bool HasSidecarOrHostNetwork(Scope scope, KubernetesObject workload)
    {
        var pod = workload.PodSpec!;
        if (pod.Containers.Count != 1
            || string.Equals(
            workload.Find(pod.Path + ".hostNetwork").Node.ScalarValue(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        for (var i = 0; i < pod.InitContainers.Count; i++)
        {
            if (string.Equals(
                workload.Find($"{pod.Path}.initContainers[{i}].restartPolicy").Node.ScalarValue(), "Always",
                StringComparison.Ordinal))
            {
                return true;
            }
        }
        var podMetadata = pod.Path.Length > "spec".Length ? pod.Path.Substring(0, pod.Path.Length - "spec".Length)
            + "metadata" : "metadata";
        return Injects(workload.Find(podMetadata + ".annotations").Node)
            || Injects(workload.Find(podMetadata + ".labels").Node) ||
            Injects(workload.Find("metadata.annotations").Node) || scope.NamespaceInjects(workload.Namespace);
    }

    private static bool Injects(YamlNode? node) =>
        node is YamlMappingNode map
            && map.Children.Keys.Any(
            k => k.ScalarValue() is { } key
            && InjectionMarkers.Any(m => key.IndexOf(m, StringComparison.OrdinalIgnoreCase) >= 0));

    private static void CheckContainer(
        Scope scope, ManifestFile manifest, KubernetesObject workload, KubernetesContainer container)
    {
        // The image of the server itself (a postgres container configured with a postgres:// URL on localhost) talks to
        // itself.
        var imageRepository = container.Image != null ? ServiceProjectMatcher.ImageRepository(container.Image)
            : string.Empty;
        var arguments = scope.ArgumentsText(workload, 0);
        var values = ContainerEnvironment(scope, manifest, workload, container, out _);
        foreach (var pair in values)
        {
            var setting = pair.Value;
            if (setting.Value == null || IsTemplated(setting.Value)
                || LocalhostEndpoint.Find(pair.Key, setting.Value) is not { } endpoint ||
                (endpoint.Kind != null && imageRepository.Length > 0
                    && LocalhostEndpoint.ImageRuns(imageRepository, endpoint.Kind)) ||
                Mentions(arguments, pair.Key) || scope.PatchesMention(pair.Key, setting.Name))
            {
                continue;
            }
            var details = new List<string>();
            if (container.Name != null)
            {
                details.Add($"container '{container.Name}'");
            }
            if (setting.ViaEnvFrom)
            {
                details.Add($"envFrom in {scope.Display(manifest.Path)}");
            }
            var where = $"{workload.Kind} '{workload.Name ?? "?"}'"
                + (details.Count > 0 ? $" ({string.Join(", ", details)})" : string.Empty);
            scope.Report(setting.File, setting.Span, setting.Name, endpoint, where, workload.Namespace);
        }
    }

    /// <summary>
    /// The container's environment as .NET keys (<c>A__B</c> is <c>A:B</c>): its <c>envFrom</c> ConfigMaps (later
    /// sources
    /// win), then its <c>env</c> (wins over envFrom). <paramref name="unknownSource"/> is true when an <c>envFrom</c>
    /// source's
    /// keys are unknown (a Secret, a ConfigMap not defined once in the manifests): it may set any key.
    /// </summary>
    private static Dictionary<string,
        Setting> ContainerEnvironment(
        Scope scope, ManifestFile manifest, KubernetesObject workload, KubernetesContainer container,
        out bool unknownSource)
    {
        unknownSource = false;
        var values = new Dictionary<string, Setting>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in container.EnvFrom)
        {
            var keys = source.Kind == KubernetesReferenceKind.ConfigMap
                ? scope.ConfigMapValues(source.Name, workload.Namespace) : null;
            if (keys == null)
            {
                // A Secret, or a ConfigMap whose values are unknown: any earlier value may be replaced.
                unknownSource = true;
                foreach (var key in values.Keys.ToList())
                {
                    values[key] = Setting.Unknown;
                }
                continue;
            }
            foreach (var (name, value, file, span) in keys)
            {
                values[Normalize((source.Prefix ?? string.Empty) + name)] = new Setting(
                    value, file, span, (source.Prefix ?? string.Empty) + name, viaEnvFrom: true);
            }
        }
        var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var variable in container.Env)
        {
            var key = Normalize(variable.Name);
            if (written.TryGetValue(key, out var other)
                && !string.Equals(other, variable.Name, StringComparison.Ordinal))
            {
                values[key] = Setting.Unknown;   // two spellings of one key (A__B and A:B): which one .NET keeps is not
                                                 // clear
                continue;
            }
            written[key] = variable.Name;
            values[key] = variable.IsValueFrom || variable.Value == null
                ? Setting.Unknown
                : new Setting(
                    variable.Value, manifest.Path, variable.ValueSpan.IsEmpty ? variable.Span : variable.ValueSpan,
                    variable.Name, viaEnvFrom: false);
        }
        return values;
    }

    /// <summary>The .NET configuration key of an environment variable: <c>A__B</c> is <c>A:B</c>.</summary>
    private static string Normalize(string name) => name.Replace("__", ":");

    private static bool IsTemplated(string value) =>
        TemplateMarkers.Any(m => value.IndexOf(m, StringComparison.Ordinal) >= 0) ||
        (value.IndexOf("__", StringComparison.Ordinal) is var first && first >= 0
            && value.IndexOf("__", first + 2, StringComparison.Ordinal) > first);

    /// <summary>True when the container's command or arguments name the key (a <c>--ConnectionStrings:Orders=...</c>
    /// argument overrides the environment).</summary>
    private static bool Mentions(string arguments, string key)
    {
        if (arguments.Length == 0)
        {
            return false;
        }
        var colon = key.LastIndexOf(':');
        var last = colon < 0 ? key : key.Substring(colon + 1);
        return arguments.IndexOf(last, StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>A value of the container's environment, where it is written; <see cref="Unknown"/> when it may be
    /// anything.</summary>
    private sealed class Setting
    {
        public static readonly Setting Unknown = new Setting(null, string.Empty, default, string.Empty, false);

        public Setting(string? value, string file, SourceSpan span, string name, bool viaEnvFrom)
        {
            Value = value;
            File = file;
            Span = span;
            Name = name;
            ViaEnvFrom = viaEnvFrom;
        }

        public string? Value { get; }
        public string File { get; }
        public SourceSpan Span { get; }
        public string Name { get; }
        public bool ViaEnvFrom { get; }
    }

    private sealed class Scope
    {
        private readonly CheckContext _context;
        private readonly List<ManifestFile> _manifests;
        private readonly HashSet<string> _patchFiles = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _patchTexts = new List<string>();
        private readonly HashSet<(string File, int Start, string Key)> _reported = new HashSet<(string, int, string)>();

        public Scope(CheckContext context, List<ManifestFile> manifests)
        {
            _context = context;
            _manifests = manifests;
            foreach (var path in context.OfKind(ArtifactKind.KubernetesManifest))
            {
                if (Array.IndexOf(ArtifactClassifier.KustomizationFileNames, PathText.GetFileName(path)) < 0
                    || context.ReadText(path) is not { } text)
                {
                    continue;
                }
                _patchTexts.Add(text);   // inline patches and generator literals
                foreach (var reference in KustomizationReferences.Parse(text))
                {
                    if (reference.Field.StartsWith("patches", StringComparison.Ordinal)
                        || reference.Field.IndexOf("Generator", StringComparison.Ordinal) >= 0)
                    {
                        var target = PathText.Combine(PathText.GetDirectory(path), reference.Path);
                        if (context.ReadText(target) is { } patch)
                        {
                            _patchFiles.Add(PathText.Normalize(target));
                            _patchTexts.Add(patch);
                        }
                    }
                }
            }
        }

        public string Display(string path) => _context.Display(path);

        /// <summary>The images of the compose services that build the current project; null until computed
        /// (KubernetesLocalhostCheck.AppSettings.cs).</summary>
        public List<string>? ProjectImages { get; set; }

        public bool IsPatch(string path) => _patchFiles.Contains(PathText.Normalize(path));

        /// <summary>True when a kustomization or a file it patches with names the variable: an overlay may replace the
        /// value.</summary>
        public bool PatchesMention(string key, string name) =>
            _patchTexts.Any(
                t => t.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0
                || t.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>True when a Namespace of the manifests with this name has an injection label or annotation (a mesh
        /// adds a proxy to every pod).</summary>
        public bool NamespaceInjects(string? name) =>
            name != null
                && _manifests.SelectMany(m => m.File.Objects).Any(o => o.Kind == "Namespace" && o.Name == name &&
                (Injects(o.Find("metadata.labels").Node) || Injects(o.Find("metadata.annotations").Node)));

        /// <summary>The text of the container's <c>command</c> and <c>args</c>; empty when it has neither.</summary>
        public string ArgumentsText(KubernetesObject workload, int index)
        {
            var parts = new List<string>();
            foreach (var field in new[] { "command", "args" })
            {
                if (workload.Find($"{workload.PodSpec!.Path}.containers[{index}].{field}")
                    .Node is YamlSequenceNode list)
                {
                    parts.AddRange(list.Children.Select(c => c.ScalarValue() ?? string.Empty));
                }
            }
            return string.Join(" ", parts);
        }

        /// <summary>
        /// The keys and values of the one ConfigMap of this name (in a compatible namespace) that a plain manifest
        /// defines
        /// with <c>data</c>; null when there is none, several, or its keys may be incomplete.
        /// </summary>
        public IReadOnlyList<(string Key, string? Value, string File, SourceSpan Span)>? ConfigMapValues(
            string? name, string? @namespace)
        {
            if (name == null)
            {
                return null;
            }
            var definitions = _manifests.SelectMany(m => m.File.Definitions.Select(d => (Manifest: m, Definition: d)))
                .Where(d => d.Definition.Kind == KubernetesReferenceKind.ConfigMap && d.Definition.Name == name &&
                    (@namespace == null || d.Definition.Namespace == null || d.Definition.Namespace == @namespace))
                .ToList();
            if (definitions.Count != 1 || definitions[0].Definition.Source != KubernetesDefinitionSource.Manifest
                || !definitions[0].Definition.KeysAreComplete)
            {
                return null;
            }
            var manifest = definitions[0].Manifest;
            var configMap = manifest.File.Objects.FirstOrDefault(o => o.Kind == "ConfigMap" && o.Name == name &&
                o.Definitions.Contains(definitions[0].Definition));
            if (configMap == null)
            {
                return null;
            }
            if (configMap.Root.Child("data") is not YamlMappingNode data)
            {
                return Array.Empty<(string, string?, string,
                    SourceSpan)>();   // no text values (binaryData only, or empty)
            }
            var map = new LineMap(manifest.Text);
            var result = new List<(string, string?, string, SourceSpan)>();
            foreach (var entry in data.Children)
            {
                if (entry.Key.ScalarValue() is { } key)
                {
                    result.Add(
                        (key, entry.Value.ScalarValue(), manifest.Path, YamlDocumentLoader.SpanOf(map, entry.Value)));
                }
            }
            return result;
        }

        public void Report(
            string file, SourceSpan span, string name, LocalhostEndpoint endpoint, string where, string? @namespace,
            string dedupeKey = "")
        {
            if (!_reported.Add((file, span.Start, dedupeKey)))
            {
                return;   // a ConfigMap read by several workloads: reported once, for the first
            }
            var hint = "; use the name of the Service that runs it as the host";
            if (endpoint.Kind != null && ProbableService(endpoint.Kind, @namespace) is { } service)
            {
                hint = $"; probably meant: the Service '{service}' as the host";
            }
            _context.Report(Finding.At(Rule, file, span, name, endpoint.Host, where, hint));
        }

        /// <summary>
        /// The one Service of the manifests (in a compatible namespace) that runs the kind of server: its selector
        /// picks a
        /// workload whose image runs it, or, failing that, its name says so. Null when none or several do.
        /// </summary>
        private string? ProbableService(string kind, string? @namespace)
        {
            var services = _manifests.SelectMany(m => m.File.Objects)
                .Where(o => o.Kind == "Service" && o.Name != null
                    && (@namespace == null || o.Namespace == null || o.Namespace == @namespace))
                .ToList();
            var workloads = _manifests.SelectMany(m => m.File.Workloads)
                .Where(w =>
                    w.PodSpec!.Containers.Any(
                    c => c.Image != null
                    && LocalhostEndpoint.ImageRuns(ServiceProjectMatcher.ImageRepository(c.Image), kind)))
                .ToList();
            var bySelector = services.Where(s => Labels(s.Find("spec.selector").Node) is { Count: > 0 } selector &&
                workloads.Any(
                    w => Labels(w.Find(PodMetadata(w) + ".labels").Node) is { } labels
                    && selector.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value)))
                .Select(s => s.Name!).Distinct(StringComparer.Ordinal).ToList();
            if (bySelector.Count == 1)
            {
                return bySelector[0];
            }
            if (bySelector.Count > 1)
            {
                return null;
            }
            var byName = services.Where(s => LocalhostEndpoint.ImageRuns(s.Name!, kind)).Select(s => s.Name!).Distinct(
                StringComparer.Ordinal).ToList();
            return byName.Count == 1 ? byName[0] : null;
        }

        private static string PodMetadata(KubernetesObject workload) =>
            workload.PodSpec!.Path.Length > "spec".Length
                ? workload.PodSpec.Path.Substring(0, workload.PodSpec.Path.Length - "spec".Length) + "metadata"
                : "metadata";

        private static Dictionary<string, string>? Labels(YamlNode? node)
        {
            if (node is not YamlMappingNode map)
            {
                return null;
            }
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in map.Children)
            {
                if (entry.Key.ScalarValue() is { } key && entry.Value.ScalarValue() is { } value)
                {
                    result[key] = value;
                }
            }
            return result;
        }
    }
}
