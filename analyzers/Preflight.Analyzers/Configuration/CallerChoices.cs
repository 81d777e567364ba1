using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// A read under a condition made of <c>bool</c> parameters of its method
/// (<see cref="ConfigurationGuards.IsCallerChoice"/>)
/// runs only when the caller says so. In a class library the callers are elsewhere: the read is optional. In an
/// executable the callers are in the compilation: the read is optional when every call (with its arguments, or the
/// parameters' defaults) makes the condition take the other way; a call with a non-constant argument, or no call and no
/// default, keeps it required.
/// </summary>
internal static class CallerChoices
{
    private const int MaxCalls = 64;

    /// <param name="condition">The condition on parameters.</param>
    /// <param name="reachedWhen">The value of the condition that reaches the read.</param>
    /// <param name="callersElsewhere">A class library: the callers are in other projects.</param>
    public static bool IsOptional(IOperation condition, bool reachedWhen, bool callersElsewhere)
    {
        if (condition.SemanticModel is not { } model || Method(condition) is not { } method)
        {
            return false;
        }
        if (callersElsewhere)
        {
            return true;
        }
        var compilation = model.Compilation;
        var calls = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetText().ToString().IndexOf(method.Name, System.StringComparison.Ordinal) < 0)
            {
                continue;
            }
            var treeModel = tree == model.SyntaxTree ? model : compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation
                    || Infrastructure.SyntaxNames.InvokedName(invocation) != method.Name ||
                    treeModel.GetOperation(invocation) is not IInvocationOperation call ||
                    !SymbolEqualityComparer.Default.Equals(
                        (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition,
                        method.OriginalDefinition))
                {
                    continue;
                }
                var values = new Dictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter != null
                        && ConfigurationReadFinder.Unwrap(
                        argument.Value) is { ConstantValue: { HasValue: true, Value: bool value } })
                    {
                        values[argument.Parameter.OriginalDefinition] = value;
                    }
                }
                if (Evaluate(condition, values) != !reachedWhen || ++calls > MaxCalls)
                {
                    return false; // This call may reach the read (or too many calls to follow).
                }
            }
        }
        if (calls > 0)
        {
            return true;
        }
        var defaults = new Dictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is bool value)
            {
                defaults[parameter.OriginalDefinition] = value;
            }
        }
        return Evaluate(condition, defaults) == !reachedWhen;
    }

    private static IMethodSymbol? Method(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method })
            {
                return method;
            }
        }
        return null;
    }

    /// <summary>The condition's value with the parameters' values; null when a parameter has none.</summary>
    private static bool? Evaluate(IOperation? condition, Dictionary<IParameterSymbol, bool> values)
    {
        condition = ConfigurationReadFinder.Unwrap(condition);
        switch (condition)
        {
            case IParameterReferenceOperation parameter:
                return values.TryGetValue(parameter.Parameter.OriginalDefinition, out var value) ? value : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand, values) is { } operand ? !operand : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
            {
                var left = Evaluate(and.LeftOperand, values);
                var right = Evaluate(and.RightOperand, values);
                return left == false || right == false ? false : left == true && right == true ? true : null;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
            {
                var left = Evaluate(or.LeftOperand, values);
                var right = Evaluate(or.RightOperand, values);
                return left == true || right == true ? true : left == false && right == false ? false : null;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals
                or BinaryOperatorKind.NotEquals } comparison:
            {
                var left = ConfigurationReadFinder.Unwrap(
                    comparison.LeftOperand) is { ConstantValue: { HasValue: true, Value: bool l } } ? l
                    : Evaluate(comparison.LeftOperand, values);
                var right = ConfigurationReadFinder.Unwrap(
                    comparison.RightOperand) is { ConstantValue: { HasValue: true, Value: bool r } } ? r
                    : Evaluate(comparison.RightOperand, values);
                return left is { } a
                    && right is { } b ? (comparison.OperatorKind == BinaryOperatorKind.Equals) == (a == b) : null;
            }
        }
        return null;
    }
}
