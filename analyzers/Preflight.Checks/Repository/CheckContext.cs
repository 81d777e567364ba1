using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Repository;

/// <summary>What one run of the file-system checks works on, and what it found and read.</summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, string?> _texts = new Dictionary<string, string?>(StringComparer.Ordinal);
    private List<(string Path, ComposeFile File)>? _compose;
    private PreflightConfig? _config;

    /// <param name="everyProjectUsesPreflight">True for hosts that check every project of the repository (the
    /// CLI).</param>
    /// <param name="run">Shared by the contexts of one run of many projects (the CLI; see <see cref="CheckRun"/>); its
    /// artifacts and sources are used.</param>
    public CheckContext(
        string repositoryRoot, string projectFile, IEnumerable<string> artifactPaths,
        IEnumerable<string>? sourceFiles = null,
        bool everyProjectUsesPreflight = false, CheckRun? run = null)
    {
        Run = run;
        // The targets' globs follow symbolic links: what leads out of the repository (a link to /, to /etc) is dropped.
        Boundary = new RepositoryBoundary(repositoryRoot);
        // A file reached twice (through a link inside the repository) is checked once, at its path without links.
        SourceFiles = run?.SourceFiles ?? Boundary.WithoutAliases(sourceFiles ?? Enumerable.Empty<string>());
        Artifacts = run?.Artifacts ?? Boundary.WithoutAliases(artifactPaths);
        Layout = new RepositoryLayout(
            repositoryRoot,
            projectFile,
            Artifacts.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)),
            Artifacts.Where(IsBuildFile),
            ReadText,
            everyProjectUsesPreflight);
        if (run != null)
        {
            Layout.Owners = run.OwnersFor(Layout.PreflightProjects);
        }
    }

    public IReadOnlyList<string> Artifacts { get; }
    /// <summary>What the contexts of one run of many projects share; null when the context is alone (the MSBuild
    /// task).</summary>
    public CheckRun? Run { get; }
    /// <summary>Where the repository ends for links: nothing behind a link that leads out of it is read.</summary>
    public RepositoryBoundary Boundary { get; }
    /// <summary>
    /// Files not checked because of Preflight's own limits (size), one note per file: message-level, never a finding.
    /// </summary>
    public SortedDictionary<string, string> Notes { get; } = new SortedDictionary<string,
        string>(StringComparer.Ordinal);
    /// <summary>Python, TypeScript and JavaScript sources of the repository (for the checks of non-.NET
    /// services).</summary>
    public IReadOnlyList<string> SourceFiles { get; }
    public RepositoryLayout Layout { get; }
    public List<Finding> Findings { get; } = new List<Finding>();
    /// <summary>Every path whose content or existence the findings depend on; the next build re-runs the checks when
    /// one changes.</summary>
    public SortedSet<string> Watched { get; } = new SortedSet<string>(StringComparer.Ordinal);

    public IEnumerable<string> OfKind(ArtifactKind kind) =>
        Artifacts.Where(p => ArtifactClassifier.Classify(p) == kind);

    /// <summary>The text of a file, read once per run and watched.</summary>
    public string? ReadText(string path)
    {
        path = PathText.Normalize(path);
        if (!_texts.TryGetValue(path, out var text))
        {
            if (Boundary.LeavesRepository(path))
            {
                // Behind a link that leads out of the repository (or loops): never read.
                _texts[path] = null;
                return null;
            }
            text = Run != null ? Run.ReadText(path) : FileSystem.ReadText(path);
            if (text == null && FileSystem.Length(path) > FileSystem.MaxReadBytes)
            {
                Note(path,
                    $"not checked: larger than {FileSystem.MaxReadBytes / (1024 * 1024)} MB, Preflight's limit for " +
                    $"one file");
            }
            else if (text != null && SizeLimits.ParserLimit(path) is { } limit && text.Length > limit)
            {
                Note(path,
                    $"not checked: larger than {limit / (1024 * 1024)} MB, Preflight's limit for this kind of file");
            }
            if (text != null && SpecialFiles.IsBinaryText(text))
            {
                // A binary file named like an artifact (as SpecialFiles.IsBinary decides for the analyzers): nothing to
                // check, rather than a finding on every line of garbage.
                text = null;
            }
            _texts[path] = text;
            Watched.Add(path);
        }
        return text;
    }

    /// <summary>True when the path exists; watched either way (a missing path keeps the checks running until it
    /// appears).</summary>
    public bool Exists(string path)
    {
        if (Boundary.LeavesRepository(path))
        {
            // Behind a link that leads out of the repository: not looked at, and not reported missing either.
            return true;
        }
        if (FileSystem.FileExists(path))
        {
            Watched.Add(path);
            return true;
        }
        if (FileSystem.DirectoryExists(path))
        {
            if (FileSystem.AnyFileUnder(path) is { } sample)
            {
                Watched.Add(PathText.Normalize(sample));
            }
            return true;
        }
        Watched.Add(path);
        return false;
    }

    /// <summary>
    /// Every compose project of the repository, loaded once (<see cref="ComposeSets"/>): per folder, the main compose
    /// file and its override merged, every other compose file alone or as an overlay on the files it changes; each
    /// interpolated with the folder's .env, extends and includes followed (files read through <see cref="ReadText"/>,
    /// so they are watched). The path is the set's own file (the main file, or the overlay).
    /// </summary>
    public IReadOnlyList<(string Path, ComposeFile File)> ComposeFiles => _compose ??= Run != null
        ? Run.Compose(LoadComposeProjects) : LoadComposeProjects();

    /// <summary>The repository's preflight.yaml (or preflight.yml) at the root; empty when there is none.</summary>
    public PreflightConfig PreflightConfig => _config ??= LoadPreflightConfig();

    /// <summary>Notes that a file was not checked (one note per file, the first reason).</summary>
    public void Note(string path, string reason)
    {
        path = PathText.Normalize(path);
        if (!Notes.ContainsKey(path))
        {
            Notes[path] = reason;
        }
    }

    /// <summary>Adds a finding unless the same one (rule, file, position, message) was already added.</summary>
    public void Report(Finding finding)
    {
        if (!Findings.Contains(finding))
        {
            Findings.Add(finding);
        }
    }

    private List<(string Path, ComposeFile File)> LoadComposeProjects()
    {
        var projects = new List<(ComposeSet Set, ComposeFile File)>();
        foreach (var set in ComposeSets.Find(OfKind(ArtifactKind.Compose), ReadText))
        {
            projects.Add((set, ComposeSets.Load(set, ReadText)));
        }
        return ComposeSets.WithoutIncluded(projects);
    }

    private PreflightConfig LoadPreflightConfig()
    {
        foreach (var name in new[] { "preflight.yaml", "preflight.yml" })
        {
            var path = PathText.Combine(Layout.Root, name);
            if (FileSystem.FileExists(path) && ReadText(path) is { } text)
            {
                return PreflightConfigParser.Parse(text);
            }
        }
        return PreflightConfig.Empty;
    }

    /// <summary>PF4002 readiness (opt-in, <c>-p:PreflightCheckEnvironment=true</c>): preflight.yaml's declarations must
    /// be set in the environment.</summary>
    public bool CheckEnvironment { get; set; }

    /// <summary>The deployment environment (<c>-p:PreflightEnvironment=production</c>) that selects preflight.yaml
    /// entries limited by <c>environments:</c>; null applies every entry.</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>Reads a variable of the build's environment (the process environment, names compared case-insensitively
    /// as .NET configuration does); tests replace it.</summary>
    public Func<string, string?> EnvironmentVariable { get; set; } = EnvironmentReadinessCheck.ProcessVariable;

    /// <summary>A path for messages: relative to the repository root when under it.</summary>
    public string Display(string path) => PathText.Relative(Layout.Root, path);

    private static bool IsBuildFile(string path)
    {
        var name = PathText.GetFileName(path);
        return string.Equals(name, "Directory.Build.props", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(name, "Directory.Build.targets", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(name, "Directory.Packages.props", StringComparison.OrdinalIgnoreCase);
    }
}
