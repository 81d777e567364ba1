using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Preflight.Artifacts;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Containers;

/// <summary>
/// The build contexts of a Dockerfile and what says so: every compose service that builds it, and every CI step, script
/// or tool configuration <see cref="DockerBuildFinder"/> finds; when none names one, the context inferred from the
/// Dockerfile's COPY/ADD sources (<see cref="BuildContextInference"/>). When no folder explains most sources the
/// Dockerfile has no context: the checks that need one stay silent.
/// </summary>
internal static class DockerfileContexts
{
    private static readonly ConditionalWeakTable<CheckContext,
        DockerBuildFinder> Finders = new ConditionalWeakTable<CheckContext, DockerBuildFinder>();

    /// <summary>The builds found in the repository's CI definitions, scripts and tool configurations (once per
    /// run).</summary>
    public static DockerBuildFinder Finder(CheckContext context) =>
        Finders.GetValue(context, c => c.Run != null ? c.Run.Finder(() => Find(c)) : Find(c));

    private static DockerBuildFinder Find(CheckContext c) => DockerBuildFinder.Find(
        c.Layout.Root,
        c.OfKind(ArtifactKind.BuildDefinition).Concat(c.OfKind(ArtifactKind.Workflow)),
        c.OfKind(ArtifactKind.Dockerfile),
        c.ReadText);

    public static IEnumerable<(string Context, string Origin)> Of(
        CheckContext context, string dockerfilePath, Dockerfile model)
    {
        var found = new List<(string Context, string Origin)>();
        foreach (var (composePath, compose) in context.ComposeFiles)
        {
            foreach (var service in compose.Services)
            {
                var build = service.Build;
                if (build == null || build.IsInterpolated || build.IsRemote || build.BaseDirectory == null
                    || !PathText.Equal(build.ResolveDockerfile(), dockerfilePath))
                {
                    continue;
                }
                Add(found, build.ResolveContext(),
                    $" (context of service '{service.Name}' in " +
                    $"{context.Display(service.NameSourceFile ?? composePath)})");
            }
        }
        var named = found.Count > 0;
        foreach (var build in Finder(context).Of(dockerfilePath))
        {
            if (build.Source == DockerBuildSource.Azds
                && BuildContextInference.Score(
                build.Context, ContextEvidence.Sources(model),
                (folder, source) => Exists(context, folder, source)) is { } fit &&
                !BuildContextInference.Fits(fit))
            {
                // Azure Dev Spaces was retired in 2021: an azds.yaml whose context the Dockerfile is not written for is
                // stale.
                continue;
            }
            named = true;
            if (ContextEvidence.IsBuildOutput(PathText.Relative(context.Layout.Root, build.Context)))
            {
                // Built from a publish output (artifacts/x-publish, bin/Release/...): CI fills that folder before the
                // image
                // build, so what the context holds cannot be known here.
                continue;
            }
            Add(found, build.Context, $" (context of {build.Description})");
        }
        if (named)
        {
            return found.Count > 1 ? WithoutStale(context, found, model) : found;
        }
        var inferred = BuildContextInference.Infer(
            dockerfilePath, context.Layout.Root, ContextEvidence.Sources(model),
            (folder, source) => Exists(context, folder, source));
        if (inferred == null)
        {
            return found;
        }
        found.Add((inferred.Context, inferred.Total == 0
            ? " (inferred: nothing in the repository names the context and the Dockerfile is at the repository root)"
            : $" (inferred: the folder under which {inferred.Found} of {inferred.Total} COPY/ADD sources exist{(inferred.Framed > 0 ? $" and {inferred.Framed} more {(inferred.Framed == 1 ? "has its" : "have their")} folder" : string.Empty)}; nothing in the repository names the context)"));
        return found;
    }

    /// <summary>
    /// Among several named contexts, those the Dockerfile is written for: when some explain most of its sources, the
    /// ones
    /// under which most are missing are a stale artifact's (an azds.yaml of retired Dev Spaces naming the root for a
    /// Dockerfile that compose builds from src/) and are not checked. When none fits, every one is.
    /// </summary>
    private static List<(string Context, string Origin)> WithoutStale(
        CheckContext context, List<(string Context, string Origin)> found, Dockerfile model)
    {
        var sources = ContextEvidence.Sources(model).ToList();
        var fitting = found.Where(
            f => BuildContextInference.Score(
            f.Context, sources, (folder, source) => Exists(context, folder, source)) is not { } score ||
            BuildContextInference.Fits(score)).ToList();
        return fitting.Count > 0 ? fitting : found;
    }

    /// <summary>The names of the named contexts (<c>--build-context name=path</c>, <c>build-contexts:</c>) any build of
    /// the Dockerfile passes.</summary>
    public static HashSet<string> NamedContexts(CheckContext context, string dockerfilePath) =>
        new HashSet<string>(
            Finder(context).Of(dockerfilePath).SelectMany(b => b.NamedContexts.Keys), StringComparer.Ordinal);

    private static void Add(List<(string Context, string Origin)> found, string buildContext, string origin)
    {
        if (!found.Any(f => PathText.Equal(f.Context, buildContext)))
        {
            found.Add((buildContext, origin));
        }
    }

    /// <summary>
    /// True when a source exists under a folder; a wildcard source when one of the repository's known files (artifacts,
    /// sources) matches it there.
    /// </summary>
    private static bool Exists(CheckContext context, string folder, string source)
    {
        if (source.IndexOfAny(new[] { '*', '?', '[' }) < 0)
        {
            return context.Exists(DockerfileSet.InContext(folder, source));
        }
        var glob = Preflight.Artifacts.Text.PathGlob.Parse(
            PathText.Normalize("/" + source.TrimStart('/')).TrimStart('/'));
        return context.Artifacts.Concat(context.SourceFiles).Any(
            file => PathText.IsUnder(file, folder) && !PathText.Equal(file, folder)
            && glob.IsMatch(PathText.Relative(folder, file)));
    }
}
