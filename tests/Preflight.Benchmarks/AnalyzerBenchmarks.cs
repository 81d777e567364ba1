using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Preflight.Benchmarks;

/// <summary>
/// Compile time of a generated service with and without Preflight's analyzers (the difference is their cost), and the
/// analyzers alone on an already-bound compilation.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private GeneratedService _service = null!;

    [Params(2000)]
    public int Files { get; set; }

    /// <summary>1: every file reads configuration (worst case); 20: one file in twenty does (a typical service).</summary>
    [Params(1, 20)]
    public int ConfigurationEvery { get; set; }

    [GlobalSetup]
    public void Setup() => _service = new GeneratedService(Files, ConfigurationEvery);

    public static ImmutableArray<DiagnosticAnalyzer> PreflightAnalyzers() =>
        typeof(Preflight.Analyzers.Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToImmutableArray();

    [Benchmark(Baseline = true, Description = "compile (emit), no analyzers")]
    public bool Compile()
    {
        using var stream = new MemoryStream();
        return _service.NewCompilation().Emit(stream).Success;
    }

    [Benchmark(Description = "compile (emit) + Preflight analyzers")]
    public async Task<int> CompileWithPreflight()
    {
        var compilation = _service.NewCompilation();
        var withAnalyzers = compilation.WithAnalyzers(PreflightAnalyzers(), _service.AnalyzerOptions);
        using var stream = new MemoryStream();
        compilation.Emit(stream);
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }
}
