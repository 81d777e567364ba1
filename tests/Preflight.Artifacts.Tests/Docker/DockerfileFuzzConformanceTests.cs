using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Preflight.Artifacts.Docker;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Docker;

/// <summary>
/// Property test: every file of every shared corpus, and a few thousand deterministic mutations of them (byte flips,
/// truncation, duplicated lines, NULs, CRLF, BOM, Dockerfile metacharacters), parse as a Dockerfile and as a
/// .dockerignore, expand in every scope and dump, without an exception and in bounded time.
/// </summary>
public class DockerfileFuzzConformanceTests
{
    private static readonly TimeSpan PerFile = Robustness.Bounded.Generous; // a hang guard, not a speed goal
    private static readonly string[] Fragments = { "\\\n", "`\n", "<<EOF\n", "<<-'EOF'\n", "\nEOF\n", "${", "${A:-", "}", "\"", "'", "[", "]", "--", "--from=",
        "\nFROM x AS y\n", "\nONBUILD ", "\nARG A=$B\n", "\nENV A=\"${A}\" \\\n", "# escape=`\n", "$", "\t", "\r", "\n\n", "=", "#", "\u0000", "\uFEFF" };

    [SkippableFact]
    public void Conformance_fuzz_every_corpus_file_parses_without_exception()
    {
        var root = Path.Combine(TestPaths.SharedDirectory, "corpora");
        Skip.If(!Directory.Exists(root), "the shared corpora are not present at " + root);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Exercise(Encoding.UTF8.GetString(File.ReadAllBytes(file)), file);
        }
    }

    [SkippableFact]
    public void Conformance_fuzz_mutations_parse_without_exception()
    {
        var root = Path.Combine(TestPaths.SharedDirectory, "corpora");
        Skip.If(!Directory.Exists(root), "the shared corpora are not present at " + root);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var dockerfiles = files.Where(f => Path.GetFileName(f) == "Dockerfile").ToArray();
        var random = new Random(20261123);
        for (var i = 0; i < 3000; i++)
        {
            var pool = random.Next(4) == 0 ? files : dockerfiles;
            var source = pool[random.Next(pool.Length)];
            var bytes = File.ReadAllBytes(source);
            var mutated = Mutate(bytes, random);
            Exercise(Encoding.UTF8.GetString(mutated), $"{source} mutation #{i}");
        }
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            switch (random.Next(8))
            {
                case 0: // byte flips
                    for (var k = 0; k < 1 + random.Next(8) && bytes.Count > 0; k++)
                    {
                        var at = random.Next(bytes.Count);
                        bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    }
                    break;
                case 1: // truncation
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                case 2: // duplicated lines
                {
                    var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n').ToList();
                    if (lines.Count > 0)
                    {
                        var at = random.Next(lines.Count);
                        for (var k = 0; k < 1 + random.Next(3); k++)
                        {
                            lines.Insert(random.Next(lines.Count + 1), lines[at]);
                        }
                    }
                    bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines)).ToList();
                    break;
                }
                case 3: // NULs
                    for (var k = 0; k < 1 + random.Next(4); k++)
                    {
                        bytes.Insert(random.Next(bytes.Count + 1), 0);
                    }
                    break;
                case 4: // CRLF
                    bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes.ToArray()).Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r")).ToList();
                    break;
                case 5: // BOM
                    bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
                    break;
                default: // Dockerfile metacharacters
                    for (var k = 0; k < 1 + random.Next(6); k++)
                    {
                        var fragment = Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]);
                        bytes.InsertRange(random.Next(bytes.Count + 1), fragment);
                    }
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static void Exercise(string text, string what) =>
        Robustness.Bounded.Run(what, () => ExerciseUnbounded(text, what), PerFile);

    private static int ExerciseUnbounded(string text, string what)
    {
        try
        {
            var dockerfile = DockerfileParser.Parse(text);
            foreach (var instruction in dockerfile.Instructions)
            {
                var scope = dockerfile.ScopeAt(instruction);
                scope.Expand(instruction.ArgumentText);
                foreach (var argument in instruction.Arguments)
                {
                    var expanded = scope.Expand(argument.Raw);
                    foreach (var name in expanded.Undefined)
                    {
                        scope.Suggest(name);
                    }
                }
                Assert.NotNull(instruction.Dump());
                Assert.True(instruction.Span.Start <= instruction.Span.End);
            }
            Assert.All(dockerfile.Errors, e => Assert.InRange(e.Span.Line, 1, int.MaxValue));
            var ignore = DockerIgnoreParser.Parse(text);
            ignore.IsExcluded("src/app/Program.cs");
            DockerShellLexer.ProcessWords(text.Length > 2000 ? text.Substring(0, 2000) : text, new Dictionary<string, string> { ["A"] = "1" });
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {e}");
        }
        return 0;
    }
}
