using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Json;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>Parses artifacts through the compilation's per-text cache, so each text is parsed once.</summary>
internal sealed class ArtifactReader
{
    private readonly CompilationStartAnalysisContext _context;

#pragma warning disable RS1012 // The context is kept only for its per-text value cache (TryGetValue), not to register actions.
    public ArtifactReader(CompilationStartAnalysisContext context) => _context = context;
#pragma warning restore RS1012

    public CancellationToken CancellationToken => _context.CancellationToken;

    public AppSettingsDocument? AppSettings(ArtifactFile file) => Parse(file, ArtifactParsers.AppSettings);

    public ComposeFile? Compose(ArtifactFile file) => Parse(file, ArtifactParsers.Compose);

    public string? Text(ArtifactFile file) => file.File.GetText(CancellationToken)?.ToString();

    private T? Parse<T>(ArtifactFile file, SourceTextValueProvider<T> provider) where T : class =>
        file.File.GetText(CancellationToken) is { } text && _context.TryGetValue(text, provider, out var value) ? value : null;
}
