using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Tells whether the code copes with a missing value: <c>?? fallback</c> (but not <c>?? throw</c>), a null check
/// (<c>== null</c>, <c>is null</c>, <c>is { }</c>, <c>?.</c>, <c>string.IsNullOrEmpty</c>, <c>TryParse</c>), directly
/// or on the
/// local the value is stored in, or a read that only runs when configuration says so
/// (<see cref="ConfigurationGuards"/>).
/// A null check whose missing branch throws (<c>if (string.IsNullOrWhiteSpace(x)) throw …</c>, <c>x ?? throw</c>,
/// <c>ArgumentNullException.ThrowIfNull(x)</c>) is no fallback: the read is required, whatever other checks follow.
/// </summary>
internal static class FallbackDetector
{
    /// <param name="read">The read.</param>
    /// <param name="callersElsewhere">A class library: its methods' callers are in other projects (see
    /// <see cref="CallerChoices"/>).</param>
    public static bool HasFallback(IOperation read, bool callersElsewhere = false)
    {
        if (ConfigurationGuards.IsGuarded(read, callersElsewhere))
        {
            return true;
        }
        var use = NullUse(read);
        if (use == Use.Throwing)
        {
            return false;
        }
        var tolerant = use == Use.Tolerant;
        var local = StoredInLocal(read);
        if (local == null)
        {
            return tolerant;
        }
        var body = EnclosingBody(read);
        if (body == null)
        {
            return tolerant;
        }
        foreach (var descendant in body.Descendants())
        {
            if (descendant is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                switch (NullUse(reference))
                {
                    case Use.Throwing:
                        return false;
                    case Use.Tolerant:
                        tolerant = true;
                        break;
                }
            }
        }
        return tolerant;
    }

    private enum Use
    {
        None,
        /// <summary>A missing value takes another path (a default, a skipped block).</summary>
        Tolerant,
        /// <summary>A missing value throws: the check makes the read required.</summary>
        Throwing,
    }

