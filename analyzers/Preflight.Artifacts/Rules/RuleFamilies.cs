using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Rules;

/// <summary>
/// The rule families (the categories <c>Preflight.Configuration</c>, <c>Preflight.Secrets</c>,
/// <c>Preflight.Dockerfile</c>,
/// <c>Preflight.Compose</c>, <c>Preflight.Platform</c>, <c>Preflight.Wiring</c>) and the MSBuild property that switches
/// each off: <c>&lt;PreflightComposeEnabled&gt;false&lt;/PreflightComposeEnabled&gt;</c>. A family switched off is
/// added to
/// <c>NoWarn</c> (the analyzers of a family that is wholly off do not run at all).
/// </summary>
public static class RuleFamilies
{
    private const string CategoryPrefix = "Preflight.";

    /// <summary>Family names (Configuration, Secrets, ...), in rule id order.</summary>
    public static IReadOnlyList<string> Names { get; } = RuleCatalog.All.Values
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .Select(r => FamilyOf(r.Category))
        .Distinct()
        .ToList();

    public static string FamilyOf(string category) =>
        category.StartsWith(CategoryPrefix, StringComparison.Ordinal) ? category.Substring(CategoryPrefix.Length)
            : category;

    /// <summary>The MSBuild property that switches the family off when <c>false</c>.</summary>
    public static string SwitchProperty(string family) => "Preflight" + family + "Enabled";

    public static IReadOnlyList<string> RuleIds(string family) => RuleCatalog.All.Values
        .Where(r => FamilyOf(r.Category) == family)
        .Select(r => r.Id)
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The ids of every family whose switch property is <c>false</c>.</summary>
    public static IEnumerable<string> DisabledRuleIds(Func<string, string?> property) => Names
        .Where(family =>
            string.Equals(property(SwitchProperty(family))?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        .SelectMany(RuleIds);
}
