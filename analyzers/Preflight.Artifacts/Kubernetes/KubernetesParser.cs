using System;
using System.Collections.Generic;
using System.Globalization;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Kubernetes;

/// <summary>
/// Reads a (multi-document) Kubernetes manifest into a <see cref="KubernetesFile"/>. Never throws. Over 600 lines: one
/// reader per kind of reference (env, envFrom, volumes, probes, imagePullSecrets, ConfigMap/Secret data) over one YAML
/// walk; splitting it is planned with the move of the rules into a host-neutral library (issue 16).
/// </summary>
public static class KubernetesParser
{
    /// <summary>Nodes read per file at most (aliases count every time they are read), so an alias bomb costs bounded
    /// work.</summary>
    public const int NodeBudget = 200_000;

    private static readonly string[] TemplateSpecKinds = { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
        "ReplicationController", "Job" };
    private static readonly string[] ProbeKeys = { "livenessProbe", "readinessProbe", "startupProbe" };
    private static readonly string[] ProbeHandlers = { "httpGet", "tcpSocket", "grpc", "exec" };

    public static KubernetesFile Parse(string text)
    {
        text ??= string.Empty;
        var map = new LineMap(text);
        try
        {
            return ParseCore(text, map);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            // Belt and braces: a bug here must become a finding-free error, never a crashed build.
            return new KubernetesFile(false, Array.Empty<KubernetesObject>(),
                new[] { new KubernetesError(
                    "the manifest could not be read (" + ex.GetType().Name + ")", map.Span(0, 0)) },
                    Array.Empty<YamlNode>(), map);
        }
    }

    private static KubernetesFile ParseCore(string text, LineMap map)
    {
        var hasTemplateMarkers = TemplateText.HasMarkers(text);
        var loaded = YamlDocumentLoader.Load(text);
        if (hasTemplateMarkers && TemplateText.IsTemplate(text, map, loaded))
        {
            return new KubernetesFile(
                true, Array.Empty<KubernetesObject>(), Array.Empty<KubernetesError>(), Array.Empty<YamlNode>(), null);
        }
        var errors = new List<KubernetesError>();
        if (loaded.Error != null)
        {
            errors.Add(new KubernetesError(loaded.Error, loaded.ErrorSpan));
        }
        var reader = new Reader(map);
        var roots = new List<YamlNode>();
        for (var index = 0; index < loaded.Documents.Count; index++)
        {
            var root = loaded.Documents[index].RootNode;
            roots.Add(root);
            if (root is YamlMappingNode mapping)
            {
                reader.ReadDocument(mapping, index);
            }
        }
        if (reader.Exhausted)
        {
            errors.Add(
                new KubernetesError(
                $"the manifest holds more than {NodeBudget} nodes (aliases counted each time they are used); the " +
                $"rest was not read", map.Span(0, 0)));
        }
        return new KubernetesFile(false, reader.Objects, errors, roots, map);
    }

    private sealed class Reader
    {
        private readonly LineMap _map;
        private readonly YamlWalkBudget _budget = new YamlWalkBudget(NodeBudget);

        public Reader(LineMap map) => _map = map;

        public List<KubernetesObject> Objects { get; } = new List<KubernetesObject>();
        public bool Exhausted { get; private set; }

        private bool Take()
        {
            if (Exhausted)
            {
                return false;
            }
            if (!_budget.Take())
            {
                Exhausted = true;
                return false;
            }
            return true;
        }

        public void ReadDocument(YamlMappingNode root, int documentIndex)
        {
            var kind = Get(root, "kind").ScalarValue();
            if (kind == "List" && Get(root, "items") is YamlSequenceNode items)
            {
                foreach (var item in items.Children)
                {
                    if (!Take())
                    {
                        return;
                    }
                    if (item is YamlMappingNode itemMapping && Get(itemMapping, "kind").ScalarValue() is { } itemKind)
                    {
                        ReadObject(itemMapping, documentIndex, itemKind);
                    }
                }
                return;
            }
            if (kind == null && (Get(root, "configMapGenerator") != null || Get(root, "secretGenerator") != null))
            {
                kind = "Kustomization";
            }
            if (kind != null)
            {
                ReadObject(root, documentIndex, kind);
            }
        }

