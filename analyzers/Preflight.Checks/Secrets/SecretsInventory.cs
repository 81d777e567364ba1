using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Preflight.Artifacts;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Secrets;

/// <summary>
/// Every secret and variable the repository needs, where it is used (workflow <c>secrets.X</c>, compose
/// <c>${X}</c> and bare environment entries, Kubernetes secretKeyRef/envFrom/volume Secrets, preflight.yaml) and where
/// it is declared (preflight.yaml, a reusable workflow's <c>workflow_call.secrets</c>, a Secret manifest,
/// <c>external.kubernetes.secrets</c>, the keys of <c>.env.example</c>). Names and places only: no value is ever read
/// into it. Written by the owner
/// project to <c>obj/preflight/secrets.md</c> and <c>secrets.json</c>.
/// </summary>
public sealed class SecretsInventory
{
    public const string Secret = "secret";
    public const string Variable = "variable";
    public const string KubernetesSecret = "kubernetes-secret";

    /// <summary>Kubernetes ConfigMaps: collected only on request (<c>preflight init</c>), the secrets inventory files
    /// list none.</summary>
    public const string KubernetesConfigMap = "kubernetes-configmap";

    private bool _configMaps;

    private readonly Dictionary<string, SecretsInventoryItem> _items = new Dictionary<string,
        SecretsInventoryItem>(StringComparer.Ordinal);

    private SecretsInventory()
    {
    }

    /// <summary>The items by kind (secrets, variables, Kubernetes Secrets) and name.</summary>
    public IReadOnlyList<SecretsInventoryItem> Items =>
        _items.Values.OrderBy(i => KindOrder(i.Kind)).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ThenBy(
            i => i.Name, StringComparer.Ordinal).ToList();

    /// <summary>Reads the repository's workflows, compose files, Kubernetes manifests and preflight.yaml.</summary>
    public static SecretsInventory Collect(CheckContext context) => Collect(context, includeConfigMaps: false);

    /// <summary>The same, with the Kubernetes ConfigMaps referenced and defined when
    /// <paramref name="includeConfigMaps"/>.</summary>
    public static SecretsInventory Collect(CheckContext context, bool includeConfigMaps)
    {
        var inventory = new SecretsInventory { _configMaps = includeConfigMaps };
        inventory.AddPreflightConfig(context);
        inventory.AddWorkflows(context);
        inventory.AddCompose(context);
        inventory.AddKubernetes(context);
        inventory.AddEnvExamples(context);
        return inventory;
    }

    private void AddPreflightConfig(CheckContext context)
    {
        if (PreflightConfigFile.Load(context) is not { } file)
        {
            return;
        }
        var display = context.Display(file.Path);
        foreach (var declaration in file.Config.Secrets)
        {
            Item(Secret, declaration.Name).DeclaredAt.Add(
                Place(display, declaration.Span,
                "preflight.yaml secrets:" + Environments(declaration.Environments.Select(e => e.Value))));
        }
        foreach (var declaration in file.Config.Variables)
        {
            Item(Variable, declaration.Name).DeclaredAt.Add(
                Place(display, declaration.Span,
                "preflight.yaml variables:" + Environments(declaration.Environments.Select(e => e.Value))));
        }
        foreach (var name in file.Config.External.KubernetesSecrets)
        {
            Item(KubernetesSecret, name.Value).DeclaredAt.Add(
                Place(display, name.Span, "preflight.yaml external.kubernetes.secrets"));
        }
    }

    private void AddWorkflows(CheckContext context)
    {
        foreach (var (path, workflow) in WorkflowSecretsCheck.Workflows(context))
        {
            var display = context.Display(path);
            foreach (var declared in workflow.DeclaredSecrets)
            {
                Item(Secret, declared.Name).DeclaredAt.Add(
                    Place(display, declared.Span,
                    "on.workflow_call.secrets (passed by the caller" + (declared.Required ? ", required)" : ")")));
            }
            foreach (var reference in workflow.SecretReferences)
            {
                if (reference.IsBuiltIn)
                {
                    continue;
                }
                var where = reference.JobId == null ? "workflow secrets." + reference.Name : "workflow secrets."
                    + reference.Name + " in job '" + reference.JobId + "'";
                Item(Secret, reference.Name).UsedAt.Add(Place(display, reference.Span, where));
            }
        }
    }

