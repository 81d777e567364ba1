using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Wiring;

/// <summary>
/// PF6003: a constant type name given to <c>Type.GetType</c>, <c>Activator.CreateInstance(assemblyName, typeName)</c>
/// or
/// <c>Assembly.GetType</c> that names no type of the compilation or of the assembly it points at.
/// Unknown shapes (non-constant names, custom resolvers, case-insensitive lookups, assemblies that are not referenced,
/// namespaces of compiled references whose internal types the compiler may not see) report nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TypeNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF6003);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var type = compilation.GetTypeByMetadataName("System.Type");
            var activator = compilation.GetTypeByMetadataName("System.Activator");
            var assembly = compilation.GetTypeByMetadataName("System.Reflection.Assembly");
            if (type == null || activator == null || assembly == null)
            {
                return;
            }
            var resolver = new TypeNameResolver(compilation);
            start.RegisterOperationAction(
                operationContext =>
                    Analyze(operationContext, (IInvocationOperation)operationContext.Operation, type, activator,
                    assembly, resolver),
                OperationKind.Invocation);
        });
    }

    private static void Analyze(
        OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol type,
        INamedTypeSymbol activator, INamedTypeSymbol assembly, TypeNameResolver resolver)
    {
        var method = invocation.TargetMethod;
        if (method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return;
        }
        if (method.Name == "GetType" && method.IsStatic
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
        {
            // GetType(name), GetType(name, throwOnError), GetType(name, throwOnError, ignoreCase); the resolver
            // overloads resolve by custom code.
            if (!OnlyStringAndBooleans(method) || IgnoresCase(invocation, 2) || !(Argument(invocation, 0) is { } name)
                || ExpectsAbsence(invocation))
            {
                return;
            }
            Check(context, resolver, name, TypeNameScope.Everywhere, allowAssemblyName: true, "Type.GetType");
        }
        else if (method.Name == "CreateInstance" && method.IsStatic
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, activator))
        {
            // CreateInstance(assemblyName, typeName, ...): the type is looked up in that assembly.
            if (method.Parameters.Length < 2 || method.Parameters[1].Type.SpecialType != SpecialType.System_String ||
                !(Argument(invocation, 0) is { } assemblyArgument) || !(Argument(invocation, 1) is { } name))
            {
                return;
            }
            if (invocation.Arguments.Length > 2 && method.Parameters.Length > 2
                && method.Parameters[2].Type.SpecialType == SpecialType.System_Boolean &&
                !IsConstant(invocation, 2, false))
            {
                return; // CreateInstance(assemblyName, typeName, ignoreCase, ...)
            }
            var scope = assemblyArgument.ConstantValue.Value is string assemblyName
                ? resolver.ForAssemblyName(AssemblyNameText.SimpleName(assemblyName))
                : TypeNameScope.ThisAssembly(resolver.Compilation.Assembly);
            if (scope != null)
            {
                Check(context, resolver, name, scope, allowAssemblyName: false, "Activator.CreateInstance");
            }
        }
        else if (method.Name == "GetType" && !method.IsStatic && IsOrDerives(method.ContainingType, assembly))
        {
            if (!OnlyStringAndBooleans(method) || IgnoresCase(invocation, 2) || !(Argument(invocation, 0) is { } name)
                || ExpectsAbsence(invocation))
            {
                return;
            }
            if (IsAssemblyLoad(invocation.Instance))
            {
                return; // Assembly.Load("Plugins"): an assembly known only at run time.
            }
            if (ReceiverScope(invocation.Instance, resolver) is not { } scope)
            {
                return; // an Assembly held in a field, property or list: which one it is cannot be known (Assembly.Load
                        // by name).
            }
            Check(context, resolver, name, scope, allowAssemblyName: false, "Assembly.GetType");
        }
    }

    private static void Check(
        OperationAnalysisContext context, TypeNameResolver resolver, IOperation argument, TypeNameScope scope,
        bool allowAssemblyName, string api)
    {
        if (argument.ConstantValue.Value is not string text || TypeNameText.Parse(text) is not { } name)
        {
            return;
        }
        if (name.AssemblyName != null)
        {
            if (!allowAssemblyName)
            {
                return; // Assembly.GetType and Activator take no assembly-qualified names; other rules of the runtime
                        // apply.
            }
            if (resolver.ForAssemblyName(name.AssemblyName) is not { } named)
            {
                return; // The assembly is not referenced: it may be loaded at run time (plugins).
            }
            scope = named;
        }
        if (resolver.Exists(name.MetadataName, scope) != false)
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PF6003, argument.Syntax.GetLocation(), name.DisplayName, scope.Description, api));
    }

    private static TypeNameScope? ReceiverScope(IOperation? receiver, TypeNameResolver resolver)
    {
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }
        if (receiver is IPropertyReferenceOperation { Property.Name: "Assembly" } property
            && property.Instance is ITypeOfOperation typeOf &&
            typeOf.TypeOperand.ContainingAssembly is { } containing)
        {
            return SymbolEqualityComparer.Default.Equals(containing, resolver.Compilation.Assembly)
                ? TypeNameScope.ThisAssembly(containing)
                : TypeNameScope.Referenced(containing);
        }
        if (receiver is IInvocationOperation { TargetMethod: { Name: "GetExecutingAssembly", IsStatic: true } } call &&
            call.TargetMethod.ContainingType.ToDisplayString() == "System.Reflection.Assembly")
        {
            return TypeNameScope.ThisAssembly(resolver.Compilation.Assembly);
        }
        return null;
    }

    /// <summary>
    /// <c>Type.GetType("Mono.Runtime") != null</c>, <c>?.</c>, <c>??</c>, <c>is null</c>: the code probes for a type
    /// that may
    /// be absent (unless it asked for an exception with throwOnError: true).
    /// </summary>
    private static bool ExpectsAbsence(IInvocationOperation invocation)
    {
        if (IsConstant(invocation, 1, true))
        {
            return false;
        }
        IOperation current = invocation;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }
        return current.Parent switch
        {
            IBinaryOperation binary => IsNull(binary.LeftOperand) || IsNull(binary.RightOperand),
            IIsPatternOperation => true,
            ICoalesceOperation coalesce => coalesce.Value == current,
            IConditionalAccessOperation access => access.Operation == current,
            _ => false,
        };
    }

    private static bool IsNull(IOperation operand)
    {
        while (operand is IConversionOperation conversion)
        {
            operand = conversion.Operand;
        }
        return operand.ConstantValue.HasValue && operand.ConstantValue.Value == null;
    }

    private static bool IsAssemblyLoad(IOperation? receiver)
    {
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }
        return receiver is IInvocationOperation call
            && call.TargetMethod.Name.StartsWith("Load", StringComparison.Ordinal);
    }

    private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.ArgumentKind == ArgumentKind.Explicit ? argument.Value : null;
            }
        }
        return null;
    }

    private static bool OnlyStringAndBooleans(IMethodSymbol method)
    {
        for (var i = 1; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Type.SpecialType != SpecialType.System_Boolean)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True unless the ignoreCase argument at <paramref name="ordinal"/> is absent or the constant
    /// false.</summary>
    private static bool IgnoresCase(IInvocationOperation invocation, int ordinal) =>
        invocation.TargetMethod.Parameters.Length > ordinal && !IsConstant(invocation, ordinal, false);

    private static bool IsConstant(IInvocationOperation invocation, int ordinal, bool value) =>
        Argument(invocation, ordinal) is { ConstantValue: { HasValue: true, Value: bool constant } }
            && constant == value;

    private static bool IsOrDerives(INamedTypeSymbol? candidate, INamedTypeSymbol baseType)
    {
        for (var current = candidate; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The simple name of an assembly display name ("Api" for "Api, Version=1.0.0.0, Culture=neutral").</summary>
internal static class AssemblyNameText
{
    public static string SimpleName(string displayName)
    {
        var comma = displayName.IndexOf(',');
        return (comma < 0 ? displayName : displayName.Substring(0, comma)).Trim();
    }
}

/// <summary>
/// A reflection type name as the runtime reads it, reduced to what can be looked up: the metadata name of the type (or
/// of the generic definition / array element), and the assembly when the name is assembly-qualified.
/// </summary>
internal sealed class TypeNameText
{
    private TypeNameText(string metadataName, string displayName, string? assemblyName)
    {
        MetadataName = metadataName;
        DisplayName = displayName;
        AssemblyName = assemblyName;
    }

    /// <summary>"Ns.Outer+Inner", "System.Collections.Generic.List`1".</summary>
    public string MetadataName { get; }
    /// <summary>The type part as written (no assembly).</summary>
    public string DisplayName { get; }
    public string? AssemblyName { get; }

    /// <summary>Null when the name is empty or has a shape not modelled (escapes, pointers, malformed
    /// brackets).</summary>
    public static TypeNameText? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0 || text.IndexOf('\\') >= 0 || text.IndexOf('*') >= 0 || text.IndexOf('&') >= 0)
        {
            return null;
        }
        // The assembly part starts at the first comma outside brackets.
        var depth = 0;
        var comma = -1;
        for (var i = 0; i < text.Length && comma < 0; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ',' when depth == 0: comma = i; break;
            }
            if (depth < 0)
            {
                return null;
            }
        }
        var typePart = (comma < 0 ? text : text.Substring(0, comma)).Trim();
        string? assembly = null;
        if (comma >= 0)
        {
            assembly = AssemblyNameText.SimpleName(text.Substring(comma + 1));
            if (assembly.Length == 0)
            {
                return null;
            }
        }
        var definition = typePart;
        var bracket = typePart.IndexOf('[');
        if (bracket >= 0)
        {
            definition = typePart.Substring(0, bracket);
            var rest = typePart.Substring(bracket);
            // Array suffixes ([], [,]) are fine on anything; type arguments ([[...]] or [T]) only follow a generic
            // arity.
            if (!IsArraySuffix(rest) && definition.IndexOf('`') < 0)
            {
                return null;
            }
        }
        if (definition.Length == 0 || !IsPlainName(definition))
        {
            return null;
        }
        return new TypeNameText(definition, typePart, assembly);
    }

    private static bool IsArraySuffix(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '[' && text[i] != ']' && text[i] != ',' && text[i] != ' ')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsPlainName(string name)
    {
        if (name[0] == '.' || name[0] == '+' || name[name.Length - 1] == '.' || name[name.Length - 1] == '+')
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '`'))
            {
                return false;
            }
        }
        return name.IndexOf("..", StringComparison.Ordinal) < 0 && name.IndexOf("++", StringComparison.Ordinal) < 0;
    }
}