        private void ReadObject(YamlMappingNode node, int documentIndex, string kind)
        {
            if (!Take())
            {
                return;
            }
            var apiVersion = Get(node, "apiVersion").ScalarValue() ?? string.Empty;
            var kindSpan = TryGet(node, "kind", out _, out var kindNode) ? Span(kindNode) : Span(node);
            var metadata = Get(node, "metadata") as YamlMappingNode;
            var nameNode = metadata != null ? Get(metadata, "name") : null;
            var name = nameNode.ScalarValue();
            var ns = metadata != null ? Get(metadata, "namespace").ScalarValue() : null;
            var podSpec = ReadWorkload(node, kind, apiVersion);
            var definitions = ReadDefinitions(
                node, kind, apiVersion, name, nameNode != null && name != null ? Span(nameNode) : kindSpan, ns);
            Objects.Add(new KubernetesObject(_map, node, documentIndex, apiVersion, kind, kindSpan, name,
                name != null && nameNode != null ? Span(nameNode) : kindSpan, ns, YamlExtent.FullSpan(_map, node),
                    podSpec, definitions));
        }

        // ---- workloads ----

        private KubernetesPodSpec? ReadWorkload(YamlMappingNode node, string kind, string apiVersion)
        {
            string[]? path = null;
            if (kind == "Pod")
            {
                path = new[] { "spec" };
            }
            else if (Array.IndexOf(TemplateSpecKinds, kind) >= 0
                || (kind == "Rollout" && apiVersion.StartsWith("argoproj.io/", StringComparison.Ordinal)))
            {
                path = new[] { "spec", "template", "spec" };
            }
            else if (kind == "CronJob")
            {
                path = new[] { "spec", "jobTemplate", "spec", "template", "spec" };
            }
            if (path == null)
            {
                return null;
            }
            YamlNode? current = node;
            foreach (var segment in path)
            {
                current = current is YamlMappingNode mapping ? Get(mapping, segment) : null;
            }
            return current is YamlMappingNode spec ? ReadPodSpec(spec, string.Join(".", path)) : null;
        }

        private KubernetesPodSpec ReadPodSpec(YamlMappingNode spec, string path)
        {
            var containers = ReadContainers(Get(spec, "containers"), false);
            var initContainers = ReadContainers(Get(spec, "initContainers"), true);
            var volumes = new List<KubernetesVolume>();
            foreach (var item in Items(Get(spec, "volumes")))
            {
                if (item is YamlMappingNode volume)
                {
                    volumes.Add(ReadVolume(volume));
                }
            }
            var pullSecrets = new List<KubernetesNamedReference>();
            foreach (var item in Items(Get(spec, "imagePullSecrets")))
            {
                if (item is YamlMappingNode entry && Get(entry, "name") is { } nameNode
                    && nameNode.ScalarValue() is { } name)
                {
                    pullSecrets.Add(new KubernetesNamedReference(name, Span(nameNode)));
                }
            }
            List<KubernetesKeyValue>? nodeSelector = null;
            SourceSpan nodeSelectorSpan = default;
            if (TryGet(spec, "nodeSelector", out var selectorKey, out var selectorNode))
            {
                nodeSelectorSpan = Span(selectorKey);
                nodeSelector = new List<KubernetesKeyValue>();
                if (selectorNode is YamlMappingNode selector)
                {
                    foreach (var entry in selector.Children)
                    {
                        if (!Take())
                        {
                            break;
                        }
                        if (entry.Key.ScalarValue() is { } key)
                        {
                            nodeSelector.Add(
                                new KubernetesKeyValue(
                                key, Span(entry.Key), entry.Value.ScalarValue(), Span(entry.Value)));
                        }
                    }
                }
            }
            return new KubernetesPodSpec(
                path, YamlExtent.FullSpan(_map, spec), containers, initContainers, volumes, pullSecrets, nodeSelector,
                nodeSelectorSpan);
        }

        private List<KubernetesContainer> ReadContainers(YamlNode? node, bool isInit)
        {
            var containers = new List<KubernetesContainer>();
            foreach (var item in Items(node))
            {
                if (item is YamlMappingNode container)
                {
                    containers.Add(ReadContainer(container, isInit));
                }
            }
            return containers;
        }

