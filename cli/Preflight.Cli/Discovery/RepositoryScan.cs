using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Cli.Discovery;

/// <summary>
/// What the build's discovery finds, found by the same walk of the checkout (<see cref="RepositoryWalk"/>): the
/// deployment
/// artifacts, the project and Directory.*.props files, the Python/TypeScript/JavaScript sources, and the C# files and
/// analyzer configuration files the CLI's compilations need.
/// </summary>
internal sealed class RepositoryScan
{
    private RepositoryScan(string root)
    {
        Root = root;
        Boundary = new RepositoryBoundary(root);
    }

    public string Root { get; }

    /// <summary>Where the repository ends for links: entries behind a link that leads out of it are never
    /// listed.</summary>
    public RepositoryBoundary Boundary { get; }
    public List<string> Artifacts { get; } = new();
    public List<string> Projects { get; } = new();
    public List<string> SourceFiles { get; } = new();
    public List<string> CSharpFiles { get; } = new();
    public List<string> EditorConfigs { get; } = new();

    /// <summary>The <c>.globalconfig</c> files; a project uses those in its folder and above, as the SDK finds
    /// them.</summary>
    public List<string> GlobalConfigs { get; } = new();

    public IEnumerable<string> GlobalConfigsOf(string project) =>
        GlobalConfigs.Where(config => PathText.IsUnder(project, PathText.GetDirectory(config)));

    /// <summary>
    /// The repository root of a directory, as the targets find it: .git, else preflight.yaml, else the directory; or
    /// the
    /// <c>PreflightRepositoryRoot</c> that the Directory.Build.props MSBuild imports there sets (inside that root).
    /// </summary>
    public static string FindRoot(string directory)
    {
        var root = FindConventionalRoot(directory);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Preflight.Cli.Projects.BuildPropsChain.Apply(Path.GetFullPath(directory), root, properties);
        if (properties.TryGetValue("PreflightRepositoryRoot", out var set) && set.IndexOf('$') < 0
            && Path.IsPathRooted(set) &&
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

    /// <summary>
    /// Walks the repository once with the build's walker (<see cref="RepositoryWalk"/>, applying
    /// <see cref="ArtifactPatterns"/>),
    /// so the CLI and the build find the same artifacts and sources; the walk also lists the files only the CLI reads
    /// (C# sources, .editorconfig and .globalconfig files).
    /// </summary>
    public static RepositoryScan Run(string root)
    {
        var scan = new RepositoryScan(PathText.Normalize(root));
        var walk = RepositoryWalk.Run(scan.Root, IsCliFile);
        scan.Artifacts.AddRange(walk.Artifacts);
        scan.Projects.AddRange(walk.Artifacts.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)));
        scan.SourceFiles.AddRange(walk.SourceFiles);
        scan._analyzerArtifacts.AddRange(walk.AnalyzerFiles);
        foreach (var file in walk.OtherFiles)
        {
            var name = PathText.GetFileName(file);
            (name == ".editorconfig" ? scan.EditorConfigs : name == ".globalconfig" ? scan.GlobalConfigs
                : scan.CSharpFiles).Add(file);
        }
        return scan;
    }

    /// <summary>The files the CLI reads that Preflight's artifact patterns do not list: C# sources and analyzer
    /// configuration files.</summary>
    private static bool IsCliFile(string name) =>
        name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || name == ".editorconfig" || name == ".globalconfig";

    private readonly List<string> _analyzerArtifacts = new();

    /// <summary>
    /// What the targets pass to the analyzers as AdditionalFiles (<see cref="RepositoryFileRole.AnalyzerFile"/>): the
    /// deployment artifacts, the project files and every project's settings files (a library's reads are checked
    /// against
    /// its hosts), without Directory.*.props, .gitignore files and the scripts and CI definitions only the task reads.
    /// </summary>
    public IEnumerable<string> AnalyzerArtifacts() => _analyzerArtifacts;

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
            if (FileSystem.ReadText(project) is { } text
                && global::Preflight.Artifacts.Aspire.AppHostProjectFile.Parse(project, text) is { } host)
            {
                files.Add(project);
                files.AddRange(
                    CSharpFiles.Where(f => PathText.IsUnder(f, host.Directory)).Take(
                    Preflight.Checks.Repository.AppHostFiles.MaxFilesPerHost));
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
            return Directory.GetFiles(directory, "appsettings*.json").Select(PathText.Normalize).OrderBy(
                p => p, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
