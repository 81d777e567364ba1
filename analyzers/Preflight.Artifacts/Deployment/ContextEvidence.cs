using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Docker;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// The paths a Dockerfile needs in its build context, as evidence of which folder the context is: the sources of
/// COPY/ADD
/// without <c>--from</c> (wildcards included; variables, heredocs, URLs and build outputs left out), and, after
/// <c>COPY . &lt;dest&gt;</c>, the project arguments of <c>dotnet restore|build|publish</c> that lie under that
/// destination
/// (<c>WORKDIR /src</c>, <c>COPY . .</c>, <c>RUN dotnet publish Api.csproj</c> needs <c>Api.csproj</c> at the context's
/// root).
/// </summary>
public static class ContextEvidence
{
    /// <summary>Folders that CI fills before the image build (and that a checkout does not have).</summary>
    private static readonly string[] BuildOutputFolders = { "bin", "obj", "publish", "out", "dist", "artifacts" };

    public static IEnumerable<string> Sources(Dockerfile dockerfile)
    {
        var found = new List<string>();
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        string? workdir = "/";
        var wholeContext = new List<string>();
        foreach (var instruction in dockerfile.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "FROM":
                    workdir = "/";
                    wholeContext.Clear();
                    break;
                case "ARG":
                case "ENV":
                    DockerfilePublishes.AddLiteralValues(instruction, args);
                    break;
                case "WORKDIR":
                    var value = instruction.Arguments.Count == 1
                        ? DockerfilePublishes.Expand(instruction.Arguments[0].Value, args) : null;
                    workdir = value == null || value.IndexOf('$') >= 0
                        || workdir == null ? null : PathText.Combine(workdir, value);
                    break;
                case "COPY":
                case "ADD":
                    if (instruction.Flag("from") != null || instruction.Arguments.Count < 2)
                    {
                        break;
                    }
                    for (var i = 0; i < instruction.Arguments.Count - 1; i++)
                    {
                        var source = instruction.Arguments[i].Value;
                        var relative = PathText.Normalize("/" + source.TrimStart('/')).TrimStart('/');
                        if (relative.Length == 0 || relative == ".")
                        {
                            var destination = DockerfilePublishes.Expand(
                                instruction.Arguments[instruction.Arguments.Count - 1].Value, args);
                            if (workdir != null && destination.IndexOf('$') < 0)
                            {
                                wholeContext.Add(PathText.Combine(workdir, destination));
                            }
                            continue;
                        }
                        if (IsEvidence(instruction.Keyword, source))
                        {
                            found.Add(source);
                        }
                    }
                    break;
                case "RUN":
                    if (workdir == null || wholeContext.Count == 0)
                    {
                        break;
                    }
                    foreach (var command in DockerfilePublishes.Commands(instruction))
                    {
                        var project = DockerfilePublishes.ProjectArgument(
                            command.Select(w => DockerfilePublishes.Expand(w, args)).ToList(), "restore", "build",
                            "publish");
                        if (project == null || project.IndexOfAny(new[] { '*', '?', '[' }) >= 0)
                        {
                            continue;
                        }
                        var inImage = PathText.Combine(workdir, project);
                        var root = wholeContext.LastOrDefault(
                            d => PathText.IsUnder(inImage, d) && !PathText.Equal(inImage, d));
                        if (root != null)
                        {
                            found.Add(PathText.Relative(root, inImage));
                        }
                    }
                    break;
            }
        }
        return found.Distinct(StringComparer.Ordinal);
    }

    /// <summary>A COPY/ADD source that names a path of the context: no variable, heredoc, URL, git source or build
    /// output.</summary>
    public static bool IsEvidence(string keyword, string source)
    {
        if (source.Length == 0 || source.StartsWith("<<", StringComparison.Ordinal) || source.IndexOf('$') >= 0)
        {
            return false;
        }
        if (keyword == "ADD"
            && (source.IndexOf("://", StringComparison.Ordinal) >= 0
            || source.StartsWith("git@", StringComparison.Ordinal)))
        {
            return false;
        }
        return !IsBuildOutput(source);
    }

    /// <summary>True for a path under bin/, obj/, publish/, out/, dist/ or artifacts/.</summary>
    public static bool IsBuildOutput(string source) =>
        PathText.Normalize("/" + source.TrimStart('/')).Split('/').Any(
            part => Array.IndexOf(BuildOutputFolders, part.ToLowerInvariant()) >= 0);
}