        private KubernetesContainer ReadContainer(YamlMappingNode node, bool isInit)
        {
            var span = YamlExtent.FullSpan(_map, node);
            var nameNode = Get(node, "name");
            var imageNode = Get(node, "image");
            var env = new List<KubernetesEnvVar>();
            foreach (var item in Items(Get(node, "env")))
            {
                if (item is YamlMappingNode entry && ReadEnvVar(entry) is { } variable)
                {
                    env.Add(variable);
                }
            }
            var envFrom = new List<KubernetesEnvFromSource>();
            foreach (var item in Items(Get(node, "envFrom")))
            {
                if (item is YamlMappingNode entry)
                {
                    var prefix = Get(entry, "prefix").ScalarValue();
                    if (TryGet(entry, "configMapRef", out var cmKey, out var cmNode))
                    {
                        envFrom.Add(ReadEnvFrom(KubernetesReferenceKind.ConfigMap, cmKey, cmNode, prefix));
                    }
                    if (TryGet(entry, "secretRef", out var secretKey, out var secretNode))
                    {
                        envFrom.Add(ReadEnvFrom(KubernetesReferenceKind.Secret, secretKey, secretNode, prefix));
                    }
                }
            }
            var ports = new List<KubernetesContainerPort>();
            foreach (var item in Items(Get(node, "ports")))
            {
                if (item is YamlMappingNode entry)
                {
                    var portNode = Get(entry, "containerPort");
                    ports.Add(
                        new KubernetesContainerPort(
                        ParseInt(portNode.ScalarValue()),
                        portNode != null ? Span(portNode) : YamlExtent.FullSpan(_map, entry),
                        Get(entry, "name").ScalarValue(), Get(entry, "protocol").ScalarValue(),
                            YamlExtent.FullSpan(_map, entry)));
                }
            }
            var probes = new KubernetesProbe?[3];
            for (var i = 0; i < ProbeKeys.Length; i++)
            {
                if (TryGet(node, ProbeKeys[i], out var probeKey, out var probeNode))
                {
                    probes[i] = ReadProbe((KubernetesProbeKind)i, probeKey, probeNode);
                }
            }
            var name = nameNode.ScalarValue();
            var image = imageNode.ScalarValue();
            return new KubernetesContainer(
                isInit, name, name != null ? Span(nameNode!) : span, image,
                image != null ? Span(imageNode!) : span, span,
                env, envFrom, ports, probes[0], probes[1], probes[2]);
        }

        private KubernetesEnvVar? ReadEnvVar(YamlMappingNode entry)
        {
            var nameNode = Get(entry, "name");
            if (nameNode.ScalarValue() is not { } name)
            {
                return null;
            }
            string? value = null;
            SourceSpan valueSpan = default;
            KubernetesKeyReference? secretRef = null;
            KubernetesKeyReference? configMapRef = null;
            string? fieldPath = null;
            string? resource = null;
            if (TryGet(entry, "value", out _, out var valueNode))
            {
                value = valueNode is YamlScalarNode scalar ? (valueNode.IsNullScalar() ? null : scalar.Value) : null;
                valueSpan = Span(valueNode);
            }
            if (TryGet(entry, "valueFrom", out var fromKey, out var fromNode))
            {
                valueSpan = Span(fromKey);
                if (fromNode is YamlMappingNode from)
                {
                    if (TryGet(from, "secretKeyRef", out var key, out var refNode))
                    {
                        secretRef = ReadKeyReference(KubernetesReferenceKind.Secret, key, refNode);
                    }
                    if (TryGet(from, "configMapKeyRef", out key, out refNode))
                    {
                        configMapRef = ReadKeyReference(KubernetesReferenceKind.ConfigMap, key, refNode);
                    }
                    if (Get(from, "fieldRef") is YamlMappingNode fieldRef)
                    {
                        fieldPath = Get(fieldRef, "fieldPath").ScalarValue() ?? string.Empty;
                    }
                    if (Get(from, "resourceFieldRef") is YamlMappingNode resourceRef)
                    {
                        resource = Get(resourceRef, "resource").ScalarValue() ?? string.Empty;
                    }
                }
            }
            return new KubernetesEnvVar(
                name, Span(nameNode!), YamlExtent.FullSpan(_map, entry), value, valueSpan, secretRef, configMapRef,
                fieldPath, resource);
        }

        private KubernetesKeyReference ReadKeyReference(KubernetesReferenceKind kind, YamlNode keyNode, YamlNode node)
        {
            var span = Span(keyNode);
            var mapping = node as YamlMappingNode;
            var nameNode = mapping != null ? Get(mapping, "name") : null;
            var refKeyNode = mapping != null ? Get(mapping, "key") : null;
            var name = nameNode.ScalarValue();
            var key = refKeyNode.ScalarValue();
            return new KubernetesKeyReference(
                kind, name, name != null ? Span(nameNode!) : span, key, key != null ? Span(refKeyNode!) : span,
                mapping != null && IsTrue(Get(mapping, "optional")), span);
        }

        private KubernetesEnvFromSource ReadEnvFrom(
            KubernetesReferenceKind kind, YamlNode keyNode, YamlNode node, string? prefix)
        {
            var span = Span(keyNode);
            var mapping = node as YamlMappingNode;
            var nameNode = mapping != null ? Get(mapping, "name") : null;
            var name = nameNode.ScalarValue();
            return new KubernetesEnvFromSource(
                kind, name, name != null ? Span(nameNode!) : span, mapping != null && IsTrue(Get(mapping, "optional")),
                prefix, span);
        }

