using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Yaml;

/// <summary>Small helpers to read YamlDotNet's representation model.</summary>
public static class YamlNodes
{
    public static YamlNode? Child(this YamlMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>The text of a scalar, or null for anything else (null scalars included).</summary>
    public static string? ScalarValue(this YamlNode? node)
    {
        if (node is YamlScalarNode scalar)
        {
            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
                && (scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL"
                || scalar.Value?.Length == 0))
            {
                return null;
            }
            return scalar.Value;
        }
        return null;
    }

    public static bool IsNullScalar(this YamlNode? node) =>
        node is YamlScalarNode scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain &&
        (scalar.Value == null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null"
            || scalar.Value == "Null" || scalar.Value == "NULL");
}
