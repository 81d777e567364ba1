using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Artifacts.Reporting;
using Preflight.Artifacts.Rules;

namespace Preflight.Build.Tasks;

/// <summary>Logs the findings <see cref="PreflightCheck"/> stored, as errors or warnings with rule id, file, position
/// and help link.</summary>
public sealed class PreflightReport : Task
{
    [Required]
    public string FindingsFile { get; set; } = string.Empty;

    /// <summary>The project's <c>$(NoWarn)</c>: rule ids listed there are not reported, errors included, as for the
    /// analyzers
    /// (families switched off are added to it by the targets).</summary>
    public string? NoWarn { get; set; }

    /// <summary><c>$(TreatWarningsAsErrors)</c>: warnings are reported as errors.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsAsErrors)</c>: these rules are reported as errors.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsNotAsErrors)</c>: these rules stay warnings under TreatWarningsAsErrors.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary><c>@(EditorConfigFiles)</c>: the project's global analyzer configs are read from it; the .editorconfig
    /// files
    /// that apply to a finding are found above its file, as the compiler finds them for source files.</summary>
    public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The findings as reported (after severities), for the SARIF log; nothing is written when
    /// empty.</summary>
    public string? ReportedFindingsFile { get; set; }

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
        var findings = Finding.DeserializeAll(lines);
        var reported = new List<string>();
        // The configuration files are read only when there is something to report (not on every clean build).
        var severity = findings.Count == 0 ? null : new FindingSeverity(
            new EditorConfigLookup(EditorConfigFiles.Select(item => item.GetMetadata("FullPath"))),
            new ReportingOptions(NoWarn, TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors));
        foreach (var finding in findings)
        {
            var level = severity!.Of(finding);
            var helpLink = RuleCatalog.HelpLink(finding.RuleId);
            // The console shows no HelpLink of a build event: the link is written after the message, as the compiler
            // writes
            // the analyzers' ("message (https://...)"), so both kinds of finding read the same in the build output.
            var text = finding.Message + " (" + helpLink + ")";
            switch (level)
            {
                case ReportedSeverity.Error:
                    Log.LogError(
                        null, finding.RuleId, finding.RuleId, helpLink, finding.File, finding.Line, finding.Column,
                        finding.EndLine, finding.EndColumn, "{0}", text);
                    break;
                case ReportedSeverity.Warning:
                    Log.LogWarning(
                        null, finding.RuleId, finding.RuleId, helpLink, finding.File, finding.Line, finding.Column,
                        finding.EndLine, finding.EndColumn, "{0}", text);
                    break;
                case ReportedSeverity.Info:
                    Log.LogMessage(
                        null, finding.RuleId, finding.RuleId, finding.File, finding.Line, finding.Column,
                        finding.EndLine, finding.EndColumn, MessageImportance.High, "{0}", text);
                    break;
                default:
                    continue;
            }
            reported.Add(ReportedFindingLine.Serialize(level, finding));
        }
        WriteReported(reported);
        return !Log.HasLoggedErrors;
    }

    private void WriteReported(List<string> reported)
    {
        if (string.IsNullOrEmpty(ReportedFindingsFile))
        {
            return;
        }
        try
        {
            File.WriteAllLines(ReportedFindingsFile, reported);
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(
                MessageImportance.High, $"Preflight: could not write '{ReportedFindingsFile}' ({ex.Message}).");
        }
    }
}
