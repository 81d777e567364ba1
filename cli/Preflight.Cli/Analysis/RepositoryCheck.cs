using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts;
using Preflight.Artifacts.Rules;
using Preflight.Build.Checks;
using Preflight.Cli.Discovery;
using Preflight.Cli.Output;
using Preflight.Cli.Projects;

namespace Preflight.Cli.Analysis;

/// <summary>
/// <c>preflight check</c>: the file-system checks of the MSBuild task and the analyzers of the package, on every project
/// of a checkout, in parallel, without restore or build. Repository-level files are checked once (by the first project,
/// as in a solution build); a repository without projects is checked as one.
/// </summary>
internal sealed class RepositoryCheck
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(LoadAnalyzers);

    private readonly ReferencePacks _packs;
    private readonly Action<string>? _progress;
    private readonly ConcurrentBag<string> _internalErrors = new();

    public RepositoryCheck(ReferencePacks packs, Action<string>? progress = null)
    {
        _packs = packs;
        _progress = progress;
    }

    /// <summary>Analyzer and check failures (never expected): reported on stderr, never as findings.</summary>
    public IReadOnlyCollection<string> InternalErrors => _internalErrors;

    public IReadOnlyList<ReportedFinding> Run(string directory, CancellationToken cancellationToken = default)
    {
        var root = RepositoryScan.FindRoot(directory);
        var scan = RepositoryScan.Run(root);
        var editorConfigs = new EditorConfigs(scan.EditorConfigs, Array.Empty<string>());
        var findings = new ConcurrentBag<ReportedFinding>();
        var projects = scan.Projects;
        if (projects.Count == 0)
        {
            RunChecks(scan, PathText.Combine(scan.Root, ".preflight/repository.csproj"), editorConfigs, findings);
        }
        var done = 0;
        Parallel.ForEach(projects, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, project =>
        {
            RunChecks(scan, project, editorConfigs, findings);
            RunAnalyzers(scan, project, editorConfigs, findings, cancellationToken);
            var count = Interlocked.Increment(ref done);
            _progress?.Invoke($"preflight: checked {count}/{projects.Count} projects ({PathText.Relative(scan.Root, project)})");
        });
        return findings
            .Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    private void RunChecks(RepositoryScan scan, string project, EditorConfigs editorConfigs, ConcurrentBag<ReportedFinding> findings)
    {
        var context = new CheckContext(scan.Root, project, scan.Artifacts, scan.SourceFiles, everyProjectUsesPreflight: true);
        foreach (var failure in RepositoryChecks.Run(context))
        {
            _internalErrors.Add($"file checks of {project}: {failure}");
        }
        foreach (var finding in context.Findings)
        {
            var rule = RuleCatalog.All.TryGetValue(finding.RuleId, out var info) ? info : null;
            var severity = Severity(finding.RuleId, finding.File, DefaultSeverity(rule), editorConfigs);
            if (severity != null)
            {
                findings.Add(new ReportedFinding(finding.RuleId, severity, PathText.Normalize(finding.File), finding.Line, finding.Column,
                    finding.EndLine, finding.EndColumn, finding.Message, RuleCatalog.HelpLink(finding.RuleId)));
            }
        }
    }

    private void RunAnalyzers(RepositoryScan scan, string projectPath, EditorConfigs editorConfigs, ConcurrentBag<ReportedFinding> findings, CancellationToken cancellationToken)
    {
        if (ProjectInfo.Load(projectPath, scan.Root) is not { } project)
        {
            return;
        }
        var sources = ProjectCompilation.SourceFiles(project, scan.CSharpFiles, scan.Projects);
        var compilation = ProjectCompilation.Create(project, sources, _packs, cancellationToken);
        var additionalFiles = RepositoryScan.AppSettingsOf(projectPath).Concat(scan.AnalyzerArtifacts())
            .Distinct(StringComparer.Ordinal)
            .Select(path => (AdditionalText)new FileAdditionalText(path))
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
        var options = new AnalyzerOptions(additionalFiles, new ProjectAnalyzerOptions(properties, editorConfigs));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (ex, analyzer, _) => _internalErrors.Add($"{analyzer.GetType().Name} on {project.Path}: {ex.GetType().Name}: {ex.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
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
            var severity = Severity(diagnostic.Id, file, Map(diagnostic.DefaultSeverity), editorConfigs);
            if (severity != null)
            {
                findings.Add(new ReportedFinding(diagnostic.Id, severity, file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                    span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    diagnostic.Descriptor.HelpLinkUri));
            }
        }
    }

    /// <summary>The reported severity after .editorconfig; null when the rule is off (<c>none</c>) or hidden (<c>silent</c>).</summary>
    private static string? Severity(string ruleId, string file, string defaultSeverity, EditorConfigs editorConfigs) =>
        editorConfigs.SeverityFor(ruleId, file) switch
        {
            null or ReportDiagnostic.Default => defaultSeverity,
            ReportDiagnostic.Error => "error",
            ReportDiagnostic.Warn => "warning",
            ReportDiagnostic.Info => "info",
            _ => null,
        };

    private static string DefaultSeverity(RuleInfo? rule) => rule?.DefaultSeverity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Info => "info",
        _ => "warning",
    };

    private static string Map(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
    {
        var assembly = typeof(Preflight.Analyzers.Descriptors).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }
}
