using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Preflight.Cli.Analysis;

/// <summary>
/// Bounds the C# source analyzed at once: a project starts when the source bytes of the projects in flight plus its own
/// stay within the budget, or when nothing is in flight (a project larger than the budget runs alone). A compilation's
/// memory (syntax trees, bound bodies, semantic models) grows with its source, and each is released when its project is
/// done, so memory stays bounded by the budget (or the largest project) whatever the number of projects.
/// </summary>
internal sealed class ProjectGate
{
    /// <summary>Source bytes in flight by default: two ordinary projects at once, one large one alone.</summary>
    private const long DefaultBudgetBytes = 6L * 1024 * 1024;

    private readonly long _budget;
    private readonly object _lock = new();
    private long _inFlight;
    private int _running;

    public ProjectGate(long budget) => _budget = budget;

    /// <summary>The budget: <c>PREFLIGHT_SOURCE_BUDGET_MB</c> when set (benchmarks), else the default.</summary>
    public static long Budget() =>
        long.TryParse(Environment.GetEnvironmentVariable("PREFLIGHT_SOURCE_BUDGET_MB"), out var megabytes)
            && megabytes > 0
            ? megabytes * 1024 * 1024
            : DefaultBudgetBytes;

    /// <summary>The total size of the files (a project's C# sources); files that cannot be read count for
    /// nothing.</summary>
    public static long Weight(IEnumerable<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            try
            {
                total += new FileInfo(file).Length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return total;
    }

    public Admission Enter(long weight, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            while (_running > 0 && _inFlight + weight > _budget)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(_lock, 100);
            }
            _inFlight += weight;
            _running++;
        }
        return new Admission(this, weight);
    }

    private void Leave(long weight)
    {
        lock (_lock)
        {
            _inFlight -= weight;
            _running--;
            Monitor.PulseAll(_lock);
        }
    }

    internal readonly struct Admission : IDisposable
    {
        private readonly ProjectGate _gate;
        private readonly long _weight;

        public Admission(ProjectGate gate, long weight)
        {
            _gate = gate;
            _weight = weight;
        }

        public void Dispose() => _gate.Leave(_weight);
    }
}
