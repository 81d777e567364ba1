using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Compose;

/// <summary>Reads one compose file (compose-spec) into a <see cref="ComposeFile"/>. Never throws.</summary>
public static class ComposeParser
{
    public static ComposeFile Parse(string text)
    {
        var map = new LineMap(text);
        var loaded = YamlDocumentLoader.Load(text);
        var errors = new List<ComposeError>();
        if (loaded.Error != null)
        {
            errors.Add(new ComposeError(loaded.Error, loaded.ErrorSpan));
        }
        var services = new List<ComposeService>();
        if (loaded.Error == null && (loaded.Documents.Count == 0 || loaded.Documents[0].RootNode is not YamlMappingNode))
        {
            var at = loaded.Documents.Count == 0 ? map.Span(0, 0) : YamlDocumentLoader.SpanOf(map, loaded.Documents[0].RootNode);
            errors.Add(new ComposeError("the top level of a compose file must be a mapping (services:, volumes:, ...)", at));
        }
        if (loaded.Documents.Count > 0 && loaded.Documents[0].RootNode is YamlMappingNode root &&
            root.Child("services") is YamlMappingNode servicesNode)
        {
            foreach (var entry in servicesNode.Children)
            {
                if (entry.Key.ScalarValue() is { } name && entry.Value is YamlMappingNode serviceNode)
                {
                    services.Add(ReadService(map, name, YamlDocumentLoader.SpanOf(map, entry.Key), serviceNode));
                }
            }
        }
        return new ComposeFile(services, errors);
    }

    private static ComposeService ReadService(LineMap map, string name, SourceSpan nameSpan, YamlMappingNode node)
    {
        return new ComposeService(
            name,
            nameSpan,
            ReadBuild(map, node.Child("build")),
            node.Child("image").ScalarValue(),
            ReadEnvironment(map, node.Child("environment")),
            ReadEnvFiles(map, node.Child("env_file")));
    }

    private static ComposeBuild? ReadBuild(LineMap map, YamlNode? node)
    {
        if (node is YamlScalarNode scalar && scalar.ScalarValue() is { } context)
        {
            return new ComposeBuild(context, YamlDocumentLoader.SpanOf(map, scalar), null, default);
        }
        if (node is YamlMappingNode build)
        {
            var contextNode = build.Child("context");
            var dockerfileNode = build.Child("dockerfile");
            var contextSpan = contextNode != null ? YamlDocumentLoader.SpanOf(map, contextNode) : YamlDocumentLoader.SpanOf(map, build);
            return new ComposeBuild(
                contextNode.ScalarValue() ?? ".",
                contextSpan,
                dockerfileNode.ScalarValue(),
                dockerfileNode != null ? YamlDocumentLoader.SpanOf(map, dockerfileNode) : default);
        }
        return null;
    }

    private static IReadOnlyList<ComposeEnvironmentEntry> ReadEnvironment(LineMap map, YamlNode? node)
    {
        var entries = new List<ComposeEnvironmentEntry>();
        if (node is YamlMappingNode environment)
        {
            foreach (var entry in environment.Children)
            {
                if (entry.Key.ScalarValue() is { } key)
                {
                    var value = entry.Value is YamlScalarNode ? entry.Value.ScalarValue() : null;
                    entries.Add(new ComposeEnvironmentEntry(key, entry.Value.IsNullScalar() ? null : value ?? string.Empty, YamlDocumentLoader.SpanOf(map, entry.Key)));
                }
            }
        }
        else if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item.ScalarValue() is { } text)
                {
                    var equals = text.IndexOf('=');
                    var key = equals < 0 ? text : text.Substring(0, equals);
                    var value = equals < 0 ? null : text.Substring(equals + 1);
                    entries.Add(new ComposeEnvironmentEntry(key.Trim(), value, YamlDocumentLoader.SpanOf(map, item)));
                }
            }
        }
        return entries;
    }

    private static IReadOnlyList<ComposeEnvFile> ReadEnvFiles(LineMap map, YamlNode? node)
    {
        var files = new List<ComposeEnvFile>();
        void Add(YamlNode item)
        {
            if (item.ScalarValue() is { } path)
            {
                files.Add(new ComposeEnvFile(path, true, YamlDocumentLoader.SpanOf(map, item)));
            }
            else if (item is YamlMappingNode entry && entry.Child("path") is { } pathNode && pathNode.ScalarValue() is { } longPath)
            {
                var required = !string.Equals(entry.Child("required").ScalarValue(), "false", StringComparison.OrdinalIgnoreCase);
                files.Add(new ComposeEnvFile(longPath, required, YamlDocumentLoader.SpanOf(map, pathNode)));
            }
        }
        if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                Add(item);
            }
        }
        else if (node != null)
        {
            Add(node);
        }
        return files;
    }
}