        private KubernetesProbe ReadProbe(KubernetesProbeKind kind, YamlNode keyNode, YamlNode node)
        {
            var span = Span(keyNode);
            var handler = string.Empty;
            KubernetesHttpGet? httpGet = null;
            if (node is YamlMappingNode probe)
            {
                foreach (var candidate in ProbeHandlers)
                {
                    if (TryGet(probe, candidate, out _, out _))
                    {
                        handler = candidate;
                        break;
                    }
                }
                if (TryGet(probe, "httpGet", out var httpKey, out var httpNode))
                {
                    var httpSpan = Span(httpKey);
                    var http = httpNode as YamlMappingNode;
                    var pathNode = http != null ? Get(http, "path") : null;
                    var portNode = http != null ? Get(http, "port") : null;
                    var path = pathNode.ScalarValue();
                    var port = portNode.ScalarValue();
                    var portNumber = ParseInt(port);
                    httpGet = new KubernetesHttpGet(
                        path, path != null ? Span(pathNode!) : httpSpan, portNumber, portNumber == null ? port : null,
                        port != null ? Span(portNode!) : httpSpan,
                            http != null ? Get(http, "scheme").ScalarValue() : null,
                        http != null ? Get(http, "host").ScalarValue() : null, httpSpan);
                }
            }
            return new KubernetesProbe(kind, span, httpGet, handler);
        }

        private KubernetesVolume ReadVolume(YamlMappingNode volume)
        {
            var span = YamlExtent.FullSpan(_map, volume);
            var nameNode = Get(volume, "name");
            var name = nameNode.ScalarValue();
            var type = string.Empty;
            foreach (var entry in volume.Children)
            {
                if (entry.Key.ScalarValue() is { } key && key != "name" && key != "<<")
                {
                    type = key;
                    break;
                }
            }
            var references = new List<KubernetesVolumeReference>();
            if (TryGet(volume, "secret", out var secretKey, out var secretNode))
            {
                references.Add(
                    ReadVolumeReference(KubernetesReferenceKind.Secret, secretKey, secretNode, "secretName"));
            }
            if (TryGet(volume, "configMap", out var configMapKey, out var configMapNode))
            {
                references.Add(
                    ReadVolumeReference(KubernetesReferenceKind.ConfigMap, configMapKey, configMapNode, "name"));
            }
            if (Get(volume, "projected") is YamlMappingNode projected)
            {
                foreach (var source in Items(Get(projected, "sources")))
                {
                    if (source is not YamlMappingNode sourceMapping)
                    {
                        continue;
                    }
                    if (TryGet(sourceMapping, "secret", out secretKey, out secretNode))
                    {
                        references.Add(
                            ReadVolumeReference(KubernetesReferenceKind.Secret, secretKey, secretNode, "name"));
                    }
                    if (TryGet(sourceMapping, "configMap", out configMapKey, out configMapNode))
                    {
                        references.Add(
                            ReadVolumeReference(
                            KubernetesReferenceKind.ConfigMap, configMapKey, configMapNode, "name"));
                    }
                }
            }
            return new KubernetesVolume(name, name != null ? Span(nameNode!) : span, type, span, references);
        }

        private KubernetesVolumeReference ReadVolumeReference(
            KubernetesReferenceKind kind, YamlNode keyNode, YamlNode node, string nameKey)
        {
            var span = Span(keyNode);
            var mapping = node as YamlMappingNode;
            var nameNode = mapping != null ? Get(mapping, nameKey) : null;
            var name = nameNode.ScalarValue();
            var items = new List<KubernetesVolumeItem>();
            if (mapping != null)
            {
                foreach (var item in Items(Get(mapping, "items")))
                {
                    if (item is YamlMappingNode entry && Get(entry, "key") is { } itemKeyNode
                        && itemKeyNode.ScalarValue() is { } itemKey)
                    {
                        items.Add(
                            new KubernetesVolumeItem(itemKey, Span(itemKeyNode), Get(entry, "path").ScalarValue()));
                    }
                }
            }
            return new KubernetesVolumeReference(
                kind, name, name != null ? Span(nameNode!) : span, mapping != null && IsTrue(Get(mapping, "optional")),
                items, span);
        }

        // ---- definitions ----

