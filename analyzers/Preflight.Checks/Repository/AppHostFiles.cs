using System;
using System.Collections.Generic;
using System.IO;
using Preflight.Artifacts;
using Preflight.Artifacts.Aspire;

namespace Preflight.Checks.Repository;

/// <summary>
/// The files of the repository's Aspire AppHosts that the analyzers read: each AppHost's project file and its C# files
/// (<c>bin</c>, <c>obj</c> and hidden folders skipped, symbolic links not followed, at most
/// <see cref="MaxFilesPerHost"/>
/// per AppHost). Only project files whose text says AppHost are parsed; the other projects' files are never listed.
/// </summary>
public static class AppHostFiles
{
    public const int MaxFilesPerHost = 500;
    private const int MaxDepth = 16;

    private static readonly HashSet<string> SkippedFolders = new HashSet<string>(
        StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    public static List<string> Find(IEnumerable<string> projectFiles)
    {
        var files = new List<string>();
        foreach (var projectFile in projectFiles)
        {
            if (!projectFile.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                || FileSystem.ReadText(projectFile) is not { } text ||
                !AppHostProjectFile.MayBeAppHost(text) || AppHostProjectFile.Parse(projectFile, text) == null)
            {
                continue;
            }
            files.Add(projectFile);
            var sources = new List<string>();
            Collect(Path.GetDirectoryName(projectFile)!, 0, sources);
            sources.Sort(StringComparer.Ordinal);
            files.AddRange(sources);
        }
        return files;
    }

    private static void Collect(string directory, int depth, List<string> sources)
    {
        if (depth > MaxDepth || sources.Count >= MaxFilesPerHost)
        {
            return;
        }
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.TopDirectoryOnly))
            {
                if (sources.Count >= MaxFilesPerHost)
                {
                    return;
                }
                if ((File.GetAttributes(file) & FileAttributes.ReparsePoint) == 0)
                {
                    sources.Add(file);
                }
            }
            foreach (var folder in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(folder);
                if (SkippedFolders.Contains(name) || name.StartsWith(".", StringComparison.Ordinal) ||
                    (new DirectoryInfo(folder).Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }
                Collect(folder, depth + 1, sources);
            }
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
        }
    }
}
