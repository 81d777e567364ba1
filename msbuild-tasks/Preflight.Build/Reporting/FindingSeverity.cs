using Preflight.Artifacts.EditorConfig;
using Preflight.Artifacts.Reporting;
using Preflight.Artifacts.Rules;

namespace Preflight.Build.Reporting;

/// <summary>The severity a finding of a file check is reported with in this project (the build and the CLI alike).</summary>
public sealed class FindingSeverity
{
    private readonly EditorConfigLookup _editorConfigs;
    private readonly ReportingOptions _options;

    public FindingSeverity(EditorConfigLookup editorConfigs, ReportingOptions options)
    {
        _editorConfigs = editorConfigs;
        _options = options;
    }

    public ReportedSeverity Of(string ruleId, string file)
    {
        var rule = RuleCatalog.All.TryGetValue(ruleId, out var info) ? info : null;
        return Of(ruleId, rule?.Category ?? string.Empty, rule?.DefaultSeverity ?? RuleSeverity.Warning, file);
    }

    public ReportedSeverity Of(string ruleId, string category, RuleSeverity defaultSeverity, string file)
    {
        var configs = _editorConfigs.For(file);
        var specific = _editorConfigs.Severities.Specific(configs, file, ruleId);
        var bulk = specific == null ? _editorConfigs.Severities.Resolve(configs, file, ruleId, category) : null;
        return ReportingPolicy.Resolve(ruleId, defaultSeverity, specific, bulk, _options);
    }
}
