using System;
using System.Collections.Generic;
using System.Text;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// A <c>dotnet publish|build|restore</c> command of a RUN, read once for every reader: the Dockerfile checks (restore
/// order, entrypoint, build context) and the Dockerfile's ownership (which project it publishes).
/// </summary>
public sealed class DotnetCommand
{
    public DotnetCommand(
        string verb, string? project, string? output, string? framework, string? assemblyName, bool hasConfigFile)
    {
        Verb = verb;
        Project = project;
        Output = output;
        Framework = framework;
        AssemblyName = assemblyName;
        HasConfigFile = hasConfigFile;
    }

    public string Verb { get; }
    /// <summary>The project, solution or folder argument; null when the command uses the working directory's
    /// project.</summary>
    public string? Project { get; }
    /// <summary>The <c>-o</c>/<c>--output</c> folder.</summary>
    public string? Output { get; }
    public string? Framework { get; }
    /// <summary>An AssemblyName set with <c>-p:AssemblyName=</c>.</summary>
    public string? AssemblyName { get; }
    public bool HasConfigFile { get; }

    /// <summary>
    /// The project argument as a path to a project or folder: null for none, a solution (<c>.sln</c>, <c>.slnx</c>,
    /// <c>.slnf</c>), <c>.</c> or a value that still holds a variable; a trailing <c>/</c> removed.
    /// </summary>
    public string? ProjectPath
    {
        get
        {
            var trimmed = Project?.TrimEnd('/');
            if (trimmed == null || trimmed.IndexOf('$') >= 0 || trimmed.Length == 0 || trimmed == "." ||
                trimmed.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
                    || trimmed.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ||
                trimmed.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            return trimmed;
        }
    }
}

/// <summary>Splits shell text into simple commands and reads the few commands the Dockerfile checks and the
/// Dockerfile's ownership understand.</summary>
public static class ShellCommands
{
    /// <summary>RUN commands that install system packages or set permissions: they do not create application
    /// files.</summary>
    private static readonly HashSet<string> NeutralCommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "tdnf", "rpm", "dpkg", "rm", "mkdir", "chmod", "chown",
            "chgrp",
        "useradd", "adduser", "groupadd", "addgroup", "usermod", "update-ca-certificates", "ldconfig", "locale-gen",
        "true", "set", "echo", "export", "test", "[", "ls", "cat", "id", "whoami", "env", "printenv", "sed",
    };

