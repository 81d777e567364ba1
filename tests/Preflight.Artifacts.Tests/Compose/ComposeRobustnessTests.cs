using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Env;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

/// <summary>compose-go's loader test data (../shared/corpora/compose-go, see its SOURCE.md) and hostile inputs.</summary>
public class ComposeRobustnessTests
{
    private static string LoaderData => Path.Combine(TestPaths.Corpus("compose-go"), "loader-testdata");

    public static IEnumerable<object[]> LoaderFiles()
    {
        if (!Directory.Exists(LoaderData))
        {
            yield return new object[] { "(corpus absent)" };
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(LoaderData, "*.y*ml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetRelativePath(LoaderData, file).Replace('\\', '/') };
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(LoaderFiles))]
    public void Every_loader_file_loads_or_gives_errors_never_an_exception(string relative)
    {
        Skip.If(!Directory.Exists(LoaderData), "the compose-go corpus (../shared/corpora/compose-go) is absent");
        var path = Path.Combine(LoaderData, relative).Replace('\\', '/');

        var file = ComposeProject.Load(new[] { path }, Read);

        Assert.All(file.Errors, e => Assert.True(e.Span.Line >= 0 && e.Message.Length > 0));
        // compose-go's test data is valid compose: only cycles and remote references (never fetched) may be reported.
        Assert.All(file.Errors, e => Assert.Contains(e.Kind, new[] { ComposeErrorKind.Cycle, ComposeErrorKind.Remote }));
        Assert.All(file.Services, s => Assert.False(string.IsNullOrEmpty(s.Name)));
    }

    [SkippableTheory]
    [InlineData("compose-depends-on-cycle.yaml")]
    [InlineData("compose-depends-on-self.yaml")]
    [InlineData("compose-include-cycle.yaml")]
    public void Cycles_of_the_corpus_are_rejected_as_cycles(string name)
    {
        Skip.If(!Directory.Exists(LoaderData), "the compose-go corpus (../shared/corpora/compose-go) is absent");

        var file = ComposeProject.Load(new[] { Path.Combine(LoaderData, name).Replace('\\', '/') }, Read);

        Assert.Contains(file.Errors, e => e.Kind == ComposeErrorKind.Cycle);
    }

    [SkippableFact]
    public void Extends_across_folders_of_the_corpus_resolve()
    {
        Skip.If(!Directory.Exists(LoaderData), "the compose-go corpus (../shared/corpora/compose-go) is absent");

        var file = ComposeProject.Load(new[] { Path.Combine(LoaderData, "extends/withdir/compose.yaml").Replace('\\', '/') }, Read);

        Assert.Equal("hello-world", file.Services.Single().Image);
        Assert.Empty(file.Errors);
    }

    [SkippableFact]
    public void Dotenv_fixtures_parse_without_exceptions_and_invalid_ones_give_errors()
    {
        var directory = Path.Combine(TestPaths.Corpus("compose-go"), "dotenv-fixtures");
        Skip.If(!Directory.Exists(directory), "the compose-go corpus (../shared/corpora/compose-go) is absent");

        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var file = EnvFileParser.Parse(File.ReadAllText(path));
            Assert.Equal(Path.GetFileName(path) == "invalid1.env", file.Errors.Count > 0);
        }
        var quoted = EnvFileParser.Parse(File.ReadAllText(Path.Combine(directory, "quoted.env")));
        Assert.Equal("first line\nsecond line\nthird line\nand so on", quoted["OPTION_J"]);
        Assert.Equal("echo 'asd'", quoted["OPTION_I"]);
        var substitutions = EnvFileParser.Parse(File.ReadAllText(Path.Combine(directory, "substitutions.env")));
        Assert.Equal("1_1", substitutions["OPTION_D"]);
    }

    [Fact]
    public void Alias_bomb_finishes_with_bounded_work()
    {
        var text = new StringBuilder("x-a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n");
        for (var i = 1; i < 12; i++)
        {
            var previous = (char)('a' + i - 1);
            text.Append($"x-{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]\n");
        }
        text.Append("services:\n  api:\n    image: x\n    environment:\n      <<: *l\n    command: *l\n");
        var (file, _) = Robustness.Bounded.Run("the alias bomb", () => ComposeParser.Parse(text.ToString(), null, _ => "v"));

        Assert.Equal("api", file.Services.Single().Name);
        Assert.NotEmpty(file.Errors);
    }

    [Fact]
    public void Merge_key_bomb_is_bounded_by_the_budget()
    {
        var text = new StringBuilder("x-0: &m0 {k0: v}\n");
        for (var i = 1; i < 40; i++)
        {
            text.Append($"x-{i}: &m{i}\n  <<: [*m{i - 1}]\n  k{i}: v\n");
        }
        text.Append("services:\n  api:\n    image: x\n");
        var (file, _) = Robustness.Bounded.Run("the merge-key bomb", () => ComposeParser.Parse(text.ToString()));

        Assert.Equal("api", file.Services.Single().Name);
    }

    [Fact]
    public void Hundred_megabyte_input_is_refused_without_parsing()
    {
        var line = "    - KEY=0123456789012345678901234567890123456789012345678901234567890123456789\n";
        var text = new StringBuilder(100 * 1024 * 1024 + 100).Append("services:\n  api:\n    environment:\n");
        while (text.Length < 100 * 1024 * 1024)
        {
            text.Append(line);
        }
        var input = text.ToString();
        text.Clear();
        var before = GC.GetTotalMemory(false);
        var ((file, project), _) = Robustness.Bounded.Run("a 100 MB compose file", () =>
            (ComposeParser.Parse(input), ComposeProject.Load(new[] { "/p/compose.yaml" }, _ => input)));

        Assert.True(GC.GetTotalMemory(false) - before < 200L * 1024 * 1024);
        Assert.Equal(ComposeErrorKind.Limit, Assert.Single(file.Errors).Kind);
        Assert.Empty(project.Services);
    }

    [Theory]
    [InlineData("\u0000\u0001\u0002binary")]
    [InlineData("services:\n  a:\n    image: \"unterminated\n")]
    [InlineData("services: &a\n  a: *a\n")]
    [InlineData("services:\n  a:\n    <<: 5\n")]
    [InlineData("services:\n  a:\n    environment:\n      - ${\n")]
    [InlineData("{{{{{{{{{{")]
    [InlineData("---\n---\n---\n")]
    [InlineData("services:\n  ? [a, b]\n  : x\n")]
    public void Hostile_texts_never_throw(string text)
    {
        var file = ComposeParser.Parse(text, "/p/compose.yaml", _ => null);

        Assert.NotNull(file);
    }
}
