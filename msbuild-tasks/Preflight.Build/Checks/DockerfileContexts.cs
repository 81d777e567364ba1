using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Preflight.Artifacts;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;

namespace Preflight.Build.Checks;

/// <summary>
/// The build contexts of a Dockerfile and what says so: every compose service that builds it, and every CI step, script
/// or tool configuration <see cref="DockerBuildFinder"/> finds; when none names one, the context inferred from the
/// Dockerfile's COPY/ADD sources (<see cref="BuildContextInference"/>). When no folder explains most sources the
/// Dockerfile has no context: the checks that need one stay silent.
/// </summary>
internal static class DockerfileContexts
{
    private static readonly ConditionalWeakTable<CheckContext, DockerBuildFinder> Finders = new ConditionalWeakTable<CheckContext, DockerBuildFinder>();

    /// <summary>The builds found in the repository's CI definitions, scripts and tool configurations (once per run).</summary>
    public static DockerBuildFinder Finder(CheckContext context) => Finders.GetValue(context, c => DockerBuildFinder.Find(
        c.Layout.Root,
        c.OfKind(ArtifactKind.BuildDefinition).Concat(c.OfKind(ArtifactKind.Workflow)),
        c.OfKind(ArtifactKind.Dockerfile),
        c.ReadText));

    public static IEnumerable<(string Context, string Origin)> Of(CheckContext context, string dockerfilePath, Dockerfile model)
    {
        var found = new List<(string Context, string Origin)>();
        foreach (var (composePath, compose) in context.ComposeFiles)
        {
            foreach (var service in compose.Services)
            {
                var build = service.Build;
                if (build == null || build.IsInterpolated || build.IsRemote || build.BaseDirectory == null || !PathText.Equal(build.ResolveDockerfile(), dockerfilePath))
                {
                    continue;
                }
                Add(found, build.ResolveContext(), $" (context of service '{service.Name}' in {context.Display(service.NameSourceFile ?? composePath)})");
            }
        }
        foreach (var build in Finder(context).Of(dockerfilePath))
        {
            Add(found, build.Context, $" (context of {build.Description})");
        }
        if (found.Count > 0)
        {
            return found;
        }
        var inferred = BuildContextInference.Infer(dockerfilePath, context.Layout.Root, EvidenceSources(model), context.Exists);
        if (inferred == null)
        {
            return found;
        }
        found.Add((inferred.Context, $" (inferred: the folder under which {inferred.Found} of {inferred.Total} COPY/ADD sources exist; nothing in the repository names the context)"));
        return found;
    }

    /// <summary>The names of the named contexts (<c>--build-context name=path</c>, <c>build-contexts:</c>) any build of the Dockerfile passes.</summary>
    public static HashSet<string> NamedContexts(CheckContext context, string dockerfilePath) =>
        new HashSet<string>(Finder(context).Of(dockerfilePath).SelectMany(b => b.NamedContexts.Keys), StringComparer.Ordinal);

    private static void Add(List<(string Context, string Origin)> found, string buildContext, string origin)
    {
        if (!found.Any(f => PathText.Equal(f.Context, buildContext)))
        {
            found.Add((buildContext, origin));
        }
    }

    /// <summary>The COPY/ADD sources that can tell a context: from the build context (no --from), no wildcard, variable, heredoc, URL or build output.</summary>
    private static IEnumerable<string> EvidenceSources(Dockerfile model)
    {
        foreach (var instruction in model.Instructions)
        {
            if ((instruction.Keyword != "COPY" && instruction.Keyword != "ADD") || instruction.Flag("from") != null || instruction.Arguments.Count < 2)
            {
                continue;
            }
            for (var i = 0; i < instruction.Arguments.Count - 1; i++)
            {
                var source = instruction.Arguments[i].Value;
                if (BuildContextCheck.IsCheckable(instruction.Keyword, source) && !BuildContextCheck.IsBuildOutput(source))
                {
                    yield return source;
                }
            }
        }
    }
}