    private static readonly HashSet<string> ValueOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "-c", "--configuration", "-r", "--runtime", "-f", "--framework", "-o", "--output", "--os", "--arch", "-a",
        "-v", "--verbosity", "--version-suffix", "-s", "--source", "--packages", "--configfile",
            "--artifacts-path", "-bl",
        "--property", "--manifest", "-p",
    };

    /// <summary>The simple commands of a shell text (split at &amp;&amp;, ||, ;, |, &amp; and line breaks), as words
    /// with quotes removed.</summary>
    public static List<List<string>> Split(string text) => Preflight.Artifacts.Deployment.ShellWords.Split(text);

    /// <summary>The command without leading variable assignments, <c>sudo</c> and <c>exec</c>.</summary>
    public static List<string> Simple(List<string> command)
    {
        var start = 0;
        while (start < command.Count
            && (IsAssignment(command[start]) || command[start] == "sudo" || command[start] == "exec"))
        {
            start++;
        }
        return command.GetRange(start, command.Count - start);
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        return equals > 0 && !word.StartsWith("-", StringComparison.Ordinal)
            && word.Substring(0, equals).IndexOf('/') < 0;
    }

    /// <summary>True when a RUN command cannot create application files (package installs, permissions,
    /// users).</summary>
    public static bool IsNeutral(List<string> command)
    {
        var words = Simple(command);
        if (words.Count == 0)
        {
            return true;
        }
        var name = words[0];
        if (NeutralCommands.Contains(name))
        {
            return true;
        }
        if (name == "pip" || name == "pip3"
            || (name.StartsWith("python", StringComparison.Ordinal) && words.Count > 2 && words[1] == "-m"
            && words[2] == "pip"))
        {
            // Third-party packages only: a local path, an editable install or a wheel may install the application
            // itself.
            for (var i = 1; i < words.Count; i++)
            {
                var word = words[i];
                if (word == "-r" || word == "--requirement" || word == "-c" || word == "--constraint")
                {
                    i++;
                    continue;
                }
                if (word == "." || word.StartsWith("./", StringComparison.Ordinal)
                    || word.StartsWith("/", StringComparison.Ordinal) ||
                    word == "-e" || word == "--editable" || word.EndsWith(".whl", StringComparison.Ordinal)
                        || word.EndsWith(".tar.gz", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
        return name == "dotnet" && words.Count > 1
            && (words[1] == "restore" || words[1] == "test" || words[1] == "--info");
    }

    /// <summary>A <c>dotnet publish</c>, <c>build</c> or <c>restore</c> command, or null.</summary>
    public static DotnetCommand? Dotnet(List<string> command) => Dotnet(Simple(command), 0);

    /// <summary>The <c>dotnet publish</c>, <c>build</c> or <c>restore</c> command that starts at
    /// <paramref name="start"/> (the word <c>dotnet</c>), or null.</summary>
    public static DotnetCommand? Dotnet(List<string> words, int start)
    {
        if (start < 0 || words.Count - start < 2 || words[start] != "dotnet" ||
            (words[start + 1] != "publish" && words[start + 1] != "build" && words[start + 1] != "restore"))
        {
            return null;
        }
        string? project = null, output = null, framework = null, assemblyName = null;
        var configFile = false;
        for (var i = start + 2; i < words.Count; i++)
        {
            var word = words[i];
            var property = PropertyValue(word, "AssemblyName");
            if (property != null)
            {
                assemblyName = property;
                continue;
            }
            var (name, inlineValue) = SplitOption(word);
            if (name == "--self-contained" || name == "--sc")
            {
                if (inlineValue == null && i + 1 < words.Count && (words[i + 1] == "true" || words[i + 1] == "false"))
                {
                    i++;
                }
                continue;
            }
            if (ValueOptions.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < words.Count ? words[++i] : null);
                switch (name)
                {
                    case "-o":
                    case "--output":
                        output = value;
                        break;
                    case "-f":
                    case "--framework":
                        framework = value;
                        break;
                    case "--configfile":
                        configFile = true;
                        break;
                }
                continue;
            }
            if (word.StartsWith("-", StringComparison.Ordinal) || word.StartsWith("/", StringComparison.Ordinal)
                && word.IndexOf(':') > 0)
            {
                continue;
            }
            project ??= word;
        }
        return new DotnetCommand(words[start + 1], project, output, framework, assemblyName, configFile);
    }

    private static (string Name, string? Value) SplitOption(string word)
    {
        if (!word.StartsWith("-", StringComparison.Ordinal))
        {
            return (word, null);
        }
        var separator = word.IndexOfAny(new[] { '=', ':' });
        return separator > 0 ? (word.Substring(0, separator), word.Substring(separator + 1)) : (word, null);
    }

    /// <summary>The value of <c>-p:Name=V</c>, <c>/p:Name=V</c>, <c>--property:Name=V</c>.</summary>
    private static string? PropertyValue(string word, string property)
    {
        foreach (var prefix in new[] { "-p:", "/p:", "--property:", "-property:", "/property:" })
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var assignment = word.Substring(prefix.Length);
                var equals = assignment.IndexOf('=');
                if (equals > 0
                    && string.Equals(assignment.Substring(0, equals), property, StringComparison.OrdinalIgnoreCase))
                {
                    return assignment.Substring(equals + 1);
                }
            }
        }
        return null;
    }
}
