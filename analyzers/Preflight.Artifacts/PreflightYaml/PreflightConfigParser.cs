using System;
using System.Collections.Generic;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.PreflightYaml;

/// <summary>Reads preflight.yaml into a <see cref="PreflightConfig"/>, with an error for every unknown key or wrong
/// shape. Never throws.</summary>
public static class PreflightConfigParser
{
    /// <summary>The keys of each level of the schema.</summary>
    public static readonly IReadOnlyList<string> RootKeys = new[] { "secrets", "variables", "images", "external",
        "policies" };
    public static readonly IReadOnlyList<string> DeclarationKeys = new[] { "name", "environments" };
    public static readonly IReadOnlyList<string> ImageKeys = new[] { "requires", "any_of", "both_or_neither", "forbid",
        "persist" };
    public static readonly IReadOnlyList<string> ExternalKeys = new[] { "kubernetes" };
    public static readonly IReadOnlyList<string> ExternalKubernetesKeys = new[] { "secrets", "configmaps" };
    public static readonly IReadOnlyList<string> PolicyKeys = new[] { "name", "files", "kind", "require", "forbid" };

    /// <summary>Errors past this many are dropped (the file is hopeless, the first ones say why).</summary>
    public const int MaxErrors = 100;

    private const int NodeBudget = 100_000;

    public static PreflightConfig Parse(string text)
    {
        text ??= string.Empty;
        var map = new LineMap(text);
        try
        {
            return new Reader(map).Read(text);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return new PreflightConfig(
                Array.Empty<PreflightDeclaration>(), Array.Empty<PreflightDeclaration>(), Array.Empty<PreflightImage>(),
                PreflightExternal.Empty, Array.Empty<PreflightPolicy>(),
                new[] { new PreflightConfigError(
                    PreflightConfigErrorKind.Syntax, "preflight.yaml could not be read (" + ex.GetType().Name + ")",
                    map.Span(0, 0), null, null) });
        }
    }

    private sealed class Reader
    {
        private readonly LineMap _map;
        private readonly List<PreflightConfigError> _errors = new List<PreflightConfigError>();
        private readonly YamlWalkBudget _budget = new YamlWalkBudget(NodeBudget);
        private bool _exhausted;
        private int _unknownKeys;

        public Reader(LineMap map) => _map = map;

        public PreflightConfig Read(string text)
        {
            var loaded = YamlDocumentLoader.Load(text);
            if (loaded.Error != null)
            {
                Error(PreflightConfigErrorKind.Syntax, "preflight.yaml is not valid YAML: " + loaded.Error,
                    loaded.ErrorSpan);
            }
            var secrets = new List<PreflightDeclaration>();
            var variables = new List<PreflightDeclaration>();
            var images = new List<PreflightImage>();
            var policies = new List<PreflightPolicy>();
            var external = PreflightExternal.Empty;
            var seenContent = false;
            for (var index = 0; index < loaded.Documents.Count; index++)
            {
                var root = loaded.Documents[index].RootNode;
                if (root.IsNullScalar())
                {
                    continue;
                }
                if (seenContent)
                {
                    Error(PreflightConfigErrorKind.Shape,
                        "preflight.yaml must be a single YAML document; this one is not read", Span(root));
                    break;
                }
                seenContent = true;
                if (root is not YamlMappingNode mapping)
                {
                    Error(PreflightConfigErrorKind.Shape,
                        "the top level of preflight.yaml must be a mapping of " + List(RootKeys), Span(root));
                    continue;
                }
                foreach (var (key, value) in Entries(mapping, RootKeys, "at the top level of preflight.yaml"))
                {
                    switch (key)
                    {
                        case "secrets":
                            ReadDeclarations(value, "secrets", secrets);
                            break;
                        case "variables":
                            ReadDeclarations(value, "variables", variables);
                            break;
                        case "images":
                            ReadImages(value, images);
                            break;
                        case "external":
                            external = ReadExternal(value);
                            break;
                        case "policies":
                            ReadPolicies(value, policies);
                            break;
                    }
                }
            }
            if (_exhausted)
            {
                Error(PreflightConfigErrorKind.Shape,
                    $"preflight.yaml holds more than {NodeBudget} values (aliases counted each time they are used); " +
                    $"the rest was not read", _map.Span(0, 0));
            }
            var errors = new List<PreflightConfigError>(_errors);
            errors.Sort(
                (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start)
                : _errors.IndexOf(a).CompareTo(_errors.IndexOf(b)));
            return new PreflightConfig(secrets, variables, images, external, policies, errors);
        }

