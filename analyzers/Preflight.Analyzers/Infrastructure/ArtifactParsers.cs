using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Kubernetes;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>Each artifact text is parsed once, however many analyzers and compilations ask (Roslyn caches per SourceText).</summary>
internal static class ArtifactParsers
{
    public static readonly SourceTextValueProvider<AppSettingsDocument> AppSettings =
        new SourceTextValueProvider<AppSettingsDocument>(text => AppSettingsParser.Parse(text.ToString()));

    public static readonly SourceTextValueProvider<ComposeFile> Compose =
        new SourceTextValueProvider<ComposeFile>(text => ComposeParser.Parse(text.ToString()));

    public static readonly SourceTextValueProvider<KubernetesFile> Kubernetes =
        new SourceTextValueProvider<KubernetesFile>(text => KubernetesParser.Parse(text.ToString()));

    public static readonly SourceTextValueProvider<Dockerfile> Dockerfile =
        new SourceTextValueProvider<Dockerfile>(text => DockerfileParser.Parse(text.ToString()));
}
