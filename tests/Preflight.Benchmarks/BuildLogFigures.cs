using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Preflight.Benchmarks;

/// <summary>
/// What a detailed MSBuild log (file logger, -m) says about a build: per project, the analyzer assemblies' execution
/// times the compiler prints with -p:ReportAnalyzer=true ("Total analyzer execution time" and one line per assembly,
/// "0.123   12   Name, Version=..."), and from the performance summary at the end the time and calls of every
/// target and task (-flp:PerformanceSummary).
/// </summary>
public sealed class BuildLogFigures
{
    private static readonly Regex Prefix = new(@"^\s*(\d+)>(.*)$");
    private static readonly Regex ProjectStart = new(@"is building ""([^""]+)"" \((\d+)\)");
    private static readonly Regex AssemblyLine = new(@"^\s*(<?\d+\.\d+)\s+<?\d+\s+([^\s,]+), Version=");
    private static readonly Regex PreflightAnalyzerLine = new(@"^\s*(<?\d+\.\d+)\s+<?\d+\s+(Preflight\.Analyzers\.\S+) \(");
    private static readonly Regex SummaryLine = new(@"^\s*(\d+) ms\s+(\S+)\s+(\d+) calls");

    /// <summary>Seconds of analyzer execution per project file, per analyzer assembly (simple name).</summary>
    public Dictionary<string, Dictionary<string, double>> Analyzers { get; } = new();

    /// <summary>Seconds per Preflight analyzer (type name), summed over the projects, in the order of the log.</summary>
    public Dictionary<string, List<double>> PreflightAnalyzers { get; } = new();

    /// <summary>Total analyzer execution time per project file, as the compiler reports it.</summary>
    public Dictionary<string, double> TotalAnalyzerSeconds { get; } = new();

    /// <summary>Total source generator execution time per project file.</summary>
    public Dictionary<string, double> TotalGeneratorSeconds { get; } = new();

    /// <summary>Milliseconds of every evaluation (project file) of the final evaluation performance summary.</summary>
    public Dictionary<string, (double Milliseconds, int Calls)> Evaluations { get; } = new();

    /// <summary>Milliseconds and calls of every target of the final target performance summary.</summary>
    public Dictionary<string, (double Milliseconds, int Calls)> Targets { get; } = new();

    /// <summary>Milliseconds and calls of every task of the final task performance summary.</summary>
    public Dictionary<string, (double Milliseconds, int Calls)> Tasks { get; } = new();

    public static BuildLogFigures Parse(string logFile)
    {
        var figures = new BuildLogFigures();
        var projects = new Dictionary<string, string>();
        var inAnalyzerReport = new HashSet<string>();
        Dictionary<string, (double, int)>? summary = null;
        string? key = null;
        foreach (var raw in File.ReadLines(logFile))
        {
            var match = Prefix.Match(raw);
            string text;
            if (match.Success)
            {
                key = match.Groups[1].Value;
                text = match.Groups[2].Value;
            }
            else if (raw.Length > 0 && !char.IsWhiteSpace(raw[0]) && ProjectStart.Match(raw) is { Success: true } sequential)
            {
                // One node (-m:1): no prefixes; a project's lines follow the line that starts it.
                key = sequential.Groups[2].Value;
                projects[key] = sequential.Groups[1].Value;
                continue;
            }
            else if (raw.Length > 0 && !char.IsWhiteSpace(raw[0]) && (raw.EndsWith("Performance Summary:", StringComparison.Ordinal) || raw.StartsWith("Done Building Project", StringComparison.Ordinal)))
            {
                // The end of a project's lines, or the performance summaries at the end of the log (the last of each kind wins).
                key = null;
                summary = raw.StartsWith("Project Evaluation Performance Summary:", StringComparison.Ordinal) ? figures.Evaluations
                    : raw.StartsWith("Target Performance Summary:", StringComparison.Ordinal) ? figures.Targets
                    : raw.StartsWith("Task Performance Summary:", StringComparison.Ordinal) ? figures.Tasks
                    : null;
                summary?.Clear();
                continue;
            }
            else if (key == null)
            {
                if (summary != null && SummaryLine.Match(raw) is { Success: true } line)
                {
                    summary[line.Groups[2].Value] = (double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture));
                }
                continue;
            }
            else
            {
                // The continuation of a multi-line message of the last project (the analyzer report is one message).
                text = raw;
            }
            if (ProjectStart.Match(text) is { Success: true } start)
            {
                projects[start.Groups[2].Value] = start.Groups[1].Value;
                continue;
            }
            if (!projects.TryGetValue(key, out var project))
            {
                continue;
            }
            if (text.Contains("Total analyzer execution time:", StringComparison.Ordinal))
            {
                inAnalyzerReport.Add(key);
                figures.TotalAnalyzerSeconds[project] = Seconds(text.Substring(text.IndexOf(':') + 1).Replace("seconds.", "").Trim());
            }
            else if (text.Contains("Total generator execution time:", StringComparison.Ordinal))
            {
                inAnalyzerReport.Remove(key);
                figures.TotalGeneratorSeconds[project] = Seconds(text.Substring(text.IndexOf(':') + 1).Replace("seconds.", "").Trim());
            }
            else if (match.Success)
            {
                inAnalyzerReport.Remove(key);
            }
            else if (inAnalyzerReport.Contains(key) && PreflightAnalyzerLine.Match(text) is { Success: true } analyzer)
            {
                var name = analyzer.Groups[2].Value;
                if (!figures.PreflightAnalyzers.TryGetValue(name, out var times))
                {
                    figures.PreflightAnalyzers[name] = times = new List<double>();
                }
                times.Add(Seconds(analyzer.Groups[1].Value));
            }
            else if (inAnalyzerReport.Contains(key) && AssemblyLine.Match(text) is { Success: true } assembly)
            {
                if (!figures.Analyzers.TryGetValue(project, out var perAssembly))
                {
                    figures.Analyzers[project] = perAssembly = new Dictionary<string, double>();
                }
                perAssembly[assembly.Groups[2].Value] = Seconds(assembly.Groups[1].Value);
            }
        }
        return figures;
    }

    /// <summary>Total seconds of the analyzer assemblies whose simple name satisfies <paramref name="select"/>, over all projects.</summary>
    public double AnalyzerSeconds(Func<string, bool> select)
    {
        var total = 0.0;
        foreach (var perAssembly in Analyzers.Values)
        {
            foreach (var (name, seconds) in perAssembly)
            {
                total += select(name) ? seconds : 0;
            }
        }
        return total;
    }

    private static double Seconds(string text) =>
        double.TryParse(text.TrimStart('<'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
