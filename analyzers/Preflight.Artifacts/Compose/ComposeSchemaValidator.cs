using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Validates the structure of one compose file as written (before merging): unknown top-level, service, build,
/// healthcheck and resource keys, and values of the wrong kind (a scalar where a list or mapping is required, ...).
/// Values that are null are accepted, as compose accepts them.
/// </summary>
internal static class ComposeSchemaValidator
{
    public static void Validate(ComposeNode document, List<ComposeError> errors)
    {
        if (document is not ComposeMapping root)
        {
            if (!(document is ComposeScalar { IsNull: true }))
            {
                Add(errors, document,
                    $"the top level of a compose file must be a mapping (services:, volumes:, ...), not " +
                    $"{document.Description}");
            }
            return;
        }
        foreach (var entry in root.Entries)
        {
            if (!CheckKey(entry, ComposeSchema.TopLevel, "top-level", errors))
            {
                continue;
            }
            switch (entry.Name)
            {
                case "services":
                    ValidateServices(entry.Value, errors, entry.ValueAlias);
                    break;
                case "volumes":
                    ValidateDefinitions(entry, ComposeSchema.Volume, "volume", errors);
                    break;
                case "networks":
                    ValidateDefinitions(entry, ComposeSchema.Network, "network", errors);
                    break;
                case "secrets":
                    ValidateDefinitions(entry, ComposeSchema.Secret, "secret", errors);
                    break;
                case "configs":
                    ValidateDefinitions(entry, ComposeSchema.Config, "config", errors);
                    break;
                case "include":
                    ValidateItems(entry, "SM", errors);
                    break;
            }
        }
    }

    private static void ValidateServices(ComposeNode node, List<ComposeError> errors, SourceSpan? alias)
    {
        if (node is not ComposeMapping services)
        {
            return;
        }
        foreach (var service in services.Entries)
        {
            if (ComposeSchema.IsExtension(service.Name))
            {
                continue;
            }
            if (service.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }
            var serviceAlias = alias ?? service.ValueAlias;
            if (service.Value is not ComposeMapping body)
            {
                Add(errors, service.Value,
                    $"service \"{service.Name}\" must be a mapping, not {service.Value.Description}", serviceAlias);
                continue;
            }
            foreach (var entry in body.Entries)
            {
                if (!CheckKey(entry, ComposeSchema.Service, $"service \"{service.Name}\"", errors, serviceAlias))
                {
                    continue;
                }
                var at = serviceAlias ?? entry.ValueAlias;
                switch (entry.Name)
                {
                    case "build" when entry.Value is ComposeMapping build:
                        CheckKeys(build, ComposeSchema.Build, $"the build of service \"{service.Name}\"", errors, at);
                        break;
                    case "healthcheck" when entry.Value is ComposeMapping healthcheck:
                        CheckKeys(
                            healthcheck, ComposeSchema.Healthcheck, $"the healthcheck of service \"{service.Name}\"",
                            errors, at);
                        break;
                    case "ports":
                        ValidateItems(
                            entry, "SM", errors, ComposeSchema.Port, $"a port of service \"{service.Name}\"", at);
                        break;
                    case "volumes":
                        ValidateItems(
                            entry, "SM", errors, ComposeSchema.VolumeMount,
                            $"a volume of service \"{service.Name}\"", at);
                        break;
                    case "env_file":
                        ValidateItems(
                            entry, "SM", errors, ComposeSchema.EnvFile,
                            $"an env_file of service \"{service.Name}\"", at);
                        break;
                    case "secrets":
                    case "configs":
                        ValidateItems(
                            entry, "SM", errors, ComposeSchema.ResourceReference,
                            $"a {entry.Name.TrimEnd('s')} of service \"{service.Name}\"", at);
                        break;
                    case "environment" when entry.Value is ComposeSequence:
                        ValidateItems(entry, "S", errors, null, null, at);
                        break;
                    case "profiles":
                    case "links":
                    case "expose":
                    case "cap_add":
                    case "cap_drop":
                    case "volumes_from":
                    case "external_links":
                        ValidateItems(entry, "S", errors, null, null, at);
                        break;
                    case "depends_on" when entry.Value is ComposeSequence:
                    case "networks" when entry.Value is ComposeSequence:
                        ValidateItems(entry, "S", errors, null, null, at);
                        break;
                    case "depends_on" when entry.Value is ComposeMapping dependencies:
                        foreach (var dependency in dependencies.Entries)
                        {
                            if (!ComposeSchema.Accepts("M", dependency.Value))
                            {
                                Add(errors, dependency.Value,
                                    $"depends_on \"{dependency.Name}\" must be a mapping (condition, required, " +
                                    $"restart), not {dependency.Value.Description}", at ?? dependency.ValueAlias);
                            }
                            else if (dependency.Value is ComposeMapping options)
                            {
                                CheckKeys(
                                    options, ComposeSchema.Dependency,
                                    $"depends_on \"{dependency.Name}\" of service \"{service.Name}\"", errors, at
                                    ?? dependency.ValueAlias);
                            }
                        }
                        break;
                    case "environment" when entry.Value is ComposeMapping environment:
                        foreach (var variable in environment.Entries)
                        {
                            if (!ComposeSchema.Accepts("S", variable.Value))
                            {
                                Add(errors, variable.Value,
                                    $"environment variable \"{variable.Name}\" must be a string, number, boolean or " +
                                    $"null, not {variable.Value.Description}", at ?? variable.ValueAlias);
                            }
                        }
                        break;
                }
            }
        }
    }