        private IReadOnlyList<KubernetesDefinition> ReadDefinitions(
            YamlMappingNode node, string kind, string apiVersion, string? name, SourceSpan nameSpan, string? ns)
        {
            var result = new List<KubernetesDefinition>();
            switch (kind)
            {
                case "ConfigMap" when name != null:
                {
                    var keys = new List<KubernetesDefinitionKey>();
                    ReadKeys(Get(node, "data"), "data", keys);
                    ReadKeys(Get(node, "binaryData"), "binaryData", keys);
                    result.Add(
                        new KubernetesDefinition(
                        KubernetesReferenceKind.ConfigMap, KubernetesDefinitionSource.Manifest, name, nameSpan, ns,
                        keys, true, null));
                    break;
                }
                case "Secret" when name != null:
                {
                    var keys = new List<KubernetesDefinitionKey>();
                    ReadKeys(Get(node, "data"), "data", keys);
                    ReadKeys(Get(node, "stringData"), "stringData", keys);
                    var type = Get(node, "type").ScalarValue();
                    result.Add(
                        new KubernetesDefinition(
                        KubernetesReferenceKind.Secret, KubernetesDefinitionSource.Manifest, name, nameSpan, ns, keys,
                        type != "kubernetes.io/service-account-token", type));
                    break;
                }
                case "SealedSecret":
                {
                    var spec = Get(node, "spec") as YamlMappingNode;
                    var template = spec != null ? Get(spec, "template") as YamlMappingNode : null;
                    var templateMetadata = template != null ? Get(template, "metadata") as YamlMappingNode : null;
                    var templateNameNode = templateMetadata != null ? Get(templateMetadata, "name") : null;
                    var secretName = templateNameNode.ScalarValue() ?? name;
                    if (secretName == null)
                    {
                        break;
                    }
                    var keys = new List<KubernetesDefinitionKey>();
                    if (spec != null)
                    {
                        ReadKeys(Get(spec, "encryptedData"), "encryptedData", keys);
                    }
                    if (template != null)
                    {
                        ReadKeys(Get(template, "data"), "template.data", keys);
                    }
                    var templateNamespace = templateMetadata != null
                        ? Get(templateMetadata, "namespace").ScalarValue() : null;
                    result.Add(
                        new KubernetesDefinition(
                        KubernetesReferenceKind.Secret, KubernetesDefinitionSource.SealedSecret, secretName,
                        templateNameNode.ScalarValue() != null ? Span(templateNameNode!) : nameSpan, templateNamespace
                            ?? ns, keys, true,
                        template != null ? Get(template, "type").ScalarValue() : null));
                    break;
                }
                case "ExternalSecret" when apiVersion.StartsWith("external-secrets.io/", StringComparison.Ordinal):
                {
                    if (Get(node, "spec") is YamlMappingNode spec
                        && ReadExternalSecret(spec, name, nameSpan, ns) is { } definition)
                    {
                        result.Add(definition);
                    }
                    break;
                }
                case "ClusterExternalSecret" when apiVersion.StartsWith(
                    "external-secrets.io/", StringComparison.Ordinal):
                {
                    if (Get(node, "spec") is YamlMappingNode spec
                        && Get(spec, "externalSecretSpec") is YamlMappingNode inner)
                    {
                        var innerNameNode = Get(spec, "externalSecretName");
                        var innerName = innerNameNode.ScalarValue();
                        if (ReadExternalSecret(
                            inner, innerName ?? name, innerName != null ? Span(innerNameNode!) : nameSpan,
                            null) is { } definition)
                        {
                            result.Add(definition);
                        }
                    }
                    break;
                }
                case "Certificate" when apiVersion.StartsWith("cert-manager.io/", StringComparison.Ordinal):
                {
                    if (Get(node, "spec") is YamlMappingNode spec && Get(spec, "secretName") is { } secretNameNode
                        && secretNameNode.ScalarValue() is { } secretName)
                    {
                        var keys = new List<KubernetesDefinitionKey>();
                        foreach (var implied in new[] { "tls.crt", "tls.key", "ca.crt" })
                        {
                            keys.Add(new KubernetesDefinitionKey(implied, Span(secretNameNode), default, "implied"));
                        }
                        var complete = Get(spec, "keystores") == null && Get(spec, "additionalOutputFormats") == null;
                        result.Add(
                            new KubernetesDefinition(
                            KubernetesReferenceKind.Secret, KubernetesDefinitionSource.Certificate, secretName,
                            Span(secretNameNode), ns,
                            keys, complete, "kubernetes.io/tls"));
                    }
                    break;
                }
                case "SecretProviderClass" when apiVersion.StartsWith(
                    "secrets-store.csi.x-k8s.io/", StringComparison.Ordinal):
                {
                    var spec = Get(node, "spec") as YamlMappingNode;
                    foreach (var item in Items(spec != null ? Get(spec, "secretObjects") : null))
                    {
                        if (item is not YamlMappingNode secretObject
                            || Get(secretObject, "secretName") is not { } secretNameNode
                            || secretNameNode.ScalarValue() is not { } secretName)
                        {
                            continue;
                        }
                        var keys = new List<KubernetesDefinitionKey>();
                        foreach (var dataItem in Items(Get(secretObject, "data")))
                        {
                            if (dataItem is YamlMappingNode data && Get(data, "key") is { } keyNode
                                && keyNode.ScalarValue() is { } key)
                            {
                                keys.Add(new KubernetesDefinitionKey(
                                    key, Span(keyNode), default, "secretObjects.data"));
                            }
                        }
                        result.Add(
                            new KubernetesDefinition(
                            KubernetesReferenceKind.Secret, KubernetesDefinitionSource.Operator, secretName,
                            Span(secretNameNode), ns,
                            keys, true, Get(secretObject, "type").ScalarValue()));
                    }
                    break;
                }
                case "VaultStaticSecret" or "VaultDynamicSecret" or "VaultPKISecret" when apiVersion.StartsWith(
                    "secrets.hashicorp.com/", StringComparison.Ordinal):
                {
                    var spec = Get(node, "spec") as YamlMappingNode;
                    var destination = spec != null ? Get(spec, "destination") as YamlMappingNode : null;
                    if (destination != null && Get(destination, "name") is { } destinationNameNode
                        && destinationNameNode.ScalarValue() is { } destinationName)
                    {
                        result.Add(
                            new KubernetesDefinition(
                            KubernetesReferenceKind.Secret, KubernetesDefinitionSource.Operator, destinationName,
                            Span(destinationNameNode),
                            ns, Array.Empty<KubernetesDefinitionKey>(), false, Get(destination, "type").ScalarValue()));
                    }
                    break;
                }
                case "OnePasswordItem" when name != null
                    && apiVersion.StartsWith("onepassword.com/", StringComparison.Ordinal):
                    result.Add(
                        new KubernetesDefinition(
                        KubernetesReferenceKind.Secret, KubernetesDefinitionSource.Operator, name, nameSpan, ns,
                        Array.Empty<KubernetesDefinitionKey>(), false, null));
                    break;
                case "Kustomization":
                {
                    var kustomizeNamespace = Get(node, "namespace").ScalarValue();
                    ReadGenerators(
                        Get(node, "configMapGenerator"), KubernetesReferenceKind.ConfigMap, kustomizeNamespace, result);
                    ReadGenerators(
                        Get(node, "secretGenerator"), KubernetesReferenceKind.Secret, kustomizeNamespace, result);
                    break;
                }
            }
            return result;
        }

