using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.Artifacts.Docker;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Docker;

/// <summary>
/// BuildKit's own parser and shell-lexer test data (moby/buildkit, see SOURCE.md in the corpus): every parser test file
/// must give the same instruction dump as its <c>result</c>, every negative file an error, and every Unix/all-platform
/// line of envVarTest and wordsTest the same expansion.
/// </summary>
public class DockerfileConformanceTests
{
    private const string Missing = "(corpus missing)";
    private static string Corpus => TestPaths.Corpus("buildkit");
    private static string MissingReason => "the buildkit corpus is not present at " + Corpus;

    public static IEnumerable<object[]> ParserCases() => CaseNames("parser-testfiles");

    public static IEnumerable<object[]> NegativeCases() => CaseNames("parser-testfiles-negative");

    private static IEnumerable<object[]> CaseNames(string folder)
    {
        var directory = Path.Combine(Corpus, folder);
        if (!Directory.Exists(directory))
        {
            return new[] { new object[] { Missing } };
        }
        return Directory.GetDirectories(directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n! });
    }

    [SkippableTheory]
    [MemberData(nameof(ParserCases))]
    public void Conformance_parser_testfile_dumps_like_buildkit(string name)
    {
        Skip.If(name == Missing, MissingReason);
        var folder = Path.Combine(Corpus, "parser-testfiles", name);
        var dockerfile = DockerfileParser.Parse(File.ReadAllText(Path.Combine(folder, "Dockerfile")));
        var expected = File.ReadAllLines(Path.Combine(folder, "result")).Where(l => l.Length > 0).ToArray();
        var actual = dockerfile.Instructions.Select(i => "(" + i.Dump() + ")").ToArray();
        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    [MemberData(nameof(NegativeCases))]
    public void Conformance_negative_testfile_is_rejected(string name)
    {
        Skip.If(name == Missing, MissingReason);
        var dockerfile = DockerfileParser.Parse(File.ReadAllText(Path.Combine(Corpus, "parser-testfiles-negative", name, "Dockerfile")));
        Assert.NotEmpty(dockerfile.Errors);
    }

    public static IEnumerable<object[]> EnvVarCases()
    {
        var file = Path.Combine(Corpus, "envVarTest");
        if (!File.Exists(file))
        {
            yield return new object[] { 0, Missing, Missing };
            yield break;
        }
        var number = 0;
        foreach (var raw in File.ReadAllLines(file))
        {
            number++;
            if (raw.StartsWith("#", StringComparison.Ordinal) || raw.Trim().Length == 0)
            {
                continue;
            }
            var parts = raw.Trim().Split('|');
            var platform = parts[0].Trim();
            if (platform == "A" || platform == "U")
            {
                yield return new object[] { number, parts[1].Trim(), parts[2].Trim() };
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(EnvVarCases))]
    public void Conformance_envVarTest_line_expands_like_buildkit(int line, string source, string expected)
    {
        Skip.If(source == Missing, MissingReason);
        var env = new Dictionary<string, string> { ["PWD"] = "/home", ["SHELL"] = "bash", ["KOREAN"] = "한국어", ["NULL"] = string.Empty };
        var result = DockerShellLexer.ProcessWord(source, env, '\\');
        if (expected == "error")
        {
            Assert.False(result.Success, $"line {line}: '{source}' should fail but gave '{result.Result}'");
        }
        else
        {
            Assert.True(result.Success, $"line {line}: '{source}' failed: {result.Error}");
            Assert.Equal(expected, result.Result);
        }
    }

    public static IEnumerable<object[]> WordsCases()
    {
        var file = Path.Combine(Corpus, "wordsTest");
        if (!File.Exists(file))
        {
            yield return new object[] { 0, Missing, Missing, string.Empty };
            yield break;
        }
        var env = new List<string>();
        var number = 0;
        foreach (var line in File.ReadAllLines(file))
        {
            number++;
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                env.Add(line.Substring(3).TrimStart(' '));
                continue;
            }
            var parts = line.Split('|');
            if (parts.Length != 2)
            {
                continue;
            }
            yield return new object[] { number, parts[0].Trim(), parts[1].TrimStart(' '), string.Join("\n", env) };
        }
    }

    [SkippableTheory]
    [MemberData(nameof(WordsCases))]
    public void Conformance_wordsTest_line_splits_like_buildkit(int line, string source, string expected, string envLines)
    {
        Skip.If(source == Missing, MissingReason);
        var env = new Dictionary<string, string>();
        foreach (var entry in envLines.Split('\n').Where(e => e.Length > 0))
        {
            var equals = entry.IndexOf('=');
            env[equals < 0 ? entry : entry.Substring(0, equals)] = equals < 0 ? string.Empty : entry.Substring(equals + 1);
        }
        var result = DockerShellLexer.ProcessWords(source, env, '\\');
        var actual = result.Success ? result.Words.ToArray() : new[] { "error" };
        Assert.True(expected.Split(',').SequenceEqual(actual), $"line {line}: '{source}' gave [{string.Join("|", actual)}], expected [{expected.Replace(",", "|")}]");
    }
}