    private void AddCompose(CheckContext context)
    {
        // A base file is loaded again with each of its overlays: each place once.
        var seen = new HashSet<(string, int, int, string)>();
        foreach (var (path, file) in context.ComposeFiles)
        {
            foreach (var service in file.Services)
            {
                foreach (var entry in service.Environment)
                {
                    if (entry.Value == null
                        && seen.Add((entry.SourceFile ?? path, entry.Span.Line, entry.Span.Column, entry.Name)))
                    {
                        Item(Variable, entry.Name).UsedAt.Add(
                            Place(context.Display(entry.SourceFile ?? path), entry.Span,
                            "compose service '" + service.Name + "' environment " + entry.Name
                                + " (from the shell or .env)"));
                    }
                }
            }
            // ${X} anywhere in the project's files (the model holds values after interpolation; the references keep the
            // names).
            foreach (var reference in file.Variables)
            {
                if (!seen.Add(
                    (reference.SourceFile ?? path, reference.Span.Line, reference.Span.Column, reference.Name)))
                {
                    continue;
                }
                var note = reference.HasDefault ? ", has a default" : string.Empty;
                Item(Variable, reference.Name).UsedAt.Add(
                    Place(context.Display(reference.SourceFile ?? path), reference.Span,
                    "compose " + reference + note));
            }
        }
    }

    private void AddKubernetes(CheckContext context)
    {
        foreach (var path in context.OfKind(ArtifactKind.KubernetesManifest))
        {
            if (context.ReadText(path) is not { } text)
            {
                continue;
            }
            var file = KubernetesParser.Parse(text);
            var display = context.Display(path);
            foreach (var definition in file.Definitions.Where(d => d.Kind == KubernetesReferenceKind.Secret))
            {
                Item(KubernetesSecret, definition.Name).DeclaredAt.Add(
                    Place(display, definition.NameSpan,
                    definition.Source == KubernetesDefinitionSource.Manifest ? "Secret manifest"
                    : definition.Source.ToString()));
            }
            if (_configMaps)
            {
                AddConfigMaps(file, display);
            }
            foreach (var workload in file.Workloads)
            {
                var owner = workload.Kind + " '" + (workload.Name ?? "?") + "'";
                foreach (var container in workload.PodSpec!.AllContainers)
                {
                    var where = owner + " container '" + (container.Name ?? "?") + "'";
                    foreach (var env in container.Env)
                    {
                        if (env.SecretKeyRef is { Name: { } secretName } reference)
                        {
                            Item(KubernetesSecret, secretName).UsedAt.Add(
                                Place(display, reference.NameSpan,
                                "secretKeyRef key '" + (reference.Key ?? "?") + "' for env " + env.Name + " of "
                                + where));
                        }
                    }
                    foreach (var source in container.EnvFrom)
                    {
                        if (source.Kind == KubernetesReferenceKind.Secret && source.Name != null)
                        {
                            Item(KubernetesSecret, source.Name).UsedAt.Add(
                                Place(display, source.NameSpan, "envFrom secretRef of " + where));
                        }
                    }
                }
                foreach (var volume in workload.PodSpec.Volumes)
                {
                    foreach (var reference in volume.References.Where(
                        r => r.Kind == KubernetesReferenceKind.Secret && r.Name != null))
                    {
                        Item(KubernetesSecret, reference.Name!).UsedAt.Add(
                            Place(display, reference.NameSpan, "volume '" + (volume.Name ?? "?") + "' of " + owner));
                    }
                }
                foreach (var pullSecret in workload.PodSpec.ImagePullSecrets)
                {
                    Item(KubernetesSecret, pullSecret.Name).UsedAt.Add(
                        Place(display, pullSecret.Span, "imagePullSecrets of " + owner));
                }
            }
        }
    }

