using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>
/// A value computed once per compilation and shared by every analyzer that asks for it (the deployment of the project:
/// its compose services, its declarations); analyzers asking at the same time wait for the one computing it. Weak:
/// dropped with the compilation. A cancelled computation is forgotten, so the next request computes again. A host that
/// analyzes one compilation with other options (another project file, other
/// artifacts) is not served from the cache.
/// </summary>
internal sealed class PerCompilation<T> where T : class
{
    private readonly ConditionalWeakTable<Compilation, Entry> _entries = new ConditionalWeakTable<Compilation, Entry>();

    public T Get(ProjectContext project, ArtifactReader reader, Func<T> compute) =>
        Get(reader.Compilation, project.ProjectFile, project.Artifacts.Length, compute);

    /// <param name="projectFile">With <paramref name="artifactCount"/>, what identifies the options the value is
    /// computed with.</param>
    public T Get(Compilation compilation, string? projectFile, int artifactCount, Func<T> compute)
    {
        var entry = _entries.GetValue(
            compilation,
            _ => new Entry(
            projectFile, artifactCount, new Lazy<T>(compute, LazyThreadSafetyMode.ExecutionAndPublication)));
        if (!entry.IsFor(projectFile, artifactCount))
        {
            return compute();
        }
        try
        {
            return entry.Value.Value;
        }
        catch (OperationCanceledException)
        {
            _entries.Remove(compilation);
            throw;
        }
    }

    private sealed class Entry
    {
        private readonly string? _projectFile;
        private readonly int _artifactCount;

        public Entry(string? projectFile, int artifactCount, Lazy<T> value)
        {
            _projectFile = projectFile;
            _artifactCount = artifactCount;
            Value = value;
        }

        public Lazy<T> Value { get; }

        public bool IsFor(string? projectFile, int artifactCount) =>
            string.Equals(_projectFile, projectFile, StringComparison.Ordinal) && _artifactCount == artifactCount;
    }
}
