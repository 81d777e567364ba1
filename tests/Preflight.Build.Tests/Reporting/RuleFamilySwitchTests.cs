using System.IO;
using System.Linq;
using System.Xml.Linq;
using Preflight.Artifacts.Rules;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Reporting;

/// <summary>The targets switch a family off through NoWarn with a static list of its rules: the lists must be the catalogue's.</summary>
public sealed class RuleFamilySwitchTests
{
    private static XDocument Targets() =>
        XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "msbuild-tasks", "Preflight.Build", "build", "Preflight.targets"));

    [Fact]
    public void Every_family_has_a_rule_list_in_the_targets_equal_to_the_catalogue()
    {
        var properties = Targets().Descendants().Where(e => e.Name.LocalName.StartsWith("_Preflight") && e.Name.LocalName.EndsWith("RuleIds"))
            .ToDictionary(e => e.Name.LocalName, e => e.Value.Split(';'));
        Assert.Equal(6, RuleFamilies.Names.Count);
        foreach (var family in RuleFamilies.Names)
        {
            Assert.True(properties.TryGetValue("_Preflight" + family + "RuleIds", out var ids), $"no rule list for the family {family}");
            Assert.Equal(RuleFamilies.RuleIds(family), ids);
        }
        Assert.Equal(RuleCatalog.All.Count, properties.Values.Sum(ids => ids.Length));
    }

    [Fact]
    public void Every_family_switch_appends_its_list_to_NoWarn()
    {
        var noWarns = Targets().Descendants().Where(e => e.Name.LocalName == "NoWarn").ToList();
        foreach (var family in RuleFamilies.Names)
        {
            Assert.Contains(noWarns, e => (string?)e.Attribute("Condition") == $"'$({RuleFamilies.SwitchProperty(family)})' == 'false'" &&
                e.Value == $"$(NoWarn);$(_Preflight{family}RuleIds)");
        }
    }

    [Fact]
    public void DisabledRuleIds_lists_the_rules_of_families_switched_off_only()
    {
        var ids = RuleFamilies.DisabledRuleIds(name => name == "PreflightComposeEnabled" ? "False" : name == "PreflightWiringEnabled" ? "true" : null).ToList();
        Assert.Equal(RuleFamilies.RuleIds("Compose"), ids);
        Assert.Contains("PF3001", ids);
    }
}
