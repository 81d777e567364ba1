using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Aspire;

namespace Preflight.Analyzers.Configuration.Aspire;

/// <summary>
/// The Aspire AppHosts passed in as AdditionalFiles (their project file and C# files, which the targets pass to every
/// project), and which of their <c>AddProject</c> calls run the project being compiled.
/// </summary>
internal sealed class AppHosts
{
    private readonly List<AppHost> _hosts;

    private AppHosts(List<AppHost> hosts) => _hosts = hosts;

    public static AppHosts Find(ProjectContext project, ArtifactReader reader)
    {
        var hosts = new List<AppHost>();
        foreach (var file in project.ProjectSources)
        {
            if (file.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) &&
                file.GetText(reader.CancellationToken)?.ToString() is { } text &&
                AppHostProjectFile.Parse(file.Path, text) is { } projectFile)
            {
                hosts.Add(new AppHost(projectFile.Directory, projectFile));
            }
        }
        foreach (var file in project.ProjectSources)
        {
            if (!file.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                || file.GetText(reader.CancellationToken) is not { } text)
            {
                continue;
            }
            var path = PathText.Normalize(file.Path);
            var host = hosts.Where(h => PathText.IsUnder(path, h.Directory)).OrderByDescending(h => h.Directory.Length)
                .FirstOrDefault();
            if (host == null)
            {
                // A file-based AppHost, or one whose project file was not passed in: only a file that creates the
                // builder is one.
                if (text.Length > 0 && text.ToString().IndexOf("DistributedApplication", StringComparison.Ordinal) < 0)
                {
                    continue;
                }
                var source = reader.Parse(text, AppHostSourceReader.Provider);
                if (source == null || !source.CreatesBuilder)
                {
                    continue;
                }
                host = hosts.FirstOrDefault(
                    h => h.ProjectFile == null && PathText.Equal(h.Directory, PathText.GetDirectory(path)));
                if (host == null)
                {
                    host = new AppHost(PathText.GetDirectory(path), null);
                    hosts.Add(host);
                }
                host.Files.Add(new KeyValuePair<string, AppHostSource>(path, source));
                continue;
            }
            if (reader.Parse(text, AppHostSourceReader.Provider) is { } parsed)
            {
                host.Files.Add(new KeyValuePair<string, AppHostSource>(path, parsed));
            }
        }
        return new AppHosts(hosts);
    }

    /// <summary>The <c>AddProject</c> calls of every AppHost that run the project at
    /// <paramref name="projectFile"/>.</summary>
    public IEnumerable<AppHostRun> RunsOf(string projectFile)
    {
        projectFile = PathText.Normalize(projectFile);
        foreach (var host in _hosts)
        {
            var matched = false;
            var hasUnknown = false;
            foreach (var file in host.Files)
            {
                foreach (var entry in file.Value.Projects)
                {
                    hasUnknown |= entry.TypeName == null && entry.Path == null;
                    if (Runs(host, entry, projectFile))
                    {
                        matched = true;
                        yield return new AppHostRun(
                            file.Key, entry, entry.IsOpen || ChangedByOwnMethod(host, entry),
                            host.Files.SelectMany(f => f.Value.SharedVariables).ToList());
                    }
                }
            }
            // An AddProject whose project is not known (a type parameter, a computed path) may run any project the
            // AppHost references.
            if (!matched && hasUnknown && host.ProjectFile != null
                && host.ProjectFile.References.Any(r => PathText.Equal(r.Path, projectFile)))
            {
                var first = host.Files.SelectMany(f => f.Value.Projects.Select(p => new { File = f.Key, Project = p }))
                    .First(p => p.Project.TypeName == null && p.Project.Path == null);
                yield return new AppHostRun(first.File, first.Project, isOpen: true, new List<string>());
            }
        }
    }

    private static bool Runs(AppHost host, AppHostProject entry, string projectFile)
    {
        if (entry.Path != null)
        {
            var path = PathText.Combine(host.Directory, entry.Path.Replace('\\', '/'));
            return PathText.Equal(path, projectFile) || PathText.Equal(path, PathText.GetDirectory(projectFile));
        }
        if (entry.TypeName == null)
        {
            return false;
        }
        var references = host.ProjectFile?.References.Where(
            r => string.Equals(r.TypeName, entry.TypeName, StringComparison.Ordinal)).ToList();
        return references != null && references.Count > 0
            ? references.Any(r => PathText.Equal(r.Path, projectFile))
            : string.Equals(AppHostProjectFile.TypeNameOf(projectFile), entry.TypeName, StringComparison.Ordinal);
    }

    /// <summary>True when the project is passed to a method of the AppHost's own that calls methods on that
    /// parameter.</summary>
    private static bool ChangedByOwnMethod(AppHost host, AppHostProject entry)
    {
        foreach (var passed in entry.PassedTo)
        {
            foreach (var file in host.Files)
            {
                if (!file.Value.Methods.TryGetValue(passed.Key, out var shape))
                {
                    continue;
                }
                if (passed.Value < 0 || shape.ChangedParameters.Contains(passed.Value)
                    || shape.ChangedParameters.Contains(passed.Value + 1))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private sealed class AppHost
    {
        public AppHost(string directory, AppHostProjectFile? projectFile)
        {
            Directory = directory;
            ProjectFile = projectFile;
        }

        public string Directory { get; }
        public AppHostProjectFile? ProjectFile { get; }
        public List<KeyValuePair<string, AppHostSource>> Files { get; } = new List<KeyValuePair<string,
            AppHostSource>>();
    }
}

/// <summary>An AppHost's <c>AddProject</c> that runs the project: where it is, what it gives, and whether that is
/// known.</summary>
internal sealed class AppHostRun
{
    public AppHostRun(string file, AppHostProject project, bool isOpen, IReadOnlyList<string> sharedVariables)
    {
        SharedVariables = sharedVariables;
        File = file;
        Project = project;
        IsOpen = isOpen;
    }

    public string File { get; }
    public AppHostProject Project { get; }
    public bool IsOpen { get; }

    /// <summary>Variables the AppHost's environment callbacks set in projects it does not name (any project may get
    /// them).</summary>
    public IReadOnlyList<string> SharedVariables { get; }
}
