using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// A <c>dotnet publish|build|restore</c> command of a Dockerfile RUN, read once for every reader: the Dockerfile checks
/// (restore order, entrypoint, build context) and the Dockerfile's ownership (which project it publishes).
/// </summary>
public sealed class DotnetCommand
{
    private static readonly HashSet<string> ValueOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "-c", "--configuration", "-r", "--runtime", "-f", "--framework", "-o", "--output", "--os", "--arch", "-a",
        "-v", "--verbosity", "--version-suffix", "-s", "--source", "--packages", "--configfile", "--artifacts-path", "-bl",
        "--property", "--manifest", "-p",
    };

    public DotnetCommand(string verb, string? project, string? output, string? framework, string? assemblyName, bool hasConfigFile)
    {
        Verb = verb;
        Project = project;
        Output = output;
        Framework = framework;
        AssemblyName = assemblyName;
        HasConfigFile = hasConfigFile;
    }

    public string Verb { get; }
    /// <summary>The project, solution or folder argument; null when the command uses the working directory's project.</summary>
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
                trimmed.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ||
                trimmed.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            return trimmed;
        }
    }

    /// <summary>The command that <paramref name="words"/> starts at <paramref name="start"/> (the word <c>dotnet</c>), when its verb is publish, build or restore; else null.</summary>
    public static DotnetCommand? Parse(IReadOnlyList<string> words, int start = 0)
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
            if (word.StartsWith("-", StringComparison.Ordinal) || word.StartsWith("/", StringComparison.Ordinal) && word.IndexOf(':') > 0)
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
                if (equals > 0 && string.Equals(assignment.Substring(0, equals), property, StringComparison.OrdinalIgnoreCase))
                {
                    return assignment.Substring(equals + 1);
                }
            }
        }
        return null;
    }
}
