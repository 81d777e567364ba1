using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Artifacts.Rules;
using Preflight.Build.Checks;
using Preflight.Build.Findings;

namespace Preflight.Build.Tasks;

/// <summary>Logs the findings <see cref="PreflightCheck"/> stored, as errors or warnings with rule id, file, position and help link.</summary>
public sealed class PreflightReport : Task
{
    [Required]
    public string FindingsFile { get; set; } = string.Empty;

    /// <summary>The project's <c>$(NoWarn)</c>: rule ids listed there are not reported, errors included, as for the analyzers.</summary>
    public string? NoWarn { get; set; }

    public override bool Execute()
    {
        string[] lines;
        try
        {
            lines = File.Exists(FindingsFile) ? File.ReadAllLines(FindingsFile) : Array.Empty<string>();
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(MessageImportance.High, $"Preflight: could not read '{FindingsFile}' ({ex.Message}).");
            return true;
        }
        var suppressed = new HashSet<string>(
            (NoWarn ?? string.Empty).Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);
        foreach (var finding in Finding.DeserializeAll(lines))
        {
            if (suppressed.Contains(finding.RuleId))
            {
                continue;
            }
            var severity = RuleCatalog.All.TryGetValue(finding.RuleId, out var rule) ? rule.DefaultSeverity : RuleSeverity.Warning;
            var helpLink = RuleCatalog.HelpLink(finding.RuleId);
            if (severity == RuleSeverity.Error)
            {
                Log.LogError(null, finding.RuleId, finding.RuleId, helpLink, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, "{0}", finding.Message);
            }
            else if (severity == RuleSeverity.Warning)
            {
                Log.LogWarning(null, finding.RuleId, finding.RuleId, helpLink, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, "{0}", finding.Message);
            }
            else
            {
                Log.LogMessage(null, finding.RuleId, finding.RuleId, finding.File, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, MessageImportance.High, "{0}", finding.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }
}
