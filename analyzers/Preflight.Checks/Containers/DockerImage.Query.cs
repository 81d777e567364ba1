using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;

namespace Preflight.Checks.Containers;

internal sealed partial class DockerImage
{
    private const int MaxDepth = 64;
    /// <summary>Steps one query may take across stages; beyond it the answer is unknown (stage chains that copy from
    /// each other).</summary>
    private const int StepBudget = 20000;
    private int _steps;

    /// <summary>What is at an image path after the first <paramref name="opLimit"/> operations of a stage.</summary>
    /// <param name="evidence">Receives the publish outputs seen in the path's folder that did not produce it (for
    /// messages).</param>
    public ImageEntry Resolve(ImageStage stage, string path, int opLimit, List<PublishedProject>? evidence)
    {
        _steps = 0;
        return Resolve(stage, PathText.Normalize(path), opLimit, evidence, 0);
    }

    public ImageEntry Resolve(ImageStage stage, string path, List<PublishedProject>? evidence = null) =>
        Resolve(stage, path, stage.Ops.Count, evidence);

    private ImageEntry Resolve(ImageStage stage, string path, int opLimit, List<PublishedProject>? evidence, int depth)
    {
        if (depth > MaxDepth || ++_steps > StepBudget)
        {
            return ImageEntry.Unknown;
        }
        for (var i = Math.Min(opLimit, stage.Ops.Count) - 1; i >= 0; i--)
        {
            var op = stage.Ops[i];
            var destination = op.Destination;
            if (++_steps > StepBudget)
            {
                return ImageEntry.Unknown;
            }
            if (op.Kind != ImageOpKind.Run && op.Kind != ImageOpKind.Opaque && IsStrictlyUnder(destination, path))
            {
                return ImageEntry.Folder();
            }
            switch (op.Kind)
            {
                case ImageOpKind.Workdir:
                    if (PathText.Equal(destination, path))
                    {
                        return ImageEntry.Folder();
                    }
                    break;
                case ImageOpKind.Opaque:
                    if (PathText.IsUnder(path, destination))
                    {
                        return ImageEntry.Unknown;
                    }
                    if (IsStrictlyUnder(destination, path))
                    {
                        return ImageEntry.Folder();
                    }
                    break;
                case ImageOpKind.Run:
                    if (!op.Neutral
                        || (op.Text ?? string.Empty).IndexOf(
                        PathText.GetFileName(path), StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return ImageEntry.Unknown;
                    }
                    break;
                case ImageOpKind.Created:
                    if (PathText.Equal(destination, path))
                    {
                        return ImageEntry.File();
                    }
                    break;
                case ImageOpKind.ContextCopy:
                {
                    var entry = FromContextCopy(op, path);
                    if (entry.Presence != Presence.Absent)
                    {
                        return entry;
                    }
                    break;
                }
                case ImageOpKind.Glob:
                    if (PathText.Equal(destination, path))
                    {
                        return ImageEntry.Folder();
                    }
                    if (PathText.Equal(PathText.GetDirectory(path), destination)
                        && op.Pattern!.IsMatch(PathText.GetFileName(path)))
                    {
                        var candidate = PathText.Combine(op.Source!, PathText.GetFileName(path));
                        if (_context.Exists(candidate))
                        {
                            return new ImageEntry(Presence.Present, FileSystem.DirectoryExists(candidate), candidate);
                        }
                    }
                    break;
                case ImageOpKind.StageCopy:
                {
                    var entry = FromStageCopy(op, path, evidence, depth);
                    if (entry.Presence != Presence.Absent)
                    {
                        return entry;
                    }
                    break;
                }
                case ImageOpKind.Publish:
                {
                    if (PathText.Equal(destination, path))
                    {
                        return ImageEntry.Folder();
                    }
                    if (!PathText.IsUnder(path, destination))
                    {
                        break;
                    }
                    var published = op.Published!;
                    var name = PathText.GetFileName(path);
                    if (published.AssemblyName == null || !PathText.Equal(PathText.GetDirectory(path), destination) ||
                        !name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                    {
                        // Publish outputs also hold content files, runtimes/ and satellite folders.
                        return ImageEntry.Unknown;
                    }
                    if (string.Equals(name, published.AssemblyName + ".dll", StringComparison.Ordinal))
                    {
                        return ImageEntry.File();
                    }
                    evidence?.Add(published);
                    break;
                }
            }
        }
        if (stage.Parent != null)
        {
            return Resolve(stage.Parent, path, stage.Parent.Ops.Count, evidence, depth + 1);
        }
        return stage.BaseIsEmpty && !IsSystemPath(path) ? ImageEntry.Absent : ImageEntry.Unknown;
    }

    private ImageEntry FromContextCopy(ImageOp op, string path)
    {
        var destination = op.Destination;
        var source = op.Source!;
        if (!op.DestinationIsFolder)
        {
            return PathText.Equal(destination, path) ? new ImageEntry(Presence.Present, op.SourceIsFolder, source)
                : ImageEntry.Absent;
        }
        if (PathText.Equal(destination, path))
        {
            return ImageEntry.Folder();
        }
        if (!PathText.IsUnder(path, destination))
        {
            return ImageEntry.Absent;
        }
        var relative = PathText.Relative(destination, path);
        if (!op.SourceIsFolder)
        {
            return relative == PathText.GetFileName(source) ? ImageEntry.File(source) : ImageEntry.Absent;
        }
        var candidate = PathText.Combine(source, relative);
        return _context.Exists(candidate)
            ? new ImageEntry(Presence.Present, FileSystem.DirectoryExists(candidate), candidate) : ImageEntry.Absent;
    }

    private ImageEntry FromStageCopy(ImageOp op, string path, List<PublishedProject>? evidence, int depth)
    {
        var destination = op.Destination;
        if (!PathText.IsUnder(path, destination))
        {
            return ImageEntry.Absent;
        }
        var fromStage = op.FromStage!;
        var source = Resolve(fromStage, op.Source!, fromStage.Ops.Count, null, depth + 1);
        if (source.Presence != Presence.Present)
        {
            // A source that is not there fails the build, or cannot be known: what lands here is unknown either way.
            return ImageEntry.Unknown;
        }
        if (!source.IsFolder)
        {
            var target = op.DestinationIsFolder ? PathText.Combine(destination, PathText.GetFileName(op.Source!))
                : destination;
            if (PathText.Equal(target, path))
            {
                return source;
            }
            return PathText.Equal(destination, path)
                && op.DestinationIsFolder ? ImageEntry.Folder() : ImageEntry.Absent;
        }
        if (PathText.Equal(destination, path))
        {
            return ImageEntry.Folder();
        }
        return Resolve(
            fromStage, PathText.Combine(op.Source!, PathText.Relative(destination, path)), fromStage.Ops.Count,
            evidence, depth + 1);
    }

    /// <summary>The image paths of the project files directly in an image folder; null when they cannot be
    /// known.</summary>
    public List<string>? ProjectsIn(ImageStage stage, string folder, int opLimit, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        var found = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = Math.Min(opLimit, stage.Ops.Count) - 1; i >= 0; i--)
        {
            var op = stage.Ops[i];
            var destination = op.Destination;
            switch (op.Kind)
            {
                case ImageOpKind.Opaque:
                    if (PathText.IsUnder(folder, destination))
                    {
                        return null;
                    }
                    break;
                case ImageOpKind.Run:
                    if (!op.Neutral)
                    {
                        return null;
                    }
                    break;
                case ImageOpKind.Created:
                    if (PathText.Equal(PathText.GetDirectory(destination), folder)
                        && ProjectFiles.IsProjectFile(destination))
                    {
                        return null;
                    }
                    break;
                case ImageOpKind.ContextCopy:
                    if (!op.DestinationIsFolder || !op.SourceIsFolder)
                    {
                        var target = op.DestinationIsFolder
                            ? PathText.Combine(destination, PathText.GetFileName(op.Source!)) : destination;
                        if (PathText.Equal(PathText.GetDirectory(target), folder) && ProjectFiles.IsProjectFile(target))
                        {
                            found.Add(target);
                        }
                    }
                    else if (PathText.IsUnder(folder, destination))
                    {
                        var repositoryFolder = PathText.Combine(op.Source!, PathText.Relative(destination, folder));
                        foreach (var project in ProjectFilesIn(repositoryFolder))
                        {
                            found.Add(PathText.Combine(folder, PathText.GetFileName(project)));
                        }
                    }
                    break;
                case ImageOpKind.Glob:
                    if (PathText.Equal(destination, folder))
                    {
                        foreach (var project in ProjectFilesIn(op.Source!).Where(
                            p => op.Pattern!.IsMatch(PathText.GetFileName(p))))
                        {
                            found.Add(PathText.Combine(folder, PathText.GetFileName(project)));
                        }
                    }
                    break;
                case ImageOpKind.StageCopy:
                    if (PathText.IsUnder(folder, destination)
                        || PathText.Equal(PathText.GetDirectory(destination), folder))
                    {
                        return null;
                    }
                    break;
            }
        }
        if (stage.Parent != null)
        {
            var inherited = ProjectsIn(stage.Parent, folder, stage.Parent.Ops.Count, depth + 1);
            if (inherited == null)
            {
                return null;
            }
            found.UnionWith(inherited);
        }
        else if (!stage.BaseIsEmpty)
        {
            return null;
        }
        return found.ToList();
    }

    private IEnumerable<string> ProjectFilesIn(string repositoryFolder) =>
        _context.Artifacts.Where(
            p => ProjectFiles.IsProjectFile(p) && PathText.Equal(PathText.GetDirectory(p), repositoryFolder));

    private static bool IsStrictlyUnder(string path, string folder) => !PathText.Equal(path, folder)
        && PathText.IsUnder(path, folder);
}
