using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// What the analyzers know of the project being compiled: the MSBuild properties Preflight makes compiler-visible and
/// the deployment artifacts passed in as AdditionalFiles, by kind. Built once per compilation.
/// </summary>
internal sealed class ProjectContext
{
    private ProjectContext(
        string? projectFile, string? repositoryRoot, string? outputType, ImmutableArray<ArtifactFile> artifacts,
        ImmutableArray<AdditionalText> projectSources, ImmutableArray<ArtifactFile> projectFiles,
            string? assemblyName = null)
    {
        ProjectSources = projectSources;
        AssemblyName = assemblyName;
        ProjectFiles = projectFiles.IsDefault ? ImmutableArray<ArtifactFile>.Empty : projectFiles;
        ProjectFile = projectFile;
        ProjectDirectory = projectFile == null ? null : PathText.GetDirectory(projectFile);
        RepositoryRoot = repositoryRoot;
        OutputType = outputType;
        Artifacts = artifacts;
    }

    /// <summary>The .csproj path (normalised), or null when the host did not pass it.</summary>
    public string? ProjectFile { get; }
    public string? ProjectDirectory { get; }
    public string? RepositoryRoot { get; }
    public string? OutputType { get; }
    /// <summary>The AssemblyName property (which Dockerfile runs the project: <c>dotnet X.dll</c>); null when not
    /// passed.</summary>
    public string? AssemblyName { get; }
    public ImmutableArray<ArtifactFile> Artifacts { get; }

    /// <summary>Project files and C# files passed in as AdditionalFiles (the targets pass an Aspire
    /// AppHost's).</summary>
    public ImmutableArray<AdditionalText> ProjectSources { get; }

    /// <summary>A test project (<c>IsTestProject</c>, set by Microsoft.NET.Test.Sdk): an executable that is never
    /// deployed.</summary>
    public bool IsTestProject { get; private set; }

