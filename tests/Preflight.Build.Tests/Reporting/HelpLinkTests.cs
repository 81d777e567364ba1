using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Preflight.Artifacts.Rules;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Reporting;

public class HelpLinkTests
{
    private static string PackageProjectUrl()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        var url = props.Descendants("PackageProjectUrl").Single().Value;
        return url.TrimEnd('/');
    }

    [Fact]
    public void Help_links_are_built_from_the_one_PackageProjectUrl_of_Directory_Build_props()
    {
        Assert.Equal(PackageProjectUrl(), PackageInfo.ProjectUrl);
        Assert.StartsWith(PackageProjectUrl() + "/", RuleCatalog.HelpLinkBase, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_help_link_resolves_to_an_existing_docs_rules_page()
    {
        var blob = PackageProjectUrl() + "/blob/main/";
        Assert.NotEmpty(RuleCatalog.All);
        foreach (var rule in RuleCatalog.All.Values)
        {
            var link = RuleCatalog.HelpLink(rule.Id);
            Assert.Equal(link, rule.HelpLink);
            Assert.StartsWith(blob, link, StringComparison.Ordinal);
            var page = Path.Combine(TestPaths.RepositoryRoot, link.Substring(blob.Length));
            Assert.True(File.Exists(page), $"{rule.Id}: help link {link} names no file {page}");
            Assert.Contains("# " + rule.Id, File.ReadAllText(page));
        }
    }

    [Fact]
    public void Every_docs_rules_page_belongs_to_a_rule_of_the_table()
    {
        var pages = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules"), "PF*.md")
            .Select(p => Path.GetFileNameWithoutExtension(p)!);
        Assert.All(pages, id => Assert.True(RuleCatalog.All.ContainsKey(id), $"docs/rules/{id}.md has no row in RuleCatalog"));
    }

    [Fact]
    public void The_task_writes_the_help_link_after_the_message_as_the_compiler_does_for_analyzers()
    {
        using var repo = new TempRepository();
        repo.Write("obj/findings.tsv", new Finding("PF2001", repo.Path("Dockerfile"), 2, 6, 2, 10, "COPY source 'x' does not exist").Serialize() + "\n");
        var engine = new RecordingBuildEngine();

        Assert.False(new PreflightReport { BuildEngine = engine, FindingsFile = repo.Path("obj/findings.tsv") }.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(RuleCatalog.HelpLink("PF2001"), error.HelpLink);
        Assert.Equal("COPY source 'x' does not exist (" + RuleCatalog.HelpLink("PF2001") + ")", error.Message);
    }

    /// <summary>Messages name the missing thing and where it was looked for, in about 300 characters: the fixed text of
    /// every format leaves room for the names it is filled with (details belong to the rule's page).</summary>
    [Fact]
    public void Every_message_format_of_the_rule_table_leaves_room_for_its_arguments()
    {
        foreach (var rule in RuleCatalog.All.Values)
        {
            var fixedText = Regex.Replace(rule.MessageFormat, @"\{\d+\}", string.Empty);
            Assert.True(fixedText.Length <= 160, $"{rule.Id}: the fixed text of its message is {fixedText.Length} characters: {fixedText}");
        }
    }
}
