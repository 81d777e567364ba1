using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Configuration;

/// <summary>The Microsoft.Extensions.Configuration types the read shapes are matched against.</summary>
internal sealed class ConfigurationSymbols
{
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isConfiguration = new ConcurrentDictionary<ITypeSymbol,
        bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isSection = new ConcurrentDictionary<ITypeSymbol,
        bool>(SymbolEqualityComparer.Default);

    private ConfigurationSymbols(Compilation compilation, INamedTypeSymbol configuration)
    {
        Configuration = configuration;
        Section = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
        ConfigurationExtensions = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.Configuration.ConfigurationExtensions");
        ConfigurationBinder = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.Configuration.ConfigurationBinder");
        OptionsConfigurationServiceCollectionExtensions = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions");
        OptionsBuilderConfigurationExtensions = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions");
    }

    public INamedTypeSymbol Configuration { get; }
    public INamedTypeSymbol? Section { get; }
    /// <summary>GetConnectionString, GetRequiredSection.</summary>
    public INamedTypeSymbol? ConfigurationExtensions { get; }
    /// <summary>GetValue, Get, Bind.</summary>
    public INamedTypeSymbol? ConfigurationBinder { get; }
    /// <summary>services.Configure&lt;T&gt;(config).</summary>
    public INamedTypeSymbol? OptionsConfigurationServiceCollectionExtensions { get; }
    /// <summary>OptionsBuilder&lt;T&gt;.Bind(config), .BindConfiguration(path).</summary>
    public INamedTypeSymbol? OptionsBuilderConfigurationExtensions { get; }

    public static ConfigurationSymbols? Create(Compilation compilation)
    {
        var configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        return configuration == null ? null : new ConfigurationSymbols(compilation, configuration);
    }

    /// <summary>True for the static classes whose methods read or bind configuration.</summary>
    public bool DeclaresReadMethod(INamedTypeSymbol? type) =>
        Is(type, ConfigurationExtensions) || Is(type, ConfigurationBinder) ||
        Is(type, OptionsConfigurationServiceCollectionExtensions) || Is(type, OptionsBuilderConfigurationExtensions);

    public static bool Is(ISymbol? symbol, INamedTypeSymbol? type) => type != null
        && SymbolEqualityComparer.Default.Equals(symbol, type);

    /// <summary>IConfiguration itself, or a type that implements it (IConfigurationRoot, ConfigurationManager,
    /// ...).</summary>
    public bool IsConfiguration(ITypeSymbol? type) => type != null
        && _isConfiguration.GetOrAdd(type, ComputeIsConfiguration);

    private bool ComputeIsConfiguration(ITypeSymbol type)
    {
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

    /// <summary>IConfigurationSection or a type that implements it: a key read on it is relative to an unknown
    /// section.</summary>
    public bool IsSection(ITypeSymbol? type) => type != null && Section != null
        && _isSection.GetOrAdd(type, ComputeIsSection);

    private bool ComputeIsSection(ITypeSymbol type)
    {
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
