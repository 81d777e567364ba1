using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;

namespace Preflight.Checks.Containers;

/// <summary>
/// The file systems of a Dockerfile's stages, as far as they can be known from the repository: WORKDIRs, what COPY/ADD
/// put where (from the build context or another stage) and what <c>dotnet publish -o</c> produced. Anything that could
/// create files the model cannot follow (RUN commands other than package installs, archives, URLs, images, variables
/// that cannot be resolved) makes the affected paths unknown, so the checks stay silent there.
/// </summary>
internal sealed partial class DockerImage
{
    private readonly CheckContext _context;

    private DockerImage(CheckContext context, string buildContext)
    {
        _context = context;
        BuildContext = buildContext;
    }

    public string BuildContext { get; }
    public List<ImageStage> Stages { get; } = new List<ImageStage>();
    public List<RestoreRun> Restores { get; } = new List<RestoreRun>();
    public List<PublishedProject> Published { get; } = new List<PublishedProject>();
    /// <summary>The ARGs declared before the first FROM.</summary>
    public DockerVariables Globals { get; } = new DockerVariables();
    /// <summary>The variables in scope before each instruction (ARG and ENV of its stage; the global ARGs before the
    /// first FROM).</summary>
    public Dictionary<DockerInstruction, DockerVariables> VariablesAt { get; } = new Dictionary<DockerInstruction,
        DockerVariables>();

    /// <summary>A repository path for messages.</summary>
    public string DisplayProject(string path) => _context.Display(path);

    public ImageStage? Final => Stages.Count == 0 ? null : Stages[Stages.Count - 1];

    /// <summary>The stage a <c>--from</c> value names when it is an earlier stage (by name, case-insensitive, or
    /// index).</summary>
    public static DockerStage? EarlierStage(Dockerfile dockerfile, string reference, int currentStage)
    {
        if (int.TryParse(
            reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var index))
        {
            return index < currentStage && index < dockerfile.Stages.Count ? dockerfile.Stages[index] : null;
        }
        var lower = reference.ToLowerInvariant();
        return dockerfile.Stages.FirstOrDefault(s => s.Index < currentStage && s.Name == lower);
    }

    /// <summary>The stage and its ancestors (stages it is built FROM), final first.</summary>
    public static IEnumerable<ImageStage> Chain(ImageStage stage)
    {
        for (var current = stage; current != null; current = current.Parent)
        {
            yield return current;
        }
    }

    private static readonly string[] SystemFolders =
    {
        "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/proc", "/sys", "/dev", "/run", "/root",
            "/boot", "/var/lib", "/var/run",
        "/var/cache", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/share", "/usr/include",
            "/usr/local/bin",
        "/usr/local/sbin", "/usr/local/lib", "/usr/local/share", "/usr/local/include", "/usr/local/etc", "/opt/yarn",
            "/docker-entrypoint.d",
    };

