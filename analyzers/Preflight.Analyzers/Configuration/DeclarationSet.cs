using System;
using System.Collections.Generic;
using Preflight.Artifacts.Configuration;

namespace Preflight.Analyzers.Configuration;

/// <summary>Names declared by a deployment, and the places that were searched (for messages).</summary>
internal sealed class DeclarationSet
{
    private readonly List<string> _names = new List<string>();
    private readonly Func<string, string, bool> _provides;

    private DeclarationSet(Func<string, string, bool> provides) => _provides = provides;

    /// <summary>Configuration keys: case-insensitive, and a declared section provides the keys under it.</summary>
    public static DeclarationSet ForConfigurationKeys() => new DeclarationSet(ConfigurationKeys.Provides);

    /// <summary>Environment variables: exact names (they are case-sensitive on Linux, where containers run).</summary>
    public static DeclarationSet ForEnvironmentVariables() => new DeclarationSet((declared, read) => string.Equals(declared, read, StringComparison.Ordinal));

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

    public void AddName(string name) => _names.Add(name);

    public bool Declares(string name)
    {
        foreach (var declared in _names)
        {
            if (_provides(declared, name))
            {
                return true;
            }
        }
        return false;
    }

    public string DescribeSources() => string.Join(", ", Sources);
}
