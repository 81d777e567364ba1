using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Repository;

/// <summary>
/// The projects of a repository and who checks what, so that a solution build reports each finding once:
/// a Dockerfile is checked by the Preflight-enabled project that owns it (the project it publishes or runs, else the
/// project in whose folder it lies); anything that builds no such project, and every repository-level file, by the
/// owner project
/// (the first Preflight-enabled project in ordinal path order).
/// </summary>
public sealed class RepositoryLayout
{
    private static readonly Regex PreflightReference = new Regex(
        @"Include\s*=\s*""Preflight""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <param name="everyProjectUsesPreflight">True for hosts that check every project (the CLI), whether or not it
    /// references the package.</param>
    public RepositoryLayout(
        string root, string currentProject, IEnumerable<string> projectFiles, IEnumerable<string> buildFiles,
        Func<string, string?> readText,
        bool everyProjectUsesPreflight = false)
    {
        Root = PathText.Normalize(root);
        _readText = readText;
        CurrentProject = PathText.Normalize(currentProject);
        var wiredFolders = buildFiles
            .Where(f => readText(f) is { } text && PreflightReference.IsMatch(text))
            .Select(PathText.GetDirectory)
            .ToList();
        var enabled = new SortedSet<string>(StringComparer.Ordinal) { CurrentProject };
        foreach (var project in projectFiles.Select(PathText.Normalize))
        {
            if (everyProjectUsesPreflight || wiredFolders.Any(folder => PathText.IsUnder(project, folder))
                || (readText(project) is { } text && PreflightReference.IsMatch(text)))
            {
                enabled.Add(project);
            }
        }
        PreflightProjects = enabled.ToList();
    }

    private readonly Func<string, string?> _readText;
    /// <summary>What a Dockerfile text publishes, per text instance: shared by the layouts of a run whose texts are
    /// shared (<see cref="CheckRun"/>).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string,
        DockerfilePublishes> Publishes =
        new System.Runtime.CompilerServices.ConditionalWeakTable<string, DockerfilePublishes>();
    private readonly Dictionary<string, string?> _assemblyNames = new Dictionary<string,
        string?>(StringComparer.Ordinal);

    public string Root { get; }
    public string CurrentProject { get; }
    /// <summary>Projects that use Preflight, in ordinal path order (the current one always among them).</summary>
    public IReadOnlyList<string> PreflightProjects { get; }
    /// <summary>The project that checks repository-level files.</summary>
    public string OwnerProject => PreflightProjects[0];
    public bool CurrentIsOwner => string.Equals(OwnerProject, CurrentProject, StringComparison.Ordinal);

    /// <summary>
    /// The project that checks a Dockerfile: the first Preflight project that owns it
    /// (<see cref="DockerfileOwnership"/>:
    /// the project it publishes or runs, else the project in whose folder it lies); the owner project for a Dockerfile
    /// that belongs to no Preflight project (so it is checked once, never once per project).
    /// </summary>
    public string OwnerOfDockerfile(string dockerfile, string? text)
    {
        dockerfile = PathText.Normalize(dockerfile);
        return Owners == null ? FindOwnerOfDockerfile(dockerfile, text)
            : Owners.Dockerfile(dockerfile, text, () => FindOwnerOfDockerfile(dockerfile, text));
    }

    /// <summary>Owners shared with the other layouts of a run (<see cref="CheckRun"/>); null when the layout is
    /// alone.</summary>
    internal LayoutOwners? Owners { get; set; }

    private string FindOwnerOfDockerfile(string dockerfile, string? text)
    {
        var publishes = text == null ? null
            : Publishes.GetValue(text, t => DockerfilePublishes.Read(DockerfileParser.Parse(t)));
        if (publishes == null)
        {
            return PreflightProjects.FirstOrDefault(
                p => PathText.Equal(PathText.GetDirectory(p), PathText.GetDirectory(dockerfile))) ?? OwnerProject;
        }
        return PreflightProjects.FirstOrDefault(
            p => DockerfileOwnership.Owns(dockerfile, publishes, p, AssemblyName(p))) ?? OwnerProject;
    }

    /// <summary>The literal AssemblyName of a project file; null (the file name) when it sets none.</summary>
    private string? AssemblyName(string project)
    {
        lock (_assemblyNames)
        {
            if (!_assemblyNames.TryGetValue(project, out var name))
            {
                _assemblyNames[project] = name = ReadAssemblyName(project);
            }
            return name;
        }
    }

    private string? ReadAssemblyName(string project)
    {
        var match = _readText(project) is { } text ? AssemblyNameProperty.Match(text) : Match.Empty;
        return match.Success && match.Groups[1].Value.IndexOf('$') < 0 ? match.Groups[1].Value.Trim() : null;
    }

    private static readonly Regex AssemblyNameProperty = new Regex(
        @"<AssemblyName>([^<]+)</AssemblyName>", RegexOptions.CultureInvariant);

    /// <summary>
    /// The project that checks a compose service: the project its build context is the folder of, else the owner of the
    /// Dockerfile it builds; the owner project for services without a (resolvable, local) build.
    /// </summary>
    public string OwnerOfService(Artifacts.Compose.ComposeService service, Func<string, string?> readText) =>
        Owners == null ? FindOwnerOfService(service, readText)
            : Owners.Service(service, () => FindOwnerOfService(service, readText));

    private string FindOwnerOfService(Artifacts.Compose.ComposeService service, Func<string, string?> readText)
    {
        var build = service.Build;
        if (build == null || build.IsInterpolated || build.IsRemote || build.BaseDirectory == null)
        {
            return OwnerProject;
        }
        var context = build.ResolveContext();
        var atContext = PreflightProjects.FirstOrDefault(p => PathText.Equal(PathText.GetDirectory(p), context));
        if (atContext != null)
        {
            return atContext;
        }
        var dockerfile = build.ResolveDockerfile();
        return OwnerOfDockerfile(dockerfile, readText(dockerfile));
    }

    public bool CurrentChecksService(Artifacts.Compose.ComposeService service, Func<string, string?> readText) =>
        string.Equals(OwnerOfService(service, readText), CurrentProject, StringComparison.Ordinal);

    public bool CurrentChecksDockerfile(string dockerfile, string? text) =>
        string.Equals(OwnerOfDockerfile(dockerfile, text), CurrentProject, StringComparison.Ordinal);
}