    /// <summary>True for image paths that base images own (system folders): they are never checked.</summary>
    public static bool IsSystemPath(string path)
    {
        foreach (var folder in SystemFolders)
        {
            if (PathText.IsUnder(path, folder))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>One stage of a Dockerfile with the file-system operations of its instructions, in order.</summary>
internal sealed class ImageStage
{
    public ImageStage(DockerStage stage, ImageStage? parent, string? baseImage, bool baseIsEmpty)
    {
        Stage = stage;
        Parent = parent;
        BaseImage = baseImage;
        BaseIsEmpty = baseIsEmpty;
        Workdir = parent != null ? parent.Workdir : "/";
        Environment = parent != null ? parent.Environment.Copy() : new DockerVariables();
        Variables = Environment.Copy();
    }

    public DockerStage Stage { get; }
    /// <summary>The earlier stage this one is built FROM, if any.</summary>
    public ImageStage? Parent { get; }
    /// <summary>The base image with variables expanded; null when it is a stage or cannot be expanded.</summary>
    public string? BaseImage { get; }
    /// <summary>True when the base image is known to hold no application files (official and .NET images,
    /// scratch).</summary>
    public bool BaseIsEmpty { get; }
    public List<ImageOp> Ops { get; } = new List<ImageOp>();
    /// <summary>The current WORKDIR; null when it cannot be known.</summary>
    public string? Workdir { get; set; }
    /// <summary>The ENV values (inherited by stages built FROM this one).</summary>
    public DockerVariables Environment { get; }
    /// <summary>ARG and ENV values in scope.</summary>
    public DockerVariables Variables { get; set; }
    public DockerInstruction? Entrypoint { get; set; }
    public DockerInstruction? Cmd { get; set; }
}

internal enum ImageOpKind
{
    Workdir,
    ContextCopy,
    StageCopy,
    Glob,
    Created,
    Opaque,
    Run,
    Publish,
}

/// <summary>One file-system operation of a stage.</summary>
internal sealed class ImageOp
{
    public ImageOp(ImageOpKind kind, string destination)
    {
        Kind = kind;
        Destination = destination;
    }

    public ImageOpKind Kind { get; }
    /// <summary>The image path written (the folder for folder copies, WORKDIR, publish output, opaque area).</summary>
    public string Destination { get; }
    public bool DestinationIsFolder { get; set; }
    /// <summary>Context copies: the repository path copied (a file or a folder whose content is copied).</summary>
    public string? Source { get; set; }
    public bool SourceIsFolder { get; set; }
    /// <summary>Globs: the file-name pattern of the last path segment.</summary>
    public System.Text.RegularExpressions.Regex? Pattern { get; set; }
    public ImageStage? FromStage { get; set; }
    /// <summary>RUN: the command text, and whether it only installs packages or sets permissions.</summary>
    public string? Text { get; set; }
    public bool Neutral { get; set; }
    public PublishedProject? Published { get; set; }
}

/// <summary>A <c>dotnet publish</c> (or <c>build -o</c>) whose output folder is known.</summary>
internal sealed class PublishedProject
{
    public PublishedProject(
        DockerInstruction instruction, string output, string? project, string? assemblyName, string? framework)
    {
        Instruction = instruction;
        Output = output;
        Project = project;
        AssemblyName = assemblyName;
        Framework = framework;
    }

    public DockerInstruction Instruction { get; }
    public string Output { get; }
    /// <summary>The repository path of the published project; null when it cannot be told.</summary>
    public string? Project { get; }
    public string? AssemblyName { get; }
    public string? Framework { get; }
}

/// <summary>A <c>RUN dotnet restore</c>: where it runs, which project, and how many operations of its stage precede
/// it.</summary>
internal sealed class RestoreRun
{
    public RestoreRun(
        ImageStage stage, DockerInstruction instruction, int opIndex, string? workdir, DotnetCommand command,
        string? project)
    {
        Stage = stage;
        Instruction = instruction;
        OpIndex = opIndex;
        Workdir = workdir;
        Command = command;
        Project = project;
    }

    public ImageStage Stage { get; }
    public DockerInstruction Instruction { get; }
    public int OpIndex { get; }
    public string? Workdir { get; }
    public DotnetCommand Command { get; }
    /// <summary>The project argument with variables expanded; null when there is none.</summary>
    public string? Project { get; }
}

internal enum Presence
{
    Absent,
    Present,
    Unknown,
}

/// <summary>What is at an image path: whether it exists, whether it is a folder, and the repository file it came
/// from.</summary>
internal readonly struct ImageEntry
{
    public ImageEntry(Presence presence, bool isFolder = false, string? contextPath = null)
    {
        Presence = presence;
        IsFolder = isFolder;
        ContextPath = contextPath;
    }

    public Presence Presence { get; }
    public bool IsFolder { get; }
    /// <summary>The repository path the entry was copied from, when it came from the build context.</summary>
    public string? ContextPath { get; }

    public static ImageEntry Absent => new ImageEntry(Presence.Absent);
    public static ImageEntry Unknown => new ImageEntry(Presence.Unknown);
    public static ImageEntry Folder(string? contextPath = null) => new ImageEntry(Presence.Present, true, contextPath);
    public static ImageEntry File(string? contextPath = null) => new ImageEntry(Presence.Present, false, contextPath);
}
