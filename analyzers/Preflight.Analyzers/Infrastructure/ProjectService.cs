using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>A compose service that builds the project being compiled, and the file that defines it.</summary>
internal sealed class ProjectService
{
    /// <summary>One answer per compilation for every analyzer that asks (configuration keys, environment variables, probe
    /// routes, listen ports): loading the compose projects is the largest part of their cost.</summary>
    private static readonly PerCompilation<IReadOnlyList<ProjectService>> Cache = new();

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

    /// <summary>
    /// Every compose service that builds the project, in every compose project passed in: per folder, the main compose
    /// file merged with its override file and interpolated with the folder's .env (all read from the AdditionalFiles).
    /// </summary>
    public static IReadOnlyList<ProjectService> Find(ProjectContext project, ArtifactReader reader) =>
        Cache.Get(project, reader, () => FindUncached(project, reader));

    private static IReadOnlyList<ProjectService> FindUncached(ProjectContext project, ArtifactReader reader)
    {
        var services = new List<ProjectService>();
        if (project.ProjectFile == null || project.ProjectDirectory == null)
        {
            return services;
        }
        var projectFileName = PathText.GetFileName(project.ProjectFile);
        var composeFiles = new Dictionary<string, ArtifactFile>(System.StringComparer.Ordinal);
        foreach (var file in project.OfKind(ArtifactKind.Compose))
        {
            composeFiles[PathText.Normalize(file.Path)] = file;
        }
        var directories = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var path in composeFiles.Keys)
        {
            directories.Add(PathText.GetDirectory(path));
        }
        string? Read(string path) => project.ReadText(path, reader.CancellationToken);
        foreach (var directory in directories)
        {
            var files = ComposeProject.FindFiles(directory, composeFiles.ContainsKey);
            if (files.Count == 0 || !composeFiles.TryGetValue(PathText.Normalize(files[0]), out var main))
            {
                continue;
            }
            var compose = ComposeProject.Load(files, Read);
            foreach (var service in compose.Services)
            {
                var baseDirectory = service.Build?.BaseDirectory ?? directory;
                if (ServiceProjectMatcher.Builds(service, baseDirectory, project.ProjectDirectory, projectFileName, Read, project.AssemblyName))
                {
                    // The file that defines the service (an override or included file may), else the main file.
                    var defining = service.NameSourceFile != null && composeFiles.TryGetValue(PathText.Normalize(service.NameSourceFile), out var own) ? own : main;
                    services.Add(new ProjectService(defining, service, project.DisplayPath(defining.Path)));
                }
            }
        }
        return services;
    }
}
