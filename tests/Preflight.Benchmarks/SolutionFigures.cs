using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Preflight.Benchmarks;

/// <summary>
/// `solution P F`: packs Preflight into a local feed, writes a <see cref="SolutionRepository"/>, builds it for real with
/// the .NET analyzers on and -p:ReportAnalyzer=true, then again with nothing changed, and measures the analyzers'
/// memory in child processes (`memory`). Prints the figures of docs/benchmarks.md.
/// </summary>
internal static class SolutionFigures
{
    private static readonly string[] BuildProperties =
    {
        "-p:ReportAnalyzer=true", "-p:EnableNETAnalyzers=true", "-p:AnalysisLevel=latest-recommended", "-nodeReuse:false", "--nologo",
    };

    public static void Run(int projects, int files, bool keep, bool memory = true, bool upToDate = true)
    {
        var work = Path.Combine(Path.GetTempPath(), "preflight-bench-solution", DateTime.UtcNow.ToString("yyyyMMddHHmmss"));
        var version = "0.1.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        var feed = Path.Combine(work, "feed");
        Console.WriteLine($"work folder: {work}");
        DotNet(work, "pack", Path.Combine(RepositoryRoot(), "msbuild-tasks", "Preflight.Build", "Preflight.Build.csproj"),
            "-c", "Release", "-o", feed, "-p:Version=" + version, "--nologo", "-v:q", "-nodeReuse:false");
        var repository = new SolutionRepository(Path.Combine(work, "repo"), projects, files, feed, version);
        Console.WriteLine($"solution: {repository.Projects.Count} projects, {repository.Projects.Sum(p => p.Files)} C# files " +
            $"({repository.Projects.Min(p => p.Files)}–{repository.Projects.Max(p => p.Files)} per project), processors: {Environment.ProcessorCount}");
        DotNet(repository.Root, "restore", repository.Solution, "--nologo", "-v:q", "-nodeReuse:false");

        // One project at a time: with -m, a project's analyzer report (one multi-line message) can be split by another's
        // lines in the log and lose its project.
        var first = Build(repository, Path.Combine(work, "build1.log"), "-m:1");
        PrintCompile(first.Figures, first.Elapsed);
        PrintFindings(Path.Combine(work, "build1.log"));
        if (upToDate)
        {
            UpToDate(repository.Solution, work);
        }
        var biggest = repository.Projects.OrderByDescending(p => p.Files).First();
        if (memory)
        {
            Console.WriteLine($"memory, {biggest.Name} ({biggest.Files} C# files), one child process each:");
        }
        foreach (var mode in memory ? new[] { "without", "with", "without", "with", "with-own-artifacts", "warm", "warm-own-artifacts" } : Array.Empty<string>())
        {
            Console.WriteLine($"  {mode} analyzers: {Child("memory", Path.Combine(repository.Root, biggest.Folder), repository.Root, mode)}");
        }
        if (!keep)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// `uptodate SOLUTION`: two builds of an already built solution with nothing changed (the Preflight targets' time), then
    /// the evaluation of every project with and without Preflight's items (-t:GetTargetPath, alternately twice each: the
    /// cost of Preflight's globs over the repository, which no target's time includes).
    /// </summary>
    public static void UpToDate(string solution, string work)
    {
        for (var run = 2; run <= 3; run++)
        {
            var again = Build(solution, Path.Combine(work, $"build{run}.log"));
            PrintUpToDate(again.Figures, again.Elapsed, run);
        }
        foreach (var enabled in new[] { true, false, true, false })
        {
            var log = Path.Combine(work, $"evaluation-{enabled}.log");
            DotNet(Path.GetDirectoryName(solution)!, "msbuild", solution, "-t:GetTargetPath", "-m:1", "-nodeReuse:false", "-noConsoleLogger",
                $"-flp:Verbosity=minimal;LogFile={log};PerformanceSummary", "-p:PreflightEnabled=" + (enabled ? "true" : "false"));
            var evaluations = BuildLogFigures.Parse(log).Evaluations.Where(e => e.Key.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"evaluation, PreflightEnabled={enabled}: {evaluations.Count} projects, {evaluations.Sum(e => e.Value.Milliseconds):F0} ms, " +
                $"{(evaluations.Count == 0 ? 0 : evaluations.Sum(e => e.Value.Milliseconds) / evaluations.Count):F0} ms per project");
        }
    }

    private static (BuildLogFigures Figures, TimeSpan Elapsed) Build(SolutionRepository repository, string log, params string[] extra) =>
        Build(repository.Solution, log, extra);

    private static (BuildLogFigures Figures, TimeSpan Elapsed) Build(string solution, string log, params string[] extra)
    {
        var watch = Stopwatch.StartNew();
        DotNet(Path.GetDirectoryName(solution)!, new[] { "build", solution, "--no-restore", "-noConsoleLogger", $"-flp:Verbosity=detailed;LogFile={log};PerformanceSummary" }
            .Concat(BuildProperties).Concat(extra).ToArray());
        return (BuildLogFigures.Parse(log), watch.Elapsed);
    }

    public static void PrintCompile(BuildLogFigures figures, TimeSpan elapsed)
    {
        var csc = figures.Tasks.TryGetValue("Csc", out var c) ? c : default;
        var preflight = figures.AnalyzerSeconds(name => name.StartsWith("Preflight.", StringComparison.Ordinal));
        var net = figures.AnalyzerSeconds(name => name.EndsWith("NetAnalyzers", StringComparison.Ordinal));
        var all = figures.TotalAnalyzerSeconds.Values.Sum();
        var compile = csc.Milliseconds / 1000;
        Console.WriteLine($"first build: {elapsed.TotalSeconds:F1} s wall; Csc {csc.Calls} calls, {compile:F1} s; analyzer reports from {figures.Analyzers.Count} projects");
        Console.WriteLine("| | time | share of Csc time | share of all analyzers |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine($"| compile (Csc task, sum over projects) | {compile:F1} s | | |");
        Console.WriteLine($"| source generators (sum of 'Total generator execution time') | {figures.TotalGeneratorSeconds.Values.Sum():F2} s | | |");
        Console.WriteLine($"| all analyzers (sum of 'Total analyzer execution time') | {all:F2} s | {100 * all / compile:F1} % | 100 % |");
        Console.WriteLine($"| Preflight.Analyzers | {preflight:F2} s | {100 * preflight / compile:F2} % | {100 * preflight / all:F1} % |");
        Console.WriteLine($"| Microsoft.CodeAnalysis.(CSharp.)NetAnalyzers | {net:F2} s | {100 * net / compile:F1} % | {100 * net / all:F1} % |");
        foreach (var (project, perAssembly) in figures.Analyzers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {Path.GetFileNameWithoutExtension(project)}: Preflight {perAssembly.Where(a => a.Key.StartsWith("Preflight.", StringComparison.Ordinal)).Sum(a => a.Value):F2} s, " +
                $"NetAnalyzers {perAssembly.Where(a => a.Key.EndsWith("NetAnalyzers", StringComparison.Ordinal)).Sum(a => a.Value):F2} s, all {figures.TotalAnalyzerSeconds.GetValueOrDefault(project):F2} s");
        }
        foreach (var (name, times) in figures.PreflightAnalyzers.OrderByDescending(a => a.Value.Sum()))
        {
            Console.WriteLine($"  {name[(name.LastIndexOf('.') + 1)..]}: {times.Sum():F3} s over {times.Count} projects " +
                $"(first project {times[0]:F3} s, largest {times.Max():F3} s)");
        }
        foreach (var (name, seconds) in figures.Analyzers.Values.SelectMany(a => a).GroupBy(a => a.Key)
                     .Select(g => (g.Key, g.Sum(a => a.Value))).OrderByDescending(g => g.Item2).Take(8))
        {
            Console.WriteLine($"  {name}: {seconds:F2} s");
        }
    }

    private static void PrintUpToDate(BuildLogFigures figures, TimeSpan elapsed, int run)
    {
        var evaluations = figures.Evaluations.Where(e => e.Key.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"build {run}, nothing changed: {elapsed.TotalSeconds:F1} s wall" +
            (figures.Tasks.TryGetValue("Csc", out var csc) ? $" (Csc ran {csc.Calls} times!)" : " (no Csc call)") +
            $"; evaluation of {evaluations.Count} projects {evaluations.Sum(e => e.Value.Milliseconds):F0} ms, {(evaluations.Count == 0 ? 0 : evaluations.Sum(e => e.Value.Milliseconds) / evaluations.Count):F0} ms per project");
        foreach (var task in new[] { "PreflightCheck", "PreflightReport" })
        {
            var (ms, n) = figures.Tasks.TryGetValue(task, out var t) ? t : default;
            Console.WriteLine($"  task {task}: {ms:F0} ms in {n} calls");
        }
        double total = 0;
        var calls = 0;
        // _PreflightDiscover (the walk of the repository, once per build and node; the other projects reuse its lists) replaced
        // the item globs at evaluation: it counts with the three targets. _PreflightAspireHosts and _PreflightDropSpecialFiles are shown apart.
        foreach (var target in new[] { "_PreflightDiscover", "_PreflightPrepare", "PreflightCheckFiles", "PreflightReportFindings", "_PreflightAspireHosts", "_PreflightDropSpecialFiles", "CoreCompile" })
        {
            var (ms, n) = figures.Targets.TryGetValue(target, out var t) ? t : default;
            if (target is not ("CoreCompile" or "_PreflightAspireHosts" or "_PreflightDropSpecialFiles"))
            {
                total += ms;
                calls = Math.Max(calls, n);
            }
            Console.WriteLine($"  {target}: {ms:F0} ms in {n} calls, {(n == 0 ? 0 : ms / n):F1} ms per project");
        }
        Console.WriteLine($"  Preflight targets together: {total:F0} ms, {(calls == 0 ? 0 : total / calls):F1} ms per project");
    }

    private static void PrintFindings(string log)
    {
        var findings = File.ReadLines(log)
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"(?:warning|error) (PF\d{4}|CA\d{4}|CS\d{4}|ASP\d{4})\b"))
            .Where(m => m.Success).GroupBy(m => m.Groups[1].Value).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} x{g.Count()}");
        Console.WriteLine("diagnostics in the log (each printed twice, as it happens and in the summary): " + string.Join(", ", findings));
    }

    /// <summary>
    /// `memory FOLDER ROOT with|without|with-own-artifacts|warm|warm-own-artifacts`: compiles the project in FOLDER (its sources and obj/ global
    /// usings; the running shared frameworks as references) and emits it, with or without the Preflight analyzers attached
    /// (GetDiagnostics, then Emit of the same compilation; with-own-artifacts: only the project folder's files as
    /// AdditionalFiles), and prints the bytes allocated, the GC heap still held, the peak working set and, with analyzers,
    /// each analyzer's execution time (cold: one run per process; warm: the 5th run in the process, no memory figures).
    /// </summary>
    public static void Memory(string folder, string root, string mode)
    {
        var withAnalyzers = mode != "without";
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && (!p.Contains("/obj/", StringComparison.Ordinal) || p.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal)))
            .ToList();
        var trees = sources.Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p)).ToImmutableArray();
        var references = GeneratedService.FrameworkReferences();
        var artifacts = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/.git/", StringComparison.Ordinal))
            .Where(p => Path.GetFileName(p) == "Dockerfile" || p.EndsWith("compose.yaml", StringComparison.Ordinal) || p.Contains("/k8s/", StringComparison.Ordinal)
                || p.Contains("/.github/workflows/", StringComparison.Ordinal) || p.StartsWith(folder, StringComparison.Ordinal) && Path.GetFileName(p).StartsWith("appsettings", StringComparison.Ordinal))
            .Where(p => !mode.EndsWith("own-artifacts", StringComparison.Ordinal) || p.StartsWith(folder, StringComparison.Ordinal))
            .Select(p => (AdditionalText)new GeneratedService.InMemoryText(p, File.ReadAllText(p)))
            .ToImmutableArray();
        var project = Directory.GetFiles(folder, "*.csproj").Single();
        var properties = new GeneratedService.InMemoryOptions(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectFullPath"] = project,
            ["build_property.PreflightRepositoryRoot"] = root.TrimEnd('/') + "/",
            ["build_property.OutputType"] = "Exe",
            ["build_property.TargetFramework"] = "net10.0",
            ["build_property.AssemblyName"] = Path.GetFileNameWithoutExtension(project),
        });
        var options = new AnalyzerOptions(artifacts, properties);
        var analyzers = AnalyzerBenchmarks.PreflightAnalyzers();
        if (mode.StartsWith("warm", StringComparison.Ordinal))
        {
            // `warm` / `warm-own-artifacts`: the analyzers' execution times of the 5th run in this process (JIT done), as in a compiler server.
            for (var run = 1; run <= 5; run++)
            {
                var warm = CSharpCompilation.Create("Warm", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable))
                    .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                        // New texts every run, as every compiler invocation reads them afresh (the parse cache is per SourceText).
                        new AnalyzerOptions(artifacts.Select(a => (AdditionalText)new GeneratedService.InMemoryText(a.Path, a.GetText()!.ToString())).ToImmutableArray(), properties),
                        null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                warm.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                if (run == 5)
                {
                    var times = analyzers.Select(a => (a.GetType().Name, warm.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime)).ToList();
                    Console.WriteLine($"{artifacts.Length} additional files, warm: {times.Sum(t => t.ExecutionTime.TotalMilliseconds):F0} ms; " +
                        string.Join(", ", times.OrderByDescending(t => t.ExecutionTime).Select(t => $"{t.Name} {t.ExecutionTime.TotalMilliseconds:F0} ms")));
                }
            }
            return;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(project), trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var findings = 0;
        CompilationWithAnalyzers? attached = null;
        if (withAnalyzers)
        {
            attached = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            findings = attached.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
            compilation = (CSharpCompilation)attached.Compilation;
        }
        else
        {
            compilation.GetDiagnostics();
        }
        using (var stream = new MemoryStream())
        {
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                Console.Write($"[emit failed: {result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}] ");
            }
        }
        var elapsed = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var held = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(compilation);
        GC.KeepAlive(attached);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"{trees.Length} trees, {artifacts.Length} additional files, {elapsed.TotalMilliseconds:F0} ms, allocated {allocated / 1048576.0:F1} MB, " +
            $"GC heap held after {held / 1048576.0:F1} MB, peak working set {peak / 1048576.0:F1} MB, Preflight findings {findings}" +
            (attached == null ? "" : "; " + string.Join(", ", analyzers.Select(a => (a.GetType().Name, attached.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime))
                .OrderByDescending(a => a.ExecutionTime).Select(a => $"{a.Name} {a.ExecutionTime.TotalMilliseconds:F0} ms"))));
    }

    private static string Child(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SolutionFigures).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private static void DotNet(string directory, params string[] args)
    {
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"dotnet {string.Join(' ', args.Take(2))} exited with {process.ExitCode}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Validators.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Validators.sln not found above " + AppContext.BaseDirectory);
    }
}
