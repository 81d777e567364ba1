using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// Each artifact text is parsed once, however many analyzers ask (<see cref="TextValueProvider{T}"/>, per SourceText), and once per content
/// for every compilation of the process (<see cref="ContentCache{T}"/>: in a build, the compiler server parses the
/// repository's artifacts once for all its projects rather than once per project).
/// </summary>
internal static class ArtifactParsers
{
    public static readonly TextValueProvider<AppSettingsDocument> AppSettings =
        Cached<AppSettingsDocument>(text => AppSettingsParser.Parse(text));

    public static readonly TextValueProvider<ComposeFile> Compose =
        Cached<ComposeFile>(text => ComposeParser.Parse(text));

    public static readonly TextValueProvider<Dockerfile> Dockerfile =
        Cached<Dockerfile>(text => DockerfileParser.Parse(text));

    public static readonly TextValueProvider<KubernetesFile> Kubernetes =
        Cached<KubernetesFile>(text => KubernetesParser.Parse(text));

    public static readonly TextValueProvider<PreflightConfig> PreflightConfig =
        Cached<PreflightConfig>(text => PreflightConfigParser.Parse(text));

    /// <summary>A provider that parses through a process-wide cache keyed by the text's content.</summary>
    public static TextValueProvider<T> Cached<T>(System.Func<string, T> parse) where T : class
    {
        var cache = new ContentCache<T>();
        return new TextValueProvider<T>(text => cache.Get(text.ToString(), parse));
    }
}