    private void AddConfigMaps(KubernetesFile file, string display)
    {
        foreach (var definition in file.Definitions.Where(d => d.Kind == KubernetesReferenceKind.ConfigMap))
        {
            Item(KubernetesConfigMap, definition.Name).DeclaredAt.Add(
                Place(display, definition.NameSpan,
                definition.Source == KubernetesDefinitionSource.Manifest ? "ConfigMap manifest"
                : definition.Source.ToString()));
        }
        foreach (var workload in file.Workloads)
        {
            var owner = workload.Kind + " '" + (workload.Name ?? "?") + "'";
            foreach (var container in workload.PodSpec!.AllContainers)
            {
                var where = owner + " container '" + (container.Name ?? "?") + "'";
                foreach (var env in container.Env)
                {
                    if (env.ConfigMapKeyRef is { Name: { } name } reference && !reference.Optional)
                    {
                        Item(KubernetesConfigMap, name).UsedAt.Add(
                            Place(display, reference.NameSpan,
                            "configMapKeyRef key '" + (reference.Key ?? "?") + "' for env " + env.Name + " of "
                            + where));
                    }
                }
                foreach (var source in container.EnvFrom)
                {
                    if (source.Kind == KubernetesReferenceKind.ConfigMap && source.Name != null && !source.Optional)
                    {
                        Item(KubernetesConfigMap, source.Name).UsedAt.Add(
                            Place(display, source.NameSpan, "envFrom configMapRef of " + where));
                    }
                }
            }
            foreach (var volume in workload.PodSpec.Volumes)
            {
                foreach (var reference in volume.References.Where(
                    r => r.Kind == KubernetesReferenceKind.ConfigMap && r.Name != null && !r.Optional))
                {
                    Item(KubernetesConfigMap, reference.Name!).UsedAt.Add(
                        Place(display, reference.NameSpan, "volume '" + (volume.Name ?? "?") + "' of " + owner));
                }
            }
        }
    }

    /// <summary>
    /// The keys of <c>.env.example</c> / <c>.env.template</c> / <c>.env.sample</c> declare variables by convention
    /// (dotenv-safe): a minimal line reader of this check's own, which reads keys and never values.
    /// </summary>
    private void AddEnvExamples(CheckContext context)
    {
        foreach (var path in context.Artifacts)
        {
            var name = PathText.GetFileName(path);
            if (!name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
                || !Artifacts.Secrets.SecretScanner.IsExampleFile(name) ||
                context.ReadText(path) is not { } text)
            {
                continue;
            }
            var display = context.Display(path);
            foreach (var entry in Artifacts.Env.EnvFileParser.Parse(text).Entries)
            {
                // A name that starts with a digit is not an environment variable a process can read.
                if (entry.Value != null && !char.IsDigit(entry.Key[0]))
                {
                    Item(Variable, entry.Key).DeclaredAt.Add(
                        new SecretsInventoryPlace(
                            display, entry.Span.Line, entry.Span.Column,
                            "example file " + name + " (the value is provided at deploy time)"));
                }
            }
        }
    }

    private SecretsInventoryItem Item(string kind, string name)
    {
        // Names of the environment are compared as .NET configuration and GitHub compare them: case-insensitively.
        var isKubernetes = kind == KubernetesSecret || kind == KubernetesConfigMap;
        var category = isKubernetes ? kind : "name";
        var key = category + "\n" + (isKubernetes ? name : name.ToUpperInvariant());
        if (!_items.TryGetValue(key, out var item))
        {
            item = new SecretsInventoryItem(name, kind);
            _items[key] = item;
        }
        else if (kind == Secret && item.Kind == Variable)
        {
            item.Kind = Secret;
        }
        return item;
    }

    private static SecretsInventoryPlace Place(string file, SourceSpan span, string what) =>
        new SecretsInventoryPlace(file, span.Line, span.Column, what);

    private static string Environments(IEnumerable<string> environments)
    {
        var list = environments.ToList();
        return list.Count == 0 ? string.Empty : " (environments: " + string.Join(", ", list) + ")";
    }

    private static int KindOrder(string kind) => kind == Secret ? 0 : kind == Variable ? 1 : kind == KubernetesSecret
        ? 2 : 3;

    // ---- output ----