        private void ReadDeclarations(YamlNode value, string where, List<PreflightDeclaration> result)
        {
            if (value.IsNullScalar())
            {
                return;
            }
            if (value is not YamlSequenceNode list)
            {
                Error(PreflightConfigErrorKind.Shape,
                    $"'{where}' must be a list of names or {{name, environments}} entries, not {Describe(value)}",
                    Span(value));
                return;
            }
            foreach (var item in Items(list))
            {
                if (item is YamlScalarNode && item.ScalarValue() is { } name)
                {
                    result.Add(new PreflightDeclaration(name, Span(item), Span(item), Array.Empty<PreflightValue>()));
                }
                else if (item is YamlMappingNode entry)
                {
                    string? entryName = null;
                    SourceSpan nameSpan = default;
                    IReadOnlyList<PreflightValue> environments = Array.Empty<PreflightValue>();
                    foreach (var (key, child) in Entries(entry, DeclarationKeys, $"an entry of '{where}'"))
                    {
                        if (key == "name")
                        {
                            entryName = child.ScalarValue();
                            nameSpan = Span(child);
                            if (entryName == null || child is not YamlScalarNode)
                            {
                                Error(PreflightConfigErrorKind.Shape,
                                    $"the name of an entry of '{where}' must be a non-empty text", Span(child));
                                entryName = null;
                            }
                        }
                        else
                        {
                            environments = ReadValues(
                                child, $"'environments' of an entry of '{where}'", "environment names");
                        }
                    }
                    if (entryName != null)
                    {
                        result.Add(new PreflightDeclaration(entryName, nameSpan, FullSpan(entry), environments));
                    }
                    else if (entry.Children.Count == 0 || !HasKey(entry, "name"))
                    {
                        Error(PreflightConfigErrorKind.Shape, $"an entry of '{where}' needs a name", FullSpan(entry));
                    }
                }
                else
                {
                    Error(PreflightConfigErrorKind.Shape,
                        $"an entry of '{where}' must be a name or {{name, environments}}, not {Describe(item)}",
                        Span(item));
                }
            }
        }

        private void ReadImages(YamlNode value, List<PreflightImage> result)
        {
            if (value.IsNullScalar())
            {
                return;
            }
            if (value is not YamlMappingNode images)
            {
                Error(PreflightConfigErrorKind.Shape,
                    $"'images' must be a mapping of image names to their needs ({List(ImageKeys)}), not " +
                    $"{Describe(value)}", Span(value));
                return;
            }
            foreach (var entry in images.Children)
            {
                if (!Take())
                {
                    return;
                }
                if (entry.Key is not YamlScalarNode || entry.Key.ScalarValue() is not { } image)
                {
                    Error(PreflightConfigErrorKind.Shape, "an image name in 'images' must be a text", Span(entry.Key));
                    continue;
                }
                var where = $"images.{image}";
                var requires = new List<PreflightValue>();
                var anyOf = new List<PreflightValueGroup>();
                var bothOrNeither = new List<PreflightValueGroup>();
                var forbid = new List<PreflightValue>();
                var persist = new List<PreflightValue>();
                if (entry.Value is YamlMappingNode needs)
                {
                    foreach (var (key, child) in Entries(needs, ImageKeys, $"in '{where}'"))
                    {
                        switch (key)
                        {
                            case "requires":
                                requires.AddRange(ReadValues(child, $"'{where}.requires'", "variable names"));
                                break;
                            case "any_of":
                                anyOf.AddRange(ReadGroups(child, $"'{where}.any_of'"));
                                break;
                            case "both_or_neither":
                                bothOrNeither.AddRange(ReadGroups(child, $"'{where}.both_or_neither'"));
                                break;
                            case "forbid":
                                forbid.AddRange(ReadValues(child, $"'{where}.forbid'", "variable names"));
                                break;
                            case "persist":
                                persist.AddRange(ReadValues(child, $"'{where}.persist'", "variable names"));
                                break;
                        }
                    }
                }
                else if (!entry.Value.IsNullScalar())
                {
                    Error(PreflightConfigErrorKind.Shape,
                        $"'{where}' must be a mapping of {List(ImageKeys)}, not {Describe(entry.Value)}",
                        Span(entry.Value));
                }
                result.Add(new PreflightImage(image, Span(entry.Key), requires, anyOf, bothOrNeither, forbid, persist));
            }
        }

