using Preflight.Artifacts.EditorConfig;
using Preflight.Artifacts.Rules;

namespace Preflight.Artifacts.Reporting;

/// <summary>How a finding is reported, or that it is not.</summary>
public enum ReportedSeverity
{
    /// <summary>Not reported (<c>none</c>, <c>NoWarn</c>).</summary>
    None,
    /// <summary>Reported only to the IDE (<c>silent</c>): not in the build output.</summary>
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>
/// The severity a finding is reported with, decided as the C# compiler decides it for an analyzer's diagnostic, so that
/// a
/// rule checked by the MSBuild task (or by <c>preflight check</c>) is configured exactly like one checked by an
/// analyzer:
/// <c>NoWarn</c> silences; <c>WarningsAsErrors</c>/<c>WarningsNotAsErrors</c> name rules; otherwise the .editorconfig
/// entry for the rule, else its bulk (category, then all) entry, else the rule's default; then
/// <c>TreatWarningsAsErrors</c> turns the remaining warnings into errors.
/// </summary>
public static class ReportingPolicy
{
    public static ReportedSeverity Resolve(
        string ruleId, RuleSeverity defaultSeverity, ConfiguredSeverity? specific, ConfiguredSeverity? bulk,
        ReportingOptions options)
    {
        if (options.NoWarn.Contains(ruleId) || specific == ConfiguredSeverity.None)
        {
            return ReportedSeverity.None;
        }
        if (options.WarningsNotAsErrors.Contains(ruleId))
        {
            // warnaserror-: the rule's own severity or its .editorconfig entry, which does not make a warning rule an
            // error;
            // no bulk entry applies.
            var own = Apply(specific, Default(defaultSeverity));
            return own == ReportedSeverity.Error
                && defaultSeverity == RuleSeverity.Warning ? ReportedSeverity.Warning : own;
        }
        if (options.WarningsAsErrors.Contains(ruleId))
        {
            return ReportedSeverity.Error;
        }
        if (specific == ConfiguredSeverity.Default)
        {
            // An explicit "default" keeps the rule's own severity, which TreatWarningsAsErrors does not raise.
            return Default(defaultSeverity);
        }
        var severity = Apply(specific ?? bulk, Default(defaultSeverity));
        return severity == ReportedSeverity.Warning
            && options.TreatWarningsAsErrors ? ReportedSeverity.Error : severity;
    }

    /// <summary>
    /// An analyzer's diagnostic located outside the C# sources (in a file it reads as an additional file): the compiler
    /// applies no .editorconfig section and no bulk entry to it; a global config's entry for the rule
    /// (<paramref name="globalSpecific"/>) does not override WarningsAsErrors there.
    /// </summary>
    public static ReportedSeverity ResolveOutsideSource(
        string ruleId, RuleSeverity defaultSeverity, ConfiguredSeverity? globalSpecific, ReportingOptions options)
    {
        if (!options.NoWarn.Contains(ruleId) && options.WarningsAsErrors.Contains(ruleId)
            && !options.WarningsNotAsErrors.Contains(ruleId))
        {
            return ReportedSeverity.Error;
        }
        return Resolve(ruleId, defaultSeverity, globalSpecific, null, options);
    }

    private static ReportedSeverity Apply(ConfiguredSeverity? configured, ReportedSeverity fallback) =>
        configured switch
    {
        ConfiguredSeverity.Error => ReportedSeverity.Error,
        ConfiguredSeverity.Warning => ReportedSeverity.Warning,
        ConfiguredSeverity.Suggestion => ReportedSeverity.Info,
        ConfiguredSeverity.Silent => ReportedSeverity.Hidden,
        ConfiguredSeverity.None => ReportedSeverity.None,
        _ => fallback,
    };

    private static ReportedSeverity Default(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => ReportedSeverity.Error,
        RuleSeverity.Warning => ReportedSeverity.Warning,
        _ => ReportedSeverity.Info,
    };
}
