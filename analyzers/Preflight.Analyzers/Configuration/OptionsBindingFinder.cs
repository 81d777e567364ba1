using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Options bound from configuration: <c>Configure&lt;T&gt;(section)</c>, <c>AddOptions&lt;T&gt;().Bind(section)</c>,
/// <c>.BindConfiguration("A")</c>, <c>section.Get&lt;T&gt;()</c>, <c>section.Bind(instance)</c>. Each <c>[Required]</c>
/// property of
/// <c>T</c> is a required key <c>A:Property</c> (its <c>[ConfigurationKeyName]</c> if any), and so are the
/// <c>[Required]</c>
/// properties of nested options objects that are themselves required or validated (<c>[ValidateObjectMembers]</c>).
/// </summary>
internal sealed class OptionsBindingFinder
{
    private const int MaxNesting = 8;
    private readonly ConfigurationReadFinder _reads;
    private readonly ConfigurationSymbols _symbols;
    private readonly INamedTypeSymbol? _required;
    private readonly INamedTypeSymbol? _validateObjectMembers;
    private readonly INamedTypeSymbol? _keyName;

    public OptionsBindingFinder(Compilation compilation, ConfigurationSymbols symbols, ConfigurationReadFinder reads)
    {
        _reads = reads;
        _symbols = symbols;
        _required = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.RequiredAttribute");
        _validateObjectMembers = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.Options.ValidateObjectMembersAttribute");
        _keyName = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute");
    }

    public IEnumerable<ConfigurationRead> FromInvocation(IInvocationOperation invocation)
    {
        if (_required == null || !TryGetBinding(invocation, out var options, out var section, out var location))
        {
            yield break;
        }
        foreach (var key in RequiredKeys(options, section, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)))
        {
            yield return new ConfigurationRead(key, invocation, location);
        }
    }

    private bool TryGetBinding(
        IInvocationOperation invocation, out ITypeSymbol options, out string section, out SyntaxNode location)
    {
        options = null!;
        section = null!;
        location = invocation.Syntax;
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        IOperation? configuration = null;
        switch (method.Name)
        {
            case "Configure" when ConfigurationSymbols.Is(
                containing, _symbols.OptionsConfigurationServiceCollectionExtensions)
                && method.TypeArguments.Length == 1:
                options = method.TypeArguments[0];
                configuration = Argument(invocation, "config");
                break;
            case "Bind" when ConfigurationSymbols.Is(containing, _symbols.OptionsBuilderConfigurationExtensions)
                && method.TypeArguments.Length == 1:
                options = method.TypeArguments[0];
                configuration = Argument(invocation, "config");
                break;
            case "BindConfiguration" when ConfigurationSymbols.Is(
                containing, _symbols.OptionsBuilderConfigurationExtensions) && method.TypeArguments.Length == 1:
                options = method.TypeArguments[0];
                var pathArgument = Argument(invocation, "configSectionPath");
                if (pathArgument == null || ConfigurationReadFinder.ConstantString(pathArgument) is not { } path)
                {
                    return false;
                }
                section = path;
                location = pathArgument.Syntax;
                return true;
            case "Get" when ConfigurationSymbols.Is(containing, _symbols.ConfigurationBinder)
                && method.TypeArguments.Length == 1 && invocation.Arguments.Length == 1:
                options = method.TypeArguments[0];
                configuration = invocation.Arguments[0].Value;
                if (FallbackDetector.HasFallback(invocation))
                {
                    return false;
                }
                break;
            case "Bind" when ConfigurationSymbols.Is(containing, _symbols.ConfigurationBinder)
                && Argument(invocation, "instance") is { } instance:
                options = ConfigurationReadFinder.Unwrap(instance)?.Type!;
                configuration = invocation.Arguments[0].Value;
                if (Argument(invocation, "key") is { } keyArgument)
                {
                    if (ConfigurationReadFinder.ConstantString(keyArgument) is not { } key
                        || _reads.SectionPathOf(configuration) is not { } parent)
                    {
                        return false;
                    }
                    section = ConfigurationReadFinder.Join(parent, key);
                    location = keyArgument.Syntax;
                    return options != null;
                }
                break;
            default:
                return false;
        }
        if (options == null || configuration == null || _reads.SectionPathOf(configuration) is not { } resolved)
        {
            return false;
        }
        section = resolved;
        location = (_reads.SectionKeyOf(configuration) ?? configuration).Syntax;
        return true;
    }

    private IEnumerable<string> RequiredKeys(ITypeSymbol type, string section, int depth, HashSet<ITypeSymbol> visiting)
    {
        if (depth > MaxNesting || !visiting.Add(type))
        {
            yield break;
        }
        for (var current = type; current != null
            && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property
                    || property.SetMethod == null)
                {
                    continue;
                }
                var key = ConfigurationReadFinder.Join(section, KeyName(property));
                var required = HasAttribute(property, _required);
                if (required)
                {
                    yield return key;
                }
                if ((required || HasAttribute(property, _validateObjectMembers)) && IsOptionsObject(property.Type))
                {
                    foreach (var nested in RequiredKeys(property.Type, key, depth + 1, visiting))
                    {
                        yield return nested;
                    }
                }
            }
        }
        visiting.Remove(type);
    }

    private string KeyName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _keyName) &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }
        return property.Name;
    }

    private static bool IsOptionsObject(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Class && type.SpecialType == SpecialType.None && type.Locations.Length > 0
            && type.Locations[0].IsInSource;

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType == null)
        {
            return false;
        }
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }
        return false;
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }
        return null;
    }
}
