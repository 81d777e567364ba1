using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Preflight.Artifacts.Deployment;

public sealed partial class DockerBuildFinder
{
    private static readonly Regex ShellAssignment = new Regex(
        @"^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|'[^']*'|[^\s;&|]*)\s*$",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex PowerShellAssignment = new Regex(
        @"^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(""[^""]*""|'[^']*')\s*$", RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));
    private static readonly Regex MakeAssignment = new Regex(
        @"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\?|:|::|\+)?=\s*(.*)$", RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> ChangeDirectory = new HashSet<string>(
        StringComparer.OrdinalIgnoreCase) { "cd", "pushd", "Set-Location", "Push-Location", "sl", "chdir" };
    private static readonly HashSet<string> PopDirectory = new HashSet<string>(
        StringComparer.OrdinalIgnoreCase) { "popd", "Pop-Location" };

    /// <summary>
    /// Shell and PowerShell scripts run from their own folder or from the repository root (unknown which, so a
    /// Dockerfile
    /// path must resolve from one of them); <c>cd</c> to the script's folder settles it. Makefile recipes run in the
    /// Makefile's folder, one line at a time.
    /// </summary>
    private void ReadScript(string file, string text)
    {
        if (text.IndexOf("docker", StringComparison.OrdinalIgnoreCase) < 0
            && text.IndexOf("podman", StringComparison.Ordinal) < 0 &&
            text.IndexOf("kaniko", StringComparison.Ordinal) < 0)
        {
            return;
        }
        var folder = PathText.GetDirectory(file);
        var name = PathText.GetFileName(file);
        if (DeploymentFiles.IsMakefile(name))
        {
            ReadMakefile(file, folder, text);
            return;
        }
        var powerShell = name.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = new List<string> { folder };
        if (!PathText.Equal(folder, _root))
        {
            start.Add(_root);
        }
        var cwd = start;
        var stack = new Stack<List<string>>();
        var lineNumber = 0;
        foreach (var line in ShellWords.LogicalLines(text, powerShell))
        {
            lineNumber++;
            var assignment = (powerShell ? PowerShellAssignment : ShellAssignment).Match(line);
            if (assignment.Success)
            {
                var value = Expand(
                    assignment.Groups[2].Value.Trim('"', '\''), values, folder, cwd.Count == 1 ? cwd[0] : null);
                values[assignment.Groups[1].Value] = value;
                continue;
            }
            if (line.IndexOf("docker", StringComparison.OrdinalIgnoreCase) < 0
                && line.IndexOf("podman", StringComparison.Ordinal) < 0 &&
                line.IndexOf("executor", StringComparison.Ordinal) < 0
                    && !ChangeDirectory.Any(c => line.IndexOf(c, StringComparison.OrdinalIgnoreCase) >= 0) &&
                !PopDirectory.Any(c => line.IndexOf(c, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                continue;
            }
            var expanded = Expand(line, values, folder, cwd.Count == 1 ? cwd[0] : null);
            foreach (var command in ShellWords.Split(expanded))
            {
                if (ChangeDirectory.Contains(command[0]))
                {
                    var target = command.Skip(1).FirstOrDefault(w => !w.StartsWith("-", StringComparison.Ordinal));
                    stack.Push(cwd);
                    cwd = target == null || HasVariable(target) || target == "~" ? new List<string>()
                        : cwd.Select(c => PathText.Combine(c, target)).Distinct(StringComparer.Ordinal).ToList();
                    continue;
                }
                if (PopDirectory.Contains(command[0]))
                {
                    cwd = stack.Count > 0 ? stack.Pop() : start;
                    continue;
                }
                if (cwd.Count > 0)
                {
                    AddCommand(command, cwd, DockerBuildSource.Script, file, $"the docker command in {Display(file)}");
                }
            }
        }
    }

    private void ReadMakefile(string file, string folder, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["CURDIR"] = folder };
        foreach (var raw in ShellWords.LogicalLines(text, powerShell: false))
        {
            if (!raw.StartsWith("\t", StringComparison.Ordinal))
            {
                var assignment = MakeAssignment.Match(raw.Trim());
                if (assignment.Success)
                {
                    values[assignment.Groups[1].Value] = Expand(
                        assignment.Groups[2].Value.Trim(), values, null, folder);
                }
                continue;
            }
            var recipe = raw.TrimStart('\t', ' ').TrimStart('@', '-', '+').Replace("$$", "$");
            var cwd = new List<string> { folder };
            foreach (var command in ShellWords.Split(Expand(recipe, values, null, folder)))
            {
                if (ChangeDirectory.Contains(command[0]))
                {
                    var target = command.Skip(1).FirstOrDefault(w => !w.StartsWith("-", StringComparison.Ordinal));
                    cwd = target == null
                        || HasVariable(target) ? new List<string>()
                        : cwd.Select(c => PathText.Combine(c, target)).ToList();
                    continue;
                }
                if (cwd.Count > 0)
                {
                    AddCommand(command, cwd, DockerBuildSource.Script, file, $"the docker command in {Display(file)}");
                }
            }
        }
    }
}
