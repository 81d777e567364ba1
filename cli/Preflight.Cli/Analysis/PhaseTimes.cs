using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace Preflight.Cli.Analysis;

/// <summary>
/// Where <c>preflight check</c> spends its time, by phase (summed over the threads that run projects, so a phase can
/// exceed the wall clock) and, for the analyzers, by analyzer (Roslyn's execution-time telemetry). Collected only when
/// the environment variable <c>PREFLIGHT_PHASES</c> is <c>1</c>, and printed to stderr at the end: for benchmarks.
/// </summary>
internal static class PhaseTimes
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("PREFLIGHT_PHASES") == "1";

    private static readonly ConcurrentDictionary<string, long> Ticks = new(StringComparer.Ordinal);

    public static void Add(string phase, TimeSpan elapsed)
    {
        if (Enabled)
        {
            Ticks.AddOrUpdate(phase, elapsed.Ticks, (_, t) => t + elapsed.Ticks);
        }
    }

    /// <summary>Times a phase: <c>using (PhaseTimes.Start("x")) { ... }</c>.</summary>
    public static Scope Start(string phase) => new(phase, Enabled ? Stopwatch.GetTimestamp() : 0);

    public static void Print(TextWriter writer)
    {
        if (!Enabled)
        {
            return;
        }
        foreach (var (phase, ticks) in Ticks.OrderByDescending(p => p.Value))
        {
            writer.WriteLine($"preflight: phase {phase}: {TimeSpan.FromTicks(ticks).TotalSeconds:0.00} s");
        }
        var info = GC.GetGCMemoryInfo();
        writer.WriteLine(
            $"preflight: gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections " +
            $"(gen 0/1/2), " +
            $"pause {GC.GetTotalPauseDuration().TotalSeconds:0.00} s, allocated " +
                $"{GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB, heap after last GC " +
                $"{info.HeapSizeBytes / (1024 * 1024)} MB");
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly string _phase;
        private readonly long _start;

        public Scope(string phase, long start)
        {
            _phase = phase;
            _start = start;
        }

        public void Dispose()
        {
            if (_start != 0)
            {
                Add(_phase, Stopwatch.GetElapsedTime(_start));
            }
        }
    }
}
