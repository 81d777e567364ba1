using System;
using System.Collections.Generic;

namespace Preflight.Cli.Projects;

/// <summary>
/// Whether a project compiles against the ASP.NET Core shared framework (Microsoft.AspNetCore.App, which carries
/// Microsoft.Extensions.*: IConfiguration, IServiceCollection, the generic host): Web/Razor and Worker SDK projects, a
/// <c>FrameworkReference</c> to it, a PackageReference to the hosting, configuration, dependency-injection or options
/// packages or to an ASP.NET Core package, its own or through its ProjectReferences.
/// </summary>
internal static class SharedFrameworkUse
{
    private const int MaxDepth = 8;

    private static readonly string[] PackagePrefixes =
    {
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Configuration",
            "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Options", "Microsoft.AspNetCore.",
    };

    public static bool Of(ProjectInfo project, string repositoryRoot) =>
        Of(project, repositoryRoot, 0, new HashSet<string>(StringComparer.Ordinal));

    private static bool Of(ProjectInfo project, string root, int depth, HashSet<string> seen)
    {
        if (!seen.Add(project.Path))
        {
            return false;
        }
        if (Direct(project))
        {
            return true;
        }
        if (depth >= MaxDepth)
        {
            return false;
        }
        foreach (var reference in project.Items.Projects)
        {
            if (!seen.Contains(reference) && ProjectInfo.Load(reference, root) is { } referenced
                && Of(referenced, root, depth + 1, seen))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Direct(ProjectInfo project) =>
        project.IsWeb || project.IsWorker ||
        project.Items.HasFramework("Microsoft.AspNetCore.App") ||
        project.Items.HasPackage(
            package =>
            Array.Exists(PackagePrefixes, prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
}
