using System;
using Preflight.Artifacts.Compose;

namespace Preflight.Artifacts.Repository;

/// <summary>Decides which compose services and Dockerfiles build a given project. Pure: the caller supplies file texts.</summary>
public static class ServiceProjectMatcher
{
    /// <summary>
    /// A compose service builds the project when its Dockerfile lies in the project's folder, when its build context is
    /// the project's folder, or when its Dockerfile names the project file (<c>COPY Api/Api.csproj</c>, <c>dotnet publish Api.csproj</c>).
    /// </summary>
    /// <param name="readText">Returns the text of a file by absolute path, or null when it is not available.</param>
    public static bool Builds(ComposeService service, string composeDirectory, string projectDirectory, string projectFileName, Func<string, string?> readText)
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
        return DockerfileBuilds(dockerfile, readText(dockerfile), projectDirectory, projectFileName);
    }

    /// <summary>A Dockerfile builds the project when it lies in the project's folder or names the project file.</summary>
    public static bool DockerfileBuilds(string dockerfilePath, string? dockerfileText, string projectDirectory, string projectFileName)
    {
        if (PathText.Equal(PathText.GetDirectory(dockerfilePath), projectDirectory))
        {
            return true;
        }
        return dockerfileText != null && MentionsProjectFile(dockerfileText, projectFileName);
    }

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

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
}
