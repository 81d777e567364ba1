using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Preflight.Artifacts.EditorConfig;
using Preflight.Artifacts.Reporting;
using Preflight.Artifacts.Rules;
using Xunit;

namespace Preflight.Build.Tests.Reporting;

/// <summary>
/// The task's findings are configured as the compiler configures an analyzer's diagnostics. This compares, on thousands
/// of generated configurations (.editorconfig files at two levels, a global config, NoWarn, WarningsAsErrors,
/// WarningsNotAsErrors, TreatWarningsAsErrors, each rule default, a finding in a C# file or outside the sources), Preflight's <see cref="ReportingPolicy"/> and
/// <see cref="EditorConfigSeverities"/> with what Roslyn itself reports for a diagnostic of the same id and category.
/// </summary>
public sealed class RoslynSeverityConformanceTests
{
    private const string RuleId = "PF3001";
    private const string Category = "Preflight.Compose";
    private static readonly string[] Severities = { "default", "error", "warning", "suggestion", "silent", "none" };
    private static readonly string[] Sections = { "*", "*.cs", "*.yaml", "deploy/*.cs", "/deploy/**", "{deploy,src}/**.cs", "api.cs", "[ad]pi.cs", "file{1..3}.cs" };
    private static readonly string[] Paths = { "/repo/deploy/api.cs", "/repo/src/file2.cs", "/repo/deploy/nested/file3.cs", "/repo/other.cs" };

