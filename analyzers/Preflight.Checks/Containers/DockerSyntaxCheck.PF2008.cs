using System;
using System.Collections.Generic;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2008: what BuildKit rejects before building anything (unknown instruction or flag, malformed flag, missing
/// arguments, unterminated heredoc, an escape character continuing nothing at the end of the file …), at the
/// offending
/// line. A Dockerfile with a <c># syntax=</c> front end other than docker/dockerfile is not checked (it may define
/// another syntax); with the labs or upstream channel, unknown flags and instructions are not reported.
/// </summary>
public static class DockerSyntaxCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2008.Id];

    public static void Run(CheckContext context)
    {
        foreach (var owned in OwnedDockerfiles.Of(context))
        {
            var frontend = Frontend(owned.Dockerfile);
            if (frontend == FrontendKind.Custom || owned.IsTemplate)
            {
                continue;
            }
            var reported = new HashSet<(int, string)>();
            foreach (var error in owned.Dockerfile.Errors)
            {
                if (error.Kind == DockerfileErrorKind.TooLarge)
                {
                    // Preflight's limit, not the user's error: a note (CheckContext.ReadText) says the file was not
                    // checked.
                    continue;
                }
                if (frontend == FrontendKind.Extended && error.Kind != DockerfileErrorKind.Syntax)
                {
                    continue;
                }
                if (reported.Add((error.Span.Start, error.Message)))
                {
                    context.Findings.Add(Finding.At(Rule, owned.Path, error.Span, error.Message));
                }
            }
        }
    }

    private enum FrontendKind
    {
        Standard,
        Extended,
        Custom,
    }

    private static FrontendKind Frontend(Dockerfile dockerfile)
    {
        foreach (var directive in dockerfile.Directives)
        {
            if (directive.Name != "syntax")
            {
                continue;
            }
            var value = directive.Value.Trim().ToLowerInvariant();
            var slash = value.IndexOf("docker/dockerfile", StringComparison.Ordinal);
            if (slash < 0 || (slash > 0 && !value.StartsWith("docker.io/", StringComparison.Ordinal)))
            {
                return FrontendKind.Custom;
            }
            return value.Contains("labs") || value.Contains("upstream") ? FrontendKind.Extended : FrontendKind.Standard;
        }
        return FrontendKind.Standard;
    }
}
