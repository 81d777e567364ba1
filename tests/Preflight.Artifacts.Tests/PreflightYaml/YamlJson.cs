using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Tests.Config;

/// <summary>
/// YAML to JSON as a YAML-aware editor sees it (the YAML 1.2 core schema): plain <c>~</c>/<c>null</c>/empty are
/// null, plain <c>true</c>/<c>false</c> booleans, plain decimal/octal/hexadecimal integers and decimal floats
/// numbers; everything quoted or tagged <c>!!str</c> stays a text. Only for tests: throws on malformed YAML.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new(@"^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new(@"^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The first document as JSON text; <c>null</c> for an empty or comments-only file.</summary>
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
        return root?.ToJsonString() ?? "null";
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)entry.Key).Value ?? string.Empty, ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(value);
        }
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (Integer.IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (Octal.IsMatch(value))
        {
            return JsonValue.Create(System.Convert.ToInt64(value.Substring(2), 8));
        }
        if (Hexadecimal.IsMatch(value))
        {
            return JsonValue.Create(System.Convert.ToInt64(value.Substring(2), 16));
        }
        if (Float.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(value);
    }
}
