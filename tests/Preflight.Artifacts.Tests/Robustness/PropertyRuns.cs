using System;
using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>
/// The FsCheck configuration of the property tests: a fixed seed, so CI runs the same cases every time and a failure
/// reproduces. <c>PREFLIGHT_PROPERTY_SEED=random</c> draws a new seed (an opt-in exploratory run); a number replays
/// that seed. FsCheck's failure message names the seed that failed.
/// </summary>
internal static class PropertyRuns
{
    public const ulong DefaultSeed = 20261205;

    /// <summary>SplitMix64's golden gamma (any odd number will do).</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    public static ulong Seed { get; } = ReadSeed();

    public static FsCheck.Config WithCases(int cases)
    {
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        return Environment.GetEnvironmentVariable("PREFLIGHT_PROPERTY_SEED") == "random"
            ? config
            : config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, Gamma), FSharpOption<int>.None)));
    }

    private static ulong ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable("PREFLIGHT_PROPERTY_SEED");
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;
    }
}
