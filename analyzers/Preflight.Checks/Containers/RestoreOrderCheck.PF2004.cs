using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2004: a <c>RUN dotnet restore</c> that runs before the files the restore needs are in the stage: the project's
/// ProjectReferences (transitively) and the Directory.Build.props, Directory.Packages.props, NuGet.config and
/// global.json
/// (with msbuild-sdks) of the project's folder and its ancestors up to the repository root. A file is expected where
/// the
/// image mirrors the repository around the restored project; files outside the build context, and layouts that cannot
/// be mirrored or known, are not reported.
/// </summary>
public static class RestoreOrderCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2004.Id];

    public static void Run(CheckContext context)
    {
        foreach (var dockerfile in DockerfileSet.Of(context))
        {
            var reported = new HashSet<int>();
            foreach (var (buildContext, _) in dockerfile.Contexts)
            {
                var image = dockerfile.Image(context, buildContext);
                foreach (var restore in image.Restores)
                {
                    var missing = Missing(context, image, restore);
                    if (missing == null || missing.Count == 0 || !reported.Add(restore.Instruction.Span.Start))
                    {
                        continue;
                    }
                    context.Findings.Add(Finding.At(Rule, dockerfile.Path, restore.Instruction.Span,
                        context.Display(missing.Project), MessageText.List(missing.Files)));
                }
            }
        }
    }

    private sealed class MissingFiles
    {
        public MissingFiles(string project) => Project = project;

        public string Project { get; }
        public List<string> Files { get; } = new List<string>();
        public int Count => Files.Count;
    }

    private static MissingFiles? Missing(CheckContext context, DockerImage image, RestoreRun restore)
    {
        if (restore.Workdir == null && (restore.Project == null || !PathText.IsRooted(restore.Project)))
        {
            return null;
        }
        var projectInImage = restore.Project == null ? restore.Workdir!
            : PathText.Combine(restore.Workdir ?? "/", restore.Project);
        var project = image.ProjectAt(restore.Stage, projectInImage, restore.OpIndex);
        if (project == null)
        {
            return null;
        }
        var entry = image.Resolve(
            restore.Stage,
            ProjectFiles.IsProjectFile(projectInImage) ? projectInImage
            : PathText.Combine(projectInImage, PathText.GetFileName(project)), restore.OpIndex, null);
        if (entry.Presence != Presence.Present)
        {
            return null;
        }
        var imageFolder = PathText.GetDirectory(
            ProjectFiles.IsProjectFile(projectInImage) ? projectInImage
            : PathText.Combine(projectInImage, PathText.GetFileName(project)));
        var repositoryFolder = PathText.GetDirectory(project);
        var result = new MissingFiles(project);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, why) in Needed(context, project, restore.Command.HasConfigFile))
        {
            if (!seen.Add(file) || !PathText.IsUnder(file, image.BuildContext))
            {
                continue;
            }
            var expected = Mirror(imageFolder, repositoryFolder, file);
            if (expected == null)
            {
                continue;
            }
            if (image.Resolve(restore.Stage, expected, restore.OpIndex, null).Presence == Presence.Absent &&
                !FoundWalkingUp(image, restore, imageFolder, file))
            {
                result.Files.Add($"{context.Display(file)}{why} (expected at {expected})");
            }
        }
        return result;
    }

    /// <summary>
    /// MSBuild and NuGet find Directory.*.props, NuGet.config and global.json by walking up from the project's folder:
    /// the file counts as there when the Dockerfile put it (this repository file, or something it cannot follow) in the
    /// project's image folder or any folder above it, wherever it lies in the repository.
    /// </summary>
    private static bool FoundWalkingUp(DockerImage image, RestoreRun restore, string imageFolder, string file)
    {
        var name = PathText.GetFileName(file);
        if (ProjectFiles.IsProjectFile(file))
        {
            return false;
        }
        var names = string.Equals(name, "NuGet.config", StringComparison.OrdinalIgnoreCase)
            ? new[] { "NuGet.config", "nuget.config", "NuGet.Config" }
            : new[] { name };
        for (var folder = imageFolder; ; folder = PathText.GetDirectory(folder))
        {
            foreach (var candidate in names)
            {
                var entry = image.Resolve(restore.Stage, PathText.Combine(folder, candidate), restore.OpIndex, null);
                if (entry.Presence == Presence.Unknown || entry.Presence == Presence.Present
                    && (entry.ContextPath == null || PathText.Equal(entry.ContextPath, file)))
                {
                    return true;
                }
            }
            if (folder.Length <= 1 || PathText.GetDirectory(folder) == folder)
            {
                return false;
            }
        }
    }

    /// <summary>The files a restore of the project reads, with why (for messages).</summary>
    private static IEnumerable<(string File, string Why)> Needed(
        CheckContext context, string project, bool explicitConfigFile)
    {
        foreach (var reference in ProjectFiles.ProjectReferencesClosure(context, project))
        {
            if (context.Exists(reference))
            {
                yield return (reference, " (ProjectReference)");
            }
        }
        foreach (var projectPath in new[] { project }.Concat(ProjectFiles.ProjectReferencesClosure(context, project)))
        {
            foreach (var file in ImportedFiles(context, projectPath))
            {
                if (explicitConfigFile
                    && string.Equals(PathText.GetFileName(file), "NuGet.config", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                yield return (file, string.Empty);
            }
        }
    }

    /// <summary>
    /// Directory.Build.props and Directory.Packages.props: the nearest, and further up while the nearer one imports its
    /// parent (a Directory.Build.props only when it affects restore, <see cref="RestoreRelevance"/>); every
    /// NuGet.config;
    /// the nearest global.json when it declares msbuild-sdks.
    /// </summary>
    private static IEnumerable<string> ImportedFiles(CheckContext context, string project)
    {
        var folders = ProjectFiles.FoldersUpToRoot(context, PathText.GetDirectory(project)).ToList();
        foreach (var name in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            foreach (var folder in folders)
            {
                var candidate = PathText.Combine(folder, name);
                if (!context.Exists(candidate))
                {
                    continue;
                }
                // A Directory.Build.props that only sets Nullable, analyzers or versions does not change the restore.
                if (name != "Directory.Build.props" || RestoreRelevance.AffectsRestore(context, candidate))
                {
                    yield return candidate;
                }
                var text = context.ReadText(candidate) ?? string.Empty;
                if (text.IndexOf("GetPathOfFileAbove", StringComparison.OrdinalIgnoreCase) < 0
                    && text.IndexOf("GetDirectoryNameOfFileAbove", StringComparison.OrdinalIgnoreCase) < 0 &&
                    text.IndexOf("..\\" + name, StringComparison.OrdinalIgnoreCase) < 0
                        && text.IndexOf("../" + name, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    break;
                }
            }
        }
        foreach (var folder in folders)
        {
            foreach (var name in new[] { "NuGet.config", "nuget.config", "NuGet.Config" })
            {
                var candidate = PathText.Combine(folder, name);
                if (context.Exists(candidate) && ExactName(candidate))
                {
                    // One that only names nuget.org (NuGet's default feed) restores as no file does.
                    if (RestoreRelevance.NuGetConfigChangesRestore(context.ReadText(candidate)))
                    {
                        yield return candidate;
                    }
                    break;
                }
            }
        }
        foreach (var folder in folders)
        {
            var candidate = PathText.Combine(folder, "global.json");
            if (!context.Exists(candidate))
            {
                continue;
            }
            if ((context.ReadText(candidate) ?? string.Empty).IndexOf(
                "msbuild-sdks", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                yield return candidate;
            }
            break;
        }
    }

    /// <summary>True when the file's name on disk has this exact case (so one file is not reported under three
    /// spellings).</summary>
    private static bool ExactName(string path)
    {
        try
        {
            var directory = System.IO.Path.GetDirectoryName(path);
            var name = System.IO.Path.GetFileName(path);
            return directory != null
                && System.IO.Directory.EnumerateFiles(directory, name).Any(
                f => string.Equals(System.IO.Path.GetFileName(f), name, StringComparison.Ordinal));
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return false;
        }
    }

    /// <summary>Where a repository file is in an image that mirrors the repository around a project; null when it
    /// cannot.</summary>
    internal static string? Mirror(string imageFolder, string repositoryFolder, string file)
    {
        var from = PathText.Normalize(repositoryFolder).Split('/');
        var to = PathText.Normalize(file).Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length
            && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }
        var ups = from.Length - common;
        var image = PathText.Normalize(imageFolder).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (ups > image.Count)
        {
            return null;
        }
        var parts = image.Take(image.Count - ups).Concat(to.Skip(common));
        return "/" + string.Join("/", parts);
    }
}
