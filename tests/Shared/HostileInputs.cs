using System;
using System.Linq;
using System.Text;

namespace Preflight.Tests;

/// <summary>
/// Hostile texts and bytes for robustness tests (parsers, the task, the package end to end): alias bombs, deep nesting,
/// invalid UTF-8, NULs, BOM with CRLF, huge inputs. Deterministic: every random input takes its seed.
/// </summary>
internal static class HostileInputs
{
    /// <summary>The nesting depth the robustness tests use (deeper than every parser's own depth limit but one).</summary>
    public const int Depth = 200;

    /// <summary>
    /// A YAML "billion laughs": twelve anchors each listing the previous one nine times (9^12 scalars when expanded).
    /// The anchors are top-level keys <c>x-a</c> .. <c>x-l</c>; <paramref name="tail"/> follows and may use <c>*l</c>.
    /// </summary>
    public static string AliasBomb(string tail = "bomb: *l\n")
    {
        var text = new StringBuilder("x-a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 12; i++)
        {
            var previous = (char)('a' + i - 1);
            text.Append($"x-{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]\n");
        }
        return text.Append(tail).ToString();
    }

    /// <summary><c>key: [[[ ... x ... ]]]</c>, <paramref name="depth"/> flow sequences deep.</summary>
    public static string DeepYamlFlow(string key = "deep", int depth = Depth) =>
        key + ": " + new string('[', depth) + "x" + new string(']', depth) + "\n";

    /// <summary>Block mappings <paramref name="depth"/> deep (two spaces per level).</summary>
    public static string DeepYamlBlock(string key = "deep", int depth = Depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append(' ', 2 * i).Append(i == 0 ? key : "k" + i).Append(':').Append('\n');
        }
        return text.Append(' ', 2 * depth).Append("leaf: x\n").ToString();
    }

    /// <summary><c>{"a":{"a": ... 1 ... }}</c>, <paramref name="depth"/> objects deep.</summary>
    public static string DeepJson(int depth = Depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("{\"a\":");
        }
        return text.Append('1').Append('}', depth).ToString();
    }

    /// <summary>An unclosed nesting: <paramref name="depth"/> openers and no closer.</summary>
    public static string Unclosed(char opener, int depth = Depth) => new string(opener, depth);

    /// <summary>Random bytes, biased towards invalid UTF-8: lone continuation bytes, overlong forms, truncated sequences, 0xFE/0xFF, NUL.</summary>
    public static byte[] InvalidUtf8(int seed, int length)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        byte[] hostile = { 0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF, 0x00, 0x0A, 0x0D, 0x22, 0x27, 0x5B, 0x7B, 0x3A, 0x2D };
        for (var i = 0; i < length; i++)
        {
            bytes[i] = random.Next(3) == 0 ? hostile[random.Next(hostile.Length)] : (byte)random.Next(256);
        }
        return bytes;
    }

    /// <summary>The text a reader gets from <see cref="InvalidUtf8"/> bytes (invalid sequences become U+FFFD).</summary>
    public static string InvalidUtf8Text(int seed, int length) => Encoding.UTF8.GetString(InvalidUtf8(seed, length));

    /// <summary>A byte-order mark, then the text with every line ending CRLF.</summary>
    public static string BomCrlf(string text) => "\uFEFF" + text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>The text with a NUL after every <paramref name="every"/> characters.</summary>
    public static string WithNuls(string text, int every = 7)
    {
        var result = new StringBuilder(text.Length + text.Length / every + 1);
        for (var i = 0; i < text.Length; i++)
        {
            if (i % every == 0)
            {
                result.Append('\0');
            }
            result.Append(text[i]);
        }
        return result.ToString();
    }

    /// <summary>About <paramref name="megabytes"/> MB of <paramref name="line"/> repeated after <paramref name="head"/>.</summary>
    public static string Huge(string head, string line, int megabytes = 100)
    {
        var size = megabytes * 1024 * 1024;
        var text = new StringBuilder(size + line.Length + head.Length).Append(head);
        while (text.Length < size)
        {
            text.Append(line);
        }
        return text.ToString();
    }
}