        private KubernetesDefinition? ReadExternalSecret(
            YamlMappingNode spec, string? name, SourceSpan nameSpan, string? ns)
        {
            var target = Get(spec, "target") as YamlMappingNode;
            var targetNameNode = target != null ? Get(target, "name") : null;
            var secretName = targetNameNode.ScalarValue() ?? name;
            if (secretName == null)
            {
                return null;
            }
            var keys = new List<KubernetesDefinitionKey>();
            foreach (var item in Items(Get(spec, "data")))
            {
                if (item is YamlMappingNode entry && Get(entry, "secretKey") is { } keyNode
                    && keyNode.ScalarValue() is { } key)
                {
                    keys.Add(new KubernetesDefinitionKey(key, Span(keyNode), default, "spec.data"));
                }
            }
            var complete = Get(spec, "dataFrom") == null;
            var template = target != null ? Get(target, "template") as YamlMappingNode : null;
            if (template != null)
            {
                ReadKeys(Get(template, "data"), "template.data", keys);
                complete &= Get(template, "templateFrom") == null;
            }
            return new KubernetesDefinition(
                KubernetesReferenceKind.Secret, KubernetesDefinitionSource.ExternalSecret, secretName,
                targetNameNode.ScalarValue() != null ? Span(targetNameNode!) : nameSpan, ns, keys, complete,
                    template != null ? Get(template, "type").ScalarValue() : null);
        }

