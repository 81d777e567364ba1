using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Routes;

/// <summary>
/// Collects the routes a web app maps: minimal APIs (MapGet/MapPost/.../Map/MapMethods/MapHealthChecks/MapHub and any
/// Map* with a pattern), MapGroup prefixes (chained or through locals), UsePathBase, UseHealthChecks, attribute-routed
/// controllers when MapControllers is called, and conventional routes (MapDefaultControllerRoute, MapControllerRoute)
/// expanded over the controllers' actions. Registers its actions on a compilation start; <see cref="Build"/> at the
/// end.
/// </summary>
internal sealed class RouteCollector
{
    /// <summary>Map* calls whose routes come from elsewhere (conventions, files, fallbacks): every path may be
    /// mapped.</summary>
    private static readonly HashSet<string> UnknownMaps = new HashSet<string>(StringComparer.Ordinal)
    {
        "MapAreaControllerRoute", "MapDynamicControllerRoute", "MapDynamicPageRoute",
        "MapFallback", "MapFallbackToFile", "MapFallbackToController", "MapFallbackToPage",
            "MapFallbackToAreaController", "MapFallbackToAreaPage",
        "MapRazorPages", "MapRazorComponents", "MapBlazorHub",
    };

    /// <summary>Map* calls that serve no HTTP GET path a probe would use.</summary>
    private static readonly HashSet<string> IgnoredMaps = new HashSet<string>(StringComparer.Ordinal)
    {
        "MapGrpcService", "MapGrpcReflectionService", "MapGroup", "MapControllers",
    };

