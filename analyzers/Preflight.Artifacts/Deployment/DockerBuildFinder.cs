using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// Finds which Dockerfile the repository builds with which context, and by what: GitHub workflow steps
/// (<c>docker build</c>, <c>docker buildx build</c>, <c>docker/build-push-action</c>), Azure Pipelines (<c>Docker@2</c>
/// and script steps), GitLab CI scripts, <c>azds.yaml</c>, <c>skaffold.yaml</c>, devcontainer <c>build</c>, and shell,
/// PowerShell and Makefile commands. IO-free: the caller supplies the texts. A build is kept only when its Dockerfile
/// is one of the repository's Dockerfiles and its context stays inside the repository; paths with variables that
/// cannot be resolved are left out (unknown, never guessed).
/// </summary>
public sealed partial class DockerBuildFinder
{
    /// <summary>Files larger than this are not read for builds.</summary>
    private const int MaxTextLength = 1024 * 1024;

    private readonly string _root;
    private readonly HashSet<string> _dockerfiles;
    private readonly List<DockerBuild> _builds = new List<DockerBuild>();
    private readonly List<ComposeChain> _chains = new List<ComposeChain>();

    private DockerBuildFinder(string root, IEnumerable<string> dockerfiles)
    {
        _root = PathText.Normalize(root);
        _dockerfiles = new HashSet<string>(dockerfiles.Select(PathText.Normalize), StringComparer.Ordinal);
    }

    public IReadOnlyList<DockerBuild> Builds => _builds;
    public IReadOnlyList<ComposeChain> ComposeChains => _chains;

    /// <param name="root">The repository root (absolute).</param>
    /// <param name="files">Candidate files (absolute); those <see cref="DeploymentFiles"/> does not classify are
    /// ignored.</param>
    /// <param name="dockerfiles">The repository's Dockerfiles (absolute).</param>
    /// <param name="readText">The text of a file, or null.</param>
    public static DockerBuildFinder Find(
        string root, IEnumerable<string> files, IEnumerable<string> dockerfiles, Func<string, string?> readText)
    {
        var finder = new DockerBuildFinder(root, dockerfiles);
        foreach (var file in files.Select(PathText.Normalize).Distinct(StringComparer.Ordinal).OrderBy(
            f => f, StringComparer.Ordinal))
        {
            if (!PathText.IsUnder(file, finder._root))
            {
                continue;
            }
            var source = DeploymentFiles.Classify(PathText.Relative(finder._root, file));
            if (source == null)
            {
                continue;
            }
            var text = readText(file);
            if (text == null || text.Length > MaxTextLength)
            {
                continue;
            }
            try
            {
                finder.Read(source.Value, file, text);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException
                || ex is FormatException || ex is IndexOutOfRangeException ||
                ex is System.Text.Json.JsonException || ex is YamlDotNet.Core.YamlException
                    || ex is RegexMatchTimeoutException)
            {
                // An artifact this model cannot read names no context: unknown, never a crash.
            }
        }
        return finder;
    }

    /// <summary>The builds of one Dockerfile, in the order found.</summary>
    public IEnumerable<DockerBuild> Of(string dockerfile) =>
        _builds.Where(b => PathText.Equal(b.Dockerfile, dockerfile));

    private void Read(DockerBuildSource source, string file, string text)
    {
        switch (source)
        {
            case DockerBuildSource.GitHubWorkflow:
                ReadWorkflow(file, text);
                break;
            case DockerBuildSource.AzurePipeline:
            case DockerBuildSource.GitLabCi:
                ReadPipeline(source, file, text);
                break;
            case DockerBuildSource.Azds:
                ReadAzds(file, text);
                break;
            case DockerBuildSource.Skaffold:
                ReadSkaffold(file, text);
                break;
            case DockerBuildSource.DevContainer:
                ReadDevContainer(file, text);
                break;
            case DockerBuildSource.Script:
                ReadScript(file, text);
                break;
        }
    }

    private string Display(string path) => PathText.Relative(_root, path);

    /// <summary>
    /// Adds a build when its Dockerfile is one of the repository's and its context is inside the repository. Paths are
    /// resolved from the first working directory under which the Dockerfile exists.
    /// </summary>
    internal bool Add(
        string? dockerfile, string context, IReadOnlyList<string> workingDirectories, bool fileRelativeToContext,
        DockerBuildSource source,
        string definedIn, string description, IReadOnlyDictionary<string, string>? namedContexts = null)
    {
        if (HasVariable(context) || (dockerfile != null && HasVariable(dockerfile)))
        {
            return false;
        }
        foreach (var workingDirectory in workingDirectories)
        {
            var resolvedContext = PathText.Combine(workingDirectory, context);
            var resolvedFile = dockerfile == null ? PathText.Combine(resolvedContext, "Dockerfile")
                : PathText.Combine(fileRelativeToContext ? resolvedContext : workingDirectory, dockerfile);
            if (!PathText.IsUnder(resolvedContext, _root) || !_dockerfiles.Contains(resolvedFile))
            {
                continue;
            }
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            if (namedContexts != null)
            {
                foreach (var pair in namedContexts)
                {
                    if (!HasVariable(pair.Value))
                    {
                        named[pair.Key] = PathText.Combine(workingDirectory, pair.Value);
                    }
                }
            }
            if (!_builds.Any(
                b => b.Dockerfile == resolvedFile && b.Context == resolvedContext && b.DefinedIn == definedIn))
            {
                _builds.Add(new DockerBuild(resolvedFile, resolvedContext, source, definedIn, description, named));
            }
            return true;
        }
        return false;
    }

