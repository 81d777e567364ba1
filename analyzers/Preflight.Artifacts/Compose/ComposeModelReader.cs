using System;
using System.Collections.Generic;
using System.Globalization;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Builds the typed model (<see cref="ComposeFile"/>) from a resolved node tree (anchors, merges, overrides, extends
/// and interpolation already applied). Reads every documented form leniently: a shape it does not know is skipped
/// (the schema validator reports it), never thrown.
/// </summary>
internal sealed partial class ComposeModelReader
{
    private readonly Func<ComposeScalar, bool> _isUnresolved;

    public ComposeModelReader(Func<ComposeScalar, bool> isUnresolved) => _isUnresolved = isUnresolved;

    public ComposeFile Read(string? path, ComposeMapping? root, List<ComposeError> errors)
    {
        var services = new List<ComposeService>();
        if (root == null)
        {
            return new ComposeFile(path, null, null, services, errors);
        }
        if (root["services"] is ComposeMapping servicesNode)
        {
            foreach (var entry in servicesNode.Entries)
            {
                if (entry.Value is ComposeMapping serviceNode)
                {
                    services.Add(ReadService(entry.Key, serviceNode));
                }
                else if (entry.Value is ComposeScalar { IsNull: true })
                {
                    services.Add(
                        new ComposeService(
                        entry.Value, entry.Name, entry.Key.Span) { NameSourceFile = entry.Key.SourceFile });
                }
            }
        }
        var file = new ComposeFile(path, Text(root["name"]), root, services, errors)
        {
            Volumes = ReadDefinitions(
                root["volumes"], (n, k) => new ComposeVolumeDefinition(n, k.Value, k.Span),
                (d, m) => d.Driver = Text(m["driver"])),
            Networks = ReadDefinitions(
                root["networks"], (n, k) => new ComposeNetworkDefinition(n, k.Value, k.Span),
                (d, m) => d.Driver = Text(m["driver"])),
            Secrets = ReadDefinitions(
                root["secrets"], (n, k) => new ComposeSecretDefinition(n, k.Value, k.Span), ReadData),
            Configs = ReadDefinitions(
                root["configs"], (n, k) => new ComposeConfigDefinition(n, k.Value, k.Span), (d, m) =>
            {
                ReadData(d, m);
                d.Content = Text(m["content"]);
            }),
            Includes = ReadIncludes(root["include"]),
        };
        return file;
    }

    private ComposeService ReadService(ComposeScalar key, ComposeMapping node)
    {
        var service = new ComposeService(node, key.Value, key.Span)
        {
            NameSourceFile = key.SourceFile,
            Build = ReadBuild(node["build"]),
            Environment = ReadKeyValues(node["environment"]),
            EnvFiles = ReadEnvFiles(node["env_file"]),
            Ports = ReadPorts(node["ports"]),
            Expose = Values(node["expose"]),
            Volumes = ReadVolumes(node["volumes"]),
            Tmpfs = Values(node["tmpfs"]),
            DependsOn = ReadDependencies(node["depends_on"]),
            Links = ReadLinks(node["links"]),
            VolumesFrom = Values(node["volumes_from"]),
            Extends = ReadExtends(node["extends"]),
            Profiles = Values(node["profiles"]),
            Networks = ReadServiceNetworks(node["networks"]),
            Secrets = ReadResourceReferences(node["secrets"]),
            Configs = ReadResourceReferences(node["configs"]),
            Healthcheck = ReadHealthcheck(node["healthcheck"]),
            NetworkMode = Text(node["network_mode"]),
            Command = CommandLine(node["command"]),
            Entrypoint = CommandLine(node["entrypoint"]),
        };
        if (node["image"] is ComposeScalar image && !image.IsNull)
        {
            service.Image = image.Value;
            service.ImageSpan = image.Span;
        }
        return service;
    }

    /// <summary>A <c>command</c> or <c>entrypoint</c>: a list as written, or a string split at blanks; null when not
    /// set.</summary>
    private static IReadOnlyList<string>? CommandLine(ComposeNode? node) => node switch
    {
        ComposeSequence list => Strings(list),
        ComposeScalar { IsNull: false } scalar =>
            scalar.Value.Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries),
        _ => null,
    };

    private ComposeBuild? ReadBuild(ComposeNode? node)
    {
        if (node is ComposeScalar scalar && !scalar.IsNull)
        {
            return new ComposeBuild(
                scalar, scalar.Value, scalar.Span, null, default, _isUnresolved(scalar)) { IsShortSyntax = true };
        }
        if (node is not ComposeMapping mapping)
        {
            return null;
        }
        var context = mapping["context"] as ComposeScalar;
        var dockerfile = mapping["dockerfile"] as ComposeScalar;
        var contextText = context?.Text ?? ".";
        var unresolved = (context != null && _isUnresolved(context))
            || (dockerfile != null && _isUnresolved(dockerfile));
        var build = new ComposeBuild(
            mapping, contextText, context?.Span ?? mapping.Span, dockerfile?.Text, dockerfile?.Span ?? default,
            unresolved)
        {
            DockerfileInline = Text(mapping["dockerfile_inline"]),
            Args = ReadKeyValues(mapping["args"]),
        };
        if (mapping["target"] is ComposeScalar target && !target.IsNull)
        {
            build.Target = target.Value;
            build.TargetSpan = target.Span;
        }
        return build;
    }

    /// <summary><c>environment</c>, <c>args</c>: a mapping, or a list of <c>KEY=VALUE</c> / bare <c>KEY</c>.</summary>
    private static IReadOnlyList<ComposeEnvironmentEntry> ReadKeyValues(ComposeNode? node)
    {
        var entries = new List<ComposeEnvironmentEntry>();
        if (node is ComposeMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                string? value = entry.Value switch
                {
                    ComposeScalar { IsNull: true } => null,
                    ComposeScalar scalar => scalar.Value,
                    _ => string.Empty,
                };
                entries.Add(
                    new ComposeEnvironmentEntry(
                    entry.Value, entry.Name, value, entry.Key.Span) { ValueSpan = entry.Value.Span });
            }
        }
        else if (node is ComposeSequence list)
        {
            foreach (var item in list.Items)
            {
                if (item is not ComposeScalar scalar || scalar.IsNull)
                {
                    continue;
                }
                var text = scalar.Value;
                var equals = text.IndexOf('=');
                var name = (equals < 0 ? text : text.Substring(0, equals)).Trim();
                if (name.Length == 0)
                {
                    continue;
                }
                var value = equals < 0 ? null : text.Substring(equals + 1);
                entries.Add(
                    new ComposeEnvironmentEntry(
                    scalar, name, value, scalar.Span) { ValueSpan = scalar.Span, IsListSyntax = true });
            }
        }
        return entries;
    }

    private static IReadOnlyList<ComposeEnvFile> ReadEnvFiles(ComposeNode? node)
    {
        var files = new List<ComposeEnvFile>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                files.Add(new ComposeEnvFile(scalar, scalar.Value, true, scalar.Span));
            }
            else if (item is ComposeMapping mapping && mapping["path"] is ComposeScalar path && !path.IsNull)
            {
                files.Add(new ComposeEnvFile(mapping, path.Value, !IsFalse(mapping["required"]), path.Span)
                {
                    Format = Text(mapping["format"]),
                    IsLongSyntax = true,
                });
            }
        }
        return files;
    }

    private static ComposeExtends? ReadExtends(ComposeNode? node)
    {
        if (node is ComposeScalar scalar && !scalar.IsNull)
        {
            return new ComposeExtends(scalar, scalar.Value, scalar.Span, null, default);
        }
        if (node is ComposeMapping mapping && mapping["service"] is ComposeScalar service && !service.IsNull)
        {
            var file = mapping["file"] as ComposeScalar;
            return new ComposeExtends(mapping, service.Value, service.Span, file?.Text, file?.Span ?? default);
        }
        return null;
    }

    private static IReadOnlyList<ComposeDependency> ReadDependencies(ComposeNode? node)
    {
        var dependencies = new List<ComposeDependency>();
        if (node is ComposeSequence list)
        {
            foreach (var item in list.Items)
            {
                if (item is ComposeScalar scalar && !scalar.IsNull)
                {
                    dependencies.Add(new ComposeDependency(scalar, scalar.Value, scalar.Span));
                }
            }
        }
        else if (node is ComposeMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                var dependency = new ComposeDependency(entry.Value, entry.Name, entry.Key.Span) { IsLongSyntax = true };
                if (entry.Value is ComposeMapping options)
                {
                    dependency.Condition = Text(options["condition"]) ?? dependency.Condition;
                    dependency.Required = !IsFalse(options["required"]);
                    dependency.Restart = Text(options["restart"]) is { } restart
                        ? string.Equals(restart, "true", StringComparison.OrdinalIgnoreCase) : null;
                }
                dependencies.Add(dependency);
            }
        }
        return dependencies;
    }

    private static IReadOnlyList<ComposeLink> ReadLinks(ComposeNode? node)
    {
        var links = new List<ComposeLink>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                var colon = scalar.Value.IndexOf(':');
                links.Add(colon < 0
                    ? new ComposeLink(scalar, scalar.Value, null)
                    : new ComposeLink(scalar, scalar.Value.Substring(0, colon), scalar.Value.Substring(colon + 1)));
            }
        }
        return links;
    }

    private static IReadOnlyList<ComposeServiceNetwork> ReadServiceNetworks(ComposeNode? node)
    {
        var networks = new List<ComposeServiceNetwork>();
        if (node is ComposeSequence list)
        {
            foreach (var item in list.Items)
            {
                if (item is ComposeScalar scalar && !scalar.IsNull)
                {
                    networks.Add(new ComposeServiceNetwork(scalar, scalar.Value, scalar.Span));
                }
            }
        }
        else if (node is ComposeMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                var network = new ComposeServiceNetwork(entry.Value, entry.Name, entry.Key.Span);
                if (entry.Value is ComposeMapping options)
                {
                    network.Aliases = Strings(options["aliases"]);
                    network.Ipv4Address = Text(options["ipv4_address"]);
                    network.Ipv6Address = Text(options["ipv6_address"]);
                }
                networks.Add(network);
            }
        }
        return networks;
    }

    private static IReadOnlyList<ComposeResourceReference> ReadResourceReferences(ComposeNode? node)
    {
        var references = new List<ComposeResourceReference>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                references.Add(new ComposeResourceReference(scalar, scalar.Value, scalar.Span));
            }
            else if (item is ComposeMapping mapping && mapping["source"] is ComposeScalar source && !source.IsNull)
            {
                references.Add(new ComposeResourceReference(mapping, source.Value, source.Span)
                {
                    Target = Text(mapping["target"]),
                    IsLongSyntax = true,
                });
            }
        }
        return references;
    }

    private static ComposeHealthcheck? ReadHealthcheck(ComposeNode? node)
    {
        if (node is not ComposeMapping mapping)
        {
            return null;
        }
        var healthcheck = new ComposeHealthcheck(mapping)
        {
            Interval = Text(mapping["interval"]),
            Timeout = Text(mapping["timeout"]),
            StartPeriod = Text(mapping["start_period"]),
            StartInterval = Text(mapping["start_interval"]),
            Retries = Text(mapping["retries"]),
        };
        var test = mapping["test"];
        if (test is ComposeScalar scalar && !scalar.IsNull)
        {
            healthcheck.Test = new[] { "CMD-SHELL", scalar.Value };
            healthcheck.TestKind = ComposeHealthcheckTestKind.Shell;
            healthcheck.TestSpan = scalar.Span;
            healthcheck.TestItems = new[] { new ComposeValue(scalar, scalar.Value) };
        }
        else if (test is ComposeSequence list)
        {
            var items = Strings(list);
            healthcheck.Test = items;
            healthcheck.TestSpan = list.Span;
            healthcheck.TestItems = Values(list);
            healthcheck.TestKind = items.Count == 0 ? ComposeHealthcheckTestKind.Inherit : items[0] switch
            {
                "NONE" => ComposeHealthcheckTestKind.None,
                "CMD" => ComposeHealthcheckTestKind.Command,
                "CMD-SHELL" => ComposeHealthcheckTestKind.Shell,
                _ => ComposeHealthcheckTestKind.Invalid,
            };
        }
        healthcheck.Disabled = Text(mapping["disable"]) is { } disable
            && string.Equals(disable, "true", StringComparison.OrdinalIgnoreCase)
            || healthcheck.TestKind == ComposeHealthcheckTestKind.None;
        if (healthcheck.Disabled)
        {
            healthcheck.TestKind = ComposeHealthcheckTestKind.None;
        }
        return healthcheck;
    }

    private delegate T DefinitionFactory<out T>(ComposeNode node, ComposeScalar key);

    private static IReadOnlyList<T> ReadDefinitions<T>(
        ComposeNode? node, DefinitionFactory<T> create, Action<T, ComposeMapping> fill)
        where T : ComposeResourceDefinition
    {
        var definitions = new List<T>();
        if (node is not ComposeMapping mapping)
        {
            return definitions;
        }
        foreach (var entry in mapping.Entries)
        {
            if (ComposeSchema.IsExtension(entry.Name))
            {
                continue;
            }
            var definition = create(entry.Value, entry.Key);
            if (entry.Value is ComposeMapping body)
            {
                definition.CustomName = Text(body["name"]);
                definition.External = body["external"] switch
                {
                    ComposeScalar external => string.Equals(external.Value, "true", StringComparison.OrdinalIgnoreCase),
                    ComposeMapping => true,
                    _ => false,
                };
                fill(definition, body);
            }
            definitions.Add(definition);
        }
        return definitions;
    }

    private static void ReadData(ComposeDataDefinition definition, ComposeMapping body)
    {
        if (body["file"] is ComposeScalar file && !file.IsNull)
        {
            definition.File = file.Value;
            definition.FileSpan = file.Span;
        }
        if (body["environment"] is ComposeScalar environment && !environment.IsNull)
        {
            definition.EnvironmentVariable = environment.Value;
            definition.EnvironmentVariableSpan = environment.Span;
        }
    }

    private static IReadOnlyList<ComposeInclude> ReadIncludes(ComposeNode? node)
    {
        var includes = new List<ComposeInclude>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                includes.Add(
                    new ComposeInclude(
                    scalar, new[] { new ComposeValue(scalar, scalar.Value) }) { IsShortSyntax = true });
            }
            else if (item is ComposeMapping mapping)
            {
                var include = new ComposeInclude(mapping, Values(mapping["path"]))
                {
                    EnvFiles = Values(mapping["env_file"]),
                };
                if (mapping["project_directory"] is ComposeScalar directory && !directory.IsNull)
                {
                    include.ProjectDirectory = new ComposeValue(directory, directory.Value);
                }
                includes.Add(include);
            }
        }
        return includes;
    }

    /// <summary>The items of a list, or the node itself when it is a single value.</summary>
    internal static IEnumerable<ComposeNode> Items(ComposeNode? node)
    {
        if (node is ComposeSequence list)
        {
            return list.Items;
        }
        return node == null || node is ComposeScalar { IsNull: true } ? Array.Empty<ComposeNode>() : new[] { node };
    }

    /// <summary>The scalar items of a list (or a single scalar) as values with their positions.</summary>
    internal static IReadOnlyList<ComposeValue> Values(ComposeNode? node)
    {
        var values = new List<ComposeValue>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                values.Add(new ComposeValue(scalar, scalar.Value));
            }
        }
        return values;
    }

    private static IReadOnlyList<string> Strings(ComposeNode? node)
    {
        var values = new List<string>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                values.Add(scalar.Value);
            }
        }
        return values;
    }

    internal static string? Text(ComposeNode? node) => node is ComposeScalar scalar ? scalar.Text : null;

    internal static bool IsFalse(ComposeNode? node) => Text(node) is { } text
        && string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);

    internal static ComposePortRange? ParseRange(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var dash = text!.IndexOf('-');
        var startText = dash < 0 ? text : text.Substring(0, dash);
        var endText = dash < 0 ? text : text.Substring(dash + 1);
        if (int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) &&
            int.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var end) &&
            start >= 0 && start <= 65535 && end >= start && end <= 65535)
        {
            return new ComposePortRange(start, end);
        }
        return null;
    }
}