        private PreflightExternal ReadExternal(YamlNode value)
        {
            var secrets = new List<PreflightValue>();
            var configMaps = new List<PreflightValue>();
            if (value is YamlMappingNode external)
            {
                foreach (var (_, kubernetesNode) in Entries(external, ExternalKeys, "in 'external'"))
                {
                    if (kubernetesNode is YamlMappingNode kubernetes)
                    {
                        foreach (var (key, child) in Entries(
                            kubernetes, ExternalKubernetesKeys, "in 'external.kubernetes'"))
                        {
                            (key == "secrets" ? secrets : configMaps).AddRange(
                                ReadValues(
                                child, $"'external.kubernetes.{key}'",
                                key == "secrets" ? "Secret names" : "ConfigMap names"));
                        }
                    }
                    else if (!kubernetesNode.IsNullScalar())
                    {
                        Error(PreflightConfigErrorKind.Shape,
                            $"'external.kubernetes' must be a mapping of {List(ExternalKubernetesKeys)}, not " +
                            $"{Describe(kubernetesNode)}", Span(kubernetesNode));
                    }
                }
            }
            else if (!value.IsNullScalar())
            {
                Error(PreflightConfigErrorKind.Shape,
                    $"'external' must be a mapping of {List(ExternalKeys)}, not {Describe(value)}", Span(value));
            }
            return secrets.Count == 0
                && configMaps.Count == 0 ? PreflightExternal.Empty : new PreflightExternal(secrets, configMaps);
        }

        private void ReadPolicies(YamlNode value, List<PreflightPolicy> result)
        {
            if (value.IsNullScalar())
            {
                return;
            }
            if (value is not YamlSequenceNode list)
            {
                Error(PreflightConfigErrorKind.Shape,
                    $"'policies' must be a list of policies ({List(PolicyKeys)}), not {Describe(value)}", Span(value));
                return;
            }
            foreach (var item in Items(list))
            {
                if (item is not YamlMappingNode policy)
                {
                    Error(PreflightConfigErrorKind.Shape,
                        $"a policy must be a mapping of {List(PolicyKeys)}, not {Describe(item)}", Span(item));
                    continue;
                }
                string? name = null;
                SourceSpan nameSpan = default;
                IReadOnlyList<PreflightValue> files = Array.Empty<PreflightValue>();
                IReadOnlyList<PreflightValue> kinds = Array.Empty<PreflightValue>();
                IReadOnlyList<PreflightValue> require = Array.Empty<PreflightValue>();
                IReadOnlyList<PreflightValue> forbid = Array.Empty<PreflightValue>();
                var checks = false;
                var unknownKeys = _unknownKeys;
                foreach (var (key, child) in Entries(policy, PolicyKeys, "in a policy"))
                {
                    switch (key)
                    {
                        case "name":
                            name = child is YamlScalarNode ? child.ScalarValue() : null;
                            nameSpan = Span(child);
                            if (name == null)
                            {
                                Error(PreflightConfigErrorKind.Shape, "a policy's name must be a non-empty text",
                                    Span(child));
                            }
                            break;
                        case "files":
                            files = ReadValues(child, "a policy's 'files'", "globs");
                            break;
                        case "kind":
                            kinds = ReadValues(child, "a policy's 'kind'", "kinds");
                            break;
                        case "require":
                            checks = true;
                            require = ReadValues(child, "a policy's 'require'", "paths");
                            foreach (var path in require)
                            {
                                if (!KubernetesPath.TryParse(path.Value, out _, out var error))
                                {
                                    Error(PreflightConfigErrorKind.Shape, $"'{path.Value}' is not a path: {error}",
                                        path.Span);
                                }
                            }
                            break;
                        case "forbid":
                            checks = true;
                            forbid = ReadValues(child, "a policy's 'forbid'", "globs");
                            break;
                    }
                }
                var span = FullSpan(policy);
                if (name == null)
                {
                    if (!HasKey(policy, "name"))
                    {
                        Error(PreflightConfigErrorKind.Shape, "a policy needs a name (name: ...)", span);
                    }
                    continue;
                }
                if (!checks && unknownKeys == _unknownKeys)
                {
                    // (With an unknown key, that error already says what is wrong, e.g. 'requires:' for 'require:'.)
                    Error(PreflightConfigErrorKind.Shape,
                        $"policy '{name}' checks nothing: give it require: (paths every matching object must have) " +
                        $"or forbid: (files that must not exist)", nameSpan);
                }
                result.Add(new PreflightPolicy(name, nameSpan, span, files, kinds, require, forbid));
            }
        }

