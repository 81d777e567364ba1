using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Build.Findings;

namespace Preflight.Build.Checks;

/// <summary>
/// PF2001: a COPY/ADD source that is not in the build context. The context is the <c>build.context</c> of each compose
/// service that builds the Dockerfile, else the Dockerfile's folder. Wildcards, variables, heredocs, URLs and
/// <c>--from</c> sources are not checked here.
/// </summary>
public static class BuildContextCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2001.Id];

    public static void Run(CheckContext context)
    {
        foreach (var dockerfilePath in context.OfKind(ArtifactKind.Dockerfile))
        {
            var text = context.ReadText(dockerfilePath);
            if (text == null || !context.Layout.CurrentChecksDockerfile(dockerfilePath, text))
            {
                continue;
            }
            var dockerfile = DockerfileParser.Parse(text);
            var reported = new HashSet<(int, string)>();
            foreach (var (buildContext, origin) in BuildContexts(context, dockerfilePath))
            {
                foreach (var instruction in dockerfile.Instructions)
                {
                    if ((instruction.Keyword != "COPY" && instruction.Keyword != "ADD") || instruction.Flag("from") != null || instruction.Arguments.Count < 2)
                    {
                        continue;
                    }
                    for (var i = 0; i < instruction.Arguments.Count - 1; i++)
                    {
                        var source = instruction.Arguments[i];
                        if (!IsCheckable(instruction.Keyword, source.Value))
                        {
                            continue;
                        }
                        var path = InContext(buildContext, source.Value);
                        if (context.Exists(path) || !reported.Add((source.Span.Start, source.Value)))
                        {
                            continue;
                        }
                        context.Findings.Add(Finding.At(Rule, dockerfilePath, source.Span,
                            instruction.Keyword, source.Value, context.Display(buildContext), origin));
                    }
                }
            }
        }
    }

    /// <summary>The contexts a Dockerfile is built with, and where each comes from (for messages).</summary>
    private static IEnumerable<(string Context, string Origin)> BuildContexts(CheckContext context, string dockerfilePath)
    {
        var found = false;
        foreach (var (composePath, compose) in context.ComposeFiles)
        {
            foreach (var service in compose.Services)
            {
                var build = service.Build;
                if (build == null || build.IsInterpolated || build.IsRemote || build.BaseDirectory == null || !PathText.Equal(build.ResolveDockerfile(), dockerfilePath))
                {
                    continue;
                }
                found = true;
                yield return (build.ResolveContext(), $" (context of service '{service.Name}' in {context.Display(service.NameSourceFile ?? composePath)})");
            }
        }
        if (!found)
        {
            yield return (PathText.GetDirectory(dockerfilePath), string.Empty);
        }
    }

    private static bool IsCheckable(string keyword, string source)
    {
        if (source.Length == 0 || source.StartsWith("<<", StringComparison.Ordinal) || source.IndexOfAny(new[] { '*', '?', '[', '$' }) >= 0)
        {
            return false;
        }
        if (keyword == "ADD" && (source.IndexOf("://", StringComparison.Ordinal) >= 0 || source.StartsWith("git@", StringComparison.Ordinal)))
        {
            return false;
        }
        return true;
    }

    /// <summary>A source resolved inside the context: a leading '/' is the context root, and '..' cannot leave it.</summary>
    internal static string InContext(string buildContext, string source)
    {
        var inside = PathText.Normalize("/" + source.TrimStart('/'));
        return PathText.Combine(buildContext, inside.TrimStart('/'));
    }
}
