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
/// The repository's .editorconfig files (and the global configs beside them), evaluated with Roslyn's own rules, for
/// the
/// analyzer options they give each file. Severities are decided by
/// <see cref="Preflight.Checks.Reporting.FindingSeverity"/>,
/// as in the build.
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

    private AnalyzerConfigOptionsResult? Result(string path) =>
        _set == null ? null : _cache.GetOrAdd(path, p => _set.GetOptionsForSourcePath(p));
}
