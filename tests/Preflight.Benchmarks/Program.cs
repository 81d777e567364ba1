using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Benchmarks;

// `dotnet run -c Release -- report [files] [configurationEvery]` prints the analyzers' share of compile time measured the way
// -p:ReportAnalyzer=true does (Roslyn's analyzer execution-time telemetry); any other arguments go to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "report")
{
    var files = args.Length > 1 ? int.Parse(args[1]) : 2000;
    var every = args.Length > 2 ? int.Parse(args[2]) : 20;
    var service = new GeneratedService(files, every);
    // Warm up once, then measure.
    AnalyzerShare.Measure(service);
    var (compile, analyzers, perAnalyzer, findings) = AnalyzerShare.Measure(service);
    Console.WriteLine($"files: {files}, one in {every} reading configuration");
    Console.WriteLine($"compile (emit): {compile.TotalMilliseconds:F0} ms");
    Console.WriteLine($"Preflight analyzers (execution time): {analyzers.TotalMilliseconds:F0} ms");
    Console.WriteLine($"share of compile time: {100 * analyzers.TotalMilliseconds / (compile.TotalMilliseconds + analyzers.TotalMilliseconds):F2} %");
    foreach (var (name, time) in perAnalyzer)
    {
        Console.WriteLine($"  {name}: {time.TotalMilliseconds:F1} ms");
    }
    Console.WriteLine($"findings: {findings}");
    return;
}
// `dotnet run -c Release -- task|parsers|wiring` print the task, parser and wiring figures of docs/benchmarks.md.
if (args.Length > 0 && args[0] == "task")
{
    Figures.Task(args.Length > 1 ? int.Parse(args[1]) : 600, args.Length > 2 ? int.Parse(args[2]) : 200, args.Length > 3 ? int.Parse(args[3]) : 200);
    return;
}
if (args.Length > 0 && args[0] == "parsers")
{
    Figures.Parsers();
    return;
}
if (args.Length > 0 && args[0] == "wiring")
{
    Figures.Wiring(args.Length > 1 ? int.Parse(args[1]) : 500, args.Length > 2 ? int.Parse(args[2]) : 2000);
    return;
}
// `dotnet run -c Release -- cli` times `preflight check` on a generated repository of eShopOnContainers' shape.
if (args.Length > 0 && args[0] == "cli")
{
    using var repository = new GeneratedRepository();
    for (var run = 1; run <= 3; run++)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var watch = Stopwatch.StartNew();
        var code = Preflight.Cli.Program.Run(new[] { "check", repository.Root }, output, errors);
        Console.WriteLine($"run {run}: {watch.Elapsed.TotalSeconds:F1} s, exit code {code}, {output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} finding line(s)");
        if (run == 1)
        {
            Console.Write(output.ToString());
        }
    }
    Console.WriteLine($"processors: {Environment.ProcessorCount}");
    return;
}
// `dotnet run -c Release -- cli-scale [projects] [files] [--cli DLL] [--runs N] [--keep]` times `preflight check` (a child
// process: wall clock and peak working set, best of N runs, 3 by default) on a generated repository of that size (80 / 5000
// by default); `cli-scale-table [--cli DLL] [--runs N]` does so for 1k, 2k, 5k and 10k C# files (16 to 160 projects).
// --cli names another build of the CLI (e.g. main's, `dotnet build cli/Preflight.Cli -c Release -o DIR`); the default is
// the preflight.dll built next to this program.
if (args.Length > 0 && (args[0] == "cli-scale" || args[0] == "cli-scale-table"))
{
    var numbers = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
    var cliIndex = Array.IndexOf(args, "--cli");
    var cli = cliIndex > 0 && cliIndex + 1 < args.Length ? Path.GetFullPath(args[cliIndex + 1]) : CliScaleFigures.DefaultCli();
    var runsIndex = Array.IndexOf(args, "--runs");
    var runs = runsIndex > 0 && runsIndex + 1 < args.Length ? int.Parse(args[runsIndex + 1]) : 3;
    if (args[0] == "cli-scale")
    {
        CliScaleFigures.One(numbers.Length > 0 ? numbers[0] : 80, numbers.Length > 1 ? numbers[1] : 5000, cli, runs, args.Contains("--keep"));
    }
    else
    {
        CliScaleFigures.Table(cli, runs, args.Contains("--keep"));
    }
    return;
}
// `fixedcost [projects] [files] [rounds]`: Preflight's time per compilation in one process, as in a compiler server.
if (args.Length > 0 && args[0] == "fixedcost")
{
    FixedCostFigures.Run(args.Length > 1 ? int.Parse(args[1]) : 30, args.Length > 2 ? int.Parse(args[2]) : 600, args.Length > 3 ? int.Parse(args[3]) : 3);
    return;
}

// `dotnet run -c Release -- solution [projects] [files] [--keep]` packs Preflight, writes a solution of that shape, builds it
// for real (with the .NET analyzers and -p:ReportAnalyzer=true), builds it again unchanged, and measures the analyzers' memory
// (not with --no-memory); --no-uptodate skips the two unchanged builds.
if (args.Length > 0 && args[0] == "solution")
{
    SolutionFigures.Run(args.Length > 1 && int.TryParse(args[1], out var p) ? p : 30, args.Length > 2 && int.TryParse(args[2], out var f) ? f : 3000,
        args.Contains("--keep"), memory: !args.Contains("--no-memory"), upToDate: !args.Contains("--no-uptodate"));
    return;
}
// `memory FOLDER ROOT with|without|with-own-artifacts|warm|warm-own-artifacts`: one measurement of `solution`, in a process of its own.
if (args.Length > 3 && args[0] == "memory")
{
    SolutionFigures.Memory(args[1], args[2], args[3]);
    return;
}
// `log FILE`: the analyzer figures of a build log kept by `solution ... --keep`.
if (args.Length > 1 && args[0] == "log")
{
    SolutionFigures.PrintCompile(BuildLogFigures.Parse(args[1]), TimeSpan.Zero);
    return;
}
// `uptodate SOLUTION`: the up-to-date part of `solution` on a solution kept by `solution ... --keep`.
if (args.Length > 1 && args[0] == "uptodate")
{
    SolutionFigures.UpToDate(args[1], Path.GetDirectoryName(Path.GetDirectoryName(args[1]))!);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args);

internal static class AnalyzerShare
{
    public static (TimeSpan Compile, TimeSpan Analyzers, (string, TimeSpan)[] PerAnalyzer, int Findings) Measure(GeneratedService service)
    {
        var watch = Stopwatch.StartNew();
        var compilation = service.NewCompilation();
        using (var stream = new MemoryStream())
        {
            compilation.Emit(stream);
        }
        var compile = watch.Elapsed;
        var analyzers = AnalyzerBenchmarks.PreflightAnalyzers();
        var withAnalyzers = service.NewCompilation().WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(service.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var findings = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
        var per = analyzers
            .Select(a => (a.GetType().Name, withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime))
            .ToArray();
        return (compile, TimeSpan.FromTicks(per.Sum(p => p.ExecutionTime.Ticks)), per, findings);
    }
}
