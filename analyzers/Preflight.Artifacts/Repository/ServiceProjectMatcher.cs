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

    /// <summary>
    /// A Dockerfile builds the project when it lies in the project's folder or names the project file. Where it names the
    /// file with folders (<c>COPY src/Orders/Api.csproj</c>), the folders tell projects of the same file name apart: a
    /// relative path must end the project's path, an absolute (in-image) one must at least name its folder.
    /// </summary>
    public static bool DockerfileBuilds(string dockerfilePath, string? dockerfileText, string projectDirectory, string projectFileName)
    {
        if (PathText.Equal(PathText.GetDirectory(dockerfilePath), projectDirectory))
        {
            return true;
        }
        return dockerfileText != null && MentionsProject(dockerfileText, projectDirectory, projectFileName);
    }

    /// <summary>
    /// The text names the project file, and where it names it with folders, some such mention names the project's folders
    /// (mentions of a same-named file in another folder do not count; a bare file name counts only when no mention has folders).
    /// </summary>
    public static bool MentionsProject(string text, string projectDirectory, string projectFileName)
    {
        var projectFolders = PathText.Normalize(projectDirectory).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        bool bare = false, qualified = false;
        var index = 0;
        while ((index = text.IndexOf(projectFileName, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var afterIndex = index + projectFileName.Length;
            var after = afterIndex >= text.Length ? ' ' : text[afterIndex];
            var before = index == 0 ? ' ' : text[index - 1];
            if (!IsNameChar(after) && (before == '/' || before == '\\'))
            {
                var start = index - 1;
                while (start > 0 && !IsPathEnd(text[start - 1]))
                {
                    start--;
                }
                var folders = text.Substring(start, index - 1 - start).Replace('\\', '/');
                switch (FoldersMatch(folders, projectFolders))
                {
                    case true:
                        return true;
                    case false:
                        qualified = true;
                        break;
                    default:
                        bare = true;
                        break;
                }
            }
            else if (!IsNameChar(after) && !IsNameChar(before))
            {
                bare = true;
            }
            index = afterIndex;
        }
        return bare && !qualified;
    }

    /// <summary>True/false when the folders before a mention match the project's or not; null when they say nothing (".", a variable).</summary>
    private static bool? FoldersMatch(string folders, string[] projectFolders)
    {
        var absolute = folders.StartsWith("/", StringComparison.Ordinal);
        var parts = folders.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var compared = 0;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var part = parts[i];
            if (part == "." || part == ".." || part.IndexOf('$') >= 0 || part.IndexOf('*') >= 0)
            {
                break;
            }
            var projectIndex = projectFolders.Length - 1 - compared;
            if (projectIndex < 0 || !string.Equals(part, projectFolders[projectIndex], StringComparison.OrdinalIgnoreCase))
            {
                // In-image absolute paths start with a root of their own (/src, /app): only the folders nearest the file count.
                return absolute && compared > 0 ? true : false;
            }
            compared++;
        }
        return compared == 0 ? null : true;
    }

    private static bool IsPathEnd(char c) => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '[' || c == ',' || c == '=' || c == '(';

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
    /// A container image runs the project when its repository name (registry, tag and digest aside) is an image a compose
    /// service builds from the project, or, compared without separators and case, the project's name
    /// (<c>ghcr.io/acme/orders-api:1.4</c> runs <c>Orders.Api</c>).
    /// </summary>
    public static bool ImageRuns(string image, string projectName, System.Collections.Generic.IEnumerable<string> builtImages) =>
        ImageRuns(image, new[] { projectName }, builtImages);

    /// <summary>As above, with several names the project goes by (its file name, its AssemblyName).</summary>
    public static bool ImageRuns(string image, System.Collections.Generic.IReadOnlyCollection<string> projectNames, System.Collections.Generic.IEnumerable<string> builtImages)
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

    /// <summary><c>registry:5000/team/app:tag@sha256:…</c> → <c>team/app</c>-style repository path (registry kept when present).</summary>
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
