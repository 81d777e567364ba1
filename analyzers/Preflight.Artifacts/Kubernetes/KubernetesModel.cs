using System.Collections.Generic;
using Preflight.Artifacts.Text;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Kubernetes;

/// <summary>
/// A Kubernetes manifest file: its objects (every document, and the items of <c>kind: List</c>), and the errors that
/// stopped it from loading. A Helm (or other) template is not a plain manifest: <see cref="IsTemplate"/> is true and
/// it has no objects and no errors. (This file holds the whole manifest model, a set of small records; over 600 lines
/// for that reason.)
/// </summary>
public sealed class KubernetesFile
{
    private readonly IReadOnlyList<YamlNode> _documentRoots;
    private readonly LineMap? _map;

    internal KubernetesFile(
        bool isTemplate, IReadOnlyList<KubernetesObject> objects, IReadOnlyList<KubernetesError> errors,
        IReadOnlyList<YamlNode> documentRoots, LineMap? map)
    {
        IsTemplate = isTemplate;
        Objects = objects;
        Errors = errors;
        _documentRoots = documentRoots;
        _map = map;
    }

    /// <summary>True when the text holds template syntax (<c>{{ ... }}</c>, <c>{% ... %}</c>): it is not
    /// read.</summary>
    public bool IsTemplate { get; }

    /// <summary>The objects in document order. Documents without <c>kind</c> (values files, empty documents) are not
    /// objects.</summary>
    public IReadOnlyList<KubernetesObject> Objects { get; }

    public IReadOnlyList<KubernetesError> Errors { get; }

    /// <summary>The number of YAML documents read (empty documents included).</summary>
    public int DocumentCount => _documentRoots.Count;

