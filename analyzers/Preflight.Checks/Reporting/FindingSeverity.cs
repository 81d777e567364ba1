using Preflight.Artifacts.EditorConfig;
using Preflight.Artifacts.Reporting;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Reporting;

/// <summary>The severity a finding of a file check is reported with in this project (the build and the CLI
/// alike).</summary>
public sealed class FindingSeverity
{
    private readonly EditorConfigLookup _editorConfigs;
    private readonly ReportingOptions _options;

    public FindingSeverity(EditorConfigLookup editorConfigs, ReportingOptions options)
    {
        _editorConfigs = editorConfigs;
        _options = options;
    }

    /// <summary>A file check's finding: its own default severity when it has one, else its rule's.</summary>
    public ReportedSeverity Of(Preflight.Checks.Findings.Finding finding)
    {
        if (finding.DefaultSeverity is not { } own)
        {
            return Of(finding.RuleId, finding.File);
        }
        var rule = RuleCatalog.All.TryGetValue(finding.RuleId, out var info) ? info : null;
        return Of(finding.RuleId, rule?.Category ?? string.Empty, own, finding.File);
    }

    public ReportedSeverity Of(string ruleId, string file)
    {
        var rule = RuleCatalog.All.TryGetValue(ruleId, out var info) ? info : null;
        return Of(ruleId, rule?.Category ?? string.Empty, rule?.DefaultSeverity ?? RuleSeverity.Warning, file);
    }

    /// <summary>
    /// An analyzer's diagnostic located outside the C# sources (in a YAML, JSON or Dockerfile it reads as an additional
    /// file): the compiler applies no .editorconfig section and no bulk entry to it, only the global configs' entries
    /// for
    /// the rule and the project's properties.
    /// </summary>
    public ReportedSeverity OfAnalyzerOutsideSource(string ruleId, RuleSeverity defaultSeverity) =>
        ReportingPolicy.ResolveOutsideSource(
            ruleId, defaultSeverity,
            _editorConfigs.Severities.Specific(System.Array.Empty<EditorConfigDocument>(), string.Empty, ruleId),
            _options);

    public ReportedSeverity Of(string ruleId, string category, RuleSeverity defaultSeverity, string file)
    {
        var configs = _editorConfigs.For(file);
        var specific = _editorConfigs.Severities.Specific(configs, file, ruleId);
        var bulk = specific == null ? _editorConfigs.Severities.Bulk(configs, file, category) : null;
        return ReportingPolicy.Resolve(ruleId, defaultSeverity, specific, bulk, _options);
    }
}
