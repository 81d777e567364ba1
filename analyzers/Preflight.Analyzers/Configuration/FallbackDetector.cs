using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Tells whether the code copes with a missing value: <c>?? fallback</c> (but not <c>?? throw</c>), a null check
/// (<c>== null</c>, <c>is null</c>, <c>is { }</c>, <c>?.</c>, <c>string.IsNullOrEmpty</c>, <c>TryParse</c>), directly or on the
/// local the value is stored in.
/// </summary>
internal static class FallbackDetector
{
    public static bool HasFallback(IOperation read)
    {
        if (IsNullTolerantUse(read))
        {
            return true;
        }
        var local = StoredInLocal(read);
        if (local == null)
        {
            return false;
        }
        var body = EnclosingBody(read);
        if (body == null)
        {
            return false;
        }
        foreach (var descendant in body.Descendants())
        {
            if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsNullTolerantUse(reference))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNullTolerantUse(IOperation operation)
    {
        var current = operation;
        var parent = current.Parent;
        while (parent is IConversionOperation)
        {
            current = parent;
            parent = parent.Parent;
        }
        switch (parent)
        {
            case ICoalesceOperation coalesce when coalesce.Value == current:
                return ConfigurationReadFinder.Unwrap(coalesce.WhenNull) is not IThrowOperation;
            case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals:
                return IsNullConstant(binary.LeftOperand) || IsNullConstant(binary.RightOperand);
            case IIsPatternOperation:
                return true;
            case IConditionalAccessOperation conditional when conditional.Operation == current:
                return true;
            case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                var name = invocation.TargetMethod.Name;
                return name == "IsNullOrEmpty" || name == "IsNullOrWhiteSpace" || name.StartsWith("TryParse", System.StringComparison.Ordinal);
            case ICoalesceAssignmentOperation:
                return true;
        }
        return false;
    }

    private static ILocalSymbol? StoredInLocal(IOperation read)
    {
        var parent = read.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }
        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
    }

    private static IOperation? EnclosingBody(IOperation operation)
    {
        var current = operation;
        while (current.Parent != null)
        {
            current = current.Parent;
            if (current is IMethodBodyOperation || current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
            {
                return current;
            }
        }
        return current;
    }

    private static bool IsNullConstant(IOperation operation) =>
        ConfigurationReadFinder.Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } };
}