        /// <summary>A list of texts; a single text is a one-item list; null is empty.</summary>
        private IReadOnlyList<PreflightValue> ReadValues(YamlNode value, string where, string what)
        {
            if (value.IsNullScalar())
            {
                return Array.Empty<PreflightValue>();
            }
            if (value is YamlScalarNode scalar)
            {
                return new[] { new PreflightValue(scalar.Value ?? string.Empty, Span(scalar)) };
            }
            if (value is not YamlSequenceNode list)
            {
                Error(PreflightConfigErrorKind.Shape, $"{where} must be a list of {what}, not {Describe(value)}",
                    Span(value));
                return Array.Empty<PreflightValue>();
            }
            var result = new List<PreflightValue>();
            foreach (var item in Items(list))
            {
                if (item is YamlScalarNode && item.ScalarValue() is { } text)
                {
                    result.Add(new PreflightValue(text, Span(item)));
                }
                else
                {
                    Error(PreflightConfigErrorKind.Shape, $"an item of {where} must be a text, not {Describe(item)}",
                        Span(item));
                }
            }
            return result;
        }

        /// <summary>A list of groups (lists of names); a flat list of names is one group.</summary>
        private IReadOnlyList<PreflightValueGroup> ReadGroups(YamlNode value, string where)
        {
            if (value.IsNullScalar())
            {
                return Array.Empty<PreflightValueGroup>();
            }
            if (value is not YamlSequenceNode list)
            {
                Error(PreflightConfigErrorKind.Shape,
                    $"{where} must be a list of variable names, or a list of such lists, not {Describe(value)}",
                    Span(value));
                return Array.Empty<PreflightValueGroup>();
            }
            var nested = false;
            foreach (var item in list.Children)
            {
                nested |= item is YamlSequenceNode;
            }
            if (!nested)
            {
                return new[] { new PreflightValueGroup(ReadValues(list, where, "variable names"), FullSpan(list)) };
            }
            var result = new List<PreflightValueGroup>();
            foreach (var item in Items(list))
            {
                var values = ReadValues(item, $"a group of {where}", "variable names");
                if (values.Count > 0)
                {
                    result.Add(new PreflightValueGroup(values, FullSpan(item)));
                }
            }
            return result;
        }

        /// <summary>The entries of a mapping whose keys are allowed; an error for every other key.</summary>
        private IEnumerable<(string Key, YamlNode Value)> Entries(
            YamlMappingNode mapping, IReadOnlyList<string> allowed, string where)
        {
            foreach (var entry in mapping.Children)
            {
                if (!Take())
                {
                    yield break;
                }
                var key = entry.Key is YamlScalarNode scalar ? scalar.Value : null;
                if (key == null)
                {
                    Error(PreflightConfigErrorKind.Shape,
                        $"keys {where} must be texts; allowed keys: {string.Join(", ", allowed)}", Span(entry.Key));
                    continue;
                }
                if (Contains(allowed, key))
                {
                    yield return (key, entry.Value);
                    continue;
                }
                _unknownKeys++;
                var suggestion = Suggest(key, allowed);
                var hint = suggestion != null ? $" (did you mean '{suggestion}'?)" : string.Empty;
                Error(PreflightConfigErrorKind.UnknownKey,
                    $"unknown key '{Shorten(key)}' {where}{hint}; allowed keys: {string.Join(", ", allowed)}",
                    Span(entry.Key), key, suggestion);
            }
        }

        private IEnumerable<YamlNode> Items(YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (!Take())
                {
                    yield break;
                }
                yield return item;
            }
        }

        private bool Take()
        {
            if (_exhausted)
            {
                return false;
            }
            if (!_budget.Take())
            {
                _exhausted = true;
                return false;
            }
            return true;
        }

        private void Error(
            PreflightConfigErrorKind kind, string message, SourceSpan span, string? key = null,
            string? suggestion = null)
        {
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(new PreflightConfigError(kind, message, span, key, suggestion));
            }
        }

        private SourceSpan Span(YamlNode node) => YamlDocumentLoader.SpanOf(_map, node);

        private SourceSpan FullSpan(YamlNode node) => YamlExtent.FullSpan(_map, node);
    }

    /// <summary>The allowed key closest to <paramref name="key"/> when it is likely a typo of it; null
    /// otherwise.</summary>
    public static string? Suggest(string key, IReadOnlyList<string> allowed)
    {
        if (key.Length > 64)
        {
            return null;
        }
        var normalized = Normalize(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            if (Normalize(candidate) == normalized)
            {
                return candidate;
            }
            var distance = EditDistance.Between(key.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.Min(2, Math.Max(1, best.Length / 3)) ? best : null;
    }

    private static string Normalize(string key) =>
        key.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();


    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasKey(YamlMappingNode mapping, string key) => mapping.Child(key) != null;

    private static string List(IReadOnlyList<string> keys) => string.Join(", ", keys);

    private static string Shorten(string key) => key.Length <= 80 ? key : key.Substring(0, 77) + "...";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when node.IsNullScalar() => "empty",
        _ => "a text",
    };
}