    [Fact]
    public void Policy_and_editorconfig_evaluation_agree_with_the_compiler_on_generated_configurations()
    {
        var random = new Random(20261123);
        var mismatches = new List<string>();
        for (var i = 0; i < 3000 && mismatches.Count < 10; i++)
        {
            var scenario = Scenario.Generate(random);
            var expected = Roslyn(scenario);
            var actual = Preflight(scenario);
            if (expected != actual)
            {
                mismatches.Add($"expected {expected}, Preflight {actual}:\n{scenario}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n---\n", mismatches));
    }

    [Theory]
    [InlineData("[*]\ndotnet_diagnostic.PF3001.severity = none\n", "/repo/a.cs", ReportedSeverity.None)]
    [InlineData("[*.cs]\ndotnet_diagnostic.pf3001.severity = ERROR\n", "/repo/a.cs", ReportedSeverity.Error)]
    [InlineData("[*.yaml]\ndotnet_diagnostic.PF3001.severity = none\n", "/repo/a.cs", ReportedSeverity.Warning)]
    [InlineData("[*]\ndotnet_analyzer_diagnostic.category-Preflight.Compose.severity = suggestion\n", "/repo/a.cs", ReportedSeverity.Info)]
    [InlineData("[*]\ndotnet_analyzer_diagnostic.severity = silent\ndotnet_diagnostic.PF3001.severity = error\n", "/repo/a.cs", ReportedSeverity.Error)]
    public void Known_configurations_give_the_expected_severity(string editorConfig, string path, ReportedSeverity expected)
    {
        var scenario = new Scenario(RuleSeverity.Warning, editorConfig, null, null, path, ReportingOptions.Default);
        Assert.Equal(expected, Roslyn(scenario));
        Assert.Equal(expected, Preflight(scenario));
    }

    private static ReportedSeverity Preflight(Scenario scenario)
    {
        var globals = scenario.GlobalConfig == null
            ? Array.Empty<EditorConfigDocument>()
            : new[] { EditorConfigDocument.Parse(scenario.GlobalConfig, "/repo/.globalconfig") };
        var severities = new EditorConfigSeverities(globals);
        if (scenario.OutsideSource)
        {
            // An analyzer's finding in a YAML file: no .editorconfig section, no bulk entry (FindingSeverity.OfAnalyzerOutsideSource).
            return ReportingPolicy.ResolveOutsideSource(RuleId, scenario.Default, severities.Specific(new List<EditorConfigDocument>(), string.Empty, RuleId), scenario.Options);
        }
        var configs = scenario.EditorConfigs().Select(c => EditorConfigDocument.Parse(c.Text, c.Path)).ToList();
        var specific = severities.Specific(configs, scenario.Path, RuleId);
        var bulk = specific == null ? severities.Bulk(configs, scenario.Path, Category) : null;
        return ReportingPolicy.Resolve(RuleId, scenario.Default, specific, bulk, scenario.Options);
    }

    private static ReportedSeverity Roslyn(Scenario scenario)
    {
        var configs = scenario.EditorConfigs().Select(c => AnalyzerConfig.Parse(SourceText.From(c.Text), c.Path)).ToList();
        if (scenario.GlobalConfig != null)
        {
            configs.Add(AnalyzerConfig.Parse(SourceText.From(scenario.GlobalConfig), "/repo/.globalconfig"));
        }
        var set = AnalyzerConfigSet.Create(configs);
        var result = set.GetOptionsForSourcePath(scenario.Path);
        var tree = CSharpSyntaxTree.ParseText("class C { }", path: scenario.Path);
        var specific = new Dictionary<string, ReportDiagnostic>();
        foreach (var id in scenario.Options.WarningsAsErrors) { specific[id] = ReportDiagnostic.Error; }
        foreach (var id in scenario.Options.WarningsNotAsErrors) { specific[id] = ReportDiagnostic.Default; }
        foreach (var id in scenario.Options.NoWarn) { specific[id] = ReportDiagnostic.Suppress; }
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithGeneralDiagnosticOption(scenario.Options.TreatWarningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default)
            .WithSpecificDiagnosticOptions(specific)
            .WithSyntaxTreeOptionsProvider(new TreeOptions(tree, result, set.GlobalConfigOptions));
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, Array.Empty<MetadataReference>(), options);
        var analyzer = new ReportingAnalyzer(scenario.Default, scenario.OutsideSource ? scenario.Path.Replace(".cs", ".yaml") : null);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptions(tree, result, set.GlobalConfigOptions));
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), analyzerOptions)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id == RuleId).ToList();
        if (diagnostics.Count == 0)
        {
            return ReportedSeverity.None;
        }
        return diagnostics[0].Severity switch
        {
            DiagnosticSeverity.Error => ReportedSeverity.Error,
            DiagnosticSeverity.Warning => ReportedSeverity.Warning,
            DiagnosticSeverity.Info => ReportedSeverity.Info,
            _ => ReportedSeverity.Hidden,
        };
    }

    private sealed record Scenario(RuleSeverity Default, string? RootConfig, string? NestedConfig, string? GlobalConfig, string Path, ReportingOptions Options, bool OutsideSource = false)
    {
        public IEnumerable<(string Path, string Text)> EditorConfigs()
        {
            if (RootConfig != null) { yield return ("/repo/.editorconfig", RootConfig); }
            if (NestedConfig != null) { yield return ("/repo/deploy/.editorconfig", NestedConfig); }
        }

        public static Scenario Generate(Random random)
        {
            var ids = new[] { "", RuleId, "PF9999" };
            var options = new ReportingOptions(
                noWarn: random.Next(6) == 0 ? RuleId : ids[random.Next(ids.Length)] == RuleId ? "" : "CS1591",
                treatWarningsAsErrors: random.Next(2) == 0,
                warningsAsErrors: random.Next(4) == 0 ? RuleId : "",
                warningsNotAsErrors: random.Next(4) == 0 ? RuleId : "");
            return new Scenario(
                (RuleSeverity)random.Next(3),
                random.Next(4) == 0 ? null : Config(random, allowRoot: true),
                random.Next(2) == 0 ? null : Config(random, allowRoot: true),
                random.Next(3) == 0 ? null : GlobalConfigText(random),
                Paths[random.Next(Paths.Length)],
                options,
                OutsideSource: random.Next(4) == 0);
        }

        private static string Config(Random random, bool allowRoot)
        {
            var text = new StringBuilder();
            if (allowRoot && random.Next(4) == 0) { text.Append("root = true\n"); }
            for (var s = random.Next(1, 4); s > 0; s--)
            {
                text.Append('[').Append(Sections[random.Next(Sections.Length)]).Append("]\n");
                Entries(random, text);
            }
            return text.ToString();
        }

        private static string GlobalConfigText(Random random)
        {
            var text = new StringBuilder("is_global = true\n");
            Entries(random, text);
            if (random.Next(2) == 0)
            {
                text.Append('[').Append(Paths[random.Next(Paths.Length)]).Append("]\n");
                Entries(random, text);
            }
            return text.ToString();
        }

        private static void Entries(Random random, StringBuilder text)
        {
            if (random.Next(2) == 0) { text.Append("dotnet_diagnostic.").Append(RuleId).Append(".severity = ").Append(Severities[random.Next(Severities.Length)]).Append('\n'); }
            if (random.Next(3) == 0) { text.Append("dotnet_analyzer_diagnostic.category-").Append(Category).Append(".severity = ").Append(Severities[random.Next(Severities.Length)]).Append('\n'); }
            if (random.Next(3) == 0) { text.Append("dotnet_analyzer_diagnostic.severity = ").Append(Severities[random.Next(Severities.Length)]).Append('\n'); }
        }

        public override string ToString() =>
            $"default {Default}, path {Path}, outside source {OutsideSource}, NoWarn [{string.Join(",", Options.NoWarn)}], TWAE {Options.TreatWarningsAsErrors}, " +
            $"WAE [{string.Join(",", Options.WarningsAsErrors)}], WNAE [{string.Join(",", Options.WarningsNotAsErrors)}]\n" +
            $"/repo/.editorconfig:\n{RootConfig}\n/repo/deploy/.editorconfig:\n{NestedConfig}\nglobal:\n{GlobalConfig}";
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ReportingAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticDescriptor _descriptor;

        private readonly string? _externalPath;

        public ReportingAnalyzer(RuleSeverity severity, string? externalPath)
        {
            _externalPath = externalPath;
            _descriptor = new DiagnosticDescriptor(RuleId, "t", "m", Category, severity switch
            {
                RuleSeverity.Error => DiagnosticSeverity.Error,
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            }, isEnabledByDefault: true);
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            if (_externalPath == null)
            {
                context.RegisterSyntaxTreeAction(c => c.ReportDiagnostic(Diagnostic.Create(_descriptor, Location.Create(c.Tree, new TextSpan(0, 5)))));
            }
            else
            {
                var location = Location.Create(_externalPath, new TextSpan(0, 5), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 5)));
                context.RegisterCompilationAction(c => c.ReportDiagnostic(Diagnostic.Create(_descriptor, location)));
            }
        }
    }

    private sealed class TreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly AnalyzerConfigOptionsResult _result;
        private readonly AnalyzerConfigOptionsResult _global;

        public TreeOptions(SyntaxTree tree, AnalyzerConfigOptionsResult result, AnalyzerConfigOptionsResult global) =>
            (_tree, _result, _global) = (tree, result, global);

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _result.TreeOptions.TryGetValue(diagnosticId, out severity) && tree == _tree;

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly Options _treeOptions;

        public ConfigOptions(SyntaxTree tree, AnalyzerConfigOptionsResult result, AnalyzerConfigOptionsResult global)
        {
            _tree = tree;
            _treeOptions = new Options(result.AnalyzerOptions);
            GlobalOptions = new Options(global.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => tree == _tree ? _treeOptions : GlobalOptions;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;
            public Options(ImmutableDictionary<string, string> values) => _values = values;
            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
