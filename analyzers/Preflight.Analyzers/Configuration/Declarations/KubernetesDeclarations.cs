using System.Collections.Generic;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// The Kubernetes containers that run the project's image: their <c>env</c> names (a <c>secretKeyRef</c> declares its
/// variable) and their <c>envFrom</c> sources (the keys of a ConfigMap or Secret defined in the repository; an object
/// defined elsewhere may set anything). Helm templates are not read.
/// </summary>
internal static class KubernetesDeclarations
{
    public static void Add(
        DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader,
        IReadOnlyList<ProjectService> services)
    {
        if (project.ProjectFile == null)
        {
            return;
        }
        var manifests = new List<(ArtifactFile File, KubernetesFile Model)>();
        foreach (var file in project.OfKind(ArtifactKind.KubernetesManifest))
        {
            if (reader.Kubernetes(file) is { IsTemplate: false } model)
            {
                manifests.Add((file, model));
            }
        }
        if (manifests.Count == 0)
        {
            return;
        }
        var projectFileName = PathText.GetFileName(project.ProjectFile);
        var dot = projectFileName.LastIndexOf('.');
        var projectName = dot > 0 ? projectFileName.Substring(0, dot) : projectFileName;
        var builtImages = new List<string>();
        foreach (var service in services)
        {
            if (service.Service.Image is { } image)
            {
                builtImages.Add(image);
            }
        }
        foreach (var (file, model) in manifests)
        {
            foreach (var workload in model.Workloads)
            {
                foreach (var container in workload.PodSpec!.AllContainers)
                {
                    if (container.Image is { } image
                        && ServiceProjectMatcher.ImageRuns(
                        image, project.HasNamesake ? new string[0] : new[] { projectName }, builtImages))
                    {
                        AddContainer(declarations, manifests, project.DisplayPath(file.Path), container);
                    }
                }
            }
        }
    }

    private static void AddContainer(
        DeploymentDeclarations declarations, List<(ArtifactFile File, KubernetesFile Model)> manifests,
        string displayPath, KubernetesContainer container)
    {
        declarations.AddEnvironmentSource($"{displayPath} (container {container.Name})");
        foreach (var variable in container.Env)
        {
            declarations.AddVariable(variable.Name);
        }
        foreach (var source in container.EnvFrom)
        {
            if (source.Name == null
                || Definition(manifests, source.Kind, source.Name) is not { KeysAreComplete: true } definition)
            {
                declarations.MarkOpen();
                continue;
            }
            foreach (var key in definition.Keys)
            {
                declarations.AddVariable((source.Prefix ?? string.Empty) + key.Key);
            }
        }
    }

    private static KubernetesDefinition? Definition(
        List<(ArtifactFile File, KubernetesFile Model)> manifests, KubernetesReferenceKind kind, string name)
    {
        foreach (var (_, model) in manifests)
        {
            foreach (var definition in model.Definitions)
            {
                if (definition.Kind == kind && definition.Name == name)
                {
                    return definition;
                }
            }
        }
        return null;
    }
}
