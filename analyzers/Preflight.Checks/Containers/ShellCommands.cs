using System;
using System.Collections.Generic;
using System.Text;
using Preflight.Artifacts.Deployment;

namespace Preflight.Checks.Containers;

/// <summary>Splits shell text into simple commands and reads the few commands the Dockerfile checks understand.</summary>
internal static class ShellCommands
{
    /// <summary>RUN commands that install system packages or set permissions: they do not create application files.</summary>
    private static readonly HashSet<string> NeutralCommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "tdnf", "rpm", "dpkg", "rm", "mkdir", "chmod", "chown", "chgrp",
        "useradd", "adduser", "groupadd", "addgroup", "usermod", "update-ca-certificates", "ldconfig", "locale-gen",
        "true", "set", "echo", "export", "test", "[", "ls", "cat", "id", "whoami", "env", "printenv", "sed",
    };

    /// <summary>The simple commands of a shell text (split at &amp;&amp;, ||, ;, |, &amp; and line breaks), as words with quotes removed.</summary>
    public static List<List<string>> Split(string text) => Preflight.Artifacts.Deployment.ShellWords.Split(text);

    /// <summary>The command without leading variable assignments, <c>sudo</c> and <c>exec</c>.</summary>
    public static List<string> Simple(List<string> command)
    {
        var start = 0;
        while (start < command.Count && (IsAssignment(command[start]) || command[start] == "sudo" || command[start] == "exec"))
        {
            start++;
        }
        return command.GetRange(start, command.Count - start);
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        return equals > 0 && !word.StartsWith("-", StringComparison.Ordinal) && word.Substring(0, equals).IndexOf('/') < 0;
    }

    /// <summary>True when a RUN command cannot create application files (package installs, permissions, users).</summary>
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
        if (name == "pip" || name == "pip3" || (name.StartsWith("python", StringComparison.Ordinal) && words.Count > 2 && words[1] == "-m" && words[2] == "pip"))
        {
            // Third-party packages only: a local path, an editable install or a wheel may install the application itself.
            for (var i = 1; i < words.Count; i++)
            {
                var word = words[i];
                if (word == "-r" || word == "--requirement" || word == "-c" || word == "--constraint")
                {
                    i++;
                    continue;
                }
                if (word == "." || word.StartsWith("./", StringComparison.Ordinal) || word.StartsWith("/", StringComparison.Ordinal) ||
                    word == "-e" || word == "--editable" || word.EndsWith(".whl", StringComparison.Ordinal) || word.EndsWith(".tar.gz", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
        return name == "dotnet" && words.Count > 1 && (words[1] == "restore" || words[1] == "test" || words[1] == "--info");
    }

    /// <summary>A <c>dotnet publish</c>, <c>build</c> or <c>restore</c> command (after assignments, <c>sudo</c>, <c>exec</c>), or null.</summary>
    public static DotnetCommand? Dotnet(List<string> command) => DotnetCommand.Parse(Simple(command));
}
