using System;
using System.Collections.Generic;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Env;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// <c>.env.example</c>, <c>.env.template</c>, <c>.env.sample</c> and <c>.env</c> in the project's folder, the folder of
/// a
/// compose file that builds it, or the repository root: the keys they list are what the deployment is told to set.
/// </summary>
internal static class EnvFileDeclarations
{
    public static void Add(
        DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader,
        IReadOnlyList<ProjectService> services)
    {
        var folders = new List<string>();
        AddFolder(folders, project.ProjectDirectory);
        foreach (var service in services)
        {
            AddFolder(folders, service.File.Directory);
        }
        AddFolder(folders, project.RepositoryRoot);
        foreach (var file in project.OfKind(ArtifactKind.EnvFile))
        {
            if (!IsDeclarationFile(file.Name) || !folders.Exists(folder => PathText.Equal(folder, file.Directory)) ||
                reader.Text(file) is not { } text)
            {
                continue;
            }
            declarations.AddEnvironmentSource(project.DisplayPath(file.Path));
            declarations.AddVariables(EnvFileParser.Parse(text));
        }
    }

    private static bool IsDeclarationFile(string name) =>
        Array.Exists(ArtifactClassifier.EnvFileNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static void AddFolder(List<string> folders, string? folder)
    {
        if (folder != null && !folders.Exists(f => PathText.Equal(f, folder)))
        {
            folders.Add(folder);
        }
    }
}
