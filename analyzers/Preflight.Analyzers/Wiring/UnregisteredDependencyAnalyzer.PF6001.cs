using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Wiring;

/// <summary>
/// PF6001: a constructor parameter of a controller, Razor Page model, SignalR hub, conventional middleware (and the
/// extra
/// parameters of its Invoke/InvokeAsync), hosted service, typed HTTP client or registered implementation whose type is
/// declared in this project and that no service registration of the project provides. A compilation-end rule: it needs
/// every registration of the project. Precision first: nothing is reported in a project that scans assemblies or
/// registers computed types, in a project that does not use dependency injection, or in a class library (its host may
/// register what it needs).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnregisteredDependencyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF6001);

    public override void Initialize(AnalysisContext context)
    {
        // Registrations emitted by source generators count, so generated code is analyzed; nothing is reported in it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (WiringSymbols.Create(start.Compilation) is not { } symbols
                || !ProjectContext.Create(start.Options).IsDeployable)
            {
                return;
            }
            var collector = new ServiceGraphCollector(symbols);
            collector.Register(start);
            start.RegisterCompilationEndAction(end =>
            {
                var graph = collector.Build(end.CancellationToken);
                if (!graph.UsesDependencyInjection || graph.HasUnknownRegistrations)
                {
                    return;
                }
                foreach (var consumer in graph.Consumers.Values)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    Check(end, symbols, graph, consumer);
                }
            });
        });
    }

    private static void Check(
        CompilationAnalysisContext context, WiringSymbols symbols, ServiceGraph graph, Consumer consumer)
    {
        var type = consumer.Type;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || !symbols.IsDeclaredInSource(type))
        {
            return;
        }
        var name = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (consumer.ChecksConstructor && SingleConstructor(type) is { } constructor)
        {
            foreach (var parameter in constructor.Parameters)
            {
                CheckParameter(context, symbols, graph, parameter, name);
            }
        }
        if (consumer.IsMiddleware && InvokeMethod(type, symbols) is { } invoke)
        {
            foreach (var parameter in invoke.Parameters.Skip(1))
            {
                CheckParameter(context, symbols, graph, parameter, name + "." + invoke.Name);
            }
        }
    }

    /// <summary>
    /// The constructor the container uses. With several public constructors it picks the longest it can satisfy, so
    /// a missing dependency of one of them is not an error: no finding then.
    /// </summary>
    private static IMethodSymbol? SingleConstructor(INamedTypeSymbol type)
    {
        IMethodSymbol? found = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }
            if (found != null)
            {
                return null;
            }
            found = constructor;
        }
        return found;
    }

    /// <summary>The one public Invoke/InvokeAsync(HttpContext, ...) of a conventional middleware (UseMiddleware throws
    /// otherwise).</summary>
    private static IMethodSymbol? InvokeMethod(INamedTypeSymbol type, WiringSymbols symbols)
    {
        IMethodSymbol? found = null;
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public,
                MethodKind: MethodKind.Ordinary } method &&
                (method.Name == "Invoke" || method.Name == "InvokeAsync"))
            {
                if (found != null)
                {
                    return null;
                }
                found = method;
            }
        }
        return found != null && found.Parameters.Length > 0 && symbols.HttpContext != null &&
            SymbolEqualityComparer.Default.Equals(found.Parameters[0].Type, symbols.HttpContext)
            ? found
            : null;
    }

    private static void CheckParameter(
        CompilationAnalysisContext context, WiringSymbols symbols, ServiceGraph graph, IParameterSymbol parameter,
        string consumer)
    {
        if (parameter.HasExplicitDefaultValue || parameter.IsOptional || parameter.IsParams ||
            parameter.Type is not INamedTypeSymbol { TypeKind: not TypeKind.Error } type
                || !symbols.IsDeclaredInSource(type))
        {
            return;
        }
        var keyed = false;
        var key = "";
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass == null)
            {
                continue;
            }
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.ServiceKey))
            {
                return;
            }
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.FromKeyedServices))
            {
                keyed = true;
                key = attribute.ConstructorArguments.Length == 1 ? DescribeKey(attribute.ConstructorArguments[0])
                    : " as a keyed service";
            }
        }
        if (graph.IsRegistered(type, keyed) || Location(parameter) is not { } location)
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PF6001, location, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                consumer, key));
    }

    private static string DescribeKey(TypedConstant key) =>
        key.Kind == TypedConstantKind.Primitive && key.Value is string text ? " for the key \"" + text + "\""
        : key.Kind == TypedConstantKind.Primitive
            && key.Value != null ? " for the key " + System.Convert.ToString(key.Value, CultureInfo.InvariantCulture)
        : " as a keyed service";

    /// <summary>The parameter's type and name (without its attributes), in a constructor or a primary
    /// constructor.</summary>
    private static Location? Location(IParameterSymbol parameter)
    {
        foreach (var reference in parameter.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is ParameterSyntax { Type: { } type } syntax)
            {
                return Microsoft.CodeAnalysis.Location.Create(
                    syntax.SyntaxTree, TextSpan.FromBounds(type.SpanStart, syntax.Identifier.Span.End));
            }
        }
        return null;
    }
}
