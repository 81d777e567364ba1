using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>Runs a piece of work on its own thread and fails when it throws or does not finish in a generous time (a hang, not a slow machine).</summary>
internal static class Bounded
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="work"/>; returns its result and the bytes it allocated on its thread.</summary>
    public static (T Result, long Allocated) Run<T>(string what, Func<T> work, TimeSpan? limit = null)
    {
        var task = Task.Factory.StartNew(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = work();
            return (result, GC.GetAllocatedBytesForCurrentThread() - before);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            finished = task.Wait(limit ?? Generous);
        }
        catch (AggregateException ex) when (ex.InnerException != null)
        {
            throw new XunitException($"{what} threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}\n{ex.InnerException.StackTrace}");
        }
        if (!finished)
        {
            throw new XunitException($"{what} did not finish within {(limit ?? Generous).TotalSeconds} s (a hang or unbounded work)");
        }
        return task.Result;
    }
}
