using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace Preflight.Benchmarks;

/// <summary>
/// <c>cli-scale PROJECTS FILES</c> and <c>cli-scale-table</c>: <c>preflight check</c> run as a child process (as a user
/// runs it) on a <see cref="ScaleRepository"/>, best of N runs. Time is the child's wall clock; memory is the child's
/// peak working set (<see cref="Process.PeakWorkingSet64"/>, the kernel's VmHWM high-water mark, sampled every 10 ms
/// until the process exits, so the last sample is the peak of the whole process, runtime included); CPU time is the
/// child's user and system time (<see cref="Process.TotalProcessorTime"/>) at the last sample, a few ms before it exits,
/// which a machine shared with other work disturbs less than the wall clock.
/// </summary>
internal static class CliScaleFigures
{
    /// <summary>The sizes of the scaling table: files, with projects in proportion (80 projects for 5,000 files).</summary>
    private static readonly int[] TableFiles = { 1000, 2000, 5000, 10000 };

    public static void One(int projects, int files, string cli, int runs, bool keep)
    {
        var root = Generate(projects, files, out var written);
        Console.WriteLine($"repository: {root} ({projects} projects, {written} C# files); cli: {cli}; best of {runs} run(s), processors: {Environment.ProcessorCount}");
        var (time, memory, findings, cpu) = Best(cli, root, runs, print: true);
        Console.WriteLine($"best: {time:F1} s (CPU {cpu:F1} s), peak working set {memory} MB, {findings} finding line(s)");
        Clean(root, keep);
    }

    public static void Table(string cli, int runs, bool keep)
    {
        Console.WriteLine($"cli: {cli}; best of {runs} run(s), processors: {Environment.ProcessorCount}");
        Console.WriteLine("| projects | C# files | time | CPU time | peak working set | findings |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var files in TableFiles)
        {
            var projects = files * 80 / 5000;
            var root = Generate(projects, files, out var written);
            var (time, memory, findings, cpu) = Best(cli, root, runs, print: false);
            Console.WriteLine($"| {projects} | {written:N0} | {time:F1} s | {cpu:F1} s | {memory} MB | {findings} |");
            Clean(root, keep);
        }
    }

    /// <summary>The CLI next to this program (built with it), unless --cli DLL names another build (e.g. main's).</summary>
    public static string DefaultCli() => Path.Combine(AppContext.BaseDirectory, "preflight.dll");

    private static string Generate(int projects, int files, out int written)
    {
        var root = Path.Combine(Path.GetTempPath(), "preflight-cli-scale", $"{projects}-{files}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        written = new ScaleRepository(root, projects, files).CSharpFiles;
        return root;
    }

    private static void Clean(string root, bool keep)
    {
        if (!keep)
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (double Seconds, long MegaBytes, int Findings, double CpuSeconds) Best(string cli, string root, int runs, bool print)
    {
        var results = new List<(double Seconds, long MegaBytes, int Findings, double CpuSeconds)>();
        for (var run = 1; run <= runs; run++)
        {
            var result = Run(cli, root);
            if (print)
            {
                Console.WriteLine($"run {run}: {result.Seconds:F1} s, CPU {result.CpuSeconds:F1} s, {result.MegaBytes} MB, {result.Findings} finding line(s)");
            }
            results.Add(result);
        }
        return (results.Min(r => r.Seconds), results.Min(r => r.MegaBytes), results[0].Findings, results.Min(r => r.CpuSeconds));
    }

    private static (double Seconds, long MegaBytes, int Findings, double CpuSeconds) Run(string cli, string root)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("check");
        start.ArgumentList.Add(root);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.WaitForExit(10))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
                cpu = process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                break; // exited between the two calls
            }
        }
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        var findings = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        if (process.ExitCode > 1)
        {
            Console.Error.WriteLine(errors.Result);
        }
        return (seconds, peak / (1024 * 1024), findings, cpu.TotalSeconds);
    }
}
