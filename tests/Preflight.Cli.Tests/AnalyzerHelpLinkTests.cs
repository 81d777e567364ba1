using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts.Rules;
using Xunit;

namespace Preflight.Cli.Tests;

public class AnalyzerHelpLinkTests
{
    [Fact]
    public void Every_analyzer_descriptor_links_to_the_rule_page_of_the_rule_table()
    {
        var analyzers = typeof(Preflight.Analyzers.Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
        var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d =>
        {
            Assert.True(RuleCatalog.All.ContainsKey(d.Id), d.Id + " is not in the rule table");
            Assert.Equal(RuleCatalog.HelpLink(d.Id), d.HelpLinkUri);
        });
    }
}
