using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Preflight.Checks.Repository;

/// <summary>
/// Who checks each Dockerfile and compose service (<see cref="RepositoryLayout"/>), remembered for every layout of a
/// run
/// with the same Preflight projects (<see cref="CheckRun.OwnersFor"/>): the answer does not depend on the current
/// project, so the CLI computes it once per run rather than once per project and check.
/// </summary>
internal sealed class LayoutOwners
{
    private readonly ConcurrentDictionary<DockerfileKey, string> _dockerfiles = new ConcurrentDictionary<DockerfileKey,
        string>();
    private readonly ConditionalWeakTable<Artifacts.Compose.ComposeService,
        string> _services = new ConditionalWeakTable<Artifacts.Compose.ComposeService, string>();

    public string Dockerfile(string dockerfile, string? text, Func<string> compute) =>
        _dockerfiles.GetOrAdd(new DockerfileKey(dockerfile, text), _ => compute());

    public string Service(Artifacts.Compose.ComposeService service, Func<string> compute) =>
        _services.GetValue(service, _ => compute());

    /// <summary>A Dockerfile's path and the very text it was read as (the run's texts are shared, so they are the same
    /// instance).</summary>
    private readonly struct DockerfileKey : IEquatable<DockerfileKey>
    {
        private readonly string _path;
        private readonly string? _text;

        public DockerfileKey(string path, string? text)
        {
            _path = path;
            _text = text;
        }

        public bool Equals(DockerfileKey other) => string.Equals(_path, other._path, StringComparison.Ordinal)
            && ReferenceEquals(_text, other._text);

        public override bool Equals(object? obj) => obj is DockerfileKey other && Equals(other);

        public override int GetHashCode() =>
            StringComparer.Ordinal.GetHashCode(_path) ^ (_text == null ? 0 : RuntimeHelpers.GetHashCode(_text));
    }
}
