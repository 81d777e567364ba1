using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Preflight.Cli.Analysis;

/// <summary>
/// The repository's .editorconfig files (and the global configs beside them), evaluated with Roslyn's own rules, so that
/// <c>dotnet_diagnostic.PFnnnn.severity</c> means in <c>preflight check</c> what it means in the build: for C# files and
/// for the YAML, JSON and Dockerfiles the task reports on alike.
/// </summary>
internal sealed class EditorConfigs
{
    private readonly AnalyzerConfigSet? _set;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _cache = new(StringComparer.Ordinal);

    public EditorConfigs(IEnumerable<string> editorConfigPaths, IEnumerable<string> globalConfigPaths)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (var path in editorConfigPaths.Concat(globalConfigPaths))
        {
            try
            {
                configs.Add(AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // unreadable: as if absent
            }
        }
        _set = configs.Count == 0 ? null : AnalyzerConfigSet.Create(configs);
    }

    public ImmutableDictionary<string, string> OptionsFor(string path) =>
        Result(path) is { } result ? result.AnalyzerOptions : ImmutableDictionary<string, string>.Empty;

    /// <summary>The severity configured for a rule at a path (file sections first, then global configs); null when not configured.</summary>
    public ReportDiagnostic? SeverityFor(string ruleId, string path)
    {
        if (Result(path) is { } result && result.TreeOptions.TryGetValue(ruleId, out var severity))
        {
            return severity;
        }
        if (_set != null && _set.GlobalConfigOptions.TreeOptions.TryGetValue(ruleId, out var global))
        {
            return global;
        }
        return null;
    }

    private AnalyzerConfigOptionsResult? Result(string path) =>
        _set == null ? null : _cache.GetOrAdd(path, p => _set.GetOptionsForSourcePath(p));
}
