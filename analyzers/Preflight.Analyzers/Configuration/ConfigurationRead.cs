using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Configuration;

/// <summary>A configuration read found in code: the full key and where to report it.</summary>
internal readonly struct ConfigurationRead
{
    public ConfigurationRead(string key, IOperation operation, SyntaxNode keySyntax)
    {
        Key = key;
        Operation = operation;
        KeySyntax = keySyntax;
    }

    public string Key { get; }
    /// <summary>The operation whose value is the read (checked for fallbacks).</summary>
    public IOperation Operation { get; }
    /// <summary>The key argument, where the diagnostic goes.</summary>
    public SyntaxNode KeySyntax { get; }
}
