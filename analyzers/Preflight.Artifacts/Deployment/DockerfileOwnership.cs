using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Docker;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// What a Dockerfile says about the project it publishes: the project (or folder) arguments of its <c>dotnet
/// publish</c>
/// and <c>dotnet build</c> commands, and the assembly its ENTRYPOINT/CMD runs (<c>dotnet X.dll</c>). Project files that
/// are only copied (for restore caching) say nothing. Variables are expanded with the ARG defaults; what still holds a
/// variable is left out.
/// </summary>
public sealed class DockerfilePublishes
{
    private DockerfilePublishes(IReadOnlyList<string> projects, IReadOnlyList<string> entryAssemblies)
    {
        Projects = projects;
        EntryAssemblies = entryAssemblies;
    }

    /// <summary>The project, or project folder, arguments of <c>dotnet publish</c>/<c>dotnet build</c> (solutions left
    /// out).</summary>
    public IReadOnlyList<string> Projects { get; }
    /// <summary>The assembly names ENTRYPOINT/CMD run with <c>dotnet X.dll</c>.</summary>
    public IReadOnlyList<string> EntryAssemblies { get; }
    /// <summary>True when the Dockerfile names what it publishes or runs.</summary>
    public bool NamesAny => Projects.Count > 0 || EntryAssemblies.Count > 0;

    /// <summary>Read once per parsed Dockerfile (parsed models are shared by content across projects, and every
    /// project asks of every Dockerfile whether it publishes it).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dockerfile, DockerfilePublishes> ReadOnce =
        new System.Runtime.CompilerServices.ConditionalWeakTable<Dockerfile, DockerfilePublishes>();

    public static DockerfilePublishes Read(Dockerfile dockerfile) => ReadOnce.GetValue(dockerfile, ReadUncached);

    private static DockerfilePublishes ReadUncached(Dockerfile dockerfile)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var projects = new List<string>();
        var entry = new List<string>();
        DockerInstruction? entrypoint = null, cmd = null;
        foreach (var instruction in dockerfile.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "ARG":
                case "ENV":
                    DockerfilePublishes.AddLiteralValues(instruction, args);
                    break;
                case "FROM":
                    entrypoint = null;
                    cmd = null;
                    break;
                case "ENTRYPOINT":
                    entrypoint = instruction;
                    break;
                case "CMD":
                    cmd = instruction;
                    break;
                case "RUN":
                    foreach (var command in Commands(instruction))
                    {
                        var project = PublishedProject(command.Select(w => Expand(w, args)).ToList());
                        if (project != null && !projects.Contains(project))
                        {
                            projects.Add(project);
                        }
                    }
                    break;
            }
        }
        foreach (var instruction in new[] { entrypoint, cmd })
        {
            if (instruction == null)
            {
                continue;
            }
            foreach (var command in Commands(instruction))
            {
                var dotnet = command.FindIndex(w => PathText.GetFileName(w) == "dotnet");
                var dll = dotnet < 0 ? null
                    : command.Skip(dotnet + 1).Select(w => Expand(w, args)).FirstOrDefault(
                    w => !w.StartsWith("-", StringComparison.Ordinal) && w != "exec");
                if (dll != null && dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && dll.IndexOf('$') < 0)
                {
                    var name = PathText.GetFileName(dll);
                    entry.Add(name.Substring(0, name.Length - 4));
                }
            }
        }
        return new DockerfilePublishes(projects, entry);
    }

    internal static IEnumerable<List<string>> Commands(DockerInstruction instruction) =>
        instruction.IsExecForm ? new[] { instruction.Arguments.Select(a => a.Value).ToList() }
            : ShellWords.Split(instruction.ArgumentText);

    /// <summary>The project argument of <c>dotnet publish|build X</c>; null for none, a solution, '.' or a
    /// variable.</summary>
    private static string? PublishedProject(List<string> words) => ProjectArgument(words, "publish", "build");

    /// <summary>The project argument of <c>dotnet &lt;verb&gt; X</c> for one of the verbs; null for none, a solution,
    /// '.' or a variable.</summary>
    internal static string? ProjectArgument(List<string> words, params string[] verbs) =>
        ShellCommands.Dotnet(words, words.FindIndex(w => w == "dotnet")) is { } command
            && Array.IndexOf(verbs, command.Verb) >= 0 ? command.ProjectPath : null;

    /// <summary>Remembers the ARG/ENV values of an instruction that are literal (no <c>$</c>), for
    /// <see cref="Expand"/>.</summary>
    internal static void AddLiteralValues(DockerInstruction instruction, Dictionary<string, string> args)
    {
        foreach (var pair in instruction.KeyValues())
        {
            if (pair.Value != null && pair.Value.IndexOf('$') < 0)
            {
                args[pair.Key] = pair.Value;
            }
        }
    }

    internal static string Expand(string word, IReadOnlyDictionary<string, string> args)
    {
        if (word.IndexOf('$') < 0)
        {
            return word;
        }
        foreach (var pair in args)
        {
            word = word.Replace("${" + pair.Key + "}", pair.Value).Replace("$" + pair.Key, pair.Value);
        }
        return word;
    }
}