        private void ReadGenerators(
            YamlNode? node, KubernetesReferenceKind kind, string? ns, List<KubernetesDefinition> result)
        {
            foreach (var item in Items(node))
            {
                if (item is not YamlMappingNode generator || Get(generator, "name") is not { } nameNode
                    || nameNode.ScalarValue() is not { } name)
                {
                    continue;
                }
                var keys = new List<KubernetesDefinitionKey>();
                foreach (var literal in Items(Get(generator, "literals")))
                {
                    if (literal.ScalarValue() is { } text && text.IndexOf('=') is var equals && equals > 0)
                    {
                        var span = Span(literal);
                        var valueSpan = default(SourceSpan);
                        if (literal is YamlScalarNode scalar && span.Line == span.EndLine
                            && scalar.Style != ScalarStyle.Literal && scalar.Style != ScalarStyle.Folded)
                        {
                            var offset = span.Start + (scalar.Style == ScalarStyle.Plain ? 0 : 1) + equals + 1;
                            valueSpan = _map.Span(offset, offset + (text.Length - equals - 1));
                        }
                        keys.Add(new KubernetesDefinitionKey(
                            text.Substring(0, equals).Trim(), span, valueSpan, "literals"));
                    }
                }
                foreach (var file in Items(Get(generator, "files")))
                {
                    if (file.ScalarValue() is { } text)
                    {
                        var equals = text.IndexOf('=');
                        var key = equals > 0 ? text.Substring(0, equals).Trim() : PathText.GetFileName(text.Trim());
                        if (key.Length > 0)
                        {
                            keys.Add(new KubernetesDefinitionKey(key, Span(file), default, "files"));
                        }
                    }
                }
                var complete = Get(generator, "envs") == null && Get(generator, "env") == null;
                result.Add(
                    new KubernetesDefinition(kind, KubernetesDefinitionSource.KustomizeGenerator, name, Span(nameNode),
                    Get(generator, "namespace").ScalarValue() ?? ns, keys, complete,
                        kind == KubernetesReferenceKind.Secret ? Get(generator, "type").ScalarValue() : null));
            }
        }

        private void ReadKeys(YamlNode? node, string field, List<KubernetesDefinitionKey> keys)
        {
            if (node is not YamlMappingNode mapping)
            {
                return;
            }
            foreach (var entry in mapping.Children)
            {
                if (!Take())
                {
                    return;
                }
                if (entry.Key.ScalarValue() is { } key)
                {
                    keys.Add(new KubernetesDefinitionKey(
                        key, Span(entry.Key), YamlDocumentLoader.SpanOf(_map, entry.Value), field));
                }
            }
        }

        // ---- helpers ----

        private SourceSpan Span(YamlNode node) => YamlDocumentLoader.SpanOf(_map, node);

        /// <summary>The items of a sequence, each one charged to the budget.</summary>
        private IEnumerable<YamlNode> Items(YamlNode? node)
        {
            if (node is not YamlSequenceNode sequence)
            {
                yield break;
            }
            foreach (var item in sequence.Children)
            {
                if (!Take())
                {
                    yield break;
                }
                yield return item;
            }
        }

        private YamlNode? Get(YamlMappingNode mapping, string key) => TryGet(mapping, key, out _, out var value)
            ? value : null;

        /// <summary>A key of a mapping, following YAML merge keys (<c>&lt;&lt;: *base</c>) as kubectl does.</summary>
        private bool TryGet(YamlMappingNode mapping, string key, out YamlNode keyNode, out YamlNode value) =>
            TryGet(mapping, key, out keyNode, out value, 0);

        private bool TryGet(YamlMappingNode mapping, string key, out YamlNode keyNode, out YamlNode value, int depth)
        {
            YamlNode? merge = null;
            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode scalar)
                {
                    if (scalar.Value == key)
                    {
                        keyNode = entry.Key;
                        value = entry.Value;
                        return true;
                    }
                    if (scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain)
                    {
                        merge = entry.Value;
                    }
                }
            }
            if (merge != null && depth < 8 && Take())
            {
                if (merge is YamlMappingNode merged && TryGet(merged, key, out keyNode, out value, depth + 1))
                {
                    return true;
                }
                if (merge is YamlSequenceNode list)
                {
                    foreach (var item in list.Children)
                    {
                        if (item is YamlMappingNode mergedItem
                            && TryGet(mergedItem, key, out keyNode, out value, depth + 1))
                        {
                            return true;
                        }
                    }
                }
            }
            keyNode = null!;
            value = null!;
            return false;
        }

        /// <summary>A YAML 1.1 boolean as Kubernetes' YAML reader takes it; quoted text is not a boolean.</summary>
        private static bool IsTrue(YamlNode? node) =>
            node is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain &&
            scalar.Value is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y";

        private static int? ParseInt(string? text) =>
            text != null && text.Length <= 10
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

/// <summary>Tells template files (Helm, Jinja) from plain YAML.</summary>
internal static class TemplateText
{
    /// <summary>True when the text has <c>{{ ... }}</c> or <c>{% ... %}</c>.</summary>
    public static bool HasMarkers(string text)
    {
        foreach (var _ in Markers(text))
        {
            return true;
        }
        return false;
    }

