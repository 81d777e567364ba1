using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Repository;
using Preflight.Build.Findings;

namespace Preflight.Build.Checks;

/// <summary>What one run of the file-system checks works on, and what it found and read.</summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, string?> _texts = new Dictionary<string, string?>(StringComparer.Ordinal);
    private List<(string Path, ComposeFile File)>? _compose;

    /// <param name="everyProjectUsesPreflight">True for hosts that check every project of the repository (the CLI).</param>
    public CheckContext(string repositoryRoot, string projectFile, IEnumerable<string> artifactPaths, IEnumerable<string>? sourceFiles = null,
        bool everyProjectUsesPreflight = false)
    {
        SourceFiles = (sourceFiles ?? Enumerable.Empty<string>()).Select(PathText.Normalize).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Artifacts = artifactPaths.Select(PathText.Normalize).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Layout = new RepositoryLayout(
            repositoryRoot,
            projectFile,
            Artifacts.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)),
            Artifacts.Where(IsBuildFile),
            ReadText,
            everyProjectUsesPreflight);
    }

    public IReadOnlyList<string> Artifacts { get; }
    /// <summary>Python, TypeScript and JavaScript sources of the repository (for the checks of non-.NET services).</summary>
    public IReadOnlyList<string> SourceFiles { get; }
    public RepositoryLayout Layout { get; }
    public List<Finding> Findings { get; } = new List<Finding>();
    /// <summary>Every path whose content or existence the findings depend on; the next build re-runs the checks when one changes.</summary>
    public SortedSet<string> Watched { get; } = new SortedSet<string>(StringComparer.Ordinal);

    public IEnumerable<string> OfKind(ArtifactKind kind) => Artifacts.Where(p => ArtifactClassifier.Classify(p) == kind);

    /// <summary>The text of a file, read once per run and watched.</summary>
    public string? ReadText(string path)
    {
        path = PathText.Normalize(path);
        if (!_texts.TryGetValue(path, out var text))
        {
            text = FileSystem.ReadText(path);
            _texts[path] = text;
            Watched.Add(path);
        }
        return text;
    }

    /// <summary>True when the path exists; watched either way (a missing path keeps the checks running until it appears).</summary>
    public bool Exists(string path)
    {
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

    /// <summary>Every compose file of the repository, parsed once.</summary>
    public IReadOnlyList<(string Path, ComposeFile File)> ComposeFiles =>
        _compose ??= OfKind(ArtifactKind.Compose)
            .Select(path => (path, ReadText(path)))
            .Where(entry => entry.Item2 != null)
            .Select(entry => (entry.path, ComposeParser.Parse(entry.Item2!)))
            .ToList();

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