/// <summary>
/// Which project a Dockerfile belongs to, the same for the analyzers, the task and the CLI: the project it publishes
/// (<c>dotnet publish X.csproj</c>, <c>dotnet build</c> of it, or the ENTRYPOINT's dll being its assembly); when the
/// Dockerfile names nothing it publishes or runs, the project in whose folder it lies. Copying a project file (for
/// restore caching) does not make a Dockerfile that project's. A Dockerfile that names only what no project of the
/// repository is belongs to none (the repository's owner project checks it).
/// </summary>
public static class DockerfileOwnership
{
    /// <param name="projectFile">The project's file (absolute, normalised).</param>
    /// <param name="assemblyName">The project's AssemblyName; null for the file name.</param>
    public static bool Owns(
        string dockerfilePath, DockerfilePublishes publishes, string projectFile, string? assemblyName)
    {
        if (publishes.NamesAny)
        {
            return Publishes(publishes, projectFile, assemblyName);
        }
        return PathText.Equal(PathText.GetDirectory(dockerfilePath), PathText.GetDirectory(projectFile));
    }

    /// <summary>True when the Dockerfile publishes, builds or runs the project.</summary>
    public static bool Publishes(DockerfilePublishes publishes, string projectFile, string? assemblyName)
    {
        var fileName = PathText.GetFileName(projectFile);
        var baseName = WithoutExtension(fileName);
        var folder = PathText.GetDirectory(projectFile);
        foreach (var argument in publishes.Projects)
        {
            var normalized = argument.Replace('\\', '/');
            if (IsProjectFile(normalized))
            {
                if (string.Equals(PathText.GetFileName(normalized), fileName, StringComparison.OrdinalIgnoreCase)
                    && EndsWithPath(projectFile, normalized))
                {
                    return true;
                }
            }
            else if (EndsWithPath(folder, normalized))
            {
                return true;
            }
        }
        foreach (var entry in publishes.EntryAssemblies)
        {
            // The AssemblyName, or the file name (the default, and what a host that cannot read the AssemblyName
            // knows).
            if (string.Equals(entry, baseName, StringComparison.OrdinalIgnoreCase)
                || (assemblyName != null && string.Equals(entry, assemblyName, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsProjectFile(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    private static string WithoutExtension(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot > 0 ? fileName.Substring(0, dot) : fileName;
    }

    /// <summary>
    /// True when the written path names the repository path: a relative path must be a suffix of it
    /// (<c>src/Api/Api.csproj</c>, <c>Api.csproj</c>); an absolute image path (<c>/src/src/Api/Api.csproj</c>, where
    /// the
    /// leading folders are the image's) must end with its last segment at least.
    /// </summary>
    private static bool EndsWithPath(string repositoryPath, string written)
    {
        var a = PathText.Normalize(repositoryPath).Split('/').Where(s => s.Length > 0).ToArray();
        var b = PathText.Normalize(written).Split('/').Where(s => s.Length > 0 && s != "..").ToArray();
        var count = Math.Min(a.Length, b.Length);
        var common = 0;
        while (common < count
            && string.Equals(a[a.Length - 1 - common], b[b.Length - 1 - common], StringComparison.OrdinalIgnoreCase))
        {
            common++;
        }
        return common > 0 && (common == b.Length || PathText.IsRooted(written));
    }
}
