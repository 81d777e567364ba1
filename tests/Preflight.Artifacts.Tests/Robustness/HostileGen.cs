using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Preflight.Tests;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>FsCheck generators of hostile texts: random bytes read as UTF-8, random UTF-16 (lone surrogates), mutated seeds, structural attacks.</summary>
internal static class HostileGen
{
    /// <summary>Fragments a mutation inserts: line endings, NUL, BOM, quotes, brackets, YAML and shell syntax, odd Unicode.</summary>
    private static readonly string[] Fragments =
    {
        "\uFEFF", "\r\n", "\r", "\n", "\0", "\t", "\"", "'", "`", "\\", "\\\n", "{", "}", "[", "]", "(", ")", "${", "${A:-", "$(", "$$",
        "&a ", "*a", "<<: *a", "- ", ": ", "? ", "#", "---\n", "...\n", "|\n", ">-\n", "!!binary ", "!tag ", "%YAML 1.2\n", "=", "@", "::",
        "<<EOF\n", "\nEOF\n", "  ", "\u00A0", "\u2028", "\uD800", "\uDFFF", "\uFFFD", "\u00E9", "\U0001F642", "${{ secrets.X }}",
        "{{ .Values.x }}", "import ", "from . import ", "\"\"\"", "/*", "*/", "//", ",", "null", "0x", "-1", "1e999", "\\u0000",
    };

    /// <summary>Random bytes (biased to invalid UTF-8) decoded as a UTF-8 reader does.</summary>
    public static Gen<string> RandomUtf8 { get; } =
        from length in Gen.Choose(0, 2048)
        from seed in Gen.Choose(0, int.MaxValue)
        select HostileInputs.InvalidUtf8Text(seed, length);

    /// <summary>Random UTF-16 code units, lone surrogates and control characters included (what an editor buffer may hold).</summary>
    public static Gen<string> RandomChars { get; } =
        Gen.ArrayOf(Gen.Frequency(
                (3, Gen.Choose(0, 0x7F)),
                (1, Gen.Choose(0xD800, 0xDFFF)),
                (1, Gen.Choose(0, 0xFFFF))).Select(c => (char)c))
            .Select(chars => new string(chars));

    /// <summary>One of <paramref name="seeds"/> with one to eight insertions, deletions, duplications or truncations.</summary>
    public static Gen<string> Mutated(IReadOnlyList<string> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from edits in Gen.ListOf(Edit, 8).Resize(8)
        from count in Gen.Choose(1, 8)
        select Apply(seed, edits.Take(count));

    /// <summary>Whole-text attacks on a seed: BOM with CRLF, NULs, deep nesting, alias bombs, repetition, unclosed brackets.</summary>
    public static Gen<string> Structural(IReadOnlyList<string> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from attack in Gen.Choose(0, 10)
        select attack switch
        {
            0 => HostileInputs.BomCrlf(seed),
            1 => HostileInputs.WithNuls(seed),
            2 => seed + "\n" + HostileInputs.DeepYamlFlow(),
            3 => seed + "\n" + HostileInputs.DeepYamlBlock(),
            4 => HostileInputs.DeepJson(),
            5 => HostileInputs.AliasBomb(seed),
            6 => string.Concat(Enumerable.Repeat(seed + "\n", 50)),
            7 => seed + HostileInputs.Unclosed('['),
            8 => seed + HostileInputs.Unclosed('{'),
            9 => "\uFEFF\uFEFF" + seed.Replace("\n", "\r"),
            _ => seed + "\0\0\0" + new string('\\', 500),
        };

    /// <summary>The mix a parser is fed: mostly mutated seeds, the rest random or structural.</summary>
    public static Gen<string> For(IReadOnlyList<string> seeds) =>
        Gen.Frequency(
            (4, Mutated(seeds)),
            (2, Structural(seeds)),
            (1, RandomUtf8),
            (1, RandomChars));

    private static Gen<(int Kind, int Position, int Length, int Fragment)> Edit { get; } =
        from kind in Gen.Choose(0, 4)
        from position in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(0, 64)
        from fragment in Gen.Choose(0, Fragments.Length - 1)
        select (kind, position, length, fragment);

    private static string Apply(string seed, IEnumerable<(int Kind, int Position, int Length, int Fragment)> edits)
    {
        var text = new StringBuilder(seed);
        foreach (var (kind, position, length, fragment) in edits)
        {
            var at = text.Length == 0 ? 0 : position % (text.Length + 1);
            var span = Math.Min(length, text.Length - at);
            switch (kind)
            {
                case 0:
                case 1:
                    text.Insert(at, Fragments[fragment]);
                    break;
                case 2:
                    text.Remove(at, span);
                    break;
                case 3:
                    text.Insert(at, text.ToString(at, span));
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }
        return text.ToString();
    }
}