    private static Use NullUse(IOperation operation)
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
                return ConfigurationReadFinder.Unwrap(coalesce.WhenNull) is IThrowOperation ? Use.Throwing
                    : Use.Tolerant;
            case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals
                || binary.OperatorKind == BinaryOperatorKind.NotEquals:
                if (!IsNullConstant(binary.LeftOperand) && !IsNullConstant(binary.RightOperand))
                {
                    // Compared with a value (== "1", == bool.TrueString): a missing value is just not that value.
                    return Use.Tolerant;
                }
                return MissingBranch(binary, trueWhenMissing: binary.OperatorKind == BinaryOperatorKind.Equals);
            case IIsPatternOperation pattern:
                return MissingBranch(pattern, trueWhenMissing: MatchesNull(pattern.Pattern));
            case IConditionalAccessOperation conditional when conditional.Operation == current:
                return Use.Tolerant;
            case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                var name = invocation.TargetMethod.Name;
                if (name == "IsNullOrEmpty" || name == "IsNullOrWhiteSpace")
                {
                    return MissingBranch(invocation, trueWhenMissing: true);
                }
                if (name.StartsWith("TryParse", System.StringComparison.Ordinal) || name == "Equals"
                    || name == "Compare")
                {
                    return Use.Tolerant; // string.Equals(bool.TrueString, value): a missing value is just not equal.
                }
                return IsThrowHelper(invocation.TargetMethod) ? Use.Throwing : Use.None;
            case ICoalesceAssignmentOperation:
                return Use.Tolerant;
            case IInterpolationOperation { Parent: IInterpolatedStringOperation text } when IsMessage(text):
                return Use.Tolerant; // Shown to people ("Configured value: {x}"): a missing value shows as empty.
            case ISwitchOperation @switch when @switch.Value == current:
                return DefaultThrows(@switch) ? Use.Throwing : Use.Tolerant;
            case ISwitchExpressionOperation switchExpression when switchExpression.Value == current:
                return DefaultThrows(switchExpression) ? Use.Throwing : Use.Tolerant;
        }
        return Use.None;
    }

    /// <summary>
    /// An interpolated string written for people: its text has words (a space), and nothing of a URL, a connection
    /// string
    /// or a path (<c>://</c>, <c>=</c>, <c>;</c>, <c>/</c>), where a missing value would break what the text is for.
    /// </summary>
    private static bool IsMessage(IInterpolatedStringOperation text)
    {
        var words = false;
        foreach (var part in text.Parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
            {
                if (literal.IndexOfAny(new[] { '=', ';', '/', '\\', '@' }) >= 0)
                {
                    return false;
                }
                words |= literal.Trim().IndexOf(' ') > 0;
            }
        }
        return words;
    }

    /// <summary>The <c>default:</c> section or the discard arm of a switch on the value throws (a missing value lands
    /// there).</summary>
    private static bool DefaultThrows(IOperation @switch)
    {
        switch (@switch)
        {
            case ISwitchOperation statement:
                foreach (var section in statement.Cases)
                {
                    foreach (var clause in section.Clauses)
                    {
                        if (clause.CaseKind == CaseKind.Default && section.Body.Length > 0
                            && Throws(section.Body[section.Body.Length - 1]))
                        {
                            return true;
                        }
                    }
                }
                return false;
            case ISwitchExpressionOperation expression:
                foreach (var arm in expression.Arms)
                {
                    if (arm.Pattern is IDiscardPatternOperation && Throws(arm.Value))
                    {
                        return true;
                    }
                }
                return false;
        }
        return false;
    }


    /// <summary>
    /// For a test on the value (true when it is missing, or the reverse), the branch a missing value takes: a branch
    /// that
    /// throws makes the read required; any other path (a default, a skipped block, a value used as a flag) copes with
    /// it.
    /// </summary>
    private static Use MissingBranch(IOperation test, bool trueWhenMissing)
    {
        var current = test;
        for (var parent = test.Parent; parent != null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                    continue;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    trueWhenMissing = !trueWhenMissing;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } when trueWhenMissing:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } when !trueWhenMissing:
                    continue; // The whole condition follows this test when the value is missing.
                case IConditionalOperation conditional when conditional.Condition == current:
                    var branch = trueWhenMissing ? conditional.WhenTrue : conditional.WhenFalse;
                    return branch != null && Throws(branch) ? Use.Throwing : Use.Tolerant;
            }
            return Use.Tolerant;
        }
        return Use.Tolerant;
    }

    private static bool Throws(IOperation branch)
    {
        while (true)
        {
            switch (branch)
            {
                case IBlockOperation { Operations.Length: > 0 } block:
                    branch = block.Operations[block.Operations.Length - 1];
                    continue;
                case IExpressionStatementOperation statement:
                    branch = statement.Operation;
                    continue;
                case IConversionOperation conversion:
                    branch = conversion.Operand;
                    continue;
                case IThrowOperation:
                    return true;
                case IInvocationOperation { TargetMethod: { Name: "Exit" or "FailFast" } method }:
                    return method.ContainingType?.ToDisplayString() == "System.Environment";
                default:
                    return false;
            }
        }
    }

    /// <summary><c>ArgumentNullException.ThrowIfNull(x)</c>, <c>ArgumentException.ThrowIfNullOrEmpty(x)</c>,
    /// <c>…OrWhiteSpace</c>.</summary>
    private static bool IsThrowHelper(IMethodSymbol method) =>
        method.Name.StartsWith("ThrowIfNull", System.StringComparison.Ordinal) &&
        method.ContainingType?.ContainingNamespace?.ToDisplayString() == "System" &&
        method.ContainingType.Name.EndsWith("Exception", System.StringComparison.Ordinal);

    /// <summary>True when the pattern matches a null value (<c>is null</c>, <c>is not { }</c>); false for <c>is {
    /// }</c>, <c>is string s</c>.</summary>
    internal static bool MatchesNull(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => IsNullConstant(constant.Value),
        INegatedPatternOperation negated => !MatchesNull(negated.Pattern),
        _ => false,
    };

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
            if (current is IMethodBodyOperation || current is IAnonymousFunctionOperation
                || current is ILocalFunctionOperation)
            {
                return current;
            }
        }
        return current;
    }

    private static bool IsNullConstant(IOperation operation) =>
        ConfigurationReadFinder.Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } };
}
