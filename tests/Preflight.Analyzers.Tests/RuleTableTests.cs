using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Analyzers;
using Preflight.Artifacts.Rules;
using Preflight.Tests;
using Xunit;

namespace Preflight.Analyzers.Tests;

/// <summary>
/// The rule table (<see cref="RuleCatalog"/>) is the one source of every rule's metadata: the descriptors, the release
/// tracking, the README table and the doc pages are checked against it here, so any drift fails the build's tests.
/// </summary>
public sealed class RuleTableTests
{
    private static readonly Regex RuleId = new(@"^PF\d{4}$", RegexOptions.CultureInvariant);

    public static IEnumerable<object[]> Ids() => RuleCatalog.All.Keys.OrderBy(id => id, StringComparer.Ordinal).Select(id => new object[] { id });

    private static string Read(params string[] parts) => File.ReadAllText(Path.Combine(new[] { TestPaths.RepositoryRoot }.Concat(parts).ToArray()));

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static DiagnosticSeverity Roslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    [Fact]
    public void Every_catalogue_key_is_its_rule_id()
    {
        foreach (var (id, rule) in RuleCatalog.All)
        {
            Assert.Matches(RuleId, id);
            Assert.Equal(id, rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), id);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_equals_the_rule_table(string id)
    {
        var rule = RuleCatalog.All[id];
        var descriptor = Assert.Single(AllDescriptors(), d => d.Id == id);
        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(Roslyn(rule.DefaultSeverity), descriptor.DefaultSeverity);
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_descriptor_is_a_rule_of_the_table()
    {
        foreach (var descriptor in AllDescriptors())
        {
            Assert.True(RuleCatalog.All.ContainsKey(descriptor.Id), $"descriptor {descriptor.Id} has no row in RuleCatalog");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_resolves_to_the_rule_s_doc_page(string id)
    {
        var rule = RuleCatalog.All[id];
        Assert.StartsWith(RuleCatalog.HelpLinkBase, rule.HelpLink, StringComparison.Ordinal);
        var relative = rule.HelpLink.Substring(RuleCatalog.HelpLinkBase.Length);
        Assert.Equal(id + ".md", relative);
        Assert.EndsWith("/docs/rules/", RuleCatalog.HelpLinkBase, StringComparison.Ordinal);
        var page = Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", relative);
        Assert.True(File.Exists(page), $"{rule.HelpLink} points to a page that does not exist ({page})");
        var firstLine = File.ReadLines(page).First();
        Assert.StartsWith($"# {id}: ", firstLine, StringComparison.Ordinal);
        Assert.Contains($"| Severity | {rule.DefaultSeverity} |", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_doc_page_is_a_rule_of_the_table()
    {
        foreach (var page in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules"), "PF*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            Assert.True(RuleCatalog.All.ContainsKey(id), $"docs/rules/{id}.md documents a rule that is not in RuleCatalog");
        }
    }

    [Fact]
    public void Release_tracking_has_one_row_per_rule_equal_to_the_table()
    {
        var rows = (Read("analyzers", "Preflight.Analyzers", "AnalyzerReleases.Shipped.md") + "\n" + Read("analyzers", "Preflight.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Split('\n')
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && RuleId.IsMatch(cells[0]))
            .ToList();
        foreach (var (id, rule) in RuleCatalog.All)
        {
            var row = Assert.Single(rows, cells => cells[0] == id);
            Assert.Equal(rule.Category, row[1]);
            Assert.Equal(rule.DefaultSeverity.ToString(), row[2]);
        }
        Assert.Equal(RuleCatalog.All.Count, rows.Count);
    }

    [Fact]
    public void README_rule_table_has_one_row_per_rule_equal_to_the_table()
    {
        var rows = Read("README.md").Split('\n')
            .Select(line => Regex.Match(line, @"^\| \[(PF\d{4})\]\(docs/rules/(PF\d{4})\.md\) \| (\w+) \|"))
            .Where(m => m.Success)
            .ToList();
        foreach (var (id, rule) in RuleCatalog.All)
        {
            var row = Assert.Single(rows, m => m.Groups[1].Value == id);
            Assert.Equal(id, row.Groups[2].Value);
            Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), row.Groups[3].Value);
        }
        Assert.Equal(RuleCatalog.All.Count, rows.Count);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_has_one_implementation_and_a_test(string id)
    {
        var analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Any(d => d.Id == id))
            .ToList();
        var taskSources = SourcesUnder(Path.Combine("analyzers", "Preflight.Checks")).Concat(SourcesUnder("msbuild-tasks")).Concat(SourcesUnder("cli"))
            .Where(file => File.ReadAllText(file).Contains("RuleCatalog." + id + ".", StringComparison.Ordinal) ||
                           File.ReadAllText(file).Contains("RuleCatalog.All[\"" + id + "\"]", StringComparison.Ordinal))
            .ToList();
        Assert.True(analyzers.Count + taskSources.Count > 0, $"{id}: no analyzer supports it and no task/CLI source reports it");
        Assert.True(analyzers.Count <= 1, $"{id}: more than one analyzer supports it: {string.Join(", ", analyzers.Select(a => a.Name))}");
        var tests = SourcesUnder("tests").Where(file => !file.EndsWith(nameof(RuleTableTests) + ".cs", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains(id, StringComparison.Ordinal));
        Assert.True(tests.Any(), $"{id}: no test mentions it");
    }

    /// <summary>
    /// From a rule id to its code is a file-name search: <c>find . -name '*PF2001*'</c> lists the rule's implementation
    /// (<c>BuildContextCheck.PF2001.cs</c>, <c>ConfigurationKeyAnalyzer.PF1001.cs</c>) and its tests
    /// (<c>PF2001BuildContextTests.cs</c>); the doc page is checked above.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_id_names_an_implementation_file_and_a_test_file(string id)
    {
        var implementations = SourcesUnder("analyzers").Concat(SourcesUnder("msbuild-tasks")).Concat(SourcesUnder("cli"))
            .Where(file => Path.GetFileName(file).Contains(id, StringComparison.Ordinal))
            .ToList();
        Assert.True(implementations.Count > 0, $"{id}: no source file under analyzers/, msbuild-tasks/ or cli/ has the id in its name");
        foreach (var file in implementations)
        {
            Assert.True(File.ReadAllText(file).Contains("RuleCatalog." + id + ".", StringComparison.Ordinal) || File.ReadAllText(file).Contains("Descriptors." + id, StringComparison.Ordinal) || IsHelperOf(file, id),
                $"{id}: {Path.GetFileName(file)} has the id in its name but does not report it");
        }
        var tests = SourcesUnder("tests").Where(file => Path.GetFileName(file).Contains(id, StringComparison.Ordinal)).ToList();
        Assert.True(tests.Count > 0, $"{id}: no test file under tests/ has the id in its name");
        Assert.Contains(tests, file => File.ReadAllText(file).Contains(id, StringComparison.Ordinal));
    }

    /// <summary>Each doc page links its source and tests (rows <c>| Source |</c>, <c>| Tests |</c>): files that exist and carry the id.</summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Doc_page_links_the_rule_s_source_and_tests(string id)
    {
        var page = Read("docs", "rules", id + ".md").Split('\n');
        foreach (var row in new[] { "| Source |", "| Tests |" })
        {
            var line = Assert.Single(page, l => l.StartsWith(row, StringComparison.Ordinal));
            var links = Regex.Matches(line, @"\]\(\.\./\.\./([^)]+)\)").Cast<Match>().Select(m => m.Groups[1].Value).ToList();
            Assert.True(links.Count > 0, $"docs/rules/{id}.md: {row} links no file");
            foreach (var link in links)
            {
                Assert.Contains(id, Path.GetFileName(link), StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, link)), $"docs/rules/{id}.md links {link}, which does not exist");
            }
        }
    }

    // A partial or helper file of one rule (EntrypointTargetCheck.CommandLine.PF2003.cs, RestoreRelevance.PF2004.cs):
    // the id in its name, and a sibling file of the same folder that reports the rule.
    private static bool IsHelperOf(string file, string id) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(file)!, "*" + id + "*.cs")
            .Any(sibling => sibling != file && File.ReadAllText(sibling).Contains("RuleCatalog." + id + ".", StringComparison.Ordinal));

    private static IEnumerable<string> SourcesUnder(string folder) =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                           !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
