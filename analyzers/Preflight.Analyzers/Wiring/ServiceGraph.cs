using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Wiring;

/// <summary>What activates a consumer, and so which of its parameters the container must provide.</summary>
internal enum ConsumerKind
{
    Controller,
    PageModel,
    Hub,
    Middleware,
    HostedService,
    TypedClient,
    Implementation,
}

/// <summary>A type whose constructor (and, for middleware, Invoke/InvokeAsync) parameters come from the
/// container.</summary>
internal sealed class Consumer
{
    public Consumer(INamedTypeSymbol type)
    {
        Type = type;
    }

    /// <summary>The original definition (an open generic for <c>typeof(Repo&lt;&gt;)</c> registrations).</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>False when every way it is activated passes explicit constructor arguments
    /// (UseMiddleware&lt;T&gt;(args)).</summary>
    public bool ChecksConstructor { get; set; }

    public bool IsMiddleware { get; set; }
}

/// <summary>
/// The service registrations and consumers of one compilation, built at compilation end by
/// <see cref="ServiceGraphCollector"/>.
/// </summary>
internal sealed class ServiceGraph
{
    private readonly HashSet<ITypeSymbol>[] _closed = { new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default),
        new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) };
    private readonly HashSet<ITypeSymbol>[] _open = { new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default),
        new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) };
    private readonly HashSet<ITypeSymbol>[] _any = { new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default),
        new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) };
    private readonly HashSet<ITypeSymbol> _possiblyRegistered = new HashSet<ITypeSymbol>(
        SymbolEqualityComparer.Default);

    /// <summary>The compilation calls into IServiceCollection (registers something, AddControllers, ...).</summary>
    public bool UsesDependencyInjection { get; set; }

    /// <summary>
    /// Something registers services in a way that cannot be read from the code: assembly scanning, reflection, a
    /// registration with a computed <c>Type</c>, a third-party container. Nothing may be reported as unregistered then.
    /// </summary>
    public bool HasUnknownRegistrations { get; set; }

    public Dictionary<INamedTypeSymbol, Consumer> Consumers { get; } = new Dictionary<INamedTypeSymbol,
        Consumer>(SymbolEqualityComparer.Default);

    /// <summary>Types the container builds or holds (implementations, instances, hosted services, typed clients), with
    /// the services they are registered as.</summary>
    public Dictionary<INamedTypeSymbol, SortedSet<string>> Implementations { get; } = new Dictionary<INamedTypeSymbol,
        SortedSet<string>>(SymbolEqualityComparer.Default);

    public HashSet<INamedTypeSymbol> Controllers { get; } = new HashSet<INamedTypeSymbol>(
        SymbolEqualityComparer.Default);

    public void AddRegistered(ITypeSymbol service, bool keyed)
    {
        if (service is not INamedTypeSymbol named)
        {
            return;
        }
        var index = keyed ? 1 : 0;
        var definition = named.OriginalDefinition;
        _any[index].Add(definition);
        if (named.IsUnboundGenericType || WiringSymbols.ContainsTypeParameters(named))
        {
            _open[index].Add(definition);
        }
        else
        {
            _closed[index].Add(named);
        }
    }

    /// <summary>A type argument of a call that may register it (an unresolved call, a third-party builder).</summary>
    public void AddPossiblyRegistered(ITypeSymbol type)
    {
        _possiblyRegistered.Add(type);
        _possiblyRegistered.Add(type.OriginalDefinition);
    }

    public bool IsRegistered(INamedTypeSymbol type, bool keyed)
    {
        var definition = type.OriginalDefinition;
        if (_possiblyRegistered.Contains(type) || _possiblyRegistered.Contains(definition))
        {
            return true;
        }
        var index = keyed ? 1 : 0;
        if (_closed[index].Contains(type) || _open[index].Contains(definition))
        {
            return true;
        }
        // A dependency that still has type parameters (IValidator<T> of an open generic consumer): any registration of
        // it will do.
        return WiringSymbols.ContainsTypeParameters(type) && _any[index].Contains(definition);
    }

    public Consumer AddConsumer(INamedTypeSymbol type, ConsumerKind kind, bool checksConstructor)
    {
        var definition = type.OriginalDefinition;
        if (!Consumers.TryGetValue(definition, out var consumer))
        {
            consumer = new Consumer(definition);
            Consumers.Add(definition, consumer);
        }
        consumer.ChecksConstructor |= checksConstructor;
        consumer.IsMiddleware |= kind == ConsumerKind.Middleware;
        if (kind == ConsumerKind.Controller)
        {
            Controllers.Add(definition);
        }
        return consumer;
    }

    public void AddImplementation(INamedTypeSymbol type, string registeredAs)
    {
        var definition = type.OriginalDefinition;
        if (!Implementations.TryGetValue(definition, out var services))
        {
            services = new SortedSet<string>(System.StringComparer.Ordinal);
            Implementations.Add(definition, services);
        }
        services.Add(registeredAs);
    }
}
