using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Preflight.Tests;
using Xunit;
using Xunit.Sdk;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>
/// Property tests over every public parser entry point of Preflight.Artifacts (<see cref="ParserEntryPoints"/>): hostile
/// inputs (random bytes read as UTF-8, lone surrogates, mutated seeds from samples/ and the shared corpora, BOM with CRLF,
/// NULs, 200-deep nesting, alias bombs, 100 MB texts) never make a parser throw, hang or allocate without bound, and no
/// parser's catch-all hides a bug exception in its error text. The Dockerfile corpus fuzz (Docker/) and the compose
/// bombs (Compose/) go deeper on those two kinds; this class covers every kind the same way.
/// </summary>
public class ParserRobustnessTests
{
    private const int CasesPerParser = 300;

    public static IEnumerable<object[]> Names => ParserEntryPoints.All.Select(e => new object[] { e.Name });

    public static IEnumerable<object[]> FileParsers => ParserEntryPoints.All.Where(e => e.AcceptsWholeFiles).Select(e => new object[] { e.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_hostile_inputs_never_throw_and_always_finish(string name)
    {
        var entry = Find(name);
        var seeds = entry.Seeds();
        var property = Prop.ForAll(Arb.From(HostileGen.For(seeds)), (string text) => Exercise(entry, text, "a generated input"));

        Check.One(PropertyRuns.WithCases(CasesPerParser), property);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_seed_as_bom_crlf_with_nuls_and_as_invalid_utf8_never_throws(string name)
    {
        var entry = Find(name);
        var seeds = entry.Seeds();
        Assert.NotEmpty(seeds);
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            Exercise(entry, HostileInputs.BomCrlf(seed), $"seed {i} with a BOM and CRLF");
            Exercise(entry, HostileInputs.WithNuls(seed, 3), $"seed {i} with NULs");
            Exercise(entry, new string('\0', seed.Length + 1), $"NULs as long as seed {i}");
            Exercise(entry, seed.Substring(0, seed.Length / 2) + HostileInputs.InvalidUtf8Text(i, 512), $"seed {i} cut by invalid UTF-8");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deep_nesting_and_alias_bombs_finish_without_throwing(string name)
    {
        var entry = Find(name);
        var attacks = new Dictionary<string, string>
        {
            ["200-deep YAML flow sequences"] = HostileInputs.DeepYamlFlow(),
            ["200-deep YAML block mappings"] = HostileInputs.DeepYamlBlock(),
            ["200-deep JSON objects"] = HostileInputs.DeepJson(),
            ["20,000-deep YAML flow sequences"] = HostileInputs.DeepYamlFlow(depth: 20_000),
            ["20,000-deep JSON objects"] = HostileInputs.DeepJson(20_000),
            ["20,000 unclosed brackets"] = HostileInputs.Unclosed('[', 20_000),
            ["20,000 unclosed braces"] = HostileInputs.Unclosed('{', 20_000),
            ["20,000 unclosed parentheses"] = HostileInputs.Unclosed('(', 20_000),
            ["a YAML alias bomb"] = HostileInputs.AliasBomb(),
            ["a compose alias bomb"] = HostileInputs.AliasBomb("services:\n  api:\n    image: x\n    command: *l\n    environment: *l\n"),
            ["a Kubernetes alias bomb"] = HostileInputs.AliasBomb("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: *l\n"),
            ["a workflow alias bomb"] = HostileInputs.AliasBomb("jobs:\n  a:\n    steps: *l\n    env: *l\n"),
            ["a preflight.yaml alias bomb"] = HostileInputs.AliasBomb("secrets: *l\nconfiguration: *l\npolicies: *l\n"),
            ["nested shell expansions"] = string.Concat(Enumerable.Repeat("${A:-", 20_000)) + new string('}', 20_000),
            ["nested Python brackets"] = "x = " + HostileInputs.Unclosed('(', 20_000) + "\nimport os\n",
        };
        foreach (var (attack, text) in attacks)
        {
            Exercise(entry, text, attack);
        }
    }

    [Theory]
    [MemberData(nameof(FileParsers))]
    public void A_hundred_megabyte_text_is_refused_with_bounded_time_and_memory(string name)
    {
        var entry = Find(name);
        var text = Huge.Value;

        var (_, allocated) = Bounded.Run(name + " on 100 MB", () => entry.Run(text));

        // The text itself is 200 MB of UTF-16: a parser that copies, encodes or splits it allocates at least that much.
        Assert.True(allocated < 64L * 1024 * 1024, $"{name} allocated {allocated / (1024 * 1024)} MB on a 100 MB text");
    }

    /// <summary>One 100 MB text shared by the tests (lines of a plausible assignment, so every parser would read on).</summary>
    private static readonly Lazy<string> Huge = new Lazy<string>(() =>
        HostileInputs.Huge("# huge\n", "KEY_0123456789: \"Server=db;Password=0123456789abcdefghijklmnopqrstuvwxyz\" # x\n"));

    private static ParserEntryPoint Find(string name) => ParserEntryPoints.All.Single(e => e.Name == name);

    private static bool Exercise(ParserEntryPoint entry, string text, string what)
    {
        var (hidden, _) = Bounded.Run($"{entry.Name} on {what} ({Describe(text)})", () => ModelWalker.Walk(entry.Run(text)));
        if (hidden != null)
        {
            throw new XunitException($"{entry.Name} on {what} ({Describe(text)}) hid a bug behind its error: {hidden}");
        }
        return true;
    }

    private static string Describe(string text)
    {
        var head = text.Length > 120 ? text.Substring(0, 120) + "..." : text;
        return $"{text.Length} chars: \"{string.Concat(head.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()))}\"";
    }
}
