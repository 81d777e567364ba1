using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Preflight.Cli.Analysis;
using Preflight.Cli.Baselines;
using Preflight.Cli.Discovery;
using Preflight.Cli.Output;
using Preflight.Cli.Projects;

namespace Preflight.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>What `check` says once when the repository has no contract.</summary>
    internal const string NoContractNote =
        "preflight: no preflight.yaml: 'preflight init' writes the contract from what the repository uses; it turns " +
            "on PF4001 for every workflow secret (now only near misses are reported) and PF4002 in CI";

    /// <summary>The whole tool, with its output streams given (tests run it in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args);
        if (line.Error != null)
        {
            stderr.WriteLine("preflight: " + line.Error);
            stderr.WriteLine(CommandLine.Usage);
            return 2;
        }
        switch (line.Command)
        {
            case "help":
                stdout.WriteLine(CommandLine.Usage);
                return 0;
            case "version":
                stdout.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3));
                return 0;
        }
        if (!Directory.Exists(line.Directory))
        {
            stderr.WriteLine($"preflight: directory '{line.Directory}' does not exist");
            return 2;
        }
        if (line.Command == "init")
        {
            return Init.ContractInit.Run(line.Directory, line.CheckOnly, stdout, stderr);
        }
        var root = Artifacts.PathText.Normalize(RepositoryScan.FindRoot(line.Directory));
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var check = new RepositoryCheck(new ReferencePacks(), message =>
        {
            lock (stderr)
            {
                if (clock.Elapsed - lastProgress > TimeSpan.FromMilliseconds(500)
                    && clock.Elapsed > TimeSpan.FromSeconds(1))
                {
                    lastProgress = clock.Elapsed;
                    stderr.WriteLine(message);
                }
            }
        });
        var findings = check.Run(line.Directory);
        foreach (var note in check.Notes)
        {
            stderr.WriteLine($"preflight: note: '{Artifacts.PathText.Relative(root, note.Key)}' {note.Value}");
        }
        foreach (var error in check.InternalErrors)
        {
            stderr.WriteLine("preflight: internal error (please report): " + error);
        }
        var baselinePath = Path.Combine(root, Baseline.FileName);
        if (line.Command == "baseline")
        {
            Baseline.Write(baselinePath, findings, root);
            stdout.WriteLine($"preflight: wrote {findings.Count} finding(s) to {baselinePath}");
            return 0;
        }
        if (line.UseBaseline)
        {
            findings = Baseline.Filter(findings, Baseline.Read(baselinePath), root);
        }
        var output = FindingWriter.Write(line.Format, findings, root);
        if (line.Output != null)
        {
            File.WriteAllText(line.Output, output);
        }
        else
        {
            stdout.Write(output);
        }
        if (!File.Exists(Path.Combine(root, "preflight.yaml")) && !File.Exists(Path.Combine(root, "preflight.yml")))
        {
            stderr.WriteLine(NoContractNote);
        }
        PhaseTimes.Print(stderr);
        var errors = findings.Count(f => f.IsError);
        stderr.WriteLine(
            $"preflight: {findings.Count} finding(s), {errors} error(s) in {clock.Elapsed.TotalSeconds:0.0} s");
        return errors > 0 ? 1 : 0;
    }
}
