using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>A compose service that builds the project being compiled, and the file that defines it.</summary>
internal sealed class ProjectService
{
    /// <summary>One answer per compilation for every analyzer that asks (configuration keys, environment variables,
    /// probe
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
    /// Every compose service that builds the project, in every compose set passed in (<see cref="ComposeSets"/>, as the
    /// task loads them): per folder, the main compose file merged with its override file, and each other compose file
    /// alone or on the base it changes, interpolated with the folder's .env (all read from the AdditionalFiles).
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
        // Parsed once per text (the reader's cache), not once per compose service that names the Dockerfile.
        Preflight.Artifacts.Docker.Dockerfile? DockerfileAt(string path) => project.Find(path) is { } file
            ? reader.Dockerfile(file) : null;
        var seen = new HashSet<(string, string, string?)>();
        // Found and loaded once for every compilation given the same texts (LoadedComposeSets).
        foreach (var (set, loaded) in LoadedComposeSets.Get(project, composeFiles.Keys, reader.CancellationToken))
        {
            if (!composeFiles.TryGetValue(PathText.Normalize(set.Files[0]), out var main) || loaded is not { } compose)
            {
                continue;
            }
            var directory = PathText.GetDirectory(set.Files[0]);
            foreach (var service in compose.Services)
            {
                var baseDirectory = service.Build?.BaseDirectory ?? directory;
                if (ServiceProjectMatcher.Builds(
                    service, baseDirectory, project.ProjectDirectory, projectFileName, DockerfileAt,
                    project.AssemblyName))
                {
                    // The file that defines the service (an override or included file may), else the main file.
                    var defining = service.NameSourceFile != null
                        && composeFiles.TryGetValue(PathText.Normalize(service.NameSourceFile), out var own)
                        ? own : main;
                    // A base's service is seen again with each overlay of the base: once per overlay that changes it.
                    if (seen.Add(
                        (defining.Path, service.Name, set.IsOverlay && ChangedBy(service, set.Path) ? set.Path : null)))
                    {
                        services.Add(new ProjectService(defining, service, project.DisplayPath(defining.Path)));
                    }
                }
            }
        }
        return services;
    }

    /// <summary>True when the overlay file writes part of the service (its environment, env_file, build or
    /// image).</summary>
    private static bool ChangedBy(ComposeService service, string overlay)
    {
        bool In(string? file) => file != null && PathText.Equal(file, overlay);
        if (In(service.NameSourceFile) || In(service.Build?.SourceFile)
            || (service.Image != null && In(service.SourceFile)))
        {
            return true;
        }
        foreach (var entry in service.Environment)
        {
            if (In(entry.SourceFile))
            {
                return true;
            }
        }
        foreach (var envFile in service.EnvFiles)
        {
            if (In(envFile.SourceFile))
            {
                return true;
            }
        }
        return false;
    }
}
