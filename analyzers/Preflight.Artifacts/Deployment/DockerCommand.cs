using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// What one command line of a script or CI step builds: <c>docker build</c>, <c>docker buildx build</c>,
/// <c>docker image build</c>, <c>podman build</c>, kaniko's executor; or which compose files <c>docker compose -f</c>
/// combines.
/// Paths are as written (relative to the command's working directory).
/// </summary>
public sealed class DockerCommand
{
    private DockerCommand(
        string? file, string? context, IReadOnlyDictionary<string, string> namedContexts,
        IReadOnlyList<string> composeFiles, bool fileRelativeToContext)
    {
        File = file;
        Context = context;
        NamedContexts = namedContexts;
        ComposeFiles = composeFiles;
        FileRelativeToContext = fileRelativeToContext;
    }

    /// <summary>The <c>-f</c>/<c>--file</c> value; null when the command uses the context's Dockerfile.</summary>
    public string? File { get; }
    /// <summary>The build context argument; null for a compose command.</summary>
    public string? Context { get; }
    /// <summary><c>--build-context name=path</c> (local paths only).</summary>
    public IReadOnlyDictionary<string, string> NamedContexts { get; }
    /// <summary>For <c>docker compose -f a -f b</c>: the files in order.</summary>
    public IReadOnlyList<string> ComposeFiles { get; }
    /// <summary>Kaniko resolves a relative <c>--dockerfile</c> from the context, not the working directory.</summary>
    public bool FileRelativeToContext { get; }
    public bool IsBuild => Context != null;

    private static readonly HashSet<string> BuildFlags = new HashSet<string>(StringComparer.Ordinal)
    {
        "--push", "--load", "--no-cache", "--pull", "-q", "--quiet", "--rm", "--force-rm", "--squash", "--compress",
        "--disable-content-trust", "--debug", "-D", "--check", "--no-cache-filter=",
    };

    /// <summary>Reads one simple command (words with quotes removed); null when it builds nothing this model
    /// follows.</summary>
    public static DockerCommand? Read(IReadOnlyList<string> command)
    {
        var start = 0;
        while (start < command.Count
            && (command[start] == "sudo" || command[start] == "exec" || command[start] == "&"
            || IsAssignment(command[start])))
        {
            start++;
        }
        if (start >= command.Count)
        {
            return null;
        }
        var program = PathText.GetFileName(command[start]);
        if (program == "executor" || program == "kaniko")
        {
            return Kaniko(command, start + 1);
        }
        if (program == "docker-compose" || program == "docker-compose.exe")
        {
            return Compose(command, start + 1);
        }
        if (program != "docker" && program != "docker.exe" && program != "podman" && program != "buildah")
        {
            return null;
        }
        var i = start + 1;
        // Global options before the subcommand (docker --context x / -H host / --log-level).
        while (i < command.Count && command[i].StartsWith("-", StringComparison.Ordinal))
        {
            i += command[i].IndexOf('=') > 0 ? 1 : 2;
        }
        if (i >= command.Count)
        {
            return null;
        }
        var verb = command[i];
        if (verb == "compose")
        {
            return Compose(command, i + 1);
        }
        if ((verb == "buildx" || verb == "image" || verb == "builder") && i + 1 < command.Count
            && (command[i + 1] == "build" || command[i + 1] == "b"))
        {
            i++;
            verb = "build";
        }
        if (verb != "build" && verb != "bud")
        {
            return null;
        }
        string? file = null, context = null;
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (i++; i < command.Count; i++)
        {
            var word = command[i];
            if (!word.StartsWith("-", StringComparison.Ordinal) || word == "-")
            {
                context ??= word;
                continue;
            }
            var equals = word.IndexOf('=');
            var name = equals > 0 ? word.Substring(0, equals) : word;
            if (BuildFlags.Contains(name))
            {
                continue;
            }
            string? value;
            if (equals > 0 && name.StartsWith("--", StringComparison.Ordinal))
            {
                value = word.Substring(equals + 1);
            }
            else if (name.Length > 2 && !name.StartsWith("--", StringComparison.Ordinal))
            {
                // -fDockerfile / -tname:tag
                value = name.Substring(2);
                name = name.Substring(0, 2);
            }
            else
            {
                value = i + 1 < command.Count ? command[++i] : null;
            }
            if (value == null)
            {
                continue;
            }
            if (name == "-f" || name == "--file")
            {
                file = value;
            }
            else if (name == "--build-context")
            {
                var separator = value.IndexOf('=');
                if (separator > 0 && value.IndexOf("://", StringComparison.Ordinal) < 0
                    && !value.Substring(separator + 1).StartsWith("docker-image:", StringComparison.Ordinal) &&
                    !value.Substring(separator + 1).StartsWith("target:", StringComparison.Ordinal)
                        && !value.Substring(separator + 1).StartsWith("oci-layout:", StringComparison.Ordinal))
                {
                    named[value.Substring(0, separator)] = value.Substring(separator + 1);
                }
            }
        }
        if (context == null || context == "-" || context.IndexOf("://", StringComparison.Ordinal) >= 0
            || context.StartsWith("git@", StringComparison.Ordinal))
        {
            return null;
        }
        return new DockerCommand(file, context, named, Array.Empty<string>(), fileRelativeToContext: false);
    }

    private static DockerCommand? Kaniko(IReadOnlyList<string> command, int start)
    {
        string? file = null, context = null;
        for (var i = start; i < command.Count; i++)
        {
            var word = command[i];
            var equals = word.IndexOf('=');
            var name = equals > 0 ? word.Substring(0, equals) : word;
            var value = equals > 0 ? word.Substring(equals + 1) : (i + 1 < command.Count ? command[i + 1] : null);
            if (name == "--context" || name == "-c")
            {
                context = value;
            }
            else if (name == "--dockerfile" || name == "-f")
            {
                file = value;
            }
            else
            {
                continue;
            }
            if (equals < 0)
            {
                i++;
            }
        }
        if (context != null && context.StartsWith("dir://", StringComparison.Ordinal))
        {
            context = context.Substring("dir://".Length);
        }
        if (context == null || context.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return null;
        }
        return new DockerCommand(
            file, context, new Dictionary<string, string>(), Array.Empty<string>(), fileRelativeToContext: true);
    }

    private static DockerCommand? Compose(IReadOnlyList<string> command, int start)
    {
        var files = new List<string>();
        for (var i = start; i < command.Count; i++)
        {
            var word = command[i];
            if (word == "-f" || word == "--file")
            {
                if (i + 1 < command.Count)
                {
                    files.Add(command[++i]);
                }
            }
            else if (word.StartsWith("--file=", StringComparison.Ordinal))
            {
                files.Add(word.Substring("--file=".Length));
            }
            else if (ComposeValueOptions.Contains(word))
            {
                i++;
            }
            else if (!word.StartsWith("-", StringComparison.Ordinal))
            {
                break; // the compose subcommand: options after it are its own
            }
        }
        return files.Count == 0 ? null
            : new DockerCommand(null, null, new Dictionary<string, string>(), files, fileRelativeToContext: false);
    }

    private static readonly HashSet<string> ComposeValueOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--progress", "--parallel",
    };

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        return equals > 0 && !word.StartsWith("-", StringComparison.Ordinal)
            && word.Substring(0, equals).IndexOf('/') < 0;
    }
}
