using System;
using System.Collections.Generic;
using System.Threading;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// The compose sets of a project's AdditionalFiles, found and loaded (<see cref="ComposeSets"/>), shared by every
/// compilation of the process handed the same files: a host that analyzes many projects (the CLI, or the compiler
/// server that builds every project of a solution, each with new texts of the same files) loads the repository's
/// compose projects once, not once per project and per library host. An answer is reused only when every file its
/// loading read (compose files, .env files, extended and included files) has the same path and the same content in the
/// asking project, so what is shared is exactly what the project would load. Bounded: at most
/// <see cref="MaxAnchors"/> first compose files (by content), the whole cache dropped when more come.
/// </summary>
internal static class LoadedComposeSets
{
    private const int MaxEntriesPerText = 4;

    private const int MaxAnchors = 64;

    /// <summary>Keyed by the content of the project's first compose file.</summary>
    private static readonly Dictionary<string, List<Entry>> Cache = new Dictionary<string,
        List<Entry>>(StringComparer.Ordinal);

    /// <param name="composePaths">The project's compose files, normalized.</param>
    /// <returns>Each set, and its loaded file when its first file is one of <paramref name="composePaths"/> (else null,
    /// not loaded).</returns>
    public static IReadOnlyList<(ComposeSet Set, ComposeFile? File)> Get(
        ProjectContext project, IReadOnlyCollection<string> composePaths, CancellationToken cancellationToken)
    {
        string? TextOf(string path) => project.Find(path)?.File.GetText(cancellationToken)?.ToString();
        string? anchor = null;
        foreach (var path in composePaths)
        {
            anchor = TextOf(path);
            break;
        }
        List<Entry>? entries = null;
        if (anchor != null)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(anchor, out entries))
                {
                    if (Cache.Count == MaxAnchors)
                    {
                        Cache.Clear();
                    }
                    entries = new List<Entry>();
                    Cache.Add(anchor, entries);
                }
            }
        }
        if (entries != null)
        {
            lock (entries)
            {
                foreach (var entry in entries)
                {
                    if (entry.IsFor(composePaths, TextOf))
                    {
                        return entry.Sets;
                    }
                }
            }
        }
        var reads = new List<(string Path, string? Text)>();
        string? Read(string path)
        {
            var text = TextOf(path);
            reads.Add((path, text));
            return text;
        }
        var paths = new HashSet<string>(composePaths, StringComparer.Ordinal);
        var sets = new List<(ComposeSet, ComposeFile?)>();
        foreach (var set in ComposeSets.Find(composePaths, Read))
        {
            sets.Add((set, paths.Contains(PathText.Normalize(set.Files[0])) ? ComposeSets.Load(set, Read) : null));
        }
        if (entries != null)
        {
            lock (entries)
            {
                if (entries.Count == MaxEntriesPerText)
                {
                    entries.RemoveAt(0);
                }
                entries.Add(new Entry(new List<string>(composePaths), reads, sets));
            }
        }
        return sets;
    }

    private sealed class Entry
    {
        private readonly List<string> _composePaths;
        private readonly List<(string Path, string? Text)> _reads;

        public Entry(
            List<string> composePaths, List<(string Path, string? Text)> reads,
            IReadOnlyList<(ComposeSet, ComposeFile?)> sets)
        {
            _composePaths = composePaths;
            _reads = reads;
            Sets = sets;
        }

        public IReadOnlyList<(ComposeSet Set, ComposeFile? File)> Sets { get; }

        public bool IsFor(IReadOnlyCollection<string> composePaths, Func<string, string?> textOf)
        {
            if (composePaths.Count != _composePaths.Count)
            {
                return false;
            }
            var i = 0;
            foreach (var path in composePaths)
            {
                if (!string.Equals(path, _composePaths[i++], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            foreach (var (path, text) in _reads)
            {
                if (!string.Equals(textOf(path), text, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
