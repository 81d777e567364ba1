using System;
using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Wiring;

/// <summary>Where a reflection type name is looked up.</summary>
internal sealed class TypeNameScope
{
    private TypeNameScope(IAssemblySymbol? assembly, bool isSource, string description)
    {
        Assembly = assembly;
        IsSource = isSource;
        Description = description;
    }

    /// <summary>The compilation and every reference (Type.GetType without an assembly, Assembly.GetType on an unknown
    /// assembly).</summary>
    public static readonly TypeNameScope Everywhere = new TypeNameScope(null, false, "this project or its references");

    public static TypeNameScope ThisAssembly(IAssemblySymbol assembly) =>
        new TypeNameScope(assembly, true, $"this project ('{assembly.Identity.Name}')");

    public static TypeNameScope Referenced(IAssemblySymbol assembly) =>
        new TypeNameScope(assembly, false, $"assembly '{assembly.Identity.Name}'");

    /// <summary>The one assembly searched; null for <see cref="Everywhere"/>.</summary>
    public IAssemblySymbol? Assembly { get; }
    /// <summary>True for the compilation's own assembly, whose every type (internal ones too) is known.</summary>
    public bool IsSource { get; }
    public string Description { get; }
}

/// <summary>Looks metadata type names up in the compilation and its references.</summary>
internal sealed class TypeNameResolver
{
    public TypeNameResolver(Compilation compilation) => Compilation = compilation;

    public Compilation Compilation { get; }

    /// <summary>The scope of an assembly by simple name: this project, a referenced assembly, or null when not
    /// referenced.</summary>
    public TypeNameScope? ForAssemblyName(string simpleName)
    {
        if (simpleName.Length == 0)
        {
            return null;
        }
        if (string.Equals(simpleName, Compilation.AssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return TypeNameScope.ThisAssembly(Compilation.Assembly);
        }
        foreach (var referenced in Compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (string.Equals(referenced.Identity.Name, simpleName, StringComparison.OrdinalIgnoreCase))
            {
                return TypeNameScope.Referenced(referenced);
            }
        }
        return null;
    }

    /// <summary>True when the type exists, false when it surely does not, null when that cannot be known.</summary>
    public bool? Exists(string metadataName, TypeNameScope scope)
    {
        var namespaceName = NamespaceOf(metadataName);
        if (scope.Assembly == null)
        {
            if (!Compilation.GetTypesByMetadataName(metadataName).IsEmpty)
            {
                return true;
            }
            // A compiled reference may hold internal types the compiler does not show: its namespaces stay unknown.
            return DeclaredInMetadata(Compilation.GlobalNamespace, namespaceName) ? null : false;
        }
        var assembly = scope.Assembly;
        if (assembly.GetTypeByMetadataName(metadataName) != null || assembly.ResolveForwardedType(metadataName) != null)
        {
            return true;
        }
        if (scope.IsSource)
        {
            return false;
        }
        foreach (var forwarded in assembly.GetForwardedTypes())
        {
            if (forwarded.ContainingNamespace?.ToDisplayString() == namespaceName)
            {
                return null; // A facade of that namespace: what it forwards to may hold internal types.
            }
        }
        return DeclaredInMetadata(assembly.GlobalNamespace, namespaceName) ? null : false;
    }

    /// <summary>"A.B" for "A.B.C+D"; empty for a type in the global namespace.</summary>
    private static string NamespaceOf(string metadataName)
    {
        var plus = metadataName.IndexOf('+');
        var outer = plus < 0 ? metadataName : metadataName.Substring(0, plus);
        var dot = outer.LastIndexOf('.');
        return dot < 0 ? string.Empty : outer.Substring(0, dot);
    }

    private bool DeclaredInMetadata(INamespaceSymbol global, string namespaceName)
    {
        if (namespaceName.Length == 0)
        {
            return false; // The global namespace: its types are the project's own, or public in references.
        }
        INamespaceSymbol? current = global;
        foreach (var part in namespaceName.Split('.'))
        {
            INamespaceSymbol? next = null;
            foreach (var member in current.GetNamespaceMembers())
            {
                if (member.Name == part)
                {
                    next = member;
                    break;
                }
            }
            if (next == null)
            {
                return false;
            }
            current = next;
        }
        if (current.ConstituentNamespaces.IsDefaultOrEmpty)
        {
            return !SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, Compilation.Assembly);
        }
        foreach (var constituent in current.ConstituentNamespaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(constituent.ContainingAssembly, Compilation.Assembly))
            {
                return true;
            }
        }
        return false;
    }
}
