using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Containers;

/// <summary>A Dockerfile the current project checks: its text, parse and the build contexts it is built with.</summary>
internal sealed class CheckedDockerfile
{
    private readonly Dictionary<string, DockerImage> _images = new Dictionary<string,
        DockerImage>(StringComparer.Ordinal);

    public CheckedDockerfile(
        string path, string text, Dockerfile model, IReadOnlyList<(string Context, string Origin)> contexts)
    {
        Path = path;
        Text = text;
        Model = model;
        Contexts = contexts;
    }

    public string Path { get; }
    public string Text { get; }
    public Dockerfile Model { get; }
    /// <summary>The contexts the Dockerfile is built with, and where each comes from (for messages).</summary>
    public IReadOnlyList<(string Context, string Origin)> Contexts { get; }

    /// <summary>
    /// For the checks whose findings do not depend on the context (ARG/ENV scopes, the runtime image of the project the
    /// Dockerfile lies beside): the known contexts, else the Dockerfile's folder as a stand-in.
    /// </summary>
    public IReadOnlyList<(string Context, string Origin)> ContextsOrFolder =>
        Contexts.Count > 0 ? Contexts : new[] { (PathText.GetDirectory(Path), string.Empty) };

    /// <summary>The stages' file systems as built with one context (built once per run).</summary>
    public DockerImage Image(CheckContext context, string buildContext)
    {
        if (!_images.TryGetValue(buildContext, out var image))
        {
            image = DockerImage.Build(context, this, buildContext);
            _images[buildContext] = image;
        }
        return image;
    }
}

/// <summary>The Dockerfiles the current project checks (see <see cref="RepositoryLayout"/>), read and parsed once per
/// run.</summary>
internal static class DockerfileSet
{
    private static readonly ConditionalWeakTable<CheckContext,
        List<CheckedDockerfile>> Cache = new ConditionalWeakTable<CheckContext, List<CheckedDockerfile>>();

    public static IReadOnlyList<CheckedDockerfile> Of(CheckContext context) => Cache.GetValue(context, Load);

    private static List<CheckedDockerfile> Load(CheckContext context)
    {
        var result = new List<CheckedDockerfile>();
        foreach (var dockerfilePath in context.OfKind(ArtifactKind.Dockerfile))
        {
            var text = context.ReadText(dockerfilePath);
            if (text == null || !context.Layout.CurrentChecksDockerfile(dockerfilePath, text))
            {
                continue;
            }
            var model = DockerfileParser.Parse(text);
            result.Add(
                new CheckedDockerfile(
                dockerfilePath, text, model, DockerfileContexts.Of(context, dockerfilePath, model).ToList()));
        }
        return result;
    }

    /// <summary>A context-relative source resolved inside the context: a leading '/' is the context root, and '..'
    /// cannot leave it.</summary>
    public static string InContext(string buildContext, string source)
    {
        var inside = PathText.Normalize("/" + source.TrimStart('/'));
        return PathText.Combine(buildContext, inside.TrimStart('/'));
    }
}
