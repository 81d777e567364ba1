using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;

namespace Preflight.Checks.Containers;

internal sealed partial class DockerImage
{
    private static readonly string[] ArchiveExtensions = { ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
        ".txz", ".tar.zst" };

    public static DockerImage Build(CheckContext context, CheckedDockerfile dockerfile, string buildContext)
    {
        var image = new DockerImage(context, buildContext);
        try
        {
            image.Load(dockerfile.Model);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is FormatException
            || ex is IndexOutOfRangeException)
        {
            // Never crash the build: a model that could not be built has no stages, and the checks stay silent.
            image.Stages.Clear();
            image.Restores.Clear();
            image.Published.Clear();
        }
        return image;
    }

    private readonly Dictionary<string, ImageStage> _stagesByName = new Dictionary<string,
        ImageStage>(StringComparer.Ordinal);

    private void Load(Dockerfile dockerfile)
    {
        ImageStage? stage = null;
        foreach (var instruction in dockerfile.Instructions)
        {
            VariablesAt[instruction] = stage == null ? Globals.Copy() : stage.Variables.Copy();
            if (instruction.Keyword == "FROM")
            {
                stage = StartStage(dockerfile, instruction);
                continue;
            }
            if (stage == null)
            {
                if (instruction.Keyword == "ARG")
                {
                    foreach (var argument in instruction.Arguments)
                    {
                        Globals.DeclareArg(argument.Value, null);
                    }
                }
                continue;
            }
            switch (instruction.Keyword)
            {
                case "ARG":
                    foreach (var argument in instruction.Arguments)
                    {
                        stage.Variables.DeclareArg(argument.Value, Globals);
                    }
                    break;
                case "ENV":
                    DeclareEnv(stage, instruction);
                    break;
                case "WORKDIR":
                    SetWorkdir(stage, instruction);
                    break;
                case "COPY":
                case "ADD":
                    AddCopy(dockerfile, stage, instruction);
                    break;
                case "RUN":
                    AddRun(stage, instruction);
                    break;
                case "ENTRYPOINT":
                    stage.Entrypoint = instruction;
                    break;
                case "CMD":
                    stage.Cmd = instruction;
                    break;
            }
        }
    }

    private ImageStage StartStage(Dockerfile dockerfile, DockerInstruction from)
    {
        var index = Math.Max(0, Math.Min(from.StageIndex, dockerfile.Stages.Count - 1));
        var model = ReferenceEquals(dockerfile.Stages[index].From, from) ? dockerfile.Stages[index]
            : dockerfile.Stages.FirstOrDefault(s => ReferenceEquals(s.From, from)) ?? dockerfile.Stages[index];
        var baseImage = Globals.Expand(model.BaseImage);
        ImageStage? parent = null;
        if (baseImage != null)
        {
            _stagesByName.TryGetValue(baseImage.ToLowerInvariant(), out parent);
        }
        var stage = new ImageStage(
            model, parent, parent == null ? baseImage : null, parent == null && baseImage != null
            && IsEmptyBase(baseImage));
        Stages.Add(stage);
        if (model.Name != null && !_stagesByName.ContainsKey(model.Name))
        {
            // The first stage of a name (a dictionary, not a search per FROM: a Dockerfile may have thousands of
            // stages).
            _stagesByName[model.Name] = stage;
        }
        return stage;
    }