    /// <summary>
    /// True when the YAML does not parse, or some template marker lies where it would make names or structure
    /// unknown. Markers are plain content (the manifest stays readable) inside literal/folded block scalars, in the
    /// values of a document's <c>data</c>/<c>stringData</c>/<c>binaryData</c>, and in the templates that
    /// ExternalSecret and SealedSecret render themselves (<c>spec.target.template</c>, <c>spec.template.data</c>).
    /// </summary>
    public static bool IsTemplate(string text, LineMap map, YamlLoadResult loaded)
    {
        if (loaded.Error != null)
        {
            return true;
        }
        var content = new List<(int Start, int End)>();
        var budget = new YamlWalkBudget();
        var visited = new HashSet<YamlNode>(YamlNodeIdentity.Instance);
        foreach (var document in loaded.Documents)
        {
            if (!Collect(map, document.RootNode, false, visited, budget, content))
            {
                return true;
            }
        }
        visited.Clear();
        foreach (var document in loaded.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }
            var subtrees = new List<YamlNode?> { root.Child("data"), root.Child("stringData"),
                root.Child("binaryData") };
            var spec = root.Child("spec") as YamlMappingNode;
            switch (root.Child("kind").ScalarValue())
            {
                case "ExternalSecret":
                    subtrees.Add(At(spec, "target", "template"));
                    break;
                case "ClusterExternalSecret":
                    subtrees.Add(At(spec, "externalSecretSpec", "target", "template"));
                    break;
                case "SealedSecret":
                    subtrees.Add(At(spec, "template", "data"));
                    break;
            }
            foreach (var subtree in subtrees)
            {
                if (subtree != null && !Collect(map, subtree, true, visited, budget, content))
                {
                    return true;
                }
            }
        }
        content.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int End)>();
        foreach (var range in content)
        {
            if (merged.Count > 0 && range.Start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, Math.Max(last.End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }
        var starts = new int[merged.Count];
        for (var i = 0; i < merged.Count; i++)
        {
            starts[i] = merged[i].Start;
        }
        foreach (var at in Markers(text))
        {
            var index = Array.BinarySearch(starts, at);
            if (index < 0)
            {
                index = ~index - 1;
            }
            if (index < 0 || at >= merged[index].End)
            {
                return true;
            }
        }
        return false;
    }

    private static YamlNode? At(YamlMappingNode? node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var segment in path)
        {
            current = current is YamlMappingNode mapping ? mapping.Child(segment) : null;
        }
        return current;
    }

    /// <summary>
    /// Adds the spans of content scalars under <paramref name="start"/>: block scalars, or (with
    /// <paramref name="allValues"/>)
    /// every scalar that is not a mapping key. False when the walk ran out of budget.
    /// </summary>
    private static bool Collect(
        LineMap map, YamlNode start, bool allValues, HashSet<YamlNode> visited, YamlWalkBudget budget,
        List<(int Start, int End)> content)
    {
        var stack = new Stack<YamlNode>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }
            if (!budget.Take())
            {
                return false;
            }
            switch (node)
            {
                case YamlScalarNode scalar when allValues || scalar.Style == ScalarStyle.Literal
                    || scalar.Style == ScalarStyle.Folded:
                    var span = YamlDocumentLoader.SpanOf(map, scalar);
                    content.Add((span.Start, span.End));
                    break;
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children)
                    {
                        if (!allValues)
                        {
                            stack.Push(entry.Key);
                        }
                        stack.Push(entry.Value);
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        stack.Push(item);
                    }
                    break;
            }
        }
        return true;
    }

    /// <summary>The offsets of opening markers that have a closing marker after them, in order; linear in the
    /// text.</summary>
    private static IEnumerable<int> Markers(string text)
    {
        var lastCurly = text.LastIndexOf("}}", StringComparison.Ordinal);
        var lastPercent = text.LastIndexOf("%}", StringComparison.Ordinal);
        var curly = lastCurly < 0 ? -1 : text.IndexOf("{{", StringComparison.Ordinal);
        var percent = lastPercent < 0 ? -1 : text.IndexOf("{%", StringComparison.Ordinal);
        while (true)
        {
            if (curly >= 0 && curly + 2 > lastCurly)
            {
                curly = -1;
            }
            if (percent >= 0 && percent + 2 > lastPercent)
            {
                percent = -1;
            }
            if (curly < 0 && percent < 0)
            {
                yield break;
            }
            if (percent < 0 || (curly >= 0 && curly < percent))
            {
                yield return curly;
                curly = curly + 2 < text.Length ? text.IndexOf("{{", curly + 2, StringComparison.Ordinal) : -1;
            }
            else
            {
                yield return percent;
                percent = percent + 2 < text.Length ? text.IndexOf("{%", percent + 2, StringComparison.Ordinal) : -1;
            }
        }
    }
}
