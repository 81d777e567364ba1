using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration;

/// <summary>PF1003: an appsettings*.json of the project that the JSON configuration provider cannot load.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsJsonAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF1003);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var project = ProjectContext.Create(start.Options);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                var path = PathNormalizer(fileContext.AdditionalFile.Path);
                if (ArtifactClassifier.Classify(path) != ArtifactKind.AppSettings)
                {
                    return;
                }
                // Each project checks its own settings files only, so a solution build reports each file once.
                var file = new ArtifactFile(fileContext.AdditionalFile, path, ArtifactKind.AppSettings);
                if (!project.IsInProjectFolder(file))
                {
                    return;
                }
                var text = fileContext.AdditionalFile.GetText(fileContext.CancellationToken);
                if (text == null)
                {
                    return;
                }
                if (ArtifactParsers.AppSettings.Get(start.Compilation, text) is not { Error: { } error })
                {
                    return;
                }
                fileContext.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PF1003,
                    Locations.InFile(fileContext.AdditionalFile.Path, error.Span),
                    file.Name,
                    error.Message));
            });
        });
    }

    private static string PathNormalizer(string path) => Preflight.Artifacts.PathText.Normalize(path);
}
