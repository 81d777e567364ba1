namespace Preflight.Artifacts.Compose;

/// <summary>
/// Bounds the work of one load (nodes built, merge steps, model items), so shared alias nodes and repeated merges
/// cannot make it explode. When it runs out, the walk stops and one error says so.
/// </summary>
internal sealed class ComposeBudget
{
    /// <summary>Enough for any real compose project (a few thousand nodes), small enough to stay well under a
    /// second.</summary>
    public const int DefaultUnits = 2_000_000;

    private long _remaining;

    public ComposeBudget(long units = DefaultUnits) => _remaining = units;

    public bool Exhausted => _remaining < 0;

    /// <summary>Takes one unit; false once the budget is spent.</summary>
    public bool Take(long units = 1)
    {
        _remaining -= units;
        return _remaining >= 0;
    }

    /// <summary>Set once the "too complex" error has been reported, so it is reported once.</summary>
    public bool Reported { get; set; }
}
