using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Cli.Init;

/// <summary>
/// Writes contract entries into the text of a <c>preflight.yaml</c>: a new file, or the existing one with the new names
/// inserted into its lists (after their last item, with the items' indentation) or new sections appended, so the file's
/// own comments and order stay as they are. Each entry gets a comment saying where it is used (in block lists).
/// </summary>
internal static class ContractWriter
{
    public const string Header =
        "# preflight.yaml: what this repository needs from outside it, names only (never values).\n" +
        "# Written by `preflight init` from what the repository uses; `preflight init` adds what is new, `--check` fails CI when\n" +
        "# something is missing. Schema: https://github.com/preflight-dotnet/preflight/blob/main/docs/preflight.schema.json\n";

    /// <summary>The text with the entries added; null with <paramref name="error"/> when the file's shape leaves no
    /// place to add them.</summary>
    public static string? Add(string? existing, IReadOnlyList<ContractEntry> entries, out string? error)
    {
        error = null;
        var text = existing ?? Header;
        foreach (var section in ContractEntry.Sections)
        {
            var items = entries.Where(e => e.Section == section).ToList();
            if (items.Count == 0)
            {
                continue;
            }
            var next = AddSection(text, section.Split('.'), items, out error);
            if (next == null)
            {
                return null;
            }
            text = next;
        }
        // The result must be a valid contract that declares every added name.
        var parsed = PreflightConfigParser.Parse(text);
        if (parsed.Errors.Count > 0)
        {
            error = "the result would not be a valid preflight.yaml (" + parsed.Errors[0].Message + ")";
            return null;
        }
        return text;
    }