    private static void ValidateDefinitions(
        ComposeMappingEntry entry, Dictionary<string, string> keys, string what, List<ComposeError> errors)
    {
        if (entry.Value is not ComposeMapping definitions)
        {
            return;
        }
        foreach (var definition in definitions.Entries)
        {
            if (ComposeSchema.IsExtension(definition.Name) || definition.Value is ComposeScalar { IsNull: true })
            {
                continue;
            }
            var at = entry.ValueAlias ?? definition.ValueAlias;
            if (definition.Value is not ComposeMapping body)
            {
                Add(errors, definition.Value,
                    $"{what} \"{definition.Name}\" must be a mapping, not {definition.Value.Description}", at);
                continue;
            }
            CheckKeys(body, keys, $"{what} \"{definition.Name}\"", errors, at);
        }
    }

    private static void ValidateItems(ComposeMappingEntry entry, string allowed, List<ComposeError> errors,
        Dictionary<string, string>? itemKeys = null, string? itemOwner = null, SourceSpan? alias = null)
    {
        if (entry.Value is not ComposeSequence list)
        {
            return;
        }
        var at = alias ?? entry.ValueAlias;
        foreach (var item in list.Items)
        {
            if (!ComposeSchema.Accepts(allowed, item) || item is ComposeScalar { IsNull: true })
            {
                Add(errors, item,
                    $"each item of \"{entry.Name}\" must be {ComposeSchema.Describe(allowed)}, not " +
                    $"{item.Description}", at);
            }
            else if (itemKeys != null && item is ComposeMapping mapping)
            {
                CheckKeys(mapping, itemKeys, itemOwner ?? entry.Name, errors, at);
            }
        }
    }

    private static void CheckKeys(
        ComposeMapping mapping, Dictionary<string, string> keys, string owner, List<ComposeError> errors,
        SourceSpan? alias)
    {
        foreach (var entry in mapping.Entries)
        {
            CheckKey(entry, keys, owner, errors, alias);
        }
    }

    /// <summary>Reports an unknown key or a value of the wrong kind; true when the key is known and its value
    /// well-typed.</summary>
    /// <remarks><paramref name="alias"/>: where the mapping holding the entry was used through an alias (its problems
    /// are reported there).</remarks>
    private static bool CheckKey(
        ComposeMappingEntry entry, Dictionary<string, string> keys, string owner, List<ComposeError> errors,
        SourceSpan? alias = null)
    {
        if (ComposeSchema.IsExtension(entry.Name))
        {
            return false;
        }
        if (!keys.TryGetValue(entry.Name, out var allowed))
        {
            var suggestion = Suggest(entry.Name, keys.Keys);
            errors.Add(
                new ComposeError(
                $"{owner}: unknown key \"{entry.Name}\""
                + (suggestion != null ? $" (did you mean \"{suggestion}\"?)" : string.Empty),
                alias ?? entry.Key.Span, ComposeErrorKind.Schema, entry.Key.SourceFile));
            return false;
        }
        if (!ComposeSchema.Accepts(allowed, entry.Value))
        {
            Add(errors, entry.Value,
                $"{owner}: \"{entry.Name}\" must be {ComposeSchema.Describe(allowed)}, not {entry.Value.Description}",
                alias ?? entry.ValueAlias);
            return false;
        }
        return true;
    }

    private static string? Suggest(string key, IEnumerable<string> allowed) =>
        PreflightYaml.PreflightConfigParser.Suggest(key, new List<string>(allowed));

    /// <summary>Reports at the node, or at the alias through which it is used (the node's own span is the
    /// anchor's).</summary>
    private static void Add(List<ComposeError> errors, ComposeNode at, string message, SourceSpan? alias = null) =>
        errors.Add(new ComposeError(message, alias ?? at.Span, ComposeErrorKind.Schema, at.SourceFile));
}
