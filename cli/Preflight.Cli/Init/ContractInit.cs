using System;
using System.IO;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Repository;
using Preflight.Cli.Discovery;

namespace Preflight.Cli.Init;

/// <summary>
/// <c>preflight init [DIR] [--check]</c>: writes the repository's <c>preflight.yaml</c> contract from what it already
/// uses
/// (see <see cref="ContractCollector"/>), or adds only the new names to the existing one; <c>--check</c> writes nothing
/// and
/// exits 1 when a name is missing (for CI).
/// </summary>
internal static class ContractInit
{
    public const string FileName = "preflight.yaml";

    public static int Run(string directory, bool check, TextWriter stdout, TextWriter stderr)
    {
        var root = PathText.Normalize(RepositoryScan.FindRoot(directory));
        var scan = RepositoryScan.Run(root);
        var context = new CheckContext(
            scan.Root, PathText.Combine(scan.Root, ".preflight/repository.csproj"), scan.Artifacts, scan.SourceFiles,
            everyProjectUsesPreflight: true);
        var existingPath = context.OfKind(ArtifactKind.PreflightConfig)
            .Where(p => PathText.Equal(PathText.GetDirectory(p), root))
            .OrderBy(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        var path = existingPath ?? PathText.Combine(root, FileName);
        var display = context.Display(path);
        if (existingPath != null && context.PreflightConfig.Errors.Any(e => e.Kind == PreflightConfigErrorKind.Syntax))
        {
            stderr.WriteLine(
                $"preflight: {display} is not valid YAML; fix it first (preflight check reports why, PF1005)");
            return 2;
        }
        var entries = ContractCollector.Collect(context);
        if (check)
        {
            foreach (var entry in entries)
            {
                stdout.WriteLine($"{display}: missing {entry.Section} entry '{entry.Name}' ({entry.Comment})");
            }
            stderr.WriteLine(entries.Count == 0
                ? $"preflight: {display} declares every name the repository uses"
                : $"preflight: {entries.Count} name(s) missing from {display}; run 'preflight init' to add them");
            return entries.Count == 0 ? 0 : 1;
        }
        if (entries.Count == 0)
        {
            stdout.WriteLine(existingPath == null
                ? "preflight: the repository uses no secret, variable or external Kubernetes object to declare; no " +
                    "preflight.yaml written"
                : $"preflight: {display} already declares every name the repository uses");
            return 0;
        }
        var existing = existingPath != null ? File.ReadAllText(existingPath) : null;
        var text = ContractWriter.Add(existing, entries, out var error);
        if (text == null)
        {
            stderr.WriteLine($"preflight: cannot add to {display}: {error}");
            return 2;
        }
        File.WriteAllText(path, text);
        var summary = string.Join("; ", ContractEntry.Sections
            .Select(s => (Section: s, Names: entries.Where(e => e.Section == s).Select(e => e.Name).ToList()))
            .Where(g => g.Names.Count > 0)
            .Select(g => g.Section + ": " + string.Join(", ", g.Names)));
        stdout.WriteLine(
            $"preflight: {(existingPath == null ? "wrote" : "added to")} {display} {entries.Count} name(s): {summary}");
        return 0;
    }
}
