using System;
using System.Collections.Generic;
using Preflight.Artifacts;

namespace Preflight.Cli.Projects;

/// <summary>
/// The repository's C# files grouped by the project folder they belong to by default: the deepest folder of a project
/// file that holds them (the SDK's default Compile glob of a project stops at the folders of projects nested in it).
/// Computed once per run, so finding a project's default items costs its own files, not every file of the repository
/// for every project.
/// </summary>
internal sealed class ProjectFolders
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();
    private readonly Dictionary<string, List<string>> _files = new(StringComparer.Ordinal);

    /// <param name="csharpFiles">Normalized paths, in the order a project's files are listed (ordinal).</param>
    public ProjectFolders(IReadOnlyList<string> csharpFiles, IReadOnlyList<string> projects)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            folders.Add(PathText.GetDirectory(project));
        }
        foreach (var file in csharpFiles)
        {
            for (var folder = PathText.GetDirectory(file); ; folder = PathText.GetDirectory(folder))
            {
                if (folders.Contains(folder))
                {
                    if (!_files.TryGetValue(folder, out var list))
                    {
                        _files[folder] = list = new List<string>();
                    }
                    list.Add(file);
                    break;
                }
                if (folder is "/" or "." || folder.Length == 0 || (folder.Length == 2 && folder[1] == ':'))
                {
                    break;
                }
            }
        }
    }

    /// <summary>The C# files under the folder and under none of the project folders nested in it.</summary>
    public IReadOnlyList<string> FilesOf(string projectFolder) =>
        _files.TryGetValue(projectFolder, out var list) ? list : None;
}
