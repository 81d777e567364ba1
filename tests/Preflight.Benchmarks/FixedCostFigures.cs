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
/// `fixedcost [projects] [files] [rounds]`: Preflight's cost per compilation as in a compiler server. Writes the
/// generated solution (no build), then, in this one process, analyzes every project's compilation in turn, `rounds`
/// times, each time with new texts for the 63 AdditionalFiles (every compiler invocation reads them afresh), and
/// prints the analyzers' execution time per compilation (Roslyn's telemetry, summed over analyzers) of the last round,
/// with and without the repository's artifacts (the project's own only): the difference is the fixed cost the
/// repository's artifacts add to every project.
/// </summary>
public static class FixedCostFigures
{
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    public static void Run(int projectCount, int files, int rounds)
    {
        var root = Path.Combine(Path.GetTempPath(), "preflight-bench-fixedcost", DateTime.UtcNow.ToString("yyyyMMddHHmmss"), "repo");
        var repository = new SolutionRepository(root, projectCount, files, "/nonexistent-feed", "0.0.0");
        var references = GeneratedService.FrameworkReferences();
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
        var analyzers = AnalyzerBenchmarks.PreflightAnalyzers();
        var all = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/.git/", StringComparison.Ordinal))
            .ToList();
        var projects = repository.Projects.Select(p =>
        {
            var folder = Path.Combine(root, p.Folder) + "/";
            var trees = all.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal))
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
                .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, folder + "obj/GlobalUsings.g.cs"))
                .ToImmutableArray();
            var artifacts = all.Where(f => Path.GetFileName(f) == "Dockerfile" || f.EndsWith("compose.yaml", StringComparison.Ordinal) || f.Contains("/k8s/", StringComparison.Ordinal)
                    || f.Contains("/.github/workflows/", StringComparison.Ordinal) || f.StartsWith(folder, StringComparison.Ordinal) && Path.GetFileName(f).StartsWith("appsettings", StringComparison.Ordinal))
                .Select(f => (f, File.ReadAllText(f)))
                .ToList();
            var project = Directory.GetFiles(folder, "*.csproj").Single();
            var options = new GeneratedService.InMemoryOptions(new Dictionary<string, string>
            {
                ["build_property.MSBuildProjectFullPath"] = project,
                ["build_property.PreflightRepositoryRoot"] = root + "/",
                ["build_property.OutputType"] = "Exe",
                ["build_property.TargetFramework"] = "net10.0",
                ["build_property.AssemblyName"] = p.Name,
            });
            return (p.Name, Folder: folder, p.Files, Trees: trees, Artifacts: artifacts, Options: options);
        }).ToList();
        Console.WriteLine($"{projects.Count} projects, {projects.Sum(p => p.Files)} C# files, {projects[0].Artifacts.Count} AdditionalFiles per project; {rounds} rounds in one process");

        foreach (var own in new[] { false, true })
        {
            var last = new List<(string Name, int Files, double Total, Dictionary<string, double> PerAnalyzer)>();
            var watch = Stopwatch.StartNew();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var project in projects)
                {
                    var texts = project.Artifacts.Where(a => !own || a.Item1.StartsWith(project.Folder, StringComparison.Ordinal))
                        .Select(a => (AdditionalText)new GeneratedService.InMemoryText(a.Item1, a.Item2)).ToImmutableArray();
                    var compilation = CSharpCompilation.Create(project.Name, project.Trees, references,
                        new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
                    var attached = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(texts, project.Options), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                    var findings = attached.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    if (findings.Length > 0 && round == 1)
                    {
                        Console.WriteLine($"  {project.Name}: {findings.Length} findings, first {findings[0]}");
                    }
                    if (round == rounds)
                    {
                        var times = analyzers.ToDictionary(a => a.GetType().Name, a => attached.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
                        last.Add((project.Name, project.Files, times.Values.Sum(), times));
                    }
                }
            }
            var totals = last.Select(l => l.Total).OrderBy(t => t).ToList();
            Console.WriteLine($"{(own ? "own artifacts only" : "all 63 artifacts")}: {watch.Elapsed.TotalSeconds:F1} s for {rounds} rounds; last round, Preflight per compilation: " +
                $"median {totals[totals.Count / 2]:F0} ms, min {totals[0]:F0}, max {totals[^1]:F0}, sum {totals.Sum():F0} ms");
            var names = last[0].PerAnalyzer.Keys;
            Console.WriteLine("  per analyzer, median over the projects: " + string.Join(", ", names
                .Select(n => (n, last.Select(l => l.PerAnalyzer[n]).OrderBy(t => t).ElementAt(last.Count / 2)))
                .OrderByDescending(x => x.Item2).Select(x => $"{x.n} {x.Item2:F1} ms")));
        }
        Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
    }
}
