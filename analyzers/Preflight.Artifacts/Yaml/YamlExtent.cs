using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Preflight.Artifacts.Text;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Yaml;

/// <summary>
/// Spans of whole YAML collections. YamlDotNet ends a block mapping or sequence where it starts, so the extent of a
/// collection is taken from its last descendant.
/// </summary>
public static class YamlExtent
{
    private const int MaxDepth = 512;

    /// <summary>From the node's start to the end of its last descendant (never crossing into an alias's
    /// target).</summary>
    public static SourceSpan FullSpan(LineMap map, YamlNode node)
    {
        var start = YamlDocumentLoader.SpanOf(map, node);
        var end = start.End;
        var cursor = node;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            YamlNode? next = null;
            YamlNode? keyOfNext = null;
            if (cursor is YamlMappingNode mapping && mapping.Children.Count > 0)
            {
                foreach (var entry in mapping.Children)
                {
                    keyOfNext = entry.Key;
                    next = entry.Value;
                }
            }
            else if (cursor is YamlSequenceNode sequence && sequence.Children.Count > 0)
            {
                next = sequence.Children[sequence.Children.Count - 1];
            }
            if (next == null)
            {
                break;
            }
            if (keyOfNext != null)
            {
                end = System.Math.Max(end, YamlDocumentLoader.SpanOf(map, keyOfNext).End);
            }
            if (next.IsNullScalar() && next is YamlScalarNode)
            {
                // An empty value is positioned at the next token, possibly in the next document: stop at its key.
                break;
            }
            end = System.Math.Max(end, YamlDocumentLoader.SpanOf(map, next).End);
            cursor = next;
        }
        return map.Span(start.Start, end);
    }
}

/// <summary>Compares YAML nodes by identity: YamlDotNet's own equality is structural, recursive and slow on shared
/// (alias) nodes.</summary>
internal sealed class YamlNodeIdentity : IEqualityComparer<YamlNode>
{
    public static readonly YamlNodeIdentity Instance = new YamlNodeIdentity();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
