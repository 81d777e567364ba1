using System;
using System.Collections.Generic;

namespace Preflight.Analyzers.Configuration;

/// <summary>Names declared by a deployment, and the places that were searched (for messages). Lookups are
/// O(1).</summary>
internal sealed class DeclarationSet
{
    private readonly HashSet<string> _names;
    private readonly bool _sectionsProvideKeys;
    private readonly List<string> _prefixes = new List<string>();
    private readonly StringComparison _comparison;

    private DeclarationSet(StringComparer comparer, bool sectionsProvideKeys)
    {
        _names = new HashSet<string>(comparer);
        _comparison = sectionsProvideKeys ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _sectionsProvideKeys = sectionsProvideKeys;
    }

    /// <summary>
    /// Configuration keys: case-insensitive, and a key counts as declared when it or a key under it is declared
    /// (declaring <c>A:B:C</c> declares the sections <c>A</c> and <c>A:B</c>).
    /// </summary>
    public static DeclarationSet ForConfigurationKeys() =>
        new DeclarationSet(StringComparer.OrdinalIgnoreCase, sectionsProvideKeys: true);

    /// <summary>Environment variables: exact names (they are case-sensitive on Linux, where containers run).</summary>
    public static DeclarationSet ForEnvironmentVariables() =>
        new DeclarationSet(StringComparer.Ordinal, sectionsProvideKeys: false);

    /// <summary>The places searched, in order, as shown in messages.</summary>
    public List<string> Sources { get; } = new List<string>();

    public bool IsEmpty => Sources.Count == 0;

    /// <summary>
    /// True when a source declares names that cannot be known (an <c>envFrom</c> Secret, an <c>env_file</c> that was
    /// not
    /// passed in): any name may be declared, so nothing is reported.
    /// </summary>
    public bool IsOpen { get; private set; }

    public void MarkOpen() => IsOpen = true;

    public void AddSource(string description)
    {
        if (!Sources.Contains(description))
        {
            Sources.Add(description);
        }
    }

    public void AddName(string name)
    {
        _names.Add(name);
        if (!_sectionsProvideKeys)
        {
            return;
        }
        for (var colon = name.LastIndexOf(':'); colon > 0; colon = name.LastIndexOf(':', colon - 1))
        {
            if (!_names.Add(name.Substring(0, colon)))
            {
                break;
            }
        }
    }

    /// <summary>Declares every name that starts with the prefix (an Aspire service reference's endpoints are not known
    /// by name).</summary>
    public void AddPrefix(string prefix)
    {
        if (!_prefixes.Contains(prefix))
        {
            _prefixes.Add(prefix);
        }
    }

    public bool Declares(string name) => IsOpen || _names.Contains(name) || HasPrefix(name);

    private bool HasPrefix(string name)
    {
        foreach (var prefix in _prefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, _comparison))
            {
                return true;
            }
        }
        return false;
    }

    public string DescribeSources() => string.Join(", ", Sources);
}
