using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Checks the names a model refers to: <c>depends_on</c>, <c>links</c>, <c>volumes_from</c> and
/// <c>network_mode: service:</c> name services; named volumes, networks, secrets and configs name top-level
/// definitions; and <c>depends_on</c> has no cycle. Adds <see cref="ComposeErrorKind.Reference"/> and
/// <see cref="ComposeErrorKind.Cycle"/> errors.
/// </summary>
internal static class ComposeReferenceValidator
{
    public static void Validate(ComposeFile file, List<ComposeError> errors)
    {
        var services = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        foreach (var service in file.Services)
        {
            services[service.Name] = service;
        }
        var volumes = Names(file.Volumes);
        var networks = Names(file.Networks);
        networks.Add("default");
        var secrets = Names(file.Secrets);
        var configs = Names(file.Configs);
        foreach (var service in file.Services)
        {
            var owner = $"service \"{service.Name}\"";
            foreach (var dependency in service.DependsOn)
            {
                if (dependency.Required && !services.ContainsKey(dependency.Service))
                {
                    Add(errors, dependency.Node, dependency.ServiceSpan,
                        $"{owner} depends on undefined service \"{dependency.Service}\"");
                }
            }
            foreach (var link in service.Links)
            {
                if (!services.ContainsKey(link.Service))
                {
                    Add(errors, link.Node, link.Span, $"{owner} links to undefined service \"{link.Service}\"");
                }
            }
            foreach (var from in service.VolumesFrom)
            {
                var name = from.Value.Split(':')[0];
                if (name != "container" && name.Length > 0 && !services.ContainsKey(name))
                {
                    Add(errors, from.Node, from.Span, $"{owner} takes volumes_from undefined service \"{name}\"");
                }
            }
            if (service.NetworkMode is { } mode && mode.StartsWith("service:", StringComparison.Ordinal)
                && !services.ContainsKey(mode.Substring(8)))
            {
                Add(errors, service.Node, service.Span,
                    $"{owner} uses network_mode of undefined service \"{mode.Substring(8)}\"");
            }
            foreach (var mount in service.Volumes)
            {
                if (mount.IsNamedVolume && !volumes.Contains(mount.Source!) && mount.Source!.IndexOf('$') < 0)
                {
                    Add(errors, mount.Node, mount.SourceSpan.IsEmpty ? mount.Span : mount.SourceSpan,
                        $"{owner} mounts undefined volume \"{mount.Source}\" (define it under the top-level volumes:)");
                }
            }
            foreach (var network in service.Networks)
            {
                if (!networks.Contains(network.Name))
                {
                    Add(errors, network.Node, network.Span,
                        $"{owner} joins undefined network \"{network.Name}\" (define it under the top-level " +
                        $"networks:)");
                }
            }
            foreach (var secret in service.Secrets)
            {
                if (!secrets.Contains(secret.Source))
                {
                    Add(errors, secret.Node, secret.Span,
                        $"{owner} uses undefined secret \"{secret.Source}\" (define it under the top-level secrets:)");
                }
            }
            foreach (var config in service.Configs)
            {
                if (!configs.Contains(config.Source))
                {
                    Add(errors, config.Node, config.Span,
                        $"{owner} uses undefined config \"{config.Source}\" (define it under the top-level configs:)");
                }
            }
        }
        FindDependencyCycles(file, services, errors);
    }

    /// <summary>Reports each depends_on cycle once, at the dependency that closes it.</summary>
    private static void FindDependencyCycles(
        ComposeFile file, Dictionary<string, ComposeService> services, List<ComposeError> errors)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in file.Services)
        {
            if (state.ContainsKey(service.Name))
            {
                continue;
            }
            // Iterative depth-first search: (service, next dependency index).
            var stack = new List<(ComposeService Service, int Next)> { (service, 0) };
            state[service.Name] = 1;
            while (stack.Count > 0)
            {
                var (current, next) = stack[stack.Count - 1];
                if (next >= current.DependsOn.Count)
                {
                    state[current.Name] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                stack[stack.Count - 1] = (current, next + 1);
                var dependency = current.DependsOn[next];
                if (!services.TryGetValue(dependency.Service, out var target))
                {
                    continue;
                }
                state.TryGetValue(target.Name, out var seen);
                if (seen == 1)
                {
                    var path = new List<string>();
                    var from = stack.FindIndex(frame => frame.Service.Name == target.Name);
                    for (var i = Math.Max(0, from); i < stack.Count; i++)
                    {
                        path.Add(stack[i].Service.Name);
                    }
                    path.Add(target.Name);
                    Add(errors, dependency.Node, dependency.ServiceSpan,
                        $"depends_on cycle: {string.Join(" -> ", path)}", ComposeErrorKind.Cycle);
                }
                else if (seen == 0)
                {
                    state[target.Name] = 1;
                    stack.Add((target, 0));
                }
            }
        }
    }

    private static HashSet<string> Names<T>(IReadOnlyList<T> definitions) where T : ComposeResourceDefinition
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            names.Add(definition.Name);
        }
        return names;
    }

    private static void Add(
        List<ComposeError> errors, ComposeNode node, Text.SourceSpan span, string message,
        ComposeErrorKind kind = ComposeErrorKind.Reference) =>
        errors.Add(new ComposeError(message, span, kind, node.SourceFile));
}
