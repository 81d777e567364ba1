using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Wiring;

/// <summary>
/// Collects, over a whole compilation, the service registrations (AddScoped/AddSingleton/AddTransient, TryAdd*,
/// AddKeyed*, ServiceDescriptor, AddHostedService, AddHttpClient, AddDbContext, ...) and the types the container or the
/// framework activates (controllers, page models, hubs, middleware, hosted services, registered implementations).
/// Registrations anywhere in the project count, including in its own extension methods
/// (<c>services.AddInfrastructure()</c>);
/// registrations of a generic method's type parameter are resolved through the method's call sites in the project.
/// Create one per compilation start; read the result with <see cref="Build"/> at compilation end. Over 600 lines: one
/// collector for the whole DI graph, as PF6001 and PF6002 need the same registrations and activations in one pass.
/// </summary>
internal sealed class ServiceGraphCollector
{
    /// <summary>Calls (outside this project's source, or unresolved) that register types the code does not name:
    /// scanning, third-party containers, reflection.</summary>
    private static readonly HashSet<string> ScanningMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "Scan", "AddClasses", "FromAssemblies", "FromAssemblyOf", "FromAssembliesOf", "FromApplicationDependencies",
        "FromCallingAssembly", "FromExecutingAssembly", "FromEntryAssembly", "FromDependencyContext",
        "RegisterAssemblyTypes", "RegisterAssemblyModules", "AddMediatR", "RegisterServicesFromAssembly",
        "RegisterServicesFromAssemblies", "RegisterServicesFromAssemblyContaining", "AddAutoMapper",
        "AddValidatorsFromAssembly", "AddValidatorsFromAssemblies", "AddValidatorsFromAssemblyContaining",
        "UseServiceProviderFactory", "ConfigureContainer", "UseAutofac", "UseLamar",
        "GetTypes", "GetExportedTypes", "get_DefinedTypes", "get_ExportedTypes",
    };

    /// <summary>Parameters of the registration APIs whose argument the container does not construct.</summary>
    private static readonly HashSet<string> NotConstructedParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "implementationFactory", "implementationInstance", "instance", "factory",
    };

    private const int MaxSubstitutionDepth = 8;

    private readonly WiringSymbols _symbols;
    private readonly ConcurrentQueue<Registration> _registrations = new ConcurrentQueue<Registration>();
    private readonly ConcurrentQueue<ITypeSymbol> _possiblyRegistered = new ConcurrentQueue<ITypeSymbol>();
    private readonly ConcurrentQueue<(IMethodSymbol Method, ImmutableArray<ITypeSymbol> TypeArguments)> _genericCalls =
        new ConcurrentQueue<(IMethodSymbol, ImmutableArray<ITypeSymbol>)>();
    private readonly ConcurrentQueue<(ITypeSymbol Type,
        bool HasArguments)> _middleware = new ConcurrentQueue<(ITypeSymbol, bool)>();
    private readonly ConcurrentQueue<(INamedTypeSymbol Type,
        ConsumerKind Kind)> _declaredConsumers = new ConcurrentQueue<(INamedTypeSymbol, ConsumerKind)>();
    private int _unknownRegistrations;
    private int _usesDependencyInjection;

    public ServiceGraphCollector(WiringSymbols symbols)
    {
        _symbols = symbols;
    }

    public void Register(CompilationStartAnalysisContext start)
    {
        start.RegisterOperationAction(
            context => OnInvocation((IInvocationOperation)context.Operation), OperationKind.Invocation);
        start.RegisterOperationAction(
            context => OnObjectCreation((IObjectCreationOperation)context.Operation), OperationKind.ObjectCreation);
        // assembly.DefinedTypes / ExportedTypes: looked for where a file's text names them, once per file, rather than
        // in a callback for every property reference of the code.
        start.RegisterSemanticModelAction(OnSemanticModel);
        // Only calls that do not bind are invalid (or dynamic) operations: binding every invocation to find them cost
        // more than the rest of the collection.
        start.RegisterOperationAction(OnInvalidOperation, OperationKind.Invalid, OperationKind.DynamicInvocation);
        start.RegisterSymbolAction(context => OnNamedType((INamedTypeSymbol)context.Symbol), SymbolKind.NamedType);
    }

    // ---- collection (concurrent) ----

    private void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = ReceiverType(invocation);
        var fromSource = method.Locations.Length > 0 && method.Locations[0].IsInSource;
        if (Volatile.Read(ref _usesDependencyInjection) == 0 && _symbols.IsServiceCollection(receiver))
        {
            Interlocked.Exchange(ref _usesDependencyInjection, 1);
        }
        if (!fromSource && ScanningMethods.Contains(method.Name))
        {
            MarkUnknown();
            return;
        }
        foreach (var argument in invocation.Arguments)
        {
            if (_symbols.IsAssemblyLike(Unwrap(argument.Value).Type) &&
                (_symbols.IsServiceCollection(receiver)
                    || (!fromSource && !IsFrameworkAssembly(method.ContainingAssembly))))
            {
                MarkUnknown();
                return;
            }
        }
        if (method.IsGenericMethod && fromSource)
        {
            _genericCalls.Enqueue((method.OriginalDefinition, method.TypeArguments));
        }
        if (fromSource)
        {
            return;
        }
        if (method.Name == "UseMiddleware" && method.ContainingType?.Name == "UseMiddlewareExtensions")
        {
            OnUseMiddleware(invocation, method);
            return;
        }
        if (method.Name.StartsWith("AddDbContext", StringComparison.Ordinal)
            || method.Name.StartsWith("AddPooledDbContextFactory", StringComparison.Ordinal))
        {
            // EF Core: the context (and, for the two-argument forms, its service type) is registered.
            foreach (var typeArgument in method.TypeArguments)
            {
                _registrations.Enqueue(
                    new Registration(typeArgument, null, null, keyed: false, RegistrationKind.DbContext));
            }
            return;
        }
        if (IsDependencyInjectionNamespace(method.ContainingType?.ContainingNamespace)
            && OnRegistration(method, invocation.Arguments))
        {
            return;
        }
        if (method.IsGenericMethod && IsBuilderLike(receiver))
        {
            // A registration API this rule does not know (AddCheck<T>, AddConsumer<T>, RegisterType<T>().As<I>(), ...):
            // its type arguments may be registered by it.
            foreach (var typeArgument in method.TypeArguments)
            {
                _possiblyRegistered.Enqueue(typeArgument);
            }
        }
    }

    private void OnObjectCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is { } constructor && _symbols.ServiceDescriptor != null &&
            SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _symbols.ServiceDescriptor))
        {
            OnRegistration(constructor, creation.Arguments);
        }
    }

    private static readonly string[] ScanningProperties = { "DefinedTypes", "ExportedTypes" };

    private void OnSemanticModel(SemanticModelAnalysisContext context)
    {
        foreach (var property in ScanningProperties)
        {
            foreach (var token in TextTokens.At(context.SemanticModel.SyntaxTree, property, 0, context.CancellationToken))
            {
                if (token.Parent is not IdentifierNameSyntax name)
                {
                    continue; // Not a name used in an expression (a declaration of its own).
                }
                // The operation of the access (x.DefinedTypes, x?.DefinedTypes) or of the name alone.
                SyntaxNode access = name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member
                    : name.Parent is MemberBindingExpressionSyntax binding ? binding : name;
                if (context.SemanticModel.GetOperation(access, context.CancellationToken)
                    is IPropertyReferenceOperation reference)
                {
                    OnPropertyReference(reference);
                }
            }
        }
    }

    private void OnPropertyReference(IPropertyReferenceOperation reference)
    {
        // assembly.DefinedTypes / assembly.ExportedTypes feed reflection-based registration.
        if ((reference.Property.Name == "DefinedTypes" || reference.Property.Name == "ExportedTypes") &&
            reference.Property.ContainingType is { } type && _symbols.Assembly != null &&
            WiringSymbols.InheritsFrom(type, _symbols.Assembly))
        {
            MarkUnknown();
        }
    }

    private void OnInvalidOperation(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is InvocationExpressionSyntax node && context.Operation.SemanticModel is { } model)
        {
            OnUnresolvedInvocation(node, model, context.CancellationToken);
        }
    }

    /// <summary>A call that does not bind (a package the compilation lacks): it may register its type arguments, or
    /// scan.</summary>
    private void OnUnresolvedInvocation(InvocationExpressionSyntax node, SemanticModel model, CancellationToken token)
    {
        if (model.GetSymbolInfo(node, token).Symbol != null)
        {
            return;
        }
        var name = node.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        if (name == null)
        {
            return;
        }
        if (ScanningMethods.Contains(name.Identifier.ValueText))
        {
            MarkUnknown();
            return;
        }
        foreach (var argument in node.ArgumentList.Arguments)
        {
            if (_symbols.IsAssemblyLike(model.GetTypeInfo(argument.Expression, token).Type))
            {
                MarkUnknown();
                return;
            }
        }
        if (node.Expression is MemberAccessExpressionSyntax member &&
            _symbols.IsServiceCollection(model.GetTypeInfo(member.Expression, token).Type))
        {
            Interlocked.Exchange(ref _usesDependencyInjection, 1);
        }
        if (name is GenericNameSyntax generic)
        {
            foreach (var typeArgument in generic.TypeArgumentList.Arguments)
            {
                if (model.GetTypeInfo(typeArgument, token)
                    .Type is { TypeKind: not TypeKind.Error } type)
                {
                    _possiblyRegistered.Enqueue(type);
                }
            }
        }
    }

    private void OnNamedType(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            return;
        }
        if (IsController(type))
        {
            _declaredConsumers.Enqueue((type, ConsumerKind.Controller));
        }
        if (!type.IsGenericType && WiringSymbols.InheritsFrom(type, _symbols.PageModel))
        {
            _declaredConsumers.Enqueue((type, ConsumerKind.PageModel));
        }
        if (!type.IsGenericType && WiringSymbols.InheritsFrom(type, _symbols.Hub))
        {
            _declaredConsumers.Enqueue((type, ConsumerKind.Hub));
        }
    }

    /// <summary>MVC's ControllerFeatureProvider: public top-level non-abstract non-generic class, not [NonController],
    /// named *Controller or [Controller] (ControllerBase, [ApiController]).</summary>
    private bool IsController(INamedTypeSymbol type)
    {
        if (_symbols.ControllerAttribute == null || type.DeclaredAccessibility != Accessibility.Public
            || type.ContainingType != null || type.IsGenericType)
        {
            return false;
        }
        var attributed = false;
        for (var current = type; current != null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeClass)
                {
                    continue;
                }
                if (SymbolEqualityComparer.Default.Equals(attributeClass, _symbols.NonControllerAttribute))
                {
                    return false;
                }
                attributed |= WiringSymbols.InheritsFrom(attributeClass, _symbols.ControllerAttribute);
            }
        }
        return attributed || type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase);
    }

    private void OnUseMiddleware(IInvocationOperation invocation, IMethodSymbol method)
    {
        ITypeSymbol? middleware = method.IsGenericMethod
            && method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
        var hasArguments = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter == null)
            {
                continue;
            }
            if (argument.Parameter.IsParams)
            {
                // UseMiddleware<T>() passes an empty params array; anything else gives the constructor explicit
                // arguments.
                var empty = argument.ArgumentKind == ArgumentKind.ParamArray &&
                    Unwrap(argument.Value) is IArrayCreationOperation creation &&
                    (creation.Initializer == null || creation.Initializer.ElementValues.Length == 0);
                hasArguments |= !empty;
            }
            else if (middleware == null && argument.Parameter.Type.Name == "Type")
            {
                middleware = TypeOf(argument.Value);
            }
        }
        if (middleware != null)
        {
            _middleware.Enqueue((middleware, hasArguments));
        }
    }

    /// <summary>
    /// AddScoped/AddSingleton/AddTransient, TryAdd*, AddKeyed*, TryAddKeyed*, ServiceDescriptor factories and
    /// constructors,
    /// AddHostedService, AddHttpClient/AddTypedClient. False when the method is none of them.
    /// </summary>
    private bool OnRegistration(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        var kind = RegistrationKindOf(method);
        if (kind == null)
        {
            return false;
        }
        ITypeSymbol? service = null;
        ITypeSymbol? implementation = null;
        ITypeSymbol? held = null;
        var constructed = true;
        var keyed = method.Name.IndexOf("Keyed", StringComparison.Ordinal) >= 0;
        for (var i = 0; i < method.TypeParameters.Length && i < method.TypeArguments.Length; i++)
        {
            switch (method.TypeParameters[i].Name)
            {
                case "TService":
                case "TClient":
                    service = method.TypeArguments[i];
                    break;
                case "TImplementation":
                case "THostedService":
                    implementation = method.TypeArguments[i];
                    break;
            }
        }
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter;
            if (parameter == null)
            {
                continue;
            }
            switch (parameter.Name)
            {
                case "serviceType":
                case "implementationType":
                    if (!SymbolEqualityComparer.Default.Equals(parameter.Type, _symbols.Type))
                    {
                        break;
                    }
                    var type = TypeOf(argument.Value);
                    if (type == null)
                    {
                        if (!(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value == null))
                        {
                            // A Type computed at run time (a loop over types, MakeGenericType): registrations are
                            // unknowable.
                            MarkUnknown();
                        }
                        return true;
                    }
                    if (parameter.Name == "serviceType")
                    {
                        service = type;
                    }
                    else
                    {
                        implementation = type;
                    }
                    break;
                case "serviceKey":
                    keyed = !(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value == null);
                    break;
                default:
                    if (NotConstructedParameters.Contains(parameter.Name))
                    {
                        constructed = false;
                        held = CreatedType(argument.Value);
                    }
                    break;
            }
        }
        if (!constructed)
        {
            held ??= implementation;
        }
        if (kind == RegistrationKind.HostedService)
        {
            // IHostedService is the service; the hosted type itself is not resolvable.
            _registrations.Enqueue(
                new Registration(
                null, constructed ? implementation : null, constructed ? implementation : held, keyed: false,
                kind.Value));
            return true;
        }
        if (service == null)
        {
            return true;
        }
        if (constructed && implementation == null)
        {
            implementation = service;
        }
        _registrations.Enqueue(
            new Registration(
            service, constructed ? implementation : null, constructed ? implementation : held, keyed, kind.Value));
        return true;
    }

    private RegistrationKind? RegistrationKindOf(IMethodSymbol method)
    {
        var name = method.Name;
        if (method.MethodKind == MethodKind.Constructor)
        {
            return RegistrationKind.Service;
        }
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.ServiceDescriptor))
        {
            return name == "Describe" || name == "DescribeKeyed"
                || IsLifetime(name.StartsWith("Keyed", StringComparison.Ordinal) ? name.Substring(5) : name)
                ? RegistrationKind.Service
                : null;
        }
        if (name == "AddHostedService")
        {
            return RegistrationKind.HostedService;
        }
        if ((name == "AddHttpClient" || name == "AddTypedClient") && method.IsGenericMethod)
        {
            return RegistrationKind.TypedClient;
        }
        var rest = name.StartsWith("TryAdd", StringComparison.Ordinal) ? name.Substring(6)
            : name.StartsWith("Add", StringComparison.Ordinal) ? name.Substring(3)
            : null;
        if (rest == null)
        {
            return null;
        }
        if (rest.StartsWith("Keyed", StringComparison.Ordinal))
        {
            rest = rest.Substring(5);
        }
        return IsLifetime(rest) ? RegistrationKind.Service : null;
    }

    private static bool IsLifetime(string name) => name == "Scoped" || name == "Singleton" || name == "Transient";

    // ---- the graph (compilation end) ----

    public ServiceGraph Build(CancellationToken cancellationToken)
    {
        var graph = new ServiceGraph
        {
            UsesDependencyInjection = Volatile.Read(ref _usesDependencyInjection) != 0 || !_registrations.IsEmpty,
        };
        var callSites = new Dictionary<IMethodSymbol,
            List<ImmutableArray<ITypeSymbol>>>(SymbolEqualityComparer.Default);
        foreach (var (method, typeArguments) in _genericCalls)
        {
            if (!callSites.TryGetValue(method, out var list))
            {
                list = new List<ImmutableArray<ITypeSymbol>>();
                callSites.Add(method, list);
            }
            list.Add(typeArguments);
        }
        var unknown = Volatile.Read(ref _unknownRegistrations) != 0;
        foreach (var registration in _registrations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var services = new List<ITypeSymbol>();
            if (registration.Service != null)
            {
                unknown |= !Substitute(registration.Service, callSites, services, 0);
            }
            foreach (var service in services)
            {
                graph.AddRegistered(service, registration.Keyed);
            }
            var implementations = new List<ITypeSymbol>();
            if (registration.Implementation != null)
            {
                Substitute(registration.Implementation, callSites, implementations, 0);
            }
            foreach (var implementation in implementations)
            {
                if (implementation is INamedTypeSymbol named)
                {
                    graph.AddConsumer(named, ConsumerOf(registration.Kind), checksConstructor: true);
                }
            }
            var held = new List<ITypeSymbol>();
            if (registration.Held != null)
            {
                Substitute(registration.Held, callSites, held, 0);
            }
            foreach (var type in held)
            {
                if (type is INamedTypeSymbol named)
                {
                    graph.AddImplementation(named, Describe(registration, services));
                }
            }
        }
        foreach (var type in _possiblyRegistered)
        {
            graph.AddPossiblyRegistered(type);
        }
        foreach (var (type, hasArguments) in _middleware)
        {
            var middleware = new List<ITypeSymbol>();
            Substitute(type, callSites, middleware, 0);
            foreach (var each in middleware)
            {
                if (each is INamedTypeSymbol named && !WiringSymbols.Implements(named, _symbols.Middleware))
                {
                    graph.AddConsumer(named, ConsumerKind.Middleware, checksConstructor: !hasArguments);
                }
            }
        }
        foreach (var (type, kind) in _declaredConsumers)
        {
            graph.AddConsumer(type, kind, checksConstructor: true);
        }
        graph.HasUnknownRegistrations = unknown;
        return graph;
    }

    /// <summary>
    /// Replaces a generic method's type parameter by the type arguments of the method's calls in the project,
    /// recursively.
    /// False when the type cannot be known (a type parameter of a generic class).
    /// </summary>
    private static bool Substitute(
        ITypeSymbol type, Dictionary<IMethodSymbol, List<ImmutableArray<ITypeSymbol>>> callSites,
        List<ITypeSymbol> result, int depth)
    {
        if (type is not ITypeParameterSymbol parameter)
        {
            result.Add(type);
            return true;
        }
        if (depth >= MaxSubstitutionDepth)
        {
            return true;
        }
        if (parameter.TypeParameterKind != TypeParameterKind.Method || parameter.DeclaringMethod == null)
        {
            return false;
        }
        if (!callSites.TryGetValue(parameter.DeclaringMethod.OriginalDefinition, out var calls))
        {
            return true;
        }
        var known = true;
        foreach (var typeArguments in calls)
        {
            if (parameter.Ordinal < typeArguments.Length)
            {
                known &= Substitute(typeArguments[parameter.Ordinal], callSites, result, depth + 1);
            }
        }
        return known;
    }

    private static ConsumerKind ConsumerOf(RegistrationKind kind) => kind switch
    {
        RegistrationKind.HostedService => ConsumerKind.HostedService,
        RegistrationKind.TypedClient => ConsumerKind.TypedClient,
        _ => ConsumerKind.Implementation,
    };

    private static string Describe(Registration registration, List<ITypeSymbol> services)
    {
        if (registration.Kind == RegistrationKind.HostedService || services.Count == 0)
        {
            return "a hosted service";
        }
        return "'" + services[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'";
    }

    // ---- helpers ----

    private void MarkUnknown() => Interlocked.Exchange(ref _unknownRegistrations, 1);

    /// <summary>The receiver of a call: the first argument of an extension method, else the instance.</summary>
    private static ITypeSymbol? ReceiverType(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsExtensionMethod
            || (invocation.Instance == null && method.Parameters.Length > 0 && method.Parameters[0].IsThis))
        {
            return invocation.Arguments.Length > 0 ? Unwrap(invocation.Arguments[0].Value).Type
                ?? method.Parameters[0].Type : null;
        }
        return invocation.Instance?.Type;
    }

    private bool IsBuilderLike(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }
        if (_symbols.IsServiceCollection(type))
        {
            return true;
        }
        var name = type.Name;
        return name.EndsWith("Builder", StringComparison.Ordinal)
            || name.EndsWith("Configurator", StringComparison.Ordinal);
    }

    /// <summary>Microsoft.Extensions.DependencyInjection(.Extensions), by the names of the namespace chain (asked for
    /// every call of a library method: no display string).</summary>
    private static bool IsDependencyInjectionNamespace(INamespaceSymbol? ns)
    {
        if (ns is { Name: "Extensions" } && ns.ContainingNamespace is { Name: "DependencyInjection" } parent)
        {
            ns = parent;
        }
        return ns is { Name: "DependencyInjection", ContainingNamespace: { Name: "Extensions" } extensions }
            && extensions.ContainingNamespace is { Name: "Microsoft" } microsoft
            && microsoft.ContainingNamespace is { IsGlobalNamespace: true };
    }

    private static bool IsFrameworkAssembly(IAssemblySymbol? assembly)
    {
        var name = assembly?.Name ?? "";
        return name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal) ||
            name == "mscorlib" || name == "netstandard";
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }
        return operation;
    }

    /// <summary>The type of <c>typeof(X)</c> (open generics as their definition), or null for any other
    /// expression.</summary>
    private static ITypeSymbol? TypeOf(IOperation value) =>
        Unwrap(value) is ITypeOfOperation typeOf
            ? typeOf.TypeOperand is INamedTypeSymbol { IsUnboundGenericType: true } unbound ? unbound.OriginalDefinition
                : typeOf.TypeOperand
            : null;

    /// <summary>The class an instance or a factory lambda creates (<c>new Foo()</c>, <c>sp =&gt; new Foo(...)</c>), or
    /// null.</summary>
    private static ITypeSymbol? CreatedType(IOperation value)
    {
        var operation = Unwrap(value);
        if (operation is IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } &&
            function.Body.Operations.Length == 1
                && function.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned })
        {
            operation = Unwrap(returned);
        }
        return operation is IObjectCreationOperation creation ? creation.Type : null;
    }

    private enum RegistrationKind
    {
        Service,
        HostedService,
        TypedClient,
        DbContext,
    }

    private sealed class Registration
    {
        public Registration(
            ITypeSymbol? service, ITypeSymbol? implementation, ITypeSymbol? held, bool keyed, RegistrationKind kind)
        {
            Service = service;
            Implementation = implementation;
            Held = held;
            Keyed = keyed;
            Kind = kind;
        }

        /// <summary>The type that resolves (may be a type parameter of a generic helper method).</summary>
        public ITypeSymbol? Service { get; }

        /// <summary>The type the container constructs, its constructor parameters resolved from the
        /// container.</summary>
        public ITypeSymbol? Implementation { get; }

        /// <summary>The type whose members callers reach: the constructed implementation, or the class an
        /// instance/factory creates.</summary>
        public ITypeSymbol? Held { get; }

        public bool Keyed { get; }
        public RegistrationKind Kind { get; }
    }
}