    private static readonly Dictionary<string, string> VerbMaps = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MapGet"] = "GET", ["MapPost"] = "POST", ["MapPut"] = "PUT", ["MapDelete"] = "DELETE", ["MapPatch"] = "PATCH",
    };

    private static readonly HashSet<string> StaticFileCalls = new HashSet<string>(StringComparer.Ordinal)
    {
        "UseStaticFiles", "UseFileServer", "UseDefaultFiles", "UseDirectoryBrowser", "UseSpa", "UseSpaStaticFiles",
            "MapStaticAssets",
    };

    /// <summary>Library middleware that answers paths of its own (with no argument: its default path).</summary>
    private static readonly Dictionary<string, string> AnsweringMiddleware = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["UseSwagger"] = "/swagger/{**path}", ["UseSwaggerUI"] = "/swagger/{**path}",
            ["UseReDoc"] = "/api-docs/{**path}",
        ["UseMetricServer"] = "/metrics", ["UseOpenTelemetryPrometheusScrapingEndpoint"] = "/metrics",
        ["UseHealthChecksUI"] = "/healthchecks-ui/{**path}", ["UseHealthChecksPrometheusExporter"] = "/metrics",
    };

    private readonly INamedTypeSymbol _endpointRouteBuilder;
    private readonly INamedTypeSymbol? _applicationBuilder;
    private readonly ControllerRoutes _controllers;
    private readonly ConcurrentQueue<RouteEntry> _routes = new ConcurrentQueue<RouteEntry>();
    private readonly ConcurrentQueue<string> _unknown = new ConcurrentQueue<string>();
    private readonly ConcurrentQueue<string> _pathBases = new ConcurrentQueue<string>();
    /// <summary>Conventional route patterns (MapDefaultControllerRoute, MapControllerRoute) and their
    /// defaults.</summary>
    private readonly ConcurrentQueue<(string Pattern, IReadOnlyDictionary<string, string> Defaults)> _conventional =
        new ConcurrentQueue<(string, IReadOnlyDictionary<string, string>)>();
    private readonly ConcurrentDictionary<string, bool> _literals = new ConcurrentDictionary<string,
        bool>(StringComparer.Ordinal);
    private int _isWebApp;
    private int _mapsControllers;
    private int _staticFiles;

    private RouteCollector(
        INamedTypeSymbol endpointRouteBuilder, INamedTypeSymbol? applicationBuilder, ControllerRoutes controllers)
    {
        _endpointRouteBuilder = endpointRouteBuilder;
        _applicationBuilder = applicationBuilder;
        _controllers = controllers;
    }

    /// <summary>Null when the compilation does not reference ASP.NET Core routing.</summary>
    public static RouteCollector? Create(Compilation compilation)
    {
        var builder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        return builder == null
            ? null
            : new RouteCollector(
                builder, compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder"),
                new ControllerRoutes(compilation));
    }

    public void Register(CompilationStartAnalysisContext start)
    {
        start.RegisterOperationAction(
            context => OnInvocation((IInvocationOperation)context.Operation), OperationKind.Invocation);
        start.RegisterSymbolAction(context => _controllers.Add((INamedTypeSymbol)context.Symbol), SymbolKind.NamedType);
        start.RegisterSyntaxNodeAction(context =>
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            var value = literal.Token.ValueText;
            if (value.Length > 1 && value.Length < 200 && value[0] == '/' && !IsRouteArgument(literal))
            {
                _literals.TryAdd(RouteTable.NormalizeLiteral(RouteTable.StripQuery(value)), true);
            }
        }, SyntaxKind.StringLiteralExpression);
    }

    /// <summary>A literal given to a Map*/Use* call or an attribute is a route (or base), not a path some middleware
    /// compares to.</summary>
    private static bool IsRouteArgument(LiteralExpressionSyntax literal)
    {
        if (literal.Parent is AttributeArgumentSyntax)
        {
            return true;
        }
        return literal.Parent
            is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } &&
            Infrastructure.SyntaxNames.InvokedName(invocation) is { } name &&
            (name.StartsWith("Map", StringComparison.Ordinal) || name == "UsePathBase" || name == "UseHealthChecks");
    }

    public RouteTable Build()
    {
        var routes = new List<RouteEntry>(_routes);
        string? unknown = null;
        foreach (var reason in _unknown)
        {
            unknown = unknown == null || string.CompareOrdinal(reason, unknown) < 0 ? reason : unknown;
        }
        if (_mapsControllers != 0)
        {
            routes.AddRange(_controllers.Routes());
        }
        var actions = new List<ConventionalAction>(_controllers.ConventionalActions());
        foreach (var (pattern, defaults) in _conventional)
        {
            if (actions.Count == 0)
            {
                // No conventionally routed controller here: they come from a referenced assembly, whose actions are not
                // known.
                unknown ??= "conventional routes with no controller in this project";
            }
            else if (ConventionalRoutes.Expand(pattern, defaults, actions) is { } conventional)
            {
                routes.AddRange(conventional);
            }
            else if (unknown == null)
            {
                unknown = "a conventional route that cannot be expanded (" + pattern + ")";
            }
        }
        return new RouteTable(
            _isWebApp != 0 && (routes.Count > 0 || unknown != null || _mapsControllers != 0), unknown, routes,
            new List<string>(_pathBases), _staticFiles != 0,
                new HashSet<string>(_literals.Keys, StringComparer.Ordinal));
    }

    private void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        if (IsWebHostMarker(method))
        {
            _isWebApp = 1;
            return;
        }
        if (StaticFileCalls.Contains(name))
        {
            _staticFiles = 1;
        }
        if (!name.StartsWith("Map", StringComparison.Ordinal) && !name.StartsWith("Use", StringComparison.Ordinal)
            && name != "Run")
        {
            return; // Neither an endpoint map nor a middleware this collector reads (most calls: checked by name first).
        }
        var original = method.ReducedFrom ?? method;
        if (!original.IsExtensionMethod || original.Parameters.Length == 0)
        {
            return;
        }
        var thisType = original.Parameters[0].Type;
        if (Implements(thisType, _endpointRouteBuilder))
        {
            OnEndpointMap(invocation, original, name);
        }
        else if (_applicationBuilder != null && Implements(thisType, _applicationBuilder))
        {
            OnMiddleware(invocation, name);
        }
    }

    internal static bool IsWebHostMarker(IMethodSymbol method) =>
        method.Name == "ConfigureWebHostDefaults" || method.Name == "ConfigureWebHost" || method.Name == "UseStartup"
        || method.IsStatic && method.Name.StartsWith("Create", StringComparison.Ordinal)
            && method.ContainingType?.ToDisplayString() == "Microsoft.AspNetCore.Builder.WebApplication";

    private void OnEndpointMap(IInvocationOperation invocation, IMethodSymbol method, string name)
    {
        if (name == "MapControllers")
        {
            _mapsControllers = 1;
            return;
        }
        if (name == "MapDefaultControllerRoute" || name == "MapControllerRoute")
        {
            // Either also maps the attribute-routed controllers.
            _mapsControllers = 1;
            if (ConventionalRouteCall.Read(invocation, method, name) is { } conventional
                && PrefixOf(Receiver(invocation), 0) is { Known: true, Value: "" })
            {
                _conventional.Enqueue(conventional);
            }
            else
            {
                _unknown.Enqueue(name + " with a pattern or defaults built at run time");
            }
            return;
        }
        if (!name.StartsWith("Map", StringComparison.Ordinal) || IgnoredMaps.Contains(name))
        {
            return;
        }
        if (UnknownMaps.Contains(name))
        {
            _unknown.Enqueue(name);
            return;
        }
        var patternParameter = FindPattern(method);
        if (patternParameter == null)
        {
            // The project's own Map* helpers are read where they map; a library's are not known.
            if (method.Locations.Length == 0 || !method.Locations[0].IsInSource)
            {
                _unknown.Enqueue(name);
            }
            return;
        }
        string? pattern;
        var argument = Argument(invocation, patternParameter.Ordinal);
        if (argument == null)
        {
            pattern = patternParameter.HasExplicitDefaultValue ? patternParameter.ExplicitDefaultValue as string : null;
        }
        else
        {
            pattern = argument.ConstantValue.Value as string;
        }
        if (pattern == null)
        {
            _unknown.Enqueue(name + " with a pattern built at run time");
            return;
        }
        var prefix = PrefixOf(Receiver(invocation), 0);
        var template = RouteTemplate.Parse(prefix.Known ? RouteTemplate.Combine(prefix.Value, pattern) : pattern);
        if (template == null)
        {
            _unknown.Enqueue(name + " with an unreadable pattern");
            return;
        }
        _routes.Enqueue(new RouteEntry(template, Methods(invocation, method, name), !prefix.Known));
    }

    private void OnMiddleware(IInvocationOperation invocation, string name)
    {
        switch (name)
        {
            case "UsePathBase":
                if (invocation.Arguments.Length > 1 && PathString(invocation.Arguments[1].Value) is { } pathBase)
                {
                    _pathBases.Enqueue(pathBase);
                }
                else
                {
                    _unknown.Enqueue("UsePathBase with a value built at run time");
                }
                break;
            case "UseHealthChecks":
                if (invocation.Arguments.Length > 1 && PathString(invocation.Arguments[1].Value) is { } path
                    && RouteTemplate.Parse(path) is { } template)
                {
                    _routes.Enqueue(new RouteEntry(template, null, false));
                }
                else
                {
                    _unknown.Enqueue("UseHealthChecks with a path built at run time");
                }
                break;
            case var answering when AnsweringMiddleware.TryGetValue(answering, out var defaultPath):
                if (invocation.Arguments.Length > 1 && invocation.Arguments[1].ArgumentKind == ArgumentKind.Explicit)
                {
                    _unknown.Enqueue(name + " with options"); // A custom path or route template.
                }
                else if (RouteTemplate.Parse(defaultPath) is { } answered)
                {
                    _routes.Enqueue(new RouteEntry(answered, null, false));
                }
                break;
            case "Map":
            case "MapWhen":
            case "UseWhen":
            case "Run":
                _unknown.Enqueue("a middleware branch (" + name + ")");
                break;
            case "UseEndpoints":
            case "UseMvc":
                if (invocation.Arguments.Length < 2
                    || invocation.Arguments[1].Value
                    is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation })
                {
                    _unknown.Enqueue(name + " with a delegate defined elsewhere");
                }
                if (name == "UseMvc")
                {
                    _unknown.Enqueue("UseMvc (conventional routes)");
                }
                break;
        }
    }

    /// <summary>A constant string, or a PathString made from one (implicitly or with new PathString("/x")).</summary>
    private static string? PathString(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }
        if (value.ConstantValue.Value is string text)
        {
            return text;
        }
        if (value is IObjectCreationOperation creation && creation.Arguments.Length == 1)
        {
            return PathString(creation.Arguments[0].Value);
        }
        return null;
    }

    private static IParameterSymbol? FindPattern(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if ((parameter.Name == "pattern" || parameter.Name == "path") && parameter.Ordinal > 0 &&
                (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name == "RoutePattern"))
            {
                return parameter;
            }
        }
        return null;
    }

    private static IReadOnlyCollection<string>? Methods(
        IInvocationOperation invocation, IMethodSymbol method, string name)
    {
        if (VerbMaps.TryGetValue(name, out var verb))
        {
            return new[] { verb };
        }
        if (name != "MapMethods")
        {
            return null;
        }
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == "httpMethods" && Argument(invocation, parameter.Ordinal) is { } argument
                && ConstantStrings(argument) is { } methods)
            {
                return methods;
            }
        }
        return null;
    }

    private static List<string>? ConstantStrings(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }
        var elements = operation switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ => default(ImmutableArray<IOperation>),
        };
        if (elements.IsDefault)
        {
            return null;
        }
        var result = new List<string>();
        foreach (var element in elements)
        {
            if (element.ConstantValue.Value is not string text)
            {
                return null;
            }
            result.Add(text);
        }
        return result;
    }

    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.ArgumentKind == ArgumentKind.Explicit
                    || argument.ArgumentKind == ArgumentKind.ParamArray ? argument.Value : null;
            }
        }
        return null;
    }

    /// <summary>The route prefix a builder carries: "" for the app, the MapGroup prefixes for a group; unknown
    /// otherwise.</summary>
    private (bool Known, string Value) PrefixOf(IOperation? receiver, int depth)
    {
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }
        if (receiver == null || depth > 16)
        {
            return (false, "");
        }
        if (receiver.Type?.ToDisplayString() == "Microsoft.AspNetCore.Builder.WebApplication")
        {
            return (true, "");
        }
        switch (receiver)
        {
            case IInvocationOperation { TargetMethod.Name: "MapGroup" } group:
                var groupPrefix = PrefixOf(Receiver(group), depth + 1);
                var patternArgument = group.Arguments.Length > 1 ? group.Arguments[1].Value : null;
                return groupPrefix.Known && patternArgument?.ConstantValue.Value is string pattern
                    ? (true, RouteTemplate.Combine(groupPrefix.Value, pattern))
                    : (false, "");
            case IInvocationOperation call when (call.TargetMethod.ReducedFrom ?? call.TargetMethod)
                .IsExtensionMethod &&
                                               SymbolEqualityComparer.Default.Equals(call.Type, Receiver(call)?.Type):
                // Conventions (WithTags, RequireAuthorization, ...) return the builder they were given.
                return PrefixOf(Receiver(call), depth + 1);
            case ILocalReferenceOperation local:
                return PrefixOf(Initializer(local), depth + 1);
            case IParameterReferenceOperation parameter when parameter.Parameter.ContainingSymbol
                is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } &&
                                                          SymbolEqualityComparer.Default.Equals(
                                                              parameter.Type, _endpointRouteBuilder):
                return (true, ""); // app.UseEndpoints(endpoints => ...)
            default:
                return (false, "");
        }
    }

    private static IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (local.Local.DeclaringSyntaxReferences.Length != 1 || local.SemanticModel == null)
        {
            return null;
        }
        var syntax = local.Local.DeclaringSyntaxReferences[0].GetSyntax();
        if (syntax is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || value.SyntaxTree != local.SemanticModel.SyntaxTree)
        {
            return null;
        }
        return local.SemanticModel.GetOperation(value);
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface)
    {
        if (SymbolEqualityComparer.Default.Equals(type, @interface))
        {
            return true;
        }
        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
            {
                return true;
            }
        }
        return false;
    }
}