    /// <summary>The docker commands of shell text run in a working directory (a CI step or one recipe line).</summary>
    internal void AddShell(
        string text, IReadOnlyList<string> workingDirectories, DockerBuildSource source, string definedIn,
        string description)
    {
        foreach (var command in ShellWords.Split(text))
        {
            AddCommand(command, workingDirectories, source, definedIn, description);
        }
    }

    internal void AddCommand(
        IReadOnlyList<string> command, IReadOnlyList<string> workingDirectories, DockerBuildSource source,
        string definedIn, string description)
    {
        var docker = DockerCommand.Read(command);
        if (docker == null)
        {
            return;
        }
        if (docker.IsBuild)
        {
            Add(docker.File, docker.Context!, workingDirectories, docker.FileRelativeToContext, source, definedIn,
                description, docker.NamedContexts);
            return;
        }
        if (docker.ComposeFiles.Any(HasVariable))
        {
            return;
        }
        var files = docker.ComposeFiles.Select(f => PathText.Combine(workingDirectories[0], f)).ToList();
        if (!_chains.Any(c => c.DefinedIn == definedIn && c.Files.SequenceEqual(files)))
        {
            _chains.Add(new ComposeChain(files, definedIn, description));
        }
    }

    private static bool HasVariable(string path) => path.IndexOf('$') >= 0
        || path.IndexOf("{{", StringComparison.Ordinal) >= 0 || path.IndexOf('%') >= 0;

    private static readonly Regex Expression = new Regex(
        @"\$\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Parenthesised = new Regex(
        @"\$\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Braced = new Regex(
        @"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Plain = new Regex(
        @"\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex ScriptFolder = new Regex(@"\$\(\s*dirname\s+(""?\$\{?(0|BASH_SOURCE(\[0\])?)\}?""?)\s*\)|\$\(\s*cd\s+""?\$\(\s*dirname\s+""?\$\{?(0|BASH_SOURCE(\[0\])?)\}?""?\s*\)""?\s*(&&|;)\s*pwd\s*\)|\$PSScriptRoot|\$\{PSScriptRoot\}",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex CurrentFolder = new Regex(
        @"\$\(\s*pwd\s*\)|`pwd`|\$\{?PWD\}?(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Names every CI system sets to the checkout's root.</summary>
    private static readonly string[] RootVariables =
    {
        "github.workspace", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "Build.SourcesDirectory", "BUILD_SOURCESDIRECTORY",
            "System.DefaultWorkingDirectory",
        "SYSTEM_DEFAULTWORKINGDIRECTORY", "Build.Repository.LocalPath", "BUILD_REPOSITORY_LOCALPATH",
            "BITBUCKET_CLONE_DIR",
    };

    /// <summary>
    /// Replaces the variables this model can know: the checkout root's names, the script's folder, the working
    /// directory, and the given values (workflow env and matrix, pipeline variables, script assignments). Others stay.
    /// </summary>
    internal string Expand(
        string text, IReadOnlyDictionary<string, string>? values, string? scriptFolder, string? workingDirectory)
    {
        if (text.IndexOf('$') < 0)
        {
            return text;
        }
        string Lookup(string name, string original)
        {
            if (RootVariables.Any(v => string.Equals(v, name, StringComparison.Ordinal)))
            {
                return _root;
            }
            if (values != null && values.TryGetValue(name, out var value) && value.IndexOf('$') < 0)
            {
                return value;
            }
            return original;
        }
        if (scriptFolder != null)
        {
            text = ScriptFolder.Replace(text, scriptFolder);
        }
        if (workingDirectory != null)
        {
            text = CurrentFolder.Replace(text, workingDirectory);
        }
        text = Expression.Replace(text, m => Lookup(m.Groups[1].Value, m.Value));
        text = Parenthesised.Replace(text, m => Lookup(m.Groups[1].Value, m.Value));
        text = Braced.Replace(text, m => Lookup(m.Groups[1].Value, m.Value));
        text = Plain.Replace(text, m => Lookup(m.Groups[1].Value, m.Value));
        return text;
    }
}