    /// <summary>Official images (no namespace), Microsoft's .NET images, distroless, chainguard and scratch hold no
    /// application files.</summary>
    private static bool IsEmptyBase(string image)
    {
        var name = image.ToLowerInvariant();
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            name = name.Substring(0, at);
        }
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > lastSlash)
        {
            name = name.Substring(0, colon);
        }
        return name.IndexOf('/') < 0 || name.StartsWith("library/", StringComparison.Ordinal)
            || name.StartsWith("docker.io/library/", StringComparison.Ordinal) ||
            name.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal)
                || name.StartsWith("gcr.io/distroless/", StringComparison.Ordinal) ||
            name.StartsWith("cgr.dev/chainguard/", StringComparison.Ordinal);
    }

    private static void DeclareEnv(ImageStage stage, DockerInstruction instruction)
    {
        var arguments = instruction.Arguments;
        if (arguments.Count == 0)
        {
            return;
        }
        if (arguments[0].Value.IndexOf('=') <= 0)
        {
            // Legacy form: ENV NAME value with spaces.
            var value = stage.Variables.Expand(string.Join(" ", arguments.Skip(1).Select(a => a.Value)));
            stage.Environment.Set(arguments[0].Value, value);
            stage.Variables.Set(arguments[0].Value, value);
            return;
        }
        var scope = stage.Variables.Copy();
        foreach (var argument in arguments)
        {
            var equals = argument.Value.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var name = argument.Value.Substring(0, equals);
            var value = scope.Expand(argument.Value.Substring(equals + 1));
            stage.Environment.Set(name, value);
            stage.Variables.Set(name, value);
        }
    }

    private void SetWorkdir(ImageStage stage, DockerInstruction instruction)
    {
        var value = instruction.Arguments.Count == 1 ? stage.Variables.Expand(instruction.Arguments[0].Value) : null;
        if (value == null || (stage.Workdir == null && !PathText.IsRooted(value)))
        {
            stage.Workdir = null;
            stage.Ops.Add(new ImageOp(ImageOpKind.Opaque, "/"));
            return;
        }
        stage.Workdir = PathText.Combine(stage.Workdir ?? "/", value);
        stage.Ops.Add(new ImageOp(ImageOpKind.Workdir, stage.Workdir));
    }

    /// <summary>An image path for a path written in an instruction (relative to WORKDIR); null when it cannot be
    /// known.</summary>
    private static string? InImage(ImageStage stage, string? path)
    {
        if (path == null || (stage.Workdir == null && !PathText.IsRooted(path)))
        {
            return null;
        }
        return PathText.Combine(stage.Workdir ?? "/", path);
    }

    private void AddCopy(Dockerfile dockerfile, ImageStage stage, DockerInstruction instruction)
    {
        var arguments = instruction.Arguments;
        if (arguments.Count < 2)
        {
            return;
        }
        var destinationText = stage.Variables.Expand(arguments[arguments.Count - 1].Value);
        var destination = InImage(stage, destinationText);
        if (destination == null)
        {
            stage.Ops.Add(new ImageOp(ImageOpKind.Opaque, "/"));
            return;
        }
        var sources = arguments.Take(arguments.Count - 1).Select(a => a.Value).ToList();
        if (instruction.Flag("parents") != null || instruction.Flag("exclude") != null)
        {
            stage.Ops.Add(new ImageOp(ImageOpKind.Opaque, destination));
            return;
        }
        var folder = destinationText!.EndsWith("/", StringComparison.Ordinal) || destinationText == "."
            || destinationText.EndsWith("/.", StringComparison.Ordinal) ||
            sources.Count > 1 || sources.Any(IsWildcard) || Resolve(stage, destination, stage.Ops.Count, null).IsFolder;
        var fromFlag = instruction.Flag("from");
        ImageStage? fromStage = null;
        if (fromFlag != null)
        {
            var reference = fromFlag.Value == null ? null : stage.Variables.Expand(fromFlag.Value);
            var model = reference == null ? null : EarlierStage(dockerfile, reference, stage.Stage.Index);
            fromStage = model == null ? null : Stages.FirstOrDefault(s => s.Stage.Index == model.Index);
            if (fromStage == null)
            {
                // An image (or a stage that does not exist, PF2002): its files cannot be known.
                stage.Ops.Add(new ImageOp(ImageOpKind.Opaque, destination));
                return;
            }
        }
        foreach (var raw in sources)
        {
            stage.Ops.Add(SourceOp(stage, instruction, fromStage, raw, destination, folder));
        }
    }

    private ImageOp SourceOp(
        ImageStage stage, DockerInstruction instruction, ImageStage? fromStage, string raw, string destination,
        bool folder)
    {
        var opaque = new ImageOp(ImageOpKind.Opaque, destination);
        if (raw.StartsWith("<<", StringComparison.Ordinal))
        {
            return folder ? opaque : new ImageOp(ImageOpKind.Created, destination);
        }
        var source = stage.Variables.Expand(raw);
        if (source == null || source.Length == 0)
        {
            return opaque;
        }
        if (fromStage != null)
        {
            if (IsWildcard(source))
            {
                return opaque;
            }
            return new ImageOp(ImageOpKind.StageCopy, destination)
            {
                DestinationIsFolder = folder,
                FromStage = fromStage,
                Source = PathText.Normalize("/" + source.TrimStart('/')),
            };
        }
        if (instruction.Keyword == "ADD"
            && (source.IndexOf("://", StringComparison.Ordinal) >= 0
            || source.StartsWith("git@", StringComparison.Ordinal) ||
            ArchiveExtensions.Any(e => source.EndsWith(e, StringComparison.OrdinalIgnoreCase))))
        {
            return opaque;
        }
        if (IsWildcard(source))
        {
            var directory = source.IndexOf('/') < 0 ? "." : source.Substring(0, source.LastIndexOf('/'));
            var name = PathText.GetFileName(source);
            if (IsWildcard(directory))
            {
                return opaque;
            }
            return new ImageOp(ImageOpKind.Glob, destination)
            {
                DestinationIsFolder = true,
                Source = DockerfileSet.InContext(BuildContext, directory),
                Pattern = GlobPattern(name),
            };
        }
        var path = DockerfileSet.InContext(BuildContext, source);
        if (!_context.Exists(path)
            || Preflight.Artifacts.Deployment.ContextEvidence.IsBuildOutput(PathText.Relative(BuildContext, path)))
        {
            // A missing source fails the build (PF2001); what it would have placed is unknown. Build outputs (bin/,
            // obj/,
            // publish/, out/, dist/, artifacts/) on this disk are not what the image build will see.
            return opaque;
        }
        return new ImageOp(ImageOpKind.ContextCopy, destination)
        {
            DestinationIsFolder = folder,
            Source = path,
            SourceIsFolder = FileSystem.DirectoryExists(path),
        };
    }

    private static bool IsWildcard(string path) => path.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

    private static Regex GlobPattern(string name)
    {
        var pattern = new System.Text.StringBuilder("^");
        foreach (var c in name)
        {
            pattern.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        pattern.Append('$');
        try
        {
            return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return new Regex("^.*$", RegexOptions.CultureInvariant);
        }
    }

    private void AddRun(ImageStage stage, DockerInstruction instruction)
    {
        if (instruction.ArgumentText.IndexOf("<<", StringComparison.Ordinal) >= 0)
        {
            stage.Ops.Add(new ImageOp(ImageOpKind.Opaque, "/"));
            return;
        }
        var commands = instruction.IsExecForm
            ? new List<List<string>> { instruction.Arguments.Select(a => a.Value).ToList() }
            : ShellCommands.Split(instruction.ArgumentText);
        var neutral = true;
        var others = new List<string>();
        foreach (var command in commands)
        {
            var dotnet = ShellCommands.Dotnet(command);
            if (dotnet == null)
            {
                neutral &= ShellCommands.IsNeutral(command);
                others.Add(string.Join(" ", command));
                continue;
            }
            var project = dotnet.Project == null ? null : stage.Variables.Expand(dotnet.Project);
            if (dotnet.Verb == "restore")
            {
                // A bind mount makes files visible without copying them: what the restore sees is not the stage's
                // files.
                if ((dotnet.Project == null || project != null) && !HasBindMount(instruction))
                {
                    Restores.Add(new RestoreRun(stage, instruction, stage.Ops.Count, stage.Workdir, dotnet, project));
                }
                continue;
            }
            var output = dotnet.Output == null ? null : InImage(stage, stage.Variables.Expand(dotnet.Output));
            var projectInImage = dotnet.Project == null ? stage.Workdir : InImage(stage, project);
            if (output == null)
            {
                // Output under the project's bin folder (or somewhere unknown).
                stage.Ops.Add(
                    new ImageOp(
                    ImageOpKind.Opaque, dotnet.Output == null
                    && projectInImage != null ? ProjectFolder(projectInImage) : "/"));
                continue;
            }
            var projectPath = projectInImage == null ? null : ProjectAt(stage, projectInImage, stage.Ops.Count);
            var assemblyName = dotnet.AssemblyName
                ?? (projectPath == null ? null : ProjectFiles.AssemblyName(_context, projectPath));
            var framework = dotnet.Framework == null ? null : stage.Variables.Expand(dotnet.Framework);
            var published = new PublishedProject(instruction, output, projectPath, assemblyName, framework);
            Published.Add(published);
            stage.Ops.Add(
                new ImageOp(ImageOpKind.Publish, output) { Published = published, DestinationIsFolder = true });
        }
        stage.Ops.Add(new ImageOp(ImageOpKind.Run, "/") { Text = string.Join("\n", others), Neutral = neutral });
    }

    /// <summary>True when a RUN mounts a folder (a bind mount is the default type of --mount).</summary>
    private static bool HasBindMount(DockerInstruction instruction) =>
        instruction.Flags.Any(f => string.Equals(f.Name, "mount", StringComparison.OrdinalIgnoreCase) &&
            (f.Value == null || f.Value.IndexOf("type=", StringComparison.OrdinalIgnoreCase) < 0
                || f.Value.IndexOf("type=bind", StringComparison.OrdinalIgnoreCase) >= 0));

    private static string ProjectFolder(string projectInImage) =>
        ProjectFiles.IsProjectFile(projectInImage)
            || projectInImage.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
            || projectInImage.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? PathText.GetDirectory(projectInImage)
            : projectInImage;

    /// <summary>The repository path of the project a dotnet command builds at an image path (a project file, or a
    /// folder with one project).</summary>
    public string? ProjectAt(ImageStage stage, string imagePath, int opLimit)
    {
        if (imagePath.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
            || imagePath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!ProjectFiles.IsProjectFile(imagePath))
        {
            var projects = ProjectsIn(stage, imagePath, opLimit, 0);
            if (projects == null || projects.Count != 1)
            {
                return null;
            }
            imagePath = projects[0];
        }
        var entry = Resolve(stage, imagePath, opLimit, null);
        return entry.Presence == Presence.Present ? entry.ContextPath : null;
    }
}
