using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Recognises the read shapes of Microsoft.Extensions.Configuration and resolves their full key from constants:
/// <c>config["A:B"]</c>, <c>config.GetSection("A")["B"]</c>, <c>GetSection("A").Value</c>,
/// <c>GetValue&lt;T&gt;("A")</c>
/// (without default), <c>GetConnectionString("X")</c>, <c>GetRequiredSection("A")</c>. A key built at run time, or read
/// on a section of unknown origin, resolves to nothing.
/// </summary>
internal sealed class ConfigurationReadFinder
{
    private const int MaxLocalHops = 8;
    private readonly ConfigurationSymbols _symbols;

    public ConfigurationReadFinder(ConfigurationSymbols symbols) => _symbols = symbols;

    public ConfigurationRead? FromPropertyReference(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.IsIndexer)
        {
            if (reference.Arguments.Length != 1 || !_symbols.IsConfiguration(property.ContainingType)
                || IsWriteTarget(reference))
            {
                return null;
            }
            var argument = reference.Arguments[0].Value;
            if (ConstantString(argument) is not { } key || SectionPath(reference.Instance, 0) is not { } section)
            {
                return null;
            }
            return new ConfigurationRead(Join(section, key), reference, argument.Syntax);
        }
        if (property.Name == "Value" && _symbols.IsSection(property.ContainingType) && !IsWriteTarget(reference) &&
            Unwrap(reference.Instance) is IInvocationOperation sectionCall
                && SectionKeyArgument(sectionCall) is { } keyArgument &&
            SectionPath(sectionCall, 0) is { } path)
        {
            return new ConfigurationRead(path, reference, keyArgument.Syntax);
        }
        return null;
    }

    public ConfigurationRead? FromInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        if (method.Name == "GetConnectionString"
            && ConfigurationSymbols.Is(containing, _symbols.ConfigurationExtensions)
            && invocation.Arguments.Length == 2)
        {
            var nameArgument = invocation.Arguments[1].Value;
            if (ConstantString(nameArgument) is { } name
                && SectionPath(invocation.Arguments[0].Value, 0) is { } section)
            {
                return new ConfigurationRead(
                    Join(section, "ConnectionStrings:" + name), invocation, nameArgument.Syntax);
            }
            return null;
        }
        if (method.Name == "GetValue" && ConfigurationSymbols.Is(containing, _symbols.ConfigurationBinder))
        {
            // GetValue<T>(config, key) and GetValue(config, type, key) have no default; the overloads with one more
            // parameter do.
            var withoutDefault = method.IsGenericMethod ? invocation.Arguments.Length == 2
                : invocation.Arguments.Length == 3;
            if (!withoutDefault)
            {
                return null;
            }
            var keyArgument = invocation.Arguments[invocation.Arguments.Length - 1].Value;
            if (ConstantString(keyArgument) is { } key && SectionPath(invocation.Arguments[0].Value, 0) is { } section)
            {
                return new ConfigurationRead(Join(section, key), invocation, keyArgument.Syntax);
            }
            return null;
        }
        if (method.Name == "GetRequiredSection"
            && ConfigurationSymbols.Is(containing, _symbols.ConfigurationExtensions) &&
            invocation.Arguments.Length == 2 && !IsReceiverOfAnotherRead(invocation) &&
            SectionPath(invocation, 0) is { } required)
        {
            return new ConfigurationRead(required, invocation, invocation.Arguments[1].Value.Syntax);
        }
        return null;
    }

    /// <summary>The full path of the section an expression denotes: "" for the root, null when it cannot be
    /// known.</summary>
    public string? SectionPathOf(IOperation? operation) => SectionPath(operation, 0);

    /// <summary>The key argument of the innermost <c>GetSection</c>/<c>GetRequiredSection</c> an expression is, else
    /// null.</summary>
    public IOperation? SectionKeyOf(IOperation? operation) =>
        Unwrap(operation) is IInvocationOperation call ? SectionKeyArgument(call) : null;

    private string? SectionPath(IOperation? operation, int hops)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case null:
                return null;
            case IInvocationOperation call when SectionKeyArgument(call) is { } keyArgument:
                var parent = call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                return ConstantString(keyArgument) is { } key
                    && SectionPath(parent, hops) is { } parentPath ? Join(parentPath, key) : null;
            case ILocalReferenceOperation local when hops < MaxLocalHops:
                return LocalInitializer(local) is { } initializer ? SectionPath(initializer, hops + 1) : null;
        }
        if (_symbols.IsSection(operation.Type))
        {
            return null;
        }
        return _symbols.IsConfiguration(operation.Type) ? string.Empty : null;
    }

    /// <summary>The key argument of <c>GetSection(key)</c> or <c>GetRequiredSection(key)</c>, else null.</summary>
    private IOperation? SectionKeyArgument(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.Name == "GetSection" && call.Instance != null && call.Arguments.Length == 1
            && _symbols.IsConfiguration(method.ContainingType))
        {
            return call.Arguments[0].Value;
        }
        if (method.Name == "GetRequiredSection" && call.Arguments.Length == 2 &&
            ConfigurationSymbols.Is(method.ContainingType, _symbols.ConfigurationExtensions))
        {
            return call.Arguments[1].Value;
        }
        return null;
    }

    /// <summary>The initializer of a local that is never assigned again, else null.</summary>
    private static IOperation? LocalInitializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax()
                is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator ||
            reference.SemanticModel == null)
        {
            return null;
        }
        var body = declarator.FirstAncestorOrSelf<SyntaxNode>(
            n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax ||
            n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax || n is CompilationUnitSyntax);
        if (body == null)
        {
            return null;
        }
        var reassigned = body.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name);
        return reassigned ? null : reference.SemanticModel.GetOperation(initializer.Value);
    }

    private static bool IsReceiverOfAnotherRead(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }
        return parent is IPropertyReferenceOperation || parent is IInvocationOperation ||
            (parent is IArgumentOperation && parent.Parent is IInvocationOperation);
    }

    private static bool IsWriteTarget(IOperation operation) =>
        operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

    internal static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion && conversion.IsImplicit)
        {
            operation = conversion.Operand;
        }
        return operation;
    }

    internal static string? ConstantString(IOperation operation) =>
        operation.ConstantValue.HasValue && operation.ConstantValue.Value is string value
            && value.Length > 0 ? value : null;

    internal static string Join(string section, string key) =>
        section.Length == 0 ? key : section + ":" + key;
}
