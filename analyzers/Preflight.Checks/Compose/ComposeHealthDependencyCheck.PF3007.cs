using System;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3007: <c>depends_on: {X: {condition: service_healthy}}</c> where service X (merged with its overrides and
/// <c>extends</c>) has no healthcheck, or disables it, and its image is known to have none: compose refuses to start
/// the dependent service ("dependency failed to start: container X has no healthcheck configured"). Reported at the
/// condition. When X's image may bring a HEALTHCHECK of its own (an image that is neither an official Docker image nor
/// a
/// .NET image, or a Dockerfile built on one), nothing is reported. Repository-level: reported by the owner project.
/// </summary>
public static class ComposeHealthDependencyCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3007.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        foreach (var (path, file) in context.ComposeFiles)
        {
            foreach (var service in file.Services)
            {
                foreach (var dependency in service.DependsOn)
                {
                    if (!string.Equals(dependency.Condition, "service_healthy", StringComparison.Ordinal) ||
                        dependency.Node is not ComposeMapping options || options["condition"] is not { } condition ||
                        file.FindService(dependency.Service) is not { } target)
                    {
                        continue;
                    }
                    var why = WhyUnhealthy(context, target);
                    if (why != null)
                    {
                        context.Report(
                            Finding.At(Rule, ComposeCheckSupport.FileOf(condition.SourceFile, path), condition.Span,
                            service.Name, target.Name, why));
                    }
                }
            }
        }
    }

    /// <summary>Why the service can never become healthy, or null when it has (or may have) a healthcheck.</summary>
    private static string? WhyUnhealthy(CheckContext context, ComposeService service)
    {
        var healthcheck = service.Healthcheck;
        if (healthcheck != null && healthcheck.Disabled)
        {
            return "disables its healthcheck";
        }
        if (healthcheck != null && healthcheck.TestKind != ComposeHealthcheckTestKind.Inherit)
        {
            return null;
        }
        // No test of its own: the image's HEALTHCHECK applies, when the image has one.
        if (service.Build != null)
        {
            return BuiltImageHasNoHealthcheck(context, service.Build) is { } image
                ? $"has no healthcheck, nor has its image (built {image})" : null;
        }
        if (service.Image != null && KnownWithoutHealthcheck(service.Image))
        {
            return $"has no healthcheck, nor has its image '{service.Image}'";
        }
        return null;
    }

    /// <summary>The Dockerfile's display path when the stage the service runs has no HEALTHCHECK and is built on an
    /// image known to have none.</summary>
    private static string? BuiltImageHasNoHealthcheck(CheckContext context, ComposeBuild build)
    {
        string? text;
        string where;
        if (build.DockerfileInline != null)
        {
            text = build.DockerfileInline;
            where = "from its inline Dockerfile";
        }
        else
        {
            if (build.IsInterpolated || build.IsRemote || build.BaseDirectory == null ||
                (build.Dockerfile != null
                    && (ComposeReferences.IsRemote(build.Dockerfile) || build.Dockerfile.IndexOf('$') >= 0)))
            {
                return null;
            }
            var dockerfilePath = build.ResolveDockerfile();
            text = context.ReadText(dockerfilePath);
            where = "from " + context.Display(dockerfilePath);
        }
        if (text == null)
        {
            return null;
        }
        var dockerfile = DockerfileParser.Parse(text);
        if (dockerfile.Stages.Count == 0)
        {
            return null;
        }
        var stage = build.Target != null ? dockerfile.StageNamed(build.Target)
            : dockerfile.Stages[dockerfile.Stages.Count - 1];
        for (var depth = 0; stage != null && depth < 64; depth++)
        {
            var healthcheck = stage.Instructions.LastOrDefault(
                i => string.Equals(i.Keyword, "HEALTHCHECK", StringComparison.OrdinalIgnoreCase));
            if (healthcheck != null)
            {
                return IsNone(healthcheck) ? where : null;
            }
            if (stage.BaseStage == null)
            {
                return stage.BaseImage.IndexOf('$') < 0 && KnownWithoutHealthcheck(stage.BaseImage) ? where : null;
            }
            stage = stage.BaseStage;
        }
        return null;
    }

    private static bool IsNone(DockerInstruction healthcheck) =>
        healthcheck.ArgumentText.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for images known to define no HEALTHCHECK: Docker's official images (docker.io/library/*, which by policy
    /// have
    /// none) and Microsoft's .NET images. Any other image may have one: unknown.
    /// </summary>
    public static bool KnownWithoutHealthcheck(string image)
    {
        var text = image.Trim();
        if (text.Length == 0 || text.IndexOf('$') >= 0)
        {
            return false;
        }
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            text = text.Substring(0, at);
        }
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            text = text.Substring(0, colon);
        }
        text = text.ToLowerInvariant();
        if (text.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal))
        {
            return true;
        }
        foreach (var prefix in new[] { "docker.io/library/", "index.docker.io/library/", "library/", "docker.io/",
            "index.docker.io/" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text.Substring(prefix.Length);
                break;
            }
        }
        return text.Length > 0 && text.IndexOf('/') < 0 && text != "scratch";
    }
}
