using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Configuration;

/// <summary>The Microsoft.Extensions.Configuration types the read shapes are matched against.</summary>
internal sealed class ConfigurationSymbols
{
    private ConfigurationSymbols(INamedTypeSymbol configuration, INamedTypeSymbol? section)
    {
        Configuration = configuration;
        Section = section;
    }

    public INamedTypeSymbol Configuration { get; }
    public INamedTypeSymbol? Section { get; }

    public static ConfigurationSymbols? Create(Compilation compilation)
    {
        var configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        return configuration == null
            ? null
            : new ConfigurationSymbols(configuration, compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection"));
    }

    /// <summary>IConfiguration itself, or a type that implements it (IConfigurationRoot, ConfigurationManager, ...).</summary>
    public bool IsConfiguration(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Configuration))
        {
            return true;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, Configuration))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>IConfigurationSection or a type that implements it: a key read on it is relative to an unknown section.</summary>
    public bool IsSection(ITypeSymbol? type)
    {
        if (type == null || Section == null)
        {
            return false;
        }
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Section))
        {
            return true;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, Section))
            {
                return true;
            }
        }
        return false;
    }
}
