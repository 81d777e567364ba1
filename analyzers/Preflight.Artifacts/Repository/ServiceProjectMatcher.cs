using System;
using Preflight.Artifacts.Compose;

namespace Preflight.Artifacts.Repository;

/// <summary>Decides which compose services and Dockerfiles build a given project. Pure: the caller supplies file
/// texts.</summary>
public static class ServiceProjectMatcher
{
    /// <summary>
    /// A compose service builds the project when its build context is the project's folder, or when its Dockerfile
    /// belongs to the project (<see cref="Deployment.DockerfileOwnership"/>: it publishes or runs the project, or names
    /// nothing it publishes and lies in the project's folder).
    /// </summary>
    /// <param name="dockerfileAt">Returns the parsed Dockerfile at an absolute path, or null when it is not
    /// available.</param>
    /// <param name="assemblyName">The project's AssemblyName when the host knows it.</param>
    public static bool Builds(
        ComposeService service, string composeDirectory, string projectDirectory, string projectFileName, Func<string,
        Docker.Dockerfile?> dockerfileAt,
        string? assemblyName = null)
    {
        var build = service.Build;
        if (build == null || build.IsInterpolated || build.IsRemote)
        {
            return false;
        }
        var context = build.ResolveContext(composeDirectory);
        if (PathText.Equal(context, projectDirectory))
        {
            return true;
        }
        var dockerfile = build.ResolveDockerfile(composeDirectory);
        return dockerfileAt(dockerfile) is { } model
            ? DockerfileBuilds(dockerfile, model, projectDirectory, projectFileName, assemblyName)
            : PathText.Equal(PathText.GetDirectory(dockerfile), projectDirectory);
    }

    /// <summary>
    /// A Dockerfile builds the project when it belongs to it (<see cref="Deployment.DockerfileOwnership"/>); copying
    /// the
    /// project file for restore caching does not make it the project's.
    /// </summary>
    public static bool DockerfileBuilds(
        string dockerfilePath, string? dockerfileText, string projectDirectory, string projectFileName,
        string? assemblyName = null)
    {
        if (dockerfileText == null)
        {
            return PathText.Equal(PathText.GetDirectory(dockerfilePath), projectDirectory);
        }
        return DockerfileBuilds(
            dockerfilePath, Docker.DockerfileParser.Parse(dockerfileText), projectDirectory, projectFileName,
            assemblyName);
    }

    /// <summary>As above, with the Dockerfile already parsed.</summary>
    public static bool DockerfileBuilds(
        string dockerfilePath, Docker.Dockerfile dockerfile, string projectDirectory, string projectFileName,
        string? assemblyName = null) =>
        Deployment.DockerfileOwnership.Owns(
            dockerfilePath, Deployment.DockerfilePublishes.Read(dockerfile),
            PathText.Combine(projectDirectory, projectFileName), assemblyName);

    public static bool MentionsProjectFile(string text, string projectFileName)
    {
        var index = 0;
        while ((index = text.IndexOf(projectFileName, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = index == 0 ? ' ' : text[index - 1];
            var afterIndex = index + projectFileName.Length;
            var after = afterIndex >= text.Length ? ' ' : text[afterIndex];
            if (!IsNameChar(before) && !IsNameChar(after))
            {
                return true;
            }
            index = afterIndex;
        }
        return false;
    }

    /// <summary>
    /// A container image runs the project when its repository name (registry, tag and digest aside) is an image a
    /// compose
    /// service builds from the project, or, compared without separators and case, the project's name
    /// (<c>ghcr.io/acme/orders-api:1.4</c> runs <c>Orders.Api</c>).
    /// </summary>
    public static bool ImageRuns(
        string image, string projectName, System.Collections.Generic.IEnumerable<string> builtImages) =>
        ImageRuns(image, new[] { projectName }, builtImages);

    /// <summary>As above, with several names the project goes by (its file name, its AssemblyName).</summary>
    public static bool ImageRuns(
        string image, System.Collections.Generic.IReadOnlyCollection<string> projectNames,
        System.Collections.Generic.IEnumerable<string> builtImages)
    {
        var repository = ImageRepository(image);
        if (repository.Length == 0 || repository.IndexOf('$') >= 0 || repository.IndexOf('{') >= 0)
        {
            return false;
        }
        foreach (var built in builtImages)
        {
            if (string.Equals(ImageRepository(built), repository, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        var slash = repository.LastIndexOf('/');
        var last = slash < 0 ? repository : repository.Substring(slash + 1);
        var squashed = Squash(last);
        if (squashed.Length == 0)
        {
            return false;
        }
        foreach (var name in projectNames)
        {
            if (string.Equals(squashed, Squash(name), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>registry:5000/team/app:tag@sha256:…</c> → <c>team/app</c>-style repository path (registry kept
    /// when present).</summary>
    public static string ImageRepository(string image)
    {
        var at = image.IndexOf('@');
        var name = (at < 0 ? image : image.Substring(0, at)).Trim();
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? name.Substring(0, colon) : name;
    }

    private static string Squash(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars.Append(char.ToLowerInvariant(c));
            }
        }
        return chars.ToString();
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
}
