using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>Parses artifacts through the per-text caches (<see cref="TextValueProvider{T}"/>), so each text is parsed
/// once.</summary>
internal sealed class ArtifactReader
{
    private readonly CompilationStartAnalysisContext _context;

#pragma warning disable RS1012 // The context is kept only for its compilation and cancellation, not to register actions.
    public ArtifactReader(CompilationStartAnalysisContext context) => _context = context;
#pragma warning restore RS1012

    public CancellationToken CancellationToken => _context.CancellationToken;

    public Microsoft.CodeAnalysis.Compilation Compilation => _context.Compilation;

    public AppSettingsDocument? AppSettings(ArtifactFile file) => Parse(file, ArtifactParsers.AppSettings);

    public ComposeFile? Compose(ArtifactFile file) => Parse(file, ArtifactParsers.Compose);

    public Dockerfile? Dockerfile(ArtifactFile file) => Parse(file, ArtifactParsers.Dockerfile);

    public KubernetesFile? Kubernetes(ArtifactFile file) => Parse(file, ArtifactParsers.Kubernetes);

    public PreflightConfig? PreflightConfig(ArtifactFile file) => Parse(file, ArtifactParsers.PreflightConfig);

    public string? Text(ArtifactFile file) => file.File.GetText(CancellationToken)?.ToString();

    /// <summary>Parses a text (an AdditionalFile that is no artifact, e.g. an AppHost's C# file) through the per-text
    /// cache.</summary>
    public T? Parse<T>(Microsoft.CodeAnalysis.Text.SourceText text, TextValueProvider<T> provider) where T
        : class =>
        provider.Get(_context.Compilation, text);

    /// <summary>Parses through the per-text cache with any provider (also a rule's own adapter over an
    /// artifact).</summary>
    public T? Parse<T>(ArtifactFile file, TextValueProvider<T> provider) where T : class =>
        file.File.GetText(CancellationToken) is { } text ? provider.Get(_context.Compilation, text) : null;
}
