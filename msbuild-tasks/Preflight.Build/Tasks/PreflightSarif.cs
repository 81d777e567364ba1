using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Artifacts.Reporting;

namespace Preflight.Build.Tasks;

/// <summary>
/// Writes the project's Preflight SARIF log (<c>$(PreflightSarifLog)</c>): the analyzers' findings, read from the
/// compiler's
/// SARIF log, and the file checks' findings as <see cref="PreflightReport"/> reported them, in one run. Runs after the
/// compiler, also when the compile failed. Never fails the build.
/// </summary>
public sealed class PreflightSarif : Task
{
    /// <summary>The compiler's SARIF log (<c>$(ErrorLog)</c> without its <c>,version=</c> suffix); may be
    /// missing.</summary>
    public string? CompilerLog { get; set; }

    /// <summary>The file checks' findings as reported (<see cref="PreflightReport.ReportedFindingsFile"/>); may be
    /// missing.</summary>
    public string? ReportedFindingsFile { get; set; }

    [Required]
    public string SarifFile { get; set; } = string.Empty;

    [Required]
    public string RepositoryRoot { get; set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            var results = new List<SarifResult>();
            if (!string.IsNullOrEmpty(CompilerLog))
            {
                results.AddRange(CompilerSarif.PreflightResults(ReadCompilerLog(CompilerLog!)));
            }
            foreach (var line in ReadLines(ReportedFindingsFile))
            {
                if (ReportedFindingLine.TryParse(line, out var severity, out var finding) && finding != null)
                {
                    results.Add(
                        new SarifResult(
                        finding.RuleId, SarifLog.Level(severity), finding.Message, finding.File, finding.Line,
                        finding.Column, finding.EndLine, finding.EndColumn));
                }
            }
            var ordered = results
                .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column).ThenBy(
                    r => r.RuleId, StringComparer.Ordinal)
                .ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SarifFile))!);
            File.WriteAllText(SarifFile, SarifLog.Write(ordered, RepositoryRoot));
            Log.LogMessage(MessageImportance.Normal, $"Preflight: {ordered.Count} finding(s) written to {SarifFile}.");
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex) || ex is ArgumentException || ex is UriFormatException)
        {
            Log.LogMessage(
                MessageImportance.High, $"Preflight: could not write the SARIF log '{SarifFile}' ({ex.Message}).");
        }
        return true;
    }

    /// <summary>The compiler's log can be larger than the artifacts the checks read (every warning of the project): up
    /// to 256 MB.</summary>
    private static string? ReadCompilerLog(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length <= 256L * 1024 * 1024 ? File.ReadAllText(path) : null;
    }

    private static IEnumerable<string> ReadLines(string? path) =>
        string.IsNullOrEmpty(path) ? Array.Empty<string>()
            : (FileSystem.ReadText(path!) ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r'));
}
