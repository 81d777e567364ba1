using System;
using System.Collections;
using System.Collections.Generic;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// Dockerfile variables (ARG or ENV values) that keep their history, so that the values before each instruction are a
/// <see cref="DockerVariableSnapshot"/> taken in constant time and memory instead of a copy of every variable per
/// instruction: a Dockerfile with n ENV lines costs O(n) memory, not O(n²). A history may start from a snapshot of
/// another one (a stage built FROM an earlier stage). A null value is a name declared without a known value.
/// </summary>
public sealed class DockerVariableHistory
{
    private readonly Dictionary<string, List<Assignment>> _names = new Dictionary<string,
        List<Assignment>>(StringComparer.Ordinal);
    private int _version;

    public DockerVariableHistory(DockerVariableSnapshot? start = null)
    {
        Start = start;
        Depth = start == null ? 0 : start.History.Depth + 1;
    }

    /// <summary>The values this history starts from, or null.</summary>
    public DockerVariableSnapshot? Start { get; }

    /// <summary>How many histories lie below this one.</summary>
    public int Depth { get; }

    /// <summary>The values now: later assignments do not change it.</summary>
    public DockerVariableSnapshot Now => new DockerVariableSnapshot(this, _version);

    public void Set(string name, string? value)
    {
        _version++;
        if (!_names.TryGetValue(name, out var assignments))
        {
            assignments = new List<Assignment>(1);
            _names[name] = assignments;
        }
        assignments.Add(new Assignment(_version, value));
    }

    /// <summary>The number of names assigned in this history and those below it (an upper bound of the names in
    /// scope).</summary>
    internal int NameCountBound => _names.Count + (Start?.History.NameCountBound ?? 0);

    /// <summary>The value of <paramref name="name"/> at <paramref name="version"/> in this history only.</summary>
    internal bool TryGetOwn(string name, int version, out string? value)
    {
        value = null;
        if (!_names.TryGetValue(name, out var assignments))
        {
            return false;
        }
        // The last assignment at or before the version (versions grow along the list).
        var low = 0;
        var high = assignments.Count - 1;
        var found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (assignments[middle].Version <= version)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        if (found < 0)
        {
            return false;
        }
        value = assignments[found].Value;
        return true;
    }

    internal IEnumerable<string> OwnNames(int version)
    {
        foreach (var pair in _names)
        {
            if (pair.Value[0].Version <= version)
            {
                yield return pair.Key;
            }
        }
    }

    private readonly struct Assignment
    {
        public Assignment(int version, string? value)
        {
            Version = version;
            Value = value;
        }

        public int Version { get; }
        public string? Value { get; }
    }
}

/// <summary>The values of a <see cref="DockerVariableHistory"/> at one point: immutable, constant size.</summary>
public sealed class DockerVariableSnapshot
{
    internal DockerVariableSnapshot(DockerVariableHistory history, int version)
    {
        History = history;
        Version = version;
    }

    internal DockerVariableHistory History { get; }
    internal int Version { get; }

    /// <summary>True when the name is declared; <paramref name="value"/> is null when its value is not known.</summary>
    public bool TryGet(string name, out string? value)
    {
        for (var snapshot = this; snapshot != null; snapshot = snapshot.History.Start)
        {
            if (snapshot.History.TryGetOwn(name, snapshot.Version, out value))
            {
                return true;
            }
        }
        value = null;
        return false;
    }

    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>Every declared name, once.</summary>
    public IEnumerable<string> Names()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var snapshot = this; snapshot != null; snapshot = snapshot.History.Start)
        {
            foreach (var name in snapshot.History.OwnNames(snapshot.Version))
            {
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>An upper bound of the number of names (cheap).</summary>
    public int NameCountBound => History.NameCountBound;
}

/// <summary>
/// The values in scope of an instruction as a dictionary: the first snapshot (ENV) wins over the second (ARG); names
/// declared without a value are not in the dictionary but are in <see cref="Declared"/>. Views, not copies.
/// </summary>
internal sealed class DockerScopeView : IReadOnlyDictionary<string, string>
{
    private readonly DockerVariableSnapshot _first;
    private readonly DockerVariableSnapshot? _second;

    public DockerScopeView(DockerVariableSnapshot first, DockerVariableSnapshot? second)
    {
        _first = first;
        _second = second;
        Declared = new NameView(this);
    }

    /// <summary>Every name in scope, with or without a value.</summary>
    public IReadOnlyCollection<string> Declared { get; }

    public int NameCountBound => _first.NameCountBound + (_second?.NameCountBound ?? 0);

    public bool IsDeclared(string name) => _first.Contains(name) || (_second != null && _second.Contains(name));

    public bool TryGetValue(string key, out string value)
    {
        if (_first.TryGet(key, out var found) || (_second != null && _second.TryGet(key, out found)))
        {
            value = found!;
            return found != null;
        }
        value = null!;
        return false;
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in this)
            {
                yield return pair.Key;
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            foreach (var pair in this)
            {
                yield return pair.Value;
            }
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            using var pairs = GetEnumerator();
            while (pairs.MoveNext())
            {
                count++;
            }
            return count;
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var name in AllNames())
        {
            if (TryGetValue(name, out var value))
            {
                yield return new KeyValuePair<string, string>(name, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<string> AllNames()
    {
        if (_second == null)
        {
            foreach (var name in _first.Names())
            {
                yield return name;
            }
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _first.Names())
        {
            seen.Add(name);
            yield return name;
        }
        foreach (var name in _second.Names())
        {
            if (!seen.Contains(name))
            {
                yield return name;
            }
        }
    }

    private sealed class NameView : IReadOnlyCollection<string>
    {
        private readonly DockerScopeView _view;

        public NameView(DockerScopeView view) => _view = view;

        public int Count
        {
            get
            {
                var count = 0;
                foreach (var _ in _view.AllNames())
                {
                    count++;
                }
                return count;
            }
        }

        public IEnumerator<string> GetEnumerator() => _view.AllNames().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