    /// <summary>A Markdown table: name, kind, where used, where declared; undeclared items say so.</summary>
    public string ToMarkdown(string repositoryName)
    {
        var builder = new StringBuilder();
        builder.Append("# Secrets inventory of ").Append(Cell(repositoryName)).Append('\n').Append('\n');
        builder.Append("Every secret and variable this repository needs, where it is used and where it is declared. ")
            .Append("Names only: Preflight never reads a value into this file. Generated on each build by Preflight; " +
                "do not edit.\n\n");
        var items = Items;
        if (items.Count == 0)
        {
            builder.Append(
                "Nothing found: no workflow reads a secret, no compose file interpolates a variable, no manifest " +
                "references a Secret, and preflight.yaml declares none.\n");
            return builder.ToString();
        }
        builder.Append("| name | kind | used at | declared at |\n|---|---|---|---|\n");
        foreach (var item in items)
        {
            builder.Append("| ").Append(Cell(item.Name))
                .Append(" | ").Append(item.Kind)
                .Append(" | ").Append(
                    item.UsedAt.Count == 0 ? "-" : string.Join("<br>", item.UsedAt.Select(p => Cell(p.ToString()))))
                .Append(" | ").Append(
                    item.DeclaredAt.Count == 0 ? "**not declared**"
                    : string.Join("<br>", item.DeclaredAt.Select(p => Cell(p.ToString()))))
                .Append(" |\n");
        }
        return builder.ToString();
    }

    /// <summary>The same as JSON:
    /// <c>{"items":[{"name","kind","declared","usedAt":[...],"declaredAt":[...]}]}</c>.</summary>
    public string ToJson()
    {
        var builder = new StringBuilder();
        builder.Append("{\n  \"items\": [");
        var first = true;
        foreach (var item in Items)
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;
            builder.Append("    {\"name\": ").Append(Json(item.Name))
                .Append(", \"kind\": ").Append(Json(item.Kind))
                .Append(", \"declared\": ").Append(item.DeclaredAt.Count > 0 ? "true" : "false")
                .Append(", \"usedAt\": ").Append(Places(item.UsedAt))
                .Append(", \"declaredAt\": ").Append(Places(item.DeclaredAt))
                .Append('}');
        }
        builder.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
    }

    /// <summary>What a non-owner project writes: where the inventory is.</summary>
    public static string PointerMarkdown(string ownerProject) =>
        "# Secrets inventory\n\nThe repository's secrets inventory is written by its owner project, "
            + Cell(ownerProject) + " (in its obj/preflight/secrets.md).\n";

    public static string PointerJson(string ownerProject) => "{\n  \"ownerProject\": " + Json(ownerProject)
        + ",\n  \"items\": null\n}\n";

    private static string Places(IEnumerable<SecretsInventoryPlace> places) =>
        "[" + string.Join(", ", places.Select(p =>
            "{\"file\": " + Json(p.File) + ", \"line\": " + p.Line.ToString(CultureInfo.InvariantCulture) +
            ", \"column\": " + p.Column.ToString(CultureInfo.InvariantCulture) + ", \"what\": " + Json(p.What)
                + "}")) + "]";

    private static string Cell(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Replace("<", "&lt;");

    private static string Json(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}

/// <summary>One secret or variable of the inventory.</summary>
public sealed class SecretsInventoryItem
{
    internal SecretsInventoryItem(string name, string kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    /// <summary><see cref="SecretsInventory.Secret"/>, <see cref="SecretsInventory.Variable"/> or
    /// <see cref="SecretsInventory.KubernetesSecret"/>.</summary>
    public string Kind { get; internal set; }

    public List<SecretsInventoryPlace> UsedAt { get; } = new List<SecretsInventoryPlace>();
    public List<SecretsInventoryPlace> DeclaredAt { get; } = new List<SecretsInventoryPlace>();
}

/// <summary>A place in a file: repository-relative path, one-based line and column, and what is there.</summary>
public sealed class SecretsInventoryPlace
{
    internal SecretsInventoryPlace(string file, int line, int column, string what)
    {
        File = file;
        Line = line;
        Column = column;
        What = what;
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public string What { get; }

    public override string ToString() => File + ":" + Line.ToString(CultureInfo.InvariantCulture) + ":"
        + Column.ToString(CultureInfo.InvariantCulture) + " (" + What + ")";
}
