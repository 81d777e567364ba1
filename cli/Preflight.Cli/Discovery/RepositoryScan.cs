using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Cli.Discovery;

/// <summary>
/// What the Preflight targets find by their globs, found by walking the checkout once: the deployment artifacts, the
/// project and Directory.*.props files, the Python/TypeScript/JavaScript sources and the C# files.
/// </summary>
internal sealed class RepositoryScan
{
    /// <summary>Folders the targets exclude (<c>bin</c>, <c>obj</c>, ...) and that are never part of what deploys.</summary>
    private static readonly HashSet<string> ExcludedFolders = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".git", ".vs", ".idea" };

    /// <summary>Further folders whose scripts are generated or vendored (as the targets' source-file globs skip them).</summary>
    private static readonly HashSet<string> ExcludedSourceFolders = new(StringComparer.Ordinal) { "dist", "build", ".venv", "venv", "__pycache__", ".next", "coverage" };

    private static readonly string[] BuildFileNames = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" };

    private RepositoryScan(string root)
    {
        Root = root;
    }

    public string Root { get; }
    public List<string> Artifacts { get; } = new();
    public List<string> Projects { get; } = new();
    public List<string> SourceFiles { get; } = new();
    public List<string> CSharpFiles { get; } = new();
    public List<string> EditorConfigs { get; } = new();

    /// <summary>The <c>.globalconfig</c> files; a project uses those in its folder and above, as the SDK finds them.</summary>
    public List<string> GlobalConfigs { get; } = new();

    public IEnumerable<string> GlobalConfigsOf(string project) =>
        GlobalConfigs.Where(config => PathText.IsUnder(project, PathText.GetDirectory(config)));

    /// <summary>The repository root of a directory, as the targets find it: .git, else preflight.yaml, else the directory.</summary>
    public static string FindRoot(string directory)
    {
        directory = Path.GetFullPath(directory);
        for (var current = directory; current != null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(Path.Combine(current, ".git")) || File.Exists(Path.Combine(current, ".git")))
            {
                return current;
            }
        }
        for (var current = directory; current != null; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(Path.Combine(current, "preflight.yaml")))
            {
                return current;
            }
        }
        return directory;
    }

    public static RepositoryScan Run(string root)
    {
        var scan = new RepositoryScan(PathText.Normalize(root));
        scan.Walk(root, inSourceExcluded: false, depth: 0, new HashSet<string>(StringComparer.Ordinal));
        scan.Artifacts.Sort(StringComparer.Ordinal);
        scan.Projects.Sort(StringComparer.Ordinal);
        scan.SourceFiles.Sort(StringComparer.Ordinal);
        scan.CSharpFiles.Sort(StringComparer.Ordinal);
        return scan;
    }

    private void Walk(string directory, bool inSourceExcluded, int depth, HashSet<string> visited)
    {
        if (depth > 64 || !visited.Add(RealPath(directory)))
        {
            return; // symlink loops and absurd depths end here
        }
        string[] files;
        string[] folders;
        try
        {
            files = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            Add(PathText.Normalize(file), inSourceExcluded);
        }
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            if (!ExcludedFolders.Contains(name))
            {
                Walk(folder, inSourceExcluded || ExcludedSourceFolders.Contains(name), depth + 1, visited);
            }
        }
    }

    private void Add(string path, bool inSourceExcluded)
    {
        var name = PathText.GetFileName(path);
        if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            Projects.Add(path);
            Artifacts.Add(path);
            return;
        }
        if (Array.IndexOf(BuildFileNames, name) >= 0)
        {
            Artifacts.Add(path);
            return;
        }
        if (name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            CSharpFiles.Add(path);
            return;
        }
        if (name == ".editorconfig")
        {
            EditorConfigs.Add(path);
            return;
        }
        if (name == ".globalconfig")
        {
            GlobalConfigs.Add(path);
            return;
        }
        if (name.EndsWith(".py", StringComparison.Ordinal) || name.EndsWith(".ts", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal))
        {
            if (!inSourceExcluded && !name.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase))
            {
                SourceFiles.Add(path);
            }
            return;
        }
        if (IsArtifact(path))
        {
            Artifacts.Add(path);
        }
    }

    /// <summary>
    /// The artifacts the targets glob: every classified deployment artifact (preflight.yaml and workflows only where the
    /// targets look for them), the settings files of every project and the .gitignore files (for the file checks).
    /// </summary>
    private bool IsArtifact(string path)
    {
        if (PathText.GetFileName(path) == ".gitignore")
        {
            return true;
        }
        // Classified by the path inside the repository, as the targets' globs see it (folders above the root do not count).
        switch (ArtifactClassifier.Classify("/" + PathText.Relative(Root, path)))
        {
            case ArtifactKind.Unknown:
                return false;
            case ArtifactKind.PreflightConfig:
                return PathText.Equal(PathText.GetDirectory(path), Root);
            case ArtifactKind.Workflow:
                return PathText.Equal(PathText.GetDirectory(path), PathText.Combine(Root, ".github/workflows"));
            default:
                return true;
        }
    }

    /// <summary>
    /// What the targets pass to the analyzers as AdditionalFiles: the deployment artifacts, the project files and every
    /// project's settings files (a library's reads are checked against its hosts), without Directory.*.props and .gitignore files.
    /// </summary>
    public IEnumerable<string> AnalyzerArtifacts() =>
        Artifacts.Where(p => ArtifactClassifier.Classify(p) != ArtifactKind.Unknown || p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));

    /// <summary>The project's own appsettings*.json (the targets add them per project).</summary>
    public static IEnumerable<string> AppSettingsOf(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        try
        {
            return Directory.GetFiles(directory, "appsettings*.json").Select(PathText.Normalize).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    private static string RealPath(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            return info.LinkTarget != null ? (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory) : info.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return directory;
        }
    }
}
