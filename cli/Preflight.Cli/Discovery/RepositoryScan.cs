using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Secrets;

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
        Boundary = new RepositoryBoundary(root);
    }

    public string Root { get; }

    /// <summary>Where the repository ends for links: entries behind a link that leads out of it are never listed.</summary>
    public RepositoryBoundary Boundary { get; }
    public List<string> Artifacts { get; } = new();
    public List<string> Projects { get; } = new();
    public List<string> SourceFiles { get; } = new();
    public List<string> CSharpFiles { get; } = new();
    public List<string> EditorConfigs { get; } = new();

    /// <summary>The <c>.globalconfig</c> files; a project uses those in its folder and above, as the SDK finds them.</summary>
    public List<string> GlobalConfigs { get; } = new();

    public IEnumerable<string> GlobalConfigsOf(string project) =>
        GlobalConfigs.Where(config => PathText.IsUnder(project, PathText.GetDirectory(config)));

    /// <summary>
    /// The repository root of a directory, as the targets find it: .git, else preflight.yaml, else the directory; or the
    /// <c>PreflightRepositoryRoot</c> that the Directory.Build.props MSBuild imports there sets (inside that root).
    /// </summary>
    public static string FindRoot(string directory)
    {
        var root = FindConventionalRoot(directory);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Preflight.Cli.Projects.BuildPropsChain.Apply(Path.GetFullPath(directory), root, properties);
        if (properties.TryGetValue("PreflightRepositoryRoot", out var set) && set.IndexOf('$') < 0 && Path.IsPathRooted(set) &&
            PathText.IsUnder(PathText.Normalize(set), PathText.Normalize(root)) && Directory.Exists(set))
        {
            return Path.GetFullPath(set).TrimEnd('/', '\\');
        }
        return root;
    }

    private static string FindConventionalRoot(string directory)
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
            if (!LeavesRepository(file))
            {
                Add(PathText.Normalize(file), inSourceExcluded);
            }
        }
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            // A link to / or to a folder outside the repository is never entered (it made the walk list the whole disk).
            if (!ExcludedFolders.Contains(name) && !LeavesRepository(folder) && !WalkedElsewhere(folder))
            {
                Walk(folder, inSourceExcluded || ExcludedSourceFolders.Contains(name), depth + 1, visited);
            }
        }
    }

    /// <summary>True for a link whose real location is outside the repository (or a link loop); other entries are inside.</summary>
    private bool LeavesRepository(string path) => RepositoryBoundary.IsLink(path) && Boundary.LeavesRepository(path);

    /// <summary>
    /// True for a link to a folder inside the repository that the walk reaches by its own path (the task checks a file
    /// reached twice once, at its path without links): it is not walked a second time.
    /// </summary>
    private bool WalkedElsewhere(string folder)
    {
        if (!RepositoryBoundary.IsLink(folder) || Boundary.Canonical(folder) is not { } canonical)
        {
            return false;
        }
        var relative = PathText.Relative(Root, canonical);
        var parts = relative.Split('/');
        return relative == "." || (parts.Length <= 64 && !parts.Any(ExcludedFolders.Contains));
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
        if (PathText.GetFileName(path) == ".gitignore" || PrivateKeyFiles.IsCandidate(path))
        {
            return true; // .gitignore and private key files are for the file checks only (AnalyzerArtifacts leaves them out)
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
    /// project's settings files (a library's reads are checked against its hosts), without Directory.*.props, .gitignore
    /// files and the scripts and CI definitions only the task reads for build contexts.
    /// </summary>
    public IEnumerable<string> AnalyzerArtifacts() =>
        Artifacts.Where(p =>
        {
            var kind = ArtifactClassifier.Classify(p);
            return kind != ArtifactKind.Unknown && kind != ArtifactKind.BuildDefinition || p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
        });

    private readonly object _appHostLock = new();
    private List<string>? _appHostFiles;

    /// <summary>
    /// The Aspire AppHosts' project files and C# files, which the targets pass to every project's analyzers (an AppHost
    /// declares the configuration of the projects it runs). Found once per scan.
    /// </summary>
    public IReadOnlyList<string> AppHostFiles()
    {
        lock (_appHostLock)
        {
            return _appHostFiles ??= FindAppHostFiles();
        }
    }

    private List<string> FindAppHostFiles()
    {
        var files = new List<string>();
        foreach (var project in Projects)
        {
            if (FileSystem.ReadText(project) is { } text && global::Preflight.Artifacts.Aspire.AppHostProjectFile.Parse(project, text) is { } host)
            {
                files.Add(project);
                files.AddRange(CSharpFiles.Where(f => PathText.IsUnder(f, host.Directory)).Take(Preflight.Checks.Repository.AppHostFiles.MaxFilesPerHost));
            }
        }
        return files;
    }

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
