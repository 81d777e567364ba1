using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Text;

namespace Preflight.Analyzers.Deployment;

/// <summary>
/// Where the project runs: the compose services that build it, the Dockerfiles that build it (owned by it, see
/// <see cref="ProjectContext.OwnsDockerfile"/>, or named by such a service), and the Kubernetes containers whose image
/// is the project's (same repository as a compose service's
/// <c>image</c>, or an image whose name is the project's name). Containers of unknown relation are left out.
/// </summary>
internal sealed class ProjectDeployment
{
    private ProjectDeployment(
        List<ComposeDeployment> compose, List<DockerfileFacts> dockerfiles, List<KubernetesDeployment> containers)
    {
        Compose = compose;
        Dockerfiles = dockerfiles;
        Containers = containers;
    }

    public IReadOnlyList<ComposeDeployment> Compose { get; }
    public IReadOnlyList<DockerfileFacts> Dockerfiles { get; }
    public IReadOnlyList<KubernetesDeployment> Containers { get; }

    public static ProjectDeployment Find(ProjectContext project, ArtifactReader reader, string? assemblyName)
    {
        var dockerfiles = new List<DockerfileFacts>();
        var compose = new List<ComposeDeployment>();
        var containers = new List<KubernetesDeployment>();
        if (project.ProjectFile == null || project.ProjectDirectory == null)
        {
            return new ProjectDeployment(compose, dockerfiles, containers);
        }
        foreach (var file in project.OfKind(ArtifactKind.Dockerfile))
        {
            if (project.OwnsDockerfile(file, reader.Dockerfile(file)) && Facts(file, reader) is { } facts)
            {
                dockerfiles.Add(facts);
            }
        }
        var images = new List<string>();
        var seen = new HashSet<(string, string)>();
        foreach (var service in ProjectService.Find(project, reader))
        {
            if (!seen.Add((service.File.Path, service.Service.Name)))
            {
                continue; // the same service again with an overlay of its file: its ports and probes are read from its
                          // file
            }
            var written = WrittenService(reader.Compose(service.File), service.Service.Name);
            DockerfileFacts? dockerfile = null;
            if (service.Service.Build is { } build)
            {
                var path = build.ResolveDockerfile(service.File.Directory);
                dockerfile = dockerfiles.Find(d => PathText.Equal(d.File.Path, path));
                if (dockerfile == null && project.Find(path) is { } other && Facts(other, reader) is { } facts)
                {
                    dockerfile = facts;
                    dockerfiles.Add(facts);
                }
            }
            if (service.Service.Image is { } image)
            {
                images.Add(image);
            }
            compose.Add(new ComposeDeployment(service, written, dockerfile));
        }
        var projectName = PathText.GetFileName(project.ProjectFile).Replace(".csproj", "");
        var names = project.HasNamesake ? new string[0] : assemblyName == null ? new[] { projectName }
            : new[] { projectName, assemblyName };
        foreach (var file in project.OfKind(ArtifactKind.KubernetesManifest))
        {
            if (reader.Kubernetes(file) is not { IsTemplate: false } manifest)
            {
                continue;
            }
            foreach (var workload in manifest.Workloads)
            {
                foreach (var container in workload.PodSpec!.Containers)
                {
                    if (container.Image is { } image && ServiceProjectMatcher.ImageRuns(image, names, images))
                    {
                        containers.Add(
                            new KubernetesDeployment(file, project.DisplayPath(file.Path), workload, container));
                    }
                }
            }
        }
        return new ProjectDeployment(compose, dockerfiles, containers);
    }

    /// <summary>The service as its own file writes it (the compose model of that one file, not merged with others), or
    /// null.</summary>
    private static ComposeService? WrittenService(ComposeFile? file, string name)
    {
        ComposeService? found = null;
        foreach (var service in file?.Services ?? Array.Empty<ComposeService>())
        {
            if (string.Equals(service.Name, name, StringComparison.Ordinal))
            {
                found = service;
            }
        }
        return found;
    }

    private static DockerfileFacts? Facts(ArtifactFile file, ArtifactReader reader) =>
        reader.Dockerfile(file) is { } model
            && reader.Text(file) is { } text ? DockerfileFacts.Read(file, model, text) : null;

    /// <summary>The image without tag and digest ("ghcr.io/acme/orders-api"); null when it holds variables.</summary>
    public static string? Repository(string image)
    {
        if (image.IndexOf('$') >= 0 || image.IndexOf('{') >= 0)
        {
            return null;
        }
        return ServiceProjectMatcher.ImageRepository(image);
    }

    /// <summary>The tag of an image ("8.0-alpine"), or null.</summary>
    public static string? Tag(string image)
    {
        var at = image.IndexOf('@');
        var name = at < 0 ? image : image.Substring(0, at);
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name.Substring(colon + 1) : null;
    }
}

/// <summary>A compose service that builds the project, the service as its file writes it, and its Dockerfile when
/// known.</summary>
internal sealed class ComposeDeployment
{
    public ComposeDeployment(ProjectService service, ComposeService? written, DockerfileFacts? dockerfile)
    {
        Service = service;
        Written = written;
        Dockerfile = dockerfile;
    }

    public ProjectService Service { get; }

    /// <summary>
    /// The service in the compose model of its own file (its ports, expose, healthcheck and command as written there,
    /// with
    /// their spans); null when the file does not define it as a mapping.
    /// </summary>
    public ComposeService? Written { get; }
    public DockerfileFacts? Dockerfile { get; }

    /// <summary>The service's command or entrypoint passes --urls / --http_ports / --https_ports.</summary>
    public bool CommandSetsUrls => Written != null && (SetsUrls(Written.Command) || SetsUrls(Written.Entrypoint));

    /// <summary>
    /// The container ports the service's file names, each where its number is written: the container side of each
    /// <c>ports</c> entry (single ports only; ranges and variables are left out), then each <c>expose</c> entry.
    /// </summary>
    public IEnumerable<(int Port, bool IsExpose, SourceSpan Span)> ContainerPorts()
    {
        if (Written == null)
        {
            yield break;
        }
        foreach (var port in Written.Ports)
        {
            if (port.TargetRange is { IsSingle: true, Start: > 0 } range)
            {
                yield return (range.Start, false, port.TargetSpan);
            }
        }
        foreach (var expose in Written.Expose)
        {
            var value = expose.Value;
            var slash = value.IndexOf('/');
            if (int.TryParse(slash < 0 ? value : value.Substring(0, slash), out var port))
            {
                var colon = expose.Node.Written.LastIndexOf(':');
                yield return (port, true,
                    expose.Node.FindWritten(
                    port.ToString(System.Globalization.CultureInfo.InvariantCulture), colon < 0 ? 0 : colon)
                    ?? expose.Span);
            }
        }
    }

    private static bool SetsUrls(IReadOnlyList<string>? arguments) => arguments != null
        && arguments.Any(ListenArguments.SetsUrls);
}

/// <summary>A Kubernetes container that runs the project's image.</summary>
internal sealed class KubernetesDeployment
{
    public KubernetesDeployment(
        ArtifactFile file, string displayPath, KubernetesObject workload, KubernetesContainer container)
    {
        File = file;
        DisplayPath = displayPath;
        Workload = workload;
        Container = container;
    }

    public ArtifactFile File { get; }
    public string DisplayPath { get; }
    public KubernetesObject Workload { get; }
    public KubernetesContainer Container { get; }
    public string Description =>
        $"container '{Container.Name ?? "?"}' of {Workload.Kind} '{Workload.Name ?? "?"}' ({DisplayPath})";
}
