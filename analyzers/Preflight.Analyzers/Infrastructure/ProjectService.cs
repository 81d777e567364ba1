using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>A compose service that builds the project being compiled, and the file that defines it.</summary>
internal sealed class ProjectService
{
    public ProjectService(ArtifactFile file, ComposeService service, string displayPath)
    {
        File = file;
        Service = service;
        DisplayPath = displayPath;
    }

    public ArtifactFile File { get; }
    public ComposeService Service { get; }
    /// <summary>The compose file's path from the repository root ("docker-compose.yml").</summary>
    public string DisplayPath { get; }
    public string Description => $"{DisplayPath} (service {Service.Name})";

    /// <summary>Every compose service, in any compose file passed in, that builds the project.</summary>
    public static IReadOnlyList<ProjectService> Find(ProjectContext project, ArtifactReader reader)
    {
        var services = new List<ProjectService>();
        if (project.ProjectFile == null || project.ProjectDirectory == null)
        {
            return services;
        }
        var projectFileName = PathText.GetFileName(project.ProjectFile);
        foreach (var file in project.OfKind(ArtifactKind.Compose))
        {
            if (reader.Compose(file) is not { } compose)
            {
                continue;
            }
            foreach (var service in compose.Services)
            {
                if (ServiceProjectMatcher.Builds(service, file.Directory, project.ProjectDirectory, projectFileName, path => project.ReadText(path, reader.CancellationToken)))
                {
                    services.Add(new ProjectService(file, service, project.DisplayPath(file.Path)));
                }
            }
        }
        return services;
    }
}
