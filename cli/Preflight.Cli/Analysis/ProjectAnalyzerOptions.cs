using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Preflight.Cli.Analysis;

/// <summary>
/// The analyzer options MSBuild would give: the compiler-visible properties Preflight's props declare
/// (<c>build_property.*</c>) as global options, and .editorconfig options per file.
/// </summary>
internal sealed class ProjectAnalyzerOptions : AnalyzerConfigOptionsProvider
{
    private readonly EditorConfigs _editorConfigs;

    public ProjectAnalyzerOptions(IReadOnlyDictionary<string, string> buildProperties, EditorConfigs editorConfigs)
    {
        var global = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in buildProperties)
        {
            global["build_property." + property.Key] = property.Value;
        }
        GlobalOptions = new DictionaryOptions(global.ToImmutable());
        _editorConfigs = editorConfigs;
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        new DictionaryOptions(_editorConfigs.OptionsFor(tree.FilePath));

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(_editorConfigs.OptionsFor(textFile.Path));

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
