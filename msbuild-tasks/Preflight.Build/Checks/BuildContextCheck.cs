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
        foreach (var checkedFile in DockerfileSet.Of(context))
        {
            var dockerfilePath = checkedFile.Path;
            var dockerfile = checkedFile.Model;
            var reported = new HashSet<(int, string)>();
            foreach (var (buildContext, origin) in checkedFile.Contexts)
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

    internal static string InContext(string buildContext, string source) => DockerfileSet.InContext(buildContext, source);
}
