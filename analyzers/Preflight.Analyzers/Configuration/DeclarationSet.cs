using System;
using System.Collections.Generic;

namespace Preflight.Analyzers.Configuration;

/// <summary>Names declared by a deployment, and the places that were searched (for messages). Lookups are O(1).</summary>
internal sealed class DeclarationSet
{
    private readonly HashSet<string> _names;
    private readonly bool _sectionsProvideKeys;

    private DeclarationSet(StringComparer comparer, bool sectionsProvideKeys)
    {
        _names = new HashSet<string>(comparer);
        _sectionsProvideKeys = sectionsProvideKeys;
    }

    /// <summary>
    /// Configuration keys: case-insensitive, and a key counts as declared when it or a key under it is declared
    /// (declaring <c>A:B:C</c> declares the sections <c>A</c> and <c>A:B</c>).
    /// </summary>
    public static DeclarationSet ForConfigurationKeys() => new DeclarationSet(StringComparer.OrdinalIgnoreCase, sectionsProvideKeys: true);

    /// <summary>Environment variables: exact names (they are case-sensitive on Linux, where containers run).</summary>
    public static DeclarationSet ForEnvironmentVariables() => new DeclarationSet(StringComparer.Ordinal, sectionsProvideKeys: false);

    /// <summary>The places searched, in order, as shown in messages.</summary>
    public List<string> Sources { get; } = new List<string>();

    public bool IsEmpty => Sources.Count == 0;

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

    public bool Declares(string name) => _names.Contains(name);

    public string DescribeSources() => string.Join(", ", Sources);
}
