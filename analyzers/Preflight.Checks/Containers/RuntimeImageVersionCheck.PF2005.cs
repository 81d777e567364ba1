using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2005: the final stage runs on a .NET runtime image (<c>dotnet/aspnet</c>, <c>runtime</c>, <c>runtime-deps</c>)
/// whose
/// version is older than the TargetFramework of the Dockerfile's project: the project it publishes, else the project
/// whose folder holds the Dockerfile. Only literal target frameworks and tags (ARG defaults resolved) are compared.
/// </summary>
public static class RuntimeImageVersionCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2005.Id];
    private static readonly Regex RuntimeImage = new Regex(
        @"^(?:mcr\.microsoft\.com/)?dotnet/(?:core/)?(?:aspnet|runtime|runtime-deps)$", RegexOptions.CultureInvariant);
    private static readonly Regex TagVersion = new Regex(@"^(\d+)\.(\d+)(?:[.\-].*)?$", RegexOptions.CultureInvariant);

    public static void Run(CheckContext context)
    {
        foreach (var dockerfile in DockerfileSet.Of(context))
        {
            var reported = new HashSet<int>();
            foreach (var (buildContext, _) in dockerfile.ContextsOrFolder)
            {
                var image = dockerfile.Image(context, buildContext);
                var final = image.Final;
                if (final == null)
                {
                    continue;
                }
                var root = DockerImage.Chain(final).Last();
                var from = root.Stage.From;
                if (root.BaseImage == null || from.Arguments.Count == 0
                    || !TryRuntimeVersion(root.BaseImage, out var imageVersion))
                {
                    continue;
                }
                var (project, framework) = ProjectOf(context, dockerfile, image);
                if (project == null || framework == null)
                {
                    continue;
                }
                var target = ProjectFiles.FrameworkVersion(framework);
                if (target == null || imageVersion >= target || !reported.Add(from.Span.Start))
                {
                    continue;
                }
                var wanted = target.ToString(2);
                context.Findings.Add(Finding.At(Rule, dockerfile.Path, from.Arguments[0].Span,
                    root.BaseImage, imageVersion.ToString(2), context.Display(project), framework, wanted));
            }
        }
    }

    /// <summary>The .NET version of a runtime image reference (its tag's major.minor).</summary>
    internal static bool TryRuntimeVersion(string reference, out Version version)
    {
        version = new Version(0, 0);
        var name = reference.ToLowerInvariant();
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            name = name.Substring(0, at);
        }
        var colon = name.LastIndexOf(':');
        if (colon < 0 || colon < name.LastIndexOf('/'))
        {
            return false;
        }
        var tag = name.Substring(colon + 1);
        name = name.Substring(0, colon);
        if (name.StartsWith("docker.io/", StringComparison.Ordinal))
        {
            name = name.Substring("docker.io/".Length);
        }
        var match = TagVersion.Match(tag);
        if (!RuntimeImage.IsMatch(name) || !match.Success ||
            !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }
        version = new Version(major, minor);
        return true;
    }

    /// <summary>The project the Dockerfile ships and the framework it is published for; nulls when either is not
    /// known.</summary>
    private static (string? Project, string? Framework) ProjectOf(
        CheckContext context, CheckedDockerfile dockerfile, DockerImage image)
    {
        var published = image.Published.Where(p => p.Project != null).ToList();
        var projects = published.Select(p => p.Project!).Distinct(StringComparer.Ordinal).ToList();
        string? project;
        string? framework = null;
        if (projects.Count > 1)
        {
            return (null, null);
        }
        if (projects.Count == 1)
        {
            project = projects[0];
            var frameworks = published.Select(p => p.Framework).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (frameworks.Count == 1 && frameworks[0] != null)
            {
                framework = frameworks[0];
            }
            else if (frameworks.Count > 1)
            {
                return (project, null);
            }
        }
        else if (image.Published.Count > 0)
        {
            return (null, null);
        }
        else
        {
            var folder = PathText.GetDirectory(dockerfile.Path);
            var inFolder = context.Artifacts.Where(
                p => ProjectFiles.IsProjectFile(p) && PathText.Equal(PathText.GetDirectory(p), folder)).ToList();
            project = inFolder.Count == 1 ? inFolder[0] : null;
        }
        if (project == null)
        {
            return (null, null);
        }
        if (framework == null)
        {
            var frameworks = ProjectFiles.TargetFrameworks(context, project);
            framework = frameworks.Count == 1 ? frameworks[0] : null;
        }
        return (project, framework);
    }
}