    /// <summary>The objects that run pods (they have a <see cref="KubernetesObject.PodSpec"/>).</summary>
    public IEnumerable<KubernetesObject> Workloads
    {
        get
        {
            foreach (var item in Objects)
            {
                if (item.PodSpec != null)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>Every Secret and ConfigMap this file defines (directly, or through SealedSecret, ExternalSecret,
    /// ...).</summary>
    public IEnumerable<KubernetesDefinition> Definitions
    {
        get
        {
            foreach (var item in Objects)
            {
                foreach (var definition in item.Definitions)
                {
                    yield return definition;
                }
            }
        }
    }

    /// <summary>Looks a dotted path (see <see cref="KubernetesPath"/>) up in the document with this zero-based
    /// index.</summary>
    public KubernetesPathMatch Find(int documentIndex, string path)
    {
        if (_map == null || documentIndex < 0 || documentIndex >= _documentRoots.Count)
        {
            return KubernetesPathMatch.NoDocument(path);
        }
        return KubernetesPath.Find(_map, _documentRoots[documentIndex], path);
    }
}

/// <summary>A problem that stopped a manifest from loading (malformed YAML, or too much work).</summary>
public sealed class KubernetesError
{
    internal KubernetesError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
}

/// <summary>One Kubernetes object: a document with a <c>kind</c>, or an item of a <c>kind: List</c>.</summary>
public sealed class KubernetesObject
{
    private readonly LineMap _map;

    internal KubernetesObject(
        LineMap map, YamlMappingNode root, int documentIndex, string apiVersion, string kind, SourceSpan kindSpan,
        string? name, SourceSpan nameSpan, string? @namespace, SourceSpan span, KubernetesPodSpec? podSpec,
        IReadOnlyList<KubernetesDefinition> definitions)
    {
        _map = map;
        Root = root;
        DocumentIndex = documentIndex;
        ApiVersion = apiVersion;
        Kind = kind;
        KindSpan = kindSpan;
        Name = name;
        NameSpan = nameSpan;
        Namespace = @namespace;
        Span = span;
        PodSpec = podSpec;
        Definitions = definitions;
    }

    /// <summary>The object's mapping node, for lookups the model does not cover (see <see cref="Find"/>).</summary>
    public YamlMappingNode Root { get; }

    /// <summary>Zero-based index of the YAML document in the file.</summary>
    public int DocumentIndex { get; }

    /// <summary>The <c>apiVersion</c> as written; empty when missing.</summary>
    public string ApiVersion { get; }

    /// <summary>The <c>kind</c> as written (case-sensitive, as Kubernetes reads it).</summary>
    public string Kind { get; }

    public SourceSpan KindSpan { get; }

    /// <summary><c>metadata.name</c>; null when missing (e.g. <c>generateName</c>).</summary>
    public string? Name { get; }

    /// <summary>The span of the name's value; the kind's span when there is no name.</summary>
    public SourceSpan NameSpan { get; }

    /// <summary><c>metadata.namespace</c>; null when not written (the namespace is chosen at apply time).</summary>
    public string? Namespace { get; }

    /// <summary>The whole object, from its first key to its last value.</summary>
    public SourceSpan Span { get; }

    /// <summary>The pod template of a workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
    /// ReplicationController, Job, CronJob, Argo Rollout); null for other kinds.</summary>
    public KubernetesPodSpec? PodSpec { get; }

    /// <summary>True when the object runs pods.</summary>
    public bool IsWorkload => PodSpec != null;

    /// <summary>The Secrets and ConfigMaps this object defines or produces (empty for most kinds).</summary>
    public IReadOnlyList<KubernetesDefinition> Definitions { get; }

    /// <summary>Looks a dotted path (see <see cref="KubernetesPath"/>) up from this object's root.</summary>
    public KubernetesPathMatch Find(string path) => KubernetesPath.Find(_map, Root, path);
}

/// <summary>The pod spec of a workload.</summary>
public sealed class KubernetesPodSpec
{
    internal KubernetesPodSpec(
        string path, SourceSpan span, IReadOnlyList<KubernetesContainer> containers,
        IReadOnlyList<KubernetesContainer> initContainers,
        IReadOnlyList<KubernetesVolume> volumes, IReadOnlyList<KubernetesNamedReference> imagePullSecrets,
        IReadOnlyList<KubernetesKeyValue>? nodeSelector, SourceSpan nodeSelectorSpan)
    {
        Path = path;
        Span = span;
        Containers = containers;
        InitContainers = initContainers;
        Volumes = volumes;
        ImagePullSecrets = imagePullSecrets;
        NodeSelector = nodeSelector;
        NodeSelectorSpan = nodeSelectorSpan;
    }

    /// <summary>The dotted path of the pod spec in its object: <c>spec</c>, <c>spec.template.spec</c> or
    /// <c>spec.jobTemplate.spec.template.spec</c>.</summary>
    public string Path { get; }

    public SourceSpan Span { get; }
    public IReadOnlyList<KubernetesContainer> Containers { get; }
    public IReadOnlyList<KubernetesContainer> InitContainers { get; }

    /// <summary>Containers then init containers.</summary>
    public IEnumerable<KubernetesContainer> AllContainers
    {
        get
        {
            foreach (var container in Containers)
            {
                yield return container;
            }
            foreach (var container in InitContainers)
            {
                yield return container;
            }
        }
    }

    public IReadOnlyList<KubernetesVolume> Volumes { get; }
    public IReadOnlyList<KubernetesNamedReference> ImagePullSecrets { get; }

    /// <summary>The <c>nodeSelector</c> labels; null when there is no nodeSelector (an empty list when it is
    /// empty).</summary>
    public IReadOnlyList<KubernetesKeyValue>? NodeSelector { get; }

    /// <summary>The span of the <c>nodeSelector</c> key; empty when absent.</summary>
    public SourceSpan NodeSelectorSpan { get; }
}

/// <summary>A key and its (scalar) value, e.g. one nodeSelector label.</summary>
public sealed class KubernetesKeyValue
{
    internal KubernetesKeyValue(string key, SourceSpan keySpan, string? value, SourceSpan valueSpan)
    {
        Key = key;
        KeySpan = keySpan;
        Value = value;
        ValueSpan = valueSpan;
    }

    public string Key { get; }
    public SourceSpan KeySpan { get; }
    public string? Value { get; }
    public SourceSpan ValueSpan { get; }
}

/// <summary>A name that refers to another object, e.g. an <c>imagePullSecrets</c> entry (a Secret).</summary>
public sealed class KubernetesNamedReference
{
    internal KubernetesNamedReference(string name, SourceSpan span)
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }

    /// <summary>The span of the name's value.</summary>
    public SourceSpan Span { get; }
}

/// <summary>A container or init container.</summary>
public sealed class KubernetesContainer
{
    internal KubernetesContainer(
        bool isInit, string? name, SourceSpan nameSpan, string? image, SourceSpan imageSpan, SourceSpan span,
        IReadOnlyList<KubernetesEnvVar> env, IReadOnlyList<KubernetesEnvFromSource> envFrom,
            IReadOnlyList<KubernetesContainerPort> ports,
        KubernetesProbe? livenessProbe, KubernetesProbe? readinessProbe, KubernetesProbe? startupProbe)
    {
        IsInit = isInit;
        Name = name;
        NameSpan = nameSpan;
        Image = image;
        ImageSpan = imageSpan;
        Span = span;
        Env = env;
        EnvFrom = envFrom;
        Ports = ports;
        LivenessProbe = livenessProbe;
        ReadinessProbe = readinessProbe;
        StartupProbe = startupProbe;
    }

    /// <summary>True for an entry of <c>initContainers</c>.</summary>
    public bool IsInit { get; }
    public string? Name { get; }

    /// <summary>The span of the name's value; the container's span when it has no name.</summary>
    public SourceSpan NameSpan { get; }
    public string? Image { get; }
    public SourceSpan ImageSpan { get; }

    /// <summary>The whole container entry.</summary>
    public SourceSpan Span { get; }
    public IReadOnlyList<KubernetesEnvVar> Env { get; }
    public IReadOnlyList<KubernetesEnvFromSource> EnvFrom { get; }
    public IReadOnlyList<KubernetesContainerPort> Ports { get; }
    public KubernetesProbe? LivenessProbe { get; }
    public KubernetesProbe? ReadinessProbe { get; }
    public KubernetesProbe? StartupProbe { get; }

    /// <summary>The probes that are set, in the order liveness, readiness, startup.</summary>
    public IEnumerable<KubernetesProbe> Probes
    {
        get
        {
            if (LivenessProbe != null)
            {
                yield return LivenessProbe;
            }
            if (ReadinessProbe != null)
            {
                yield return ReadinessProbe;
            }
            if (StartupProbe != null)
            {
                yield return StartupProbe;
            }
        }
    }
}

/// <summary>One entry of a container's <c>env</c>: a literal value or a <c>valueFrom</c> source.</summary>
public sealed class KubernetesEnvVar
{
    internal KubernetesEnvVar(string name, SourceSpan nameSpan, SourceSpan span, string? value, SourceSpan valueSpan,
        KubernetesKeyReference? secretKeyRef, KubernetesKeyReference? configMapKeyRef, string? fieldPath,
            string? resource)
    {
        Name = name;
        NameSpan = nameSpan;
        Span = span;
        Value = value;
        ValueSpan = valueSpan;
        SecretKeyRef = secretKeyRef;
        ConfigMapKeyRef = configMapKeyRef;
        FieldPath = fieldPath;
        Resource = resource;
    }

    public string Name { get; }
    public SourceSpan NameSpan { get; }

    /// <summary>The whole entry.</summary>
    public SourceSpan Span { get; }

    /// <summary>The literal <c>value</c>; null when absent (then the variable is empty unless <c>valueFrom</c> sets
    /// it).</summary>
    public string? Value { get; }

    /// <summary>The span of <c>value</c>, or of <c>valueFrom</c>; empty when neither is written.</summary>
    public SourceSpan ValueSpan { get; }

    public KubernetesKeyReference? SecretKeyRef { get; }
    public KubernetesKeyReference? ConfigMapKeyRef { get; }

    /// <summary><c>valueFrom.fieldRef.fieldPath</c> (e.g. <c>metadata.name</c>).</summary>
    public string? FieldPath { get; }

    /// <summary><c>valueFrom.resourceFieldRef.resource</c> (e.g. <c>limits.memory</c>).</summary>
    public string? Resource { get; }

    /// <summary>True when the value comes from <c>valueFrom</c> (any source).</summary>
    public bool IsValueFrom => SecretKeyRef != null || ConfigMapKeyRef != null || FieldPath != null || Resource != null;
}

/// <summary>What a reference points at.</summary>
public enum KubernetesReferenceKind
{
    Secret,
    ConfigMap,
}

/// <summary>A <c>secretKeyRef</c> or <c>configMapKeyRef</c>: one key of a named Secret or ConfigMap.</summary>
public sealed class KubernetesKeyReference
{
    internal KubernetesKeyReference(
        KubernetesReferenceKind kind, string? name, SourceSpan nameSpan, string? key, SourceSpan keySpan, bool optional,
        SourceSpan span)
    {
        Kind = kind;
        Name = name;
        NameSpan = nameSpan;
        Key = key;
        KeySpan = keySpan;
        Optional = optional;
        Span = span;
    }

    public KubernetesReferenceKind Kind { get; }

    /// <summary>The object's name; null when not written.</summary>
    public string? Name { get; }

    /// <summary>The span of the name's value; the reference's span when there is no name.</summary>
    public SourceSpan NameSpan { get; }
    public string? Key { get; }

    /// <summary>The span of the key's value; the reference's span when there is no key.</summary>
    public SourceSpan KeySpan { get; }

    /// <summary><c>optional: true</c>: a missing object or key is not an error for Kubernetes.</summary>
    public bool Optional { get; }

    /// <summary>The <c>secretKeyRef:</c>/<c>configMapKeyRef:</c> key.</summary>
    public SourceSpan Span { get; }
}

/// <summary>One entry of a container's <c>envFrom</c>: every key of a Secret or ConfigMap as a variable.</summary>
public sealed class KubernetesEnvFromSource
{
    internal KubernetesEnvFromSource(
        KubernetesReferenceKind kind, string? name, SourceSpan nameSpan, bool optional, string? prefix, SourceSpan span)
    {
        Kind = kind;
        Name = name;
        NameSpan = nameSpan;
        Optional = optional;
        Prefix = prefix;
        Span = span;
    }

    public KubernetesReferenceKind Kind { get; }
    public string? Name { get; }
    public SourceSpan NameSpan { get; }
    public bool Optional { get; }

    /// <summary>The <c>prefix</c> put before every key; null when not written.</summary>
    public string? Prefix { get; }

    /// <summary>The <c>secretRef:</c>/<c>configMapRef:</c> key.</summary>
    public SourceSpan Span { get; }
}

/// <summary>One entry of a container's <c>ports</c>.</summary>
public sealed class KubernetesContainerPort
{
    internal KubernetesContainerPort(
        int? containerPort, SourceSpan containerPortSpan, string? name, string? protocol, SourceSpan span)
    {
        ContainerPort = containerPort;
        ContainerPortSpan = containerPortSpan;
        Name = name;
        Protocol = protocol;
        Span = span;
    }

    /// <summary>The port number; null when missing or not a number.</summary>
    public int? ContainerPort { get; }
    public SourceSpan ContainerPortSpan { get; }
    public string? Name { get; }
    public string? Protocol { get; }
    public SourceSpan Span { get; }
}

/// <summary>Which probe of a container.</summary>
public enum KubernetesProbeKind
{
    Liveness,
    Readiness,
    Startup,
}

/// <summary>A liveness, readiness or startup probe. Only <c>httpGet</c> is modelled in detail.</summary>
public sealed class KubernetesProbe
{
    internal KubernetesProbe(KubernetesProbeKind kind, SourceSpan span, KubernetesHttpGet? httpGet, string handler)
    {
        Kind = kind;
        Span = span;
        HttpGet = httpGet;
        Handler = handler;
    }

    public KubernetesProbeKind Kind { get; }

    /// <summary>The <c>livenessProbe:</c> (etc.) key.</summary>
    public SourceSpan Span { get; }

    public KubernetesHttpGet? HttpGet { get; }

    /// <summary>The handler's key: <c>httpGet</c>, <c>tcpSocket</c>, <c>grpc</c>, <c>exec</c>; empty when none is
    /// written.</summary>
    public string Handler { get; }
}

/// <summary>A probe's <c>httpGet</c>.</summary>
public sealed class KubernetesHttpGet
{
    internal KubernetesHttpGet(
        string? path, SourceSpan pathSpan, int? portNumber, string? portName, SourceSpan portSpan, string? scheme,
        string? host, SourceSpan span)
    {
        Path = path;
        PathSpan = pathSpan;
        PortNumber = portNumber;
        PortName = portName;
        PortSpan = portSpan;
        Scheme = scheme;
        Host = host;
        Span = span;
    }

    /// <summary>The path as written; null when absent (Kubernetes then requests <c>/</c>).</summary>
    public string? Path { get; }

    /// <summary>The span of the path's value; the <c>httpGet:</c> key when there is no path.</summary>
    public SourceSpan PathSpan { get; }

    /// <summary>The port when it is a number.</summary>
    public int? PortNumber { get; }

    /// <summary>The port when it is a name (a container port's <c>name</c>).</summary>
    public string? PortName { get; }
    public SourceSpan PortSpan { get; }
    public string? Scheme { get; }
    public string? Host { get; }

    /// <summary>The <c>httpGet:</c> key.</summary>
    public SourceSpan Span { get; }
}

/// <summary>One entry of a pod's <c>volumes</c>.</summary>
public sealed class KubernetesVolume
{
    internal KubernetesVolume(
        string? name, SourceSpan nameSpan, string type, SourceSpan span,
        IReadOnlyList<KubernetesVolumeReference> references)
    {
        Name = name;
        NameSpan = nameSpan;
        Type = type;
        Span = span;
        References = references;
    }

    public string? Name { get; }
    public SourceSpan NameSpan { get; }

    /// <summary>The volume source's key: <c>secret</c>, <c>configMap</c>, <c>projected</c>, <c>emptyDir</c>, ...; empty
    /// when none is written.</summary>
    public string Type { get; }

    /// <summary>The whole volume entry.</summary>
    public SourceSpan Span { get; }

    /// <summary>The Secrets and ConfigMaps the volume reads (one for <c>secret</c>/<c>configMap</c>, any number for
    /// <c>projected</c>).</summary>
    public IReadOnlyList<KubernetesVolumeReference> References { get; }
}

/// <summary>A Secret or ConfigMap read by a volume (<c>secret.secretName</c>, <c>configMap.name</c>, or a projected
/// source).</summary>
public sealed class KubernetesVolumeReference
{
    internal KubernetesVolumeReference(
        KubernetesReferenceKind kind, string? name, SourceSpan nameSpan, bool optional,
        IReadOnlyList<KubernetesVolumeItem> items, SourceSpan span)
    {
        Kind = kind;
        Name = name;
        NameSpan = nameSpan;
        Optional = optional;
        Items = items;
        Span = span;
    }

    public KubernetesReferenceKind Kind { get; }
    public string? Name { get; }

    /// <summary>The span of the name's value; the source's span when there is no name.</summary>
    public SourceSpan NameSpan { get; }
    public bool Optional { get; }

    /// <summary>The <c>items</c> (keys projected to paths); empty when every key is mounted.</summary>
    public IReadOnlyList<KubernetesVolumeItem> Items { get; }

    /// <summary>The <c>secret:</c>/<c>configMap:</c> key.</summary>
    public SourceSpan Span { get; }
}

/// <summary>One <c>items</c> entry of a volume source: a key and the file it becomes.</summary>
public sealed class KubernetesVolumeItem
{
    internal KubernetesVolumeItem(string key, SourceSpan keySpan, string? path)
    {
        Key = key;
        KeySpan = keySpan;
        Path = path;
    }

    public string Key { get; }
    public SourceSpan KeySpan { get; }
    public string? Path { get; }
}

/// <summary>Where a definition comes from.</summary>
public enum KubernetesDefinitionSource
{
    /// <summary>A <c>kind: ConfigMap</c> or <c>kind: Secret</c> manifest.</summary>
    Manifest,
    /// <summary>A Bitnami <c>SealedSecret</c>.</summary>
    SealedSecret,
    /// <summary>An external-secrets.io <c>ExternalSecret</c> or <c>ClusterExternalSecret</c>.</summary>
    ExternalSecret,
    /// <summary>A cert-manager <c>Certificate</c> (its <c>spec.secretName</c>).</summary>
    Certificate,
    /// <summary>A kustomization's <c>configMapGenerator</c> or <c>secretGenerator</c>.</summary>
    KustomizeGenerator,
    /// <summary>
    /// An operator's resource that makes the operator write a Secret: Secrets Store CSI <c>SecretProviderClass</c>
    /// (<c>spec.secretObjects</c>), Vault Secrets Operator
    /// <c>VaultStaticSecret</c>/<c>VaultDynamicSecret</c>/<c>VaultPKISecret</c>
    /// (<c>spec.destination.name</c>), 1Password <c>OnePasswordItem</c>.
    /// </summary>
    Operator,
}

/// <summary>A Secret or ConfigMap this repository defines, and the keys known to be in it.</summary>
public sealed class KubernetesDefinition
{
    internal KubernetesDefinition(
        KubernetesReferenceKind kind, KubernetesDefinitionSource source, string name, SourceSpan nameSpan,
        string? @namespace,
        IReadOnlyList<KubernetesDefinitionKey> keys, bool keysAreComplete, string? secretType)
    {
        Kind = kind;
        Source = source;
        Name = name;
        NameSpan = nameSpan;
        Namespace = @namespace;
        Keys = keys;
        KeysAreComplete = keysAreComplete;
        SecretType = secretType;
    }

    /// <summary>Secret or ConfigMap: the kind of object that exists in the cluster.</summary>
    public KubernetesReferenceKind Kind { get; }
    public KubernetesDefinitionSource Source { get; }
    public string Name { get; }
    public SourceSpan NameSpan { get; }
    public string? Namespace { get; }

    /// <summary>The keys written in the definition. Values are never kept: only their spans.</summary>
    public IReadOnlyList<KubernetesDefinitionKey> Keys { get; }

    /// <summary>
    /// False when the object may hold keys that are not written here (ExternalSecret <c>dataFrom</c>, generator
    /// <c>envs</c>, service-account token Secrets, ...): a missing key is then no evidence of an error.
    /// </summary>
    public bool KeysAreComplete { get; }

    /// <summary>A Secret's <c>type</c> (e.g. <c>kubernetes.io/tls</c>); null when not written or not a
    /// Secret.</summary>
    public string? SecretType { get; }

    /// <summary>True when a key of this name is written.</summary>
    public bool HasKey(string key)
    {
        foreach (var item in Keys)
        {
            if (item.Key == key)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>One key of a definition. For Secrets the value is secret: only its span is kept, never put it in a
/// message.</summary>
public sealed class KubernetesDefinitionKey
{
    internal KubernetesDefinitionKey(string key, SourceSpan keySpan, SourceSpan valueSpan, string field)
    {
        Key = key;
        KeySpan = keySpan;
        ValueSpan = valueSpan;
        Field = field;
    }

    public string Key { get; }
    public SourceSpan KeySpan { get; }

    /// <summary>The span of the value; empty when the source holds no value (e.g. ExternalSecret, generated
    /// keys).</summary>
    public SourceSpan ValueSpan { get; }

    /// <summary>Where the key is written: <c>data</c>, <c>stringData</c>, <c>binaryData</c>, <c>encryptedData</c>,
    /// <c>template.data</c>, <c>spec.data</c>, <c>literals</c>, <c>files</c>, or <c>implied</c> (e.g. cert-manager's
    /// <c>tls.crt</c>).</summary>
    public string Field { get; }
}
