using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// The compose sets of a project's AdditionalFiles, found and loaded (<see cref="ComposeSets"/>), shared by every
/// compilation handed the very same texts: a host that analyzes many projects with one text per file (the CLI) loads
/// the repository's compose projects once, not once per project and per library host. An answer is reused only when
/// every file its loading read (compose files, .env files, extended and included files) is the same text instance in
/// the asking project, so what is shared is exactly what the project would load. Weak: dropped with the texts.
/// </summary>
internal static class LoadedComposeSets
{
    private const int MaxEntriesPerText = 4;

    private static readonly ConditionalWeakTable<SourceText, List<Entry>> Cache = new ConditionalWeakTable<SourceText, List<Entry>>();

    /// <param name="composePaths">The project's compose files, normalized.</param>
    /// <returns>Each set, and its loaded file when its first file is one of <paramref name="composePaths"/> (else null, not loaded).</returns>
    public static IReadOnlyList<(ComposeSet Set, ComposeFile? File)> Get(ProjectContext project, IReadOnlyCollection<string> composePaths, CancellationToken cancellationToken)
    {
        SourceText? TextOf(string path) => project.Find(path)?.File.GetText(cancellationToken);
        SourceText? anchor = null;
        foreach (var path in composePaths)
        {
            anchor = TextOf(path);
            break;
        }
        var entries = anchor == null ? null : Cache.GetOrCreateValue(anchor);
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
        var reads = new List<(string Path, SourceText? Text)>();
        string? Read(string path)
        {
            var text = TextOf(path);
            reads.Add((path, text));
            return text?.ToString();
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
        private readonly List<(string Path, SourceText? Text)> _reads;

        public Entry(List<string> composePaths, List<(string Path, SourceText? Text)> reads, IReadOnlyList<(ComposeSet, ComposeFile?)> sets)
        {
            _composePaths = composePaths;
            _reads = reads;
            Sets = sets;
        }

        public IReadOnlyList<(ComposeSet Set, ComposeFile? File)> Sets { get; }

        public bool IsFor(IReadOnlyCollection<string> composePaths, Func<string, SourceText?> textOf)
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
                if (!ReferenceEquals(textOf(path), text))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
