using System;
using System.Collections.Generic;
using System.Threading;
using Preflight.Artifacts;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// The deployable projects of the repository that reference the project being compiled, directly or through other
/// projects, read from the repository's project files (AdditionalFiles). Empty when the project files were not passed
/// in.
/// </summary>
internal static class ReferencingHosts
{
    private const int MaxDepth = 16;

    public static IReadOnlyList<string> Find(ProjectContext project, CancellationToken cancellationToken)
    {
        var hosts = new List<string>();
        if (project.ProjectFile == null || project.ProjectFiles.IsEmpty)
        {
            return hosts;
        }
        var models = new Dictionary<string, ProjectFileModel>(StringComparer.Ordinal);
        foreach (var file in project.ProjectFiles)
        {
            if (file.File.GetText(cancellationToken)?.ToString() is { } text
                && ProjectFileModel.Parse(file.Path, text) is { } model)
            {
                models[model.Path] = model;
            }
        }
        foreach (var model in models.Values)
        {
            if (model.IsDeployable && !PathText.Equal(model.Path, project.ProjectFile) &&
                References(model, project.ProjectFile, models, new HashSet<string>(StringComparer.Ordinal), 0))
            {
                hosts.Add(model.Path);
            }
        }
        hosts.Sort(StringComparer.Ordinal);
        return hosts;
    }

    private static bool References(
        ProjectFileModel model, string target, Dictionary<string, ProjectFileModel> models, HashSet<string> seen,
        int depth)
    {
        if (depth > MaxDepth || !seen.Add(model.Path))
        {
            return false;
        }
        foreach (var reference in model.ProjectReferences)
        {
            if (PathText.Equal(reference, target) ||
                models.TryGetValue(reference, out var referenced)
                    && References(referenced, target, models, seen, depth + 1))
            {
                return true;
            }
        }
        return false;
    }
}
