using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Wiring;

/// <summary>
/// The framework types the service-wiring rules match against, looked up once per compilation. Any of them may be
/// absent
/// (a worker service has no MVC, a console app no DI at all); each use checks for null.
/// </summary>
internal sealed class WiringSymbols
{
    private WiringSymbols(Compilation compilation, INamedTypeSymbol serviceCollection)
    {
        Compilation = compilation;
        ServiceCollection = serviceCollection;
        ServiceDescriptor = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.DependencyInjection.ServiceDescriptor");
        FromKeyedServices = compilation.GetTypeByMetadataName(
            "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        ServiceKey = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceKeyAttribute");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
        HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        Middleware = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IMiddleware");
        Assembly = compilation.GetTypeByMetadataName("System.Reflection.Assembly");
        Type = compilation.GetTypeByMetadataName("System.Type");
        NotImplementedException = compilation.GetTypeByMetadataName("System.NotImplementedException");
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol ServiceCollection { get; }
    public INamedTypeSymbol? ServiceDescriptor { get; }
    public INamedTypeSymbol? FromKeyedServices { get; }
    public INamedTypeSymbol? ServiceKey { get; }
    public INamedTypeSymbol? ControllerAttribute { get; }
    public INamedTypeSymbol? NonControllerAttribute { get; }
    public INamedTypeSymbol? PageModel { get; }
    public INamedTypeSymbol? Hub { get; }
    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? Middleware { get; }
    public INamedTypeSymbol? Assembly { get; }
    public INamedTypeSymbol? Type { get; }
    public INamedTypeSymbol? NotImplementedException { get; }

    /// <summary>Null when the compilation does not reference Microsoft.Extensions.DependencyInjection: nothing to
    /// wire.</summary>
    public static WiringSymbols? Create(Compilation compilation)
    {
        var services = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        return services == null ? null : new WiringSymbols(compilation, services);
    }

    /// <summary>IServiceCollection itself or a type that implements it (ServiceCollection).</summary>
    public bool IsServiceCollection(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ServiceCollection))
        {
            return true;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, ServiceCollection))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>System.Reflection.Assembly, or an array / sequence of it (what assembly-scanning APIs take).</summary>
    public bool IsAssemblyLike(ITypeSymbol? type)
    {
        if (type == null || Assembly == null)
        {
            return false;
        }
        if (InheritsFrom(type, Assembly))
        {
            return true;
        }
        if (type is IArrayTypeSymbol array)
        {
            return IsAssemblyLike(array.ElementType);
        }
        if (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 1 &&
            named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return IsAssemblyLike(named.TypeArguments[0]);
        }
        return false;
    }

    /// <summary>True when the type is declared in the source of this compilation (not in a reference).</summary>
    public bool IsDeclaredInSource(ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, Compilation.Assembly);

    public static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType == null)
        {
            return false;
        }
        for (var current = type; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }
        return false;
    }

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? interfaceType)
    {
        if (interfaceType == null)
        {
            return false;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }
        return false;
    }

    public static bool ContainsTypeParameters(ITypeSymbol? type) => type switch
    {
        null => false,
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => ContainsTypeParameters(array.ElementType),
        IPointerTypeSymbol pointer => ContainsTypeParameters(pointer.PointedAtType),
        INamedTypeSymbol named => AnyContainsTypeParameters(named),
        _ => false,
    };

    private static bool AnyContainsTypeParameters(INamedTypeSymbol named)
    {
        if (named.IsUnboundGenericType)
        {
            return true;
        }
        for (var current = named; current != null; current = current.ContainingType)
        {
            foreach (var argument in current.TypeArguments)
            {
                if (ContainsTypeParameters(argument))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