    /// <summary>Executables (and web apps, which are executables) are deployed, test projects are not; libraries are
    /// configured by their host.</summary>
    public bool IsDeployable => !IsTestProject && (OutputType == null ||
        string.Equals(OutputType, "Exe", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(OutputType, "WinExe", StringComparison.OrdinalIgnoreCase));

    public static ProjectContext Create(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var projectFile = Read(global, "build_property.MSBuildProjectFullPath");
        var root = Read(global, "build_property.PreflightRepositoryRoot");
        var outputType = Read(global, "build_property.OutputType");
        var artifacts = ImmutableArray.CreateBuilder<ArtifactFile>();
        var projectSources = ImmutableArray.CreateBuilder<AdditionalText>();
        var projectFiles = ImmutableArray.CreateBuilder<ArtifactFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (file.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                projectFiles.Add(new ArtifactFile(file, PathText.Normalize(file.Path), ArtifactKind.Unknown));
            }
            var kind = ArtifactClassifier.Classify(file.Path);
            if (kind != ArtifactKind.Unknown)
            {
                artifacts.Add(new ArtifactFile(file, PathText.Normalize(file.Path), kind));
            }
            else if (file.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                || file.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                projectSources.Add(file);
            }
        }
        return new ProjectContext(
            projectFile == null ? null : PathText.Normalize(projectFile),
            root == null ? null : PathText.Normalize(root),
            outputType,
            artifacts.ToImmutable(),
            projectSources.ToImmutable(),
            projectFiles.ToImmutable(),
            Read(global, "build_property.AssemblyName"))
        {
            IsTestProject = string.Equals(
                Read(global, "build_property.IsTestProject"), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The repository's project files (AdditionalFiles), for the projects that reference this one.</summary>
    public ImmutableArray<ArtifactFile> ProjectFiles { get; }

    /// <summary>
    /// Another project file of the repository has this project's file name (two <c>Api.csproj</c> in different
    /// folders):
    /// the project's name then tells nothing about which image runs it; only paths do.
    /// </summary>
    public bool HasNamesake
    {
        get
        {
            // Asked once per container of every manifest: computed once (0 not yet, 1 no, 2 yes; a race computes
            // the same value twice).
            if (_hasNamesake == 0)
            {
                _hasNamesake = FindNamesake() ? 2 : 1;
            }
            return _hasNamesake == 2;
        }
    }

    private int _hasNamesake;

    private bool FindNamesake()
    {
        if (ProjectFile == null)
        {
            return false;
        }
        var name = PathText.GetFileName(ProjectFile);
        foreach (var file in ProjectFiles)
        {
            if (!PathText.Equal(file.Path, ProjectFile)
                && string.Equals(file.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The same repository seen from another (deployable) project: a host of this library.</summary>
    public ProjectContext ForHost(string hostProjectFile) =>
        new ProjectContext(
            PathText.Normalize(hostProjectFile), RepositoryRoot, "Exe", Artifacts, ProjectSources, ProjectFiles);

    public IEnumerable<ArtifactFile> OfKind(ArtifactKind kind)
    {
        foreach (var artifact in Artifacts)
        {
            if (artifact.Kind == kind)
            {
                yield return artifact;
            }
        }
    }

    /// <summary>
    /// True when the Dockerfile belongs to the project
    /// (<see cref="Preflight.Artifacts.Deployment.DockerfileOwnership"/>,
    /// the rule the task and the CLI use too): it publishes or runs the project, or names nothing it publishes and sits
    /// in
    /// the project's folder. Copying the project file for restore caching does not count.
    /// </summary>
    public bool OwnsDockerfile(ArtifactFile file, Preflight.Artifacts.Docker.Dockerfile? model)
    {
        if (ProjectFile == null || ProjectDirectory == null)
        {
            return true;
        }
        return model == null
            ? PathText.Equal(file.Directory, ProjectDirectory)
            : ServiceProjectMatcher.DockerfileBuilds(
                file.Path, model, ProjectDirectory, PathText.GetFileName(ProjectFile), AssemblyName);
    }

    /// <summary>True when the file sits directly in the project's folder (or no project folder is known).</summary>
    public bool IsInProjectFolder(ArtifactFile file) =>
        ProjectDirectory == null || PathText.Equal(PathText.GetDirectory(file.Path), ProjectDirectory);

    /// <summary>The artifact at a path, or null when it was not passed in.</summary>
    public ArtifactFile? Find(string path) =>
        ByPath.TryGetValue(PathText.Normalize(path).TrimEnd('/'), out var artifact) ? artifact : null;

    private Dictionary<string, ArtifactFile>? _byPath;

    /// <summary>
    /// The artifacts by normalized path (the first of a path wins, as a search in order would find it): built once, so
    /// reading the files of a compose set or a service's Dockerfile does not compare every artifact's path.
    /// </summary>
    private Dictionary<string, ArtifactFile> ByPath
    {
        get
        {
            var index = Volatile.Read(ref _byPath);
            if (index == null)
            {
                index = new Dictionary<string, ArtifactFile>(StringComparer.Ordinal);
                foreach (var artifact in Artifacts)
                {
                    var key = PathText.Normalize(artifact.Path).TrimEnd('/');
                    if (!index.ContainsKey(key))
                    {
                        index[key] = artifact;
                    }
                }
                Volatile.Write(ref _byPath, index);
            }
            return index;
        }
    }

    /// <summary>The text of an AdditionalFile by path, or null when it was not passed in.</summary>
    public string? ReadText(string path, System.Threading.CancellationToken cancellationToken) =>
        Find(path)?.File.GetText(cancellationToken)?.ToString();

    /// <summary>A path for messages: relative to the repository root when under it, else the file name.</summary>
    public string DisplayPath(string path) =>
        RepositoryRoot != null
            && PathText.IsUnder(path, RepositoryRoot) ? PathText.Relative(RepositoryRoot, path)
            : PathText.GetFileName(path);

    private static string? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>An AdditionalFile that is a deployment artifact.</summary>
internal sealed class ArtifactFile
{
    public ArtifactFile(AdditionalText file, string path, ArtifactKind kind)
    {
        File = file;
        Path = path;
        Kind = kind;
    }

    public AdditionalText File { get; }
    public string Path { get; }
    public ArtifactKind Kind { get; }
    public string Name => PathText.GetFileName(Path);
    public string Directory => PathText.GetDirectory(Path);
}