    private static string? AddSection(string text, string[] path, List<ContractEntry> items, out string? error)
    {
        error = null;
        var loaded = YamlDocumentLoader.Load(text);
        if (loaded.Error != null)
        {
            error = "preflight.yaml is not valid YAML (" + loaded.Error + ")";
            return null;
        }
        var map = new LineMap(text);
        var root = loaded.Documents.Count > 0 ? loaded.Documents[0].RootNode : null;
        if (root != null && root is not YamlMappingNode && !root.IsNullScalar())
        {
            error = "preflight.yaml is not a mapping";
            return null;
        }
        YamlMappingNode? parent = root as YamlMappingNode;
        var depth = 0;
        YamlNode? node = null;
        for (; depth < path.Length; depth++)
        {
            node = parent?.Child(path[depth]);
            if (node == null || depth == path.Length - 1)
            {
                break;
            }
            if (node is not YamlMappingNode mapping)
            {
                if (node.IsNullScalar())
                {
                    // "external:" with nothing under it: write the rest under its key.
                    return InsertUnderKey(
                        text, map, parent!, path[depth],
                        Block(path, depth + 1, items, KeyIndent(text, map, parent!, path[depth]) + 2));
                }
                error = $"'{string.Join(".", path.Take(depth + 1))}' is not a mapping";
                return null;
            }
            if (mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
            {
                error = $"'{string.Join(".", path.Take(depth + 1))}' is a flow mapping ({{...}}); write it as a block to let preflight init add to it";
                return null;
            }
            parent = mapping;
        }
        if (node == null)
        {
            // The key is missing: a block at the end of its parent (the file, or a mapping such as external:).
            if (parent == null || parent == root)
            {
                return AppendAtEnd(text, Block(path, depth, items, 0));
            }
            var indent = ChildIndent(text, map, parent);
            return InsertAfter(text, map, parent, Block(path, depth, items, indent));
        }
        if (node.IsNullScalar())
        {
            return InsertUnderKey(
                text, map, parent!, path[depth], Items(items, KeyIndent(text, map, parent!, path[depth]) + 2));
        }
        if (node is not YamlSequenceNode list)
        {
            error = $"'{string.Join(".", path)}' is not a list";
            return null;
        }
        if (list.Style == YamlDotNet.Core.Events.SequenceStyle.Flow)
        {
            // [A, B]: the names go before the closing bracket (a flow list has no room for comments).
            // YamlDotNet may end a collection where it starts: find the closing bracket from the opening one.
            var close = ClosingBracket(text, OffsetOf(map, list.Start));
            if (close < 0)
            {
                error = $"'{string.Join(".", path)}' is a flow list whose end was not found";
                return null;
            }
            var names = string.Join(", ", items.Select(i => Scalar(i.Name)));
            return text.Substring(0, close) + (list.Children.Count > 0 ? ", " : string.Empty) + names
                + text.Substring(close);
        }
        var first = list.Children[0];
        var itemIndent = LineIndent(text, map, (int)first.Start.Line);
        return InsertAfter(text, map, list, Items(items, itemIndent));
    }

    /// <summary>The YAML for the keys path[from..] down to the list of items, at the given indentation.</summary>
    private static string Block(string[] path, int from, List<ContractEntry> items, int indent)
    {
        var builder = new StringBuilder();
        for (var i = from; i < path.Length; i++)
        {
            builder.Append(' ', indent + 2 * (i - from)).Append(path[i]).Append(":\n");
        }
        builder.Append(Items(items, indent + 2 * (path.Length - 1 - from) + 2));
        return builder.ToString();
    }

    private static string Items(List<ContractEntry> items, int indent)
    {
        var builder = new StringBuilder();
        foreach (var item in items)
        {
            builder.Append(' ', indent).Append("# ").Append(OneLine(item.Comment)).Append('\n');
            builder.Append(' ', indent).Append("- ").Append(Scalar(item.Name)).Append('\n');
        }
        return builder.ToString();
    }

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");

    /// <summary>Names are plain scalars when YAML reads them back unchanged; else single-quoted.</summary>
    private static string Scalar(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.') && !char.IsDigit(name[0])
            && name != "null" && name != "true" && name != "false"
            ? name
            : "'" + name.Replace("'", "''") + "'";

    private static string AppendAtEnd(string text, string block)
    {
        if (text.Length > 0 && !text.EndsWith("\n", StringComparison.Ordinal))
        {
            text += "\n";
        }
        return text + block;
    }

    /// <summary>Inserts the block on the line after the node's last line (after any comment on that line).</summary>
    private static string InsertAfter(string text, LineMap map, YamlNode node, string block)
    {
        var end = YamlExtent.FullSpan(map, node).End;
        return InsertAtLineAfter(text, end, block);
    }

    private static string InsertAtLineAfter(string text, int end, string block)
    {
        if (end > 0 && end <= text.Length && text[end - 1] == '\n')
        {
            return text.Substring(0, end) + block + text.Substring(end);
        }
        var newline = text.IndexOf('\n', Math.Min(end, text.Length));
        if (newline < 0)
        {
            return text + "\n" + block;
        }
        return text.Substring(0, newline + 1) + block + text.Substring(newline + 1);
    }

    /// <summary>Inserts the block on the line after <c>key:</c> (whose value is empty).</summary>
    private static string InsertUnderKey(string text, LineMap map, YamlMappingNode parent, string key, string block)
    {
        var keyNode = parent.Children.Keys.First(k => k.ScalarValue() == key);
        return InsertAtLineAfter(text, OffsetOf(map, keyNode.End), block);
    }

    private static int KeyIndent(string text, LineMap map, YamlMappingNode parent, string key)
    {
        var keyNode = parent.Children.Keys.First(k => k.ScalarValue() == key);
        return (int)keyNode.Start.Column - 1;
    }

    private static int ChildIndent(string text, LineMap map, YamlMappingNode mapping) =>
        mapping.Children.Count > 0 ? (int)mapping.Children.Keys.First().Start.Column - 1 : 2;

    private static int LineIndent(string text, LineMap map, int line)
    {
        var start = map.LineStart(line);
        var i = start;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        return i - start;
    }

    /// <summary>The offset of the ']' that closes the '[' at or after <paramref name="open"/>, skipping quoted strings
    /// and nested lists; -1 if none.</summary>
    private static int ClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' || c == '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return -1;
                }
                i = end;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static int OffsetOf(LineMap map, YamlDotNet.Core.Mark mark) =>
        map.Offset((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
