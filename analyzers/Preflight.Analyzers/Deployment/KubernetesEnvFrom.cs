using System;
using System.Collections.Generic;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Deployment;

/// <summary>
/// What a Kubernetes container's <c>envFrom</c> gives it, for the listening port: the keys of each ConfigMap or Secret
/// defined in the repository (with the source's <c>prefix</c>), a ConfigMap's <c>data</c> values read from the manifest
/// (a Secret's values, and values written differently by several definitions, are unknown). An object not defined in
/// the
/// repository, or defined with keys that may not all be written, may set anything.
/// </summary>
internal static class KubernetesEnvFrom
{
    /// <summary>Adds the variables (before the container's own <c>env</c>, which wins); false when they cannot be
    /// known.</summary>
    public static bool TryAdd(
        Dictionary<string, string?> environment, KubernetesContainer container, ProjectContext project,
        ArtifactReader reader)
    {
        if (container.EnvFrom.Count == 0)
        {
            return true;
        }
        var definitions = new List<(ArtifactFile File, KubernetesDefinition Definition)>();
        foreach (var file in project.OfKind(ArtifactKind.KubernetesManifest))
        {
            if (reader.Kubernetes(file) is not { IsTemplate: false } manifest)
            {
                continue;
            }
            foreach (var definition in manifest.Definitions)
            {
                definitions.Add((file, definition));
            }
        }
        foreach (var source in container.EnvFrom)
        {
            if (source.Name == null)
            {
                return false;
            }
            var found = definitions.FindAll(d => d.Definition.Kind == source.Kind && d.Definition.Name == source.Name);
            if (found.Count == 0 || found.Exists(d => !d.Definition.KeysAreComplete))
            {
                return false;
            }
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (file, definition) in found)
            {
                foreach (var key in definition.Keys)
                {
                    var value = source.Kind == KubernetesReferenceKind.ConfigMap
                        && key.Field == "data" ? ScalarValue(reader.Text(file), key) : null;
                    values[key.Key] = values.TryGetValue(key.Key, out var earlier) && earlier != value ? null : value;
                }
            }
            foreach (var pair in values)
            {
                environment[(source.Prefix ?? string.Empty) + pair.Key] = pair.Value;
            }
        }
        return true;
    }

    /// <summary>A plain or quoted one-line scalar; null for block scalars and anything else.</summary>
    private static string? ScalarValue(string? text, KubernetesDefinitionKey key)
    {
        var span = key.ValueSpan;
        if (text == null || span.Length == 0 || span.Start < 0 || span.End > text.Length)
        {
            return null;
        }
        var raw = text.Substring(span.Start, span.Length).Trim();
        if (raw.Length == 0 || raw.IndexOf('\n') >= 0 || raw[0] == '|' || raw[0] == '>' || raw[0] == '&'
            || raw[0] == '*' || raw[0] == '!')
        {
            return null;
        }
        if (raw.Length >= 2
            && (raw[0] == '"' && raw[raw.Length - 1] == '"' || raw[0] == '\'' && raw[raw.Length - 1] == '\''))
        {
            var inner = raw.Substring(1, raw.Length - 2);
            return inner.IndexOf('\\') >= 0 || inner.IndexOf('\'') >= 0 ? null : inner;
        }
        return raw;
    }
}
