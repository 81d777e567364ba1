using System;
using System.Collections.Generic;
using Preflight.Cli.Output;

namespace Preflight.Cli;

/// <summary>The parsed command line of <c>preflight</c>.</summary>
internal sealed class CommandLine
{
    public const string Usage = """
        Usage:
          preflight check [DIR] [--format text|json|sarif|github] [--output FILE] [--no-baseline]
              Runs every Preflight rule on the repository that contains DIR (default: the current directory), without
              restoring or building it. Exit code 1 when an error-severity finding remains, 0 otherwise.
              --format github writes GitHub Actions workflow commands (::error/::warning/::notice), so findings are
              annotated on the pull request without a SARIF upload.
          preflight init [DIR] [--check]
              Writes preflight.yaml, the repository's contract, from what it uses: workflow secrets and vars, compose
              variables without a default, Kubernetes Secrets and ConfigMaps defined outside the repository; each name
              with a comment saying where it is used, never a value. On an existing preflight.yaml, adds only what is new.
              --check writes nothing and exits 1 when a name is missing (CI).
          preflight baseline [DIR]
              Writes the current findings to .preflight-baseline.json at the repository root; `check` then reports
              only findings that are not in it.
          preflight --version | --help
        """;

    public string Command { get; private set; } = "help";
    public string Directory { get; private set; } = ".";
    public string Format { get; private set; } = FindingWriter.Text;
    public string? Output { get; private set; }
    public bool UseBaseline { get; private set; } = true;
    public bool CheckOnly { get; private set; }
    public string? Error { get; private set; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine();
        if (args.Count == 0)
        {
            return line;
        }
        line.Command = args[0] switch
        {
            "--help" or "-h" or "help" => "help",
            "--version" => "version",
            _ => args[0],
        };
        if (line.Command != "check" && line.Command != "baseline" && line.Command != "init" && line.Command != "help"
            && line.Command != "version")
        {
            line.Error = $"unknown command '{args[0]}'";
            return line;
        }
        var directorySeen = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--format" or "-f" when i + 1 < args.Count:
                    line.Format = args[++i].ToLowerInvariant();
                    if (Array.IndexOf(FindingWriter.Formats, line.Format) < 0)
                    {
                        line.Error = $"unknown format '{line.Format}' (expected text, json, sarif or github)";
                    }
                    break;
                case "--output" or "-o" when i + 1 < args.Count:
                    line.Output = args[++i];
                    break;
                case "--help" or "-h":
                    // `preflight check --help`: the usage, exit 0 (the usage itself lists --help).
                    line.Command = "help";
                    return line;
                case "--check" when line.Command == "init":
                    line.CheckOnly = true;
                    break;
                case "--no-baseline":
                    line.UseBaseline = false;
                    break;
                default:
                    if (arg.StartsWith("-", StringComparison.Ordinal) || directorySeen)
                    {
                        line.Error = $"unexpected argument '{arg}'";
                        return line;
                    }
                    line.Directory = arg;
                    directorySeen = true;
                    break;
            }
        }
        return line;
    }
}
