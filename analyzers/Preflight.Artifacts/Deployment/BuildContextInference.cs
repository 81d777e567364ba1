using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Deployment;

/// <summary>A build context inferred from a Dockerfile's own COPY/ADD sources.</summary>
public sealed class InferredContext
{
    public InferredContext(string context, int found, int total, int framed = 0)
    {
        Context = context;
        Found = found;
        Total = total;
        Framed = framed;
    }

    public string Context { get; }
    /// <summary>How many of the evidence sources exist under the context.</summary>
    public int Found { get; }
    public int Total { get; }
    /// <summary>How many missing sources have their folder under the context (a renamed or deleted file in a folder
    /// that is there).</summary>
    public int Framed { get; }
    internal int Score => Found + Framed;
}

/// <summary>
/// Where nothing names a Dockerfile's build context: the folder, from the Dockerfile's own up to the repository root,
/// under which the most of its COPY/ADD sources exist, or at least their folder does (a file renamed or deleted from a
/// folder that is there), the nearest on a tie. It counts only when it explains most sources (more than half);
/// otherwise
/// the context is unknown and nothing is reported from it. Sources that exist under
/// any folder ('.', '/') are no evidence. IO-free: the caller says what exists.
/// </summary>
public static class BuildContextInference
{
    /// <param name="dockerfile">The Dockerfile (absolute).</param>
    /// <param name="root">The repository root (absolute).</param>
    /// <param name="sources">The context-relative sources of COPY/ADD without --from (no variables or URLs; wildcards
    /// allowed).</param>
    /// <param name="exists">True when a source (a path, or a wildcard pattern that matches something) exists under a
    /// folder.</param>
    public static InferredContext? Infer(
        string dockerfile, string root, IEnumerable<string> sources, Func<string, string, bool> exists)
    {
        var evidence = Evidence(sources);
        if (evidence.Count == 0)
        {
            // Only sources that exist anywhere ('COPY . .'): a Dockerfile at the root can only be built from the root.
            return PathText.Equal(PathText.GetDirectory(dockerfile), root)
                ? new InferredContext(PathText.Normalize(root), 0, 0) : null;
        }
        var candidates = Candidates(dockerfile, root).ToList();
        // A wildcard that matches nothing under any folder says nothing (the caller may not know every file).
        evidence.RemoveAll(
            source => source.IndexOfAny(Wildcards) >= 0 && !candidates.Any(folder => exists(folder, source)));
        if (evidence.Count == 0)
        {
            return null;
        }
        InferredContext? best = null;
        foreach (var folder in candidates)
        {
            var found = 0;
            var framed = 0;
            foreach (var source in evidence)
            {
                if (exists(folder, source))
                {
                    found++;
                }
                else if (source.TrimEnd('/').IndexOf('/') > 0
                    && exists(folder, PathText.GetDirectory(source.TrimEnd('/'))))
                {
                    framed++;
                }
            }
            var candidate = new InferredContext(folder, found, evidence.Count, framed);
            if (best == null || candidate.Score > best.Score
                || (candidate.Score == best.Score && candidate.Found > best.Found))
            {
                best = candidate;
            }
            if (found == evidence.Count)
            {
                break; // the nearest folder that explains every source
            }
        }
        return best != null && Fits(best) ? best : null;
    }

    /// <summary>
    /// How well a named context fits the sources: null when there is no evidence. Used to tell, among several contexts
    /// the repository names for one Dockerfile, a stale one (a retired tool's) from those the Dockerfile is written
    /// for.
    /// </summary>
    public static InferredContext? Score(string context, IEnumerable<string> sources, Func<string, string, bool> exists)
    {
        var evidence = Evidence(sources);
        evidence.RemoveAll(source => source.IndexOfAny(Wildcards) >= 0 && !exists(context, source));
        if (evidence.Count == 0)
        {
            return null;
        }
        var found = evidence.Count(source => exists(context, source));
        return new InferredContext(PathText.Normalize(context), found, evidence.Count);
    }

    /// <summary>True when the context explains more than half of the sources.</summary>
    public static bool Fits(InferredContext score) => score.Score * 2 > score.Total;

    private static List<string> Evidence(IEnumerable<string> sources) => sources
        .Select(s => PathText.Normalize("/" + s.TrimStart('/')).TrimStart('/'))
        .Where(s => s.Length > 0 && s != "." && !s.StartsWith("..", StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static readonly char[] Wildcards = { '*', '?', '[' };

    /// <summary>The Dockerfile's folder and each folder above it, up to and including the root.</summary>
    public static IEnumerable<string> Candidates(string dockerfile, string root)
    {
        root = PathText.Normalize(root);
        var folder = PathText.GetDirectory(dockerfile);
        if (!PathText.IsUnder(folder, root))
        {
            yield break;
        }
        while (true)
        {
            yield return folder;
            if (PathText.Equal(folder, root))
            {
                yield break;
            }
            folder = PathText.GetDirectory(folder);
        }
    }
}
