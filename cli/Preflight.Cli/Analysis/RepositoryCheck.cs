using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts;
using Preflight.Artifacts.Reporting;
using Preflight.Artifacts.Rules;
using Preflight.Cli.Discovery;
using Preflight.Cli.Output;
using Preflight.Cli.Projects;

namespace Preflight.Cli.Analysis;

/// <summary>
/// <c>preflight check</c>: the file-system checks of the MSBuild task and the analyzers of the package, on every
/// project
/// of a checkout, in parallel, without restore or build. Repository-level files are checked once (by the first project,
/// as in a solution build); a repository without projects is checked as one.
/// </summary>
internal sealed class RepositoryCheck
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(LoadAnalyzers);

    private readonly ReferencePacks _packs;
    private readonly Action<string>? _progress;
    private readonly ConcurrentBag<string> _internalErrors = new();
    private readonly ConcurrentDictionary<string, string> _notes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _analyzerFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// One AdditionalText per file for the whole run: every project's analyzers get the same SourceText of an artifact,
    /// so the analyzers' per-text caches (<c>SourceTextValueProvider</c>) parse each artifact once per run, not once
    /// per
    /// project. Artifacts are small (the C# sources are not kept here).
    /// </summary>
    private readonly ConcurrentDictionary<string, AdditionalText> _additionalTexts = new(StringComparer.Ordinal);

    public RepositoryCheck(ReferencePacks packs, Action<string>? progress = null)
    {
        _packs = packs;
        _progress = progress;
    }

    /// <summary>Analyzer and check failures (never expected): reported on stderr, never as findings.</summary>
    public IReadOnlyCollection<string> InternalErrors => _internalErrors;

    /// <summary>
    /// Files not checked, and why (Preflight's size limits, unreadable files, links out of the repository), one note
    /// per
    /// file, as the build says them in message-level notes: never findings.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Notes => _notes.OrderBy(n => n.Key, StringComparer.Ordinal);

    public IReadOnlyList<ReportedFinding> Run(string directory, CancellationToken cancellationToken = default)
    {
        var root = RepositoryScan.FindRoot(directory);
        RepositoryScan scan;
        using (PhaseTimes.Start("repository scan"))
        {
            scan = RepositoryScan.Run(root);
        }
        var editorConfigs = new EditorConfigs(scan.EditorConfigs, Array.Empty<string>());
        var lookup = new EditorConfigLookup(scan.GlobalConfigs);
        var findings = new ConcurrentBag<ReportedFinding>();
        var projects = scan.Projects;
        if (projects.Count == 0)
        {
            RunChecks(
                scan, PathText.Combine(scan.Root, ".preflight/repository.csproj"),
                new FindingSeverity(lookup, ReportingOptions.Default), findings);
        }
        var done = 0;
        var run = new CheckRun(scan.Root, scan.Artifacts, scan.SourceFiles);
        var folders = new ProjectFolders(scan.CSharpFiles, scan.Projects);
        // Largest projects first (the last to start are small, so both cores stay busy to the end), and no more source
        // text in flight than the gate allows, so the compilations alive at once stay bounded (ProjectGate).
        var ordered = projects
            .Select(project =>
                (Project: project, Weight: ProjectGate.Weight(folders.FilesOf(PathText.GetDirectory(project)))))
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Project, StringComparer.Ordinal)
            .ToList();
        var gate = new ProjectGate(ProjectGate.Budget());
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken };
        Parallel.ForEach(Partitioner.Create(ordered, EnumerablePartitionerOptions.NoBuffering), parallel, item =>
        {
            var project = item.Project;
            using var admitted = gate.Enter(item.Weight, cancellationToken);
            ProjectInfo? info;
            using (PhaseTimes.Start("project files"))
            {
                info = ProjectInfo.Load(project, scan.Root);
            }
            var severity = new FindingSeverity(
                lookup.WithGlobalConfigs(scan.GlobalConfigsOf(project)),
                info == null ? ReportingOptions.Default : Options(info));
            RunChecks(scan, project, severity, findings, run);
            if (info != null)
            {
                RunAnalyzers(scan, folders, info, editorConfigs, severity, findings, cancellationToken);
            }
            var count = Interlocked.Increment(ref done);
            _progress?.Invoke(
                $"preflight: checked {count}/{projects.Count} projects ({PathText.Relative(scan.Root, project)})");
        });
        return findings
            .Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(
                f => f.RuleId, StringComparer.Ordinal)
            // Ties (two messages of one rule at one place) in a fixed order too, whatever order the projects finished
            // in.
            .ThenBy(f => f.EndLine).ThenBy(f => f.EndColumn).ThenBy(f => f.Message, StringComparer.Ordinal).ThenBy(
                f => f.Severity, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The project's reporting properties, as the build passes them to the compiler and the task (families
    /// switched off join NoWarn).</summary>
    private static ReportingOptions Options(ProjectInfo project) => new(
        string.Join(
            ";", new[] { project.Property("NoWarn") ?? string.Empty }.Concat(
            RuleFamilies.DisabledRuleIds(project.Property))),
        ReportingOptions.IsTrue(project.Property("TreatWarningsAsErrors")),
        project.Property("WarningsAsErrors"),
        project.Property("WarningsNotAsErrors"));

    private void RunChecks(
        RepositoryScan scan, string project, FindingSeverity severity, ConcurrentBag<ReportedFinding> findings,
        CheckRun? run = null)
    {
        using var phase = PhaseTimes.Start("file checks");
        var context = new CheckContext(
            scan.Root, project, scan.Artifacts, scan.SourceFiles, everyProjectUsesPreflight: true, run);
        foreach (var failure in RepositoryChecks.Run(context))
        {
            _internalErrors.Add($"file checks of {project}: {failure}");
        }
        foreach (var note in context.Notes)
        {
            _notes.TryAdd(note.Key, note.Value);
        }
        foreach (var finding in context.Findings)
        {
            if (Name(severity.Of(finding)) is { } level)
            {
                findings.Add(
                    new ReportedFinding(
                    finding.RuleId, level, PathText.Normalize(finding.File), finding.Line, finding.Column,
                    finding.EndLine, finding.EndColumn, finding.Message, RuleCatalog.HelpLink(finding.RuleId)));
            }
        }
    }

    private void RunAnalyzers(
        RepositoryScan scan, ProjectFolders folders, ProjectInfo project, EditorConfigs editorConfigs,
        FindingSeverity severity, ConcurrentBag<ReportedFinding> findings, CancellationToken cancellationToken)
    {
        var projectPath = project.Path;
        IReadOnlyList<string> sources;
        using (PhaseTimes.Start("compile items"))
        {
            sources = ProjectCompilation.SourceFiles(project, scan.CSharpFiles, folders);
        }
        CSharpCompilation compilation;
        using (PhaseTimes.Start("parse and references"))
        {
            compilation = ProjectCompilation.Create(project, sources, _packs, cancellationToken);
        }
        var additionalFiles = RepositoryScan.AppSettingsOf(projectPath).Concat(scan.AnalyzerArtifacts()).Concat(
            scan.AppHostFiles())
            .Distinct(StringComparer.Ordinal)
            .Where(path => IsAnalyzerFile(scan, path))
            .Select(path => _additionalTexts.GetOrAdd(path, p => new FileAdditionalText(p)))
            .ToImmutableArray();
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectFullPath"] = project.Path,
            ["PreflightRepositoryRoot"] = scan.Root.TrimEnd('/') + "/",
            ["OutputType"] = project.OutputType,
            ["AssemblyName"] = project.Property("AssemblyName") ?? project.Name,
        };
        if (project.TargetFramework is { } targetFramework)
        {
            properties["TargetFramework"] = targetFramework;
        }
        if (project.IsTestProject)
        {
            properties["IsTestProject"] = "true";
        }
        var options = new AnalyzerOptions(additionalFiles, new ProjectAnalyzerOptions(properties, editorConfigs));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (ex, analyzer, _) =>
                _internalErrors.Add($"{analyzer.GetType().Name} on {project.Path}: {ex.GetType().Name}: {ex.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: PhaseTimes.Enabled));
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            using (PhaseTimes.Start("analyzers (binding included)"))
            {
                diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
            }
            if (PhaseTimes.Enabled)
            {
                foreach (var analyzer in Analyzers.Value)
                {
                    PhaseTimes.Add(
                        "  analyzer " + analyzer.GetType().Name,
                        withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).GetAwaiter()
                        .GetResult().ExecutionTime);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _internalErrors.Add($"analyzers on {project.Path}: {ex.GetType().Name}: {ex.Message}");
            return;
        }
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Id.StartsWith("PF", StringComparison.Ordinal) || diagnostic.IsSuppressed)
            {
                continue;
            }
            var span = diagnostic.Location.GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                continue;
            }
            var file = PathText.Normalize(span.Path);
            var reported = diagnostic.Location.IsInSource
                ? severity.Of(diagnostic.Id, diagnostic.Descriptor.Category, Map(diagnostic.DefaultSeverity), file)
                : severity.OfAnalyzerOutsideSource(diagnostic.Id, Map(diagnostic.DefaultSeverity));
            if (Name(reported) is { } level)
            {
                findings.Add(
                    new ReportedFinding(
                    diagnostic.Id, level, file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                    span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1,
                        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    diagnostic.Descriptor.HelpLinkUri));
            }
        }
    }

    /// <summary>
    /// False for the artifacts the build's targets do not give the compiler (<see cref="AnalyzerFileFilter"/>: FIFOs,
    /// dangling links, unreadable and binary files, links out of the repository); decided once per file, with a note.
    /// </summary>
    private bool IsAnalyzerFile(RepositoryScan scan, string path) =>
        _analyzerFiles.GetOrAdd(path, p =>
        {
            if (AnalyzerFileFilter.SkipReason(p, isArtifact: true, scan.Boundary) is { } reason)
            {
                _notes.TryAdd(p, reason + ": not checked, not passed to the analyzers");
                return false;
            }
            return true;
        });

    /// <summary>The severity as reported; null when the finding is not reported (<c>none</c>, <c>silent</c>,
    /// NoWarn).</summary>
    private static string? Name(ReportedSeverity severity) => severity switch
    {
        ReportedSeverity.Error => "error",
        ReportedSeverity.Warning => "warning",
        ReportedSeverity.Info => "info",
        _ => null,
    };

    private static RuleSeverity Map(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => RuleSeverity.Error,
        DiagnosticSeverity.Warning => RuleSeverity.Warning,
        _ => RuleSeverity.Info,
    };

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
    {
        var assembly = typeof(Preflight.Analyzers.Descriptors).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }
}
