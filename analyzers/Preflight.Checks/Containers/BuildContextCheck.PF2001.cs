using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2001: a COPY/ADD source that is not in the build context. The contexts are those the repository names (compose
/// services, CI steps, scripts, tool configurations: <see cref="DockerfileContexts"/>), else the one inferred from the
/// sources; with none, nothing is reported. Sources under build-output folders (bin/, publish/, ...) that are missing
/// are not reported: CI creates them before the image build. A source that exists but that the context's
/// .dockerignore (or the Dockerfile's own <c>&lt;Dockerfile&gt;.dockerignore</c>) excludes is reported too. Wildcards,
/// variables, heredocs, URLs and <c>--from</c> sources are not checked here.
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
                var (ignorePath, ignore) = DockerIgnoreFor(context, dockerfilePath, buildContext);
                foreach (var instruction in dockerfile.Instructions)
                {
                    if ((instruction.Keyword != "COPY" && instruction.Keyword != "ADD")
                        || instruction.Flag("from") != null || instruction.Arguments.Count < 2)
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
                        var excludedBy = (DockerIgnorePattern?)null;
                        if (context.Exists(path)
                            && (ignore == null || (excludedBy = ExcludingPattern(ignore, source.Value)) == null))
                        {
                            continue;
                        }
                        if (excludedBy == null
                            && Preflight.Artifacts.Deployment.ContextEvidence.IsBuildOutput(source.Value))
                        {
                            // bin/, obj/, publish/, out/, dist/, artifacts/: CI fills them before the image build.
                            continue;
                        }
                        if (!reported.Add((source.Span.Start, source.Value)))
                        {
                            continue;
                        }
                        var why = excludedBy == null
                            ? origin
                            : $"{origin}: it is excluded by {context.Display(ignorePath!)} line " +
                                $"{excludedBy.Span.Line} '{excludedBy.Text}'";
                        context.Findings.Add(Finding.At(Rule, dockerfilePath, source.Span,
                            instruction.Keyword, source.Value, context.Display(buildContext), why));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The ignore file BuildKit applies: <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile, else
    /// <c>.dockerignore</c> at the context root; null when there is none.
    /// </summary>
    public static (string? Path, DockerIgnore? Ignore) DockerIgnoreFor(
        CheckContext context, string dockerfilePath, string buildContext)
    {
        foreach (var candidate in new[] { dockerfilePath + ".dockerignore",
            PathText.Combine(buildContext, ".dockerignore") })
        {
            var text = context.ReadText(candidate);
            if (text != null)
            {
                return (candidate, DockerIgnoreParser.Parse(text));
            }
        }
        return (null, null);
    }

    /// <summary>
    /// The pattern that leaves an existing source out of the context, or null. A source with an exception pattern that
    /// may re-include something under it is not reported (BuildKit still sends those files).
    /// </summary>
    internal static DockerIgnorePattern? ExcludingPattern(DockerIgnore ignore, string source)
    {
        var relative = PathText.Normalize("/" + source.TrimStart('/')).Trim('/');
        if (relative.Length == 0 || !ignore.IsExcluded(relative))
        {
            return null;
        }
        foreach (var pattern in ignore.Patterns)
        {
            if (pattern.IsException
                && (pattern.Pattern.StartsWith(relative + "/", StringComparison.Ordinal)
                || pattern.Pattern.IndexOfAny(new[] { '*', '?', '[' }) >= 0))
            {
                return null;
            }
        }
        return ignore.DecidingPattern(relative);
    }

    internal static bool IsCheckable(string keyword, string source)
    {
        if (source.Length == 0 || source.StartsWith("<<", StringComparison.Ordinal)
            || source.IndexOfAny(new[] { '*', '?', '[', '$' }) >= 0)
        {
            return false;
        }
        if (keyword == "ADD"
            && (source.IndexOf("://", StringComparison.Ordinal) >= 0
            || source.StartsWith("git@", StringComparison.Ordinal)))
        {
            return false;
        }
        return true;
    }

    internal static string InContext(string buildContext, string source) =>
        DockerfileSet.InContext(buildContext, source);
}
