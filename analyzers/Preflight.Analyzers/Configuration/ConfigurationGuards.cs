using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Reads that only run when configuration says so are optional: a read inside a branch of an <c>if</c>, <c>?:</c>,
/// <c>switch</c> or the right side of <c>&amp;&amp;</c>/<c>||</c> whose condition reads configuration or the
/// environment,
/// in the branch a missing configuration does not take (the other branch is the default path and stays required)
/// (<c>if (config.GetValue&lt;bool&gt;("UseVault")) { … config["Vault:Name"] … }</c>,
/// <c>if (config.GetSection("Vault").Exists())</c>, <c>if (!string.IsNullOrEmpty(config["X"]))</c>), a read after a
/// guard
/// clause on configuration that returns (<c>if (string.IsNullOrEmpty(config["X"])) return;</c>), and a boolean flag
/// (<c>GetValue&lt;bool&gt;</c>: missing is false, the switch is off). A read that runs only when a <c>bool</c>
/// parameter of its
/// method says so (<c>if (isRunOnTye) return;</c>) is the caller's choice and optional too.
/// </summary>
internal static class ConfigurationGuards
{
    private const int MaxDepth = 64;

    public static bool IsGuarded(IOperation read, bool callersElsewhere = false)
    {
        if (IsBooleanFlag(read))
        {
            return true;
        }
        var child = read;
        var depth = 0;
        for (var parent = read.Parent; parent != null && depth < MaxDepth; child = parent, parent = parent.Parent,
            depth++)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child != conditional.Condition
                    && IsCallerChoice(conditional.Condition) &&
                    CallerChoices.IsOptional(
                        conditional.Condition, reachedWhen: child == conditional.WhenTrue, callersElsewhere):
                    return true; // The branch runs only when the caller says so.
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd
                    or BinaryOperatorKind.ConditionalOr } logical when child == logical.RightOperand &&
                    IsCallerChoice(logical.LeftOperand) &&
                    CallerChoices.IsOptional(
                        logical.LeftOperand, reachedWhen: logical.OperatorKind == BinaryOperatorKind.ConditionalAnd,
                        callersElsewhere):
                    return true;
                case IConditionalOperation conditional when child != conditional.Condition
                    && ReadsConfiguration(conditional.Condition):
                    // Only the branch a missing configuration does not take is optional (the other is the default
                    // path).
                    var missing = WhenMissing(conditional.Condition, 0);
                    if (child == conditional.WhenTrue ? missing != true : missing != false)
                    {
                        return true;
                    }
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction
                    when child == conjunction.RightOperand &&
                    ReadsConfiguration(conjunction.LeftOperand) && WhenMissing(conjunction.LeftOperand, 0) != true:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction
                    when child == disjunction.RightOperand &&
                    ReadsConfiguration(disjunction.LeftOperand) && WhenMissing(disjunction.LeftOperand, 0) != false:
                    return true;
                case ISwitchCaseOperation section when section.Parent is ISwitchOperation @switch
                    && ReadsConfiguration(@switch.Value) && !IsDefault(section):
                    return true;
                case ISwitchExpressionArmOperation arm when arm.Parent is ISwitchExpressionOperation switchExpression
                    && ReadsConfiguration(switchExpression.Value) &&
                                                            arm.Pattern is not IDiscardPatternOperation:
                    return true;
                case IBlockOperation block when FollowsReturningGuard(block, child, callersElsewhere):
                    return true;
                case IMethodBodyOperation or ILocalFunctionOperation:
                    return false;
            }
        }
        return false;
    }

    private static bool IsDefault(ISwitchCaseOperation section)
    {
        foreach (var clause in section.Clauses)
        {
            if (clause.CaseKind == CaseKind.Default)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The value of a condition when the configuration it reads is missing (a key is null, <c>GetValue&lt;bool&gt;</c>
    /// false,
    /// <c>Exists()</c> false); null when it cannot be told.
    /// </summary>
    private static bool? WhenMissing(IOperation? condition, int hops)
    {
        condition = ConfigurationReadFinder.Unwrap(condition);
        switch (condition)
        {
            case null:
                return null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return WhenMissing(not.Operand, hops) is { } operand ? !operand : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction:
            {
                var left = WhenMissing(conjunction.LeftOperand, hops);
                var right = WhenMissing(conjunction.RightOperand, hops);
                return left == false || right == false ? false : left == true && right == true ? true : null;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction:
            {
                var left = WhenMissing(disjunction.LeftOperand, hops);
                var right = WhenMissing(disjunction.RightOperand, hops);
                return left == true || right == true ? true : left == false && right == false ? false : null;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals
                or BinaryOperatorKind.NotEquals } comparison:
            {
                var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
                var (value, other) = IsMissingValue(comparison.LeftOperand, hops)
                    ? (comparison.LeftOperand, comparison.RightOperand)
                    : IsMissingValue(comparison.RightOperand, hops) ? (comparison.RightOperand, comparison.LeftOperand)
                        : (null, null);
                if (value == null
                    || ConfigurationReadFinder.Unwrap(other) is not { ConstantValue.HasValue: true } constant)
                {
                    return null;
                }
                var otherIsNull = constant.ConstantValue.Value == null;
                return equals == otherIsNull;
            }
            case IIsPatternOperation pattern when IsMissingValue(pattern.Value, hops):
                return FallbackDetector.MatchesNull(pattern.Pattern);
            case IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" } check
                when check.Arguments.Length == 1 && IsMissingValue(check.Arguments[0].Value, hops):
                return true;
            case IInvocationOperation { TargetMethod.Name: "Exists" } exists when IsConfigurationMember(
                exists.TargetMethod):
                return false;
            case IInvocationOperation { TargetMethod.Name: "GetValue" } flag when IsConfigurationMember(
                flag.TargetMethod) && IsBooleanFlag(flag):
                return false;
            case IInvocationOperation { TargetMethod.Name: "GetValue" } flagWithDefault when IsConfigurationMember(
                flagWithDefault.TargetMethod) &&
                                                                                          flagWithDefault.Arguments.Length == 3 &&
                                                                                          flagWithDefault.Arguments[2].Value.ConstantValue.Value is bool fallback:
                return fallback;
            case ILocalReferenceOperation local when hops < 2 && Initializer(local) is { } initializer:
                return WhenMissing(initializer, hops + 1);
        }
        return null;
    }

    /// <summary>A configuration value or environment variable (null when missing), directly or through a
    /// local.</summary>
    private static bool IsMissingValue(IOperation? operation, int hops)
    {
        operation = ConfigurationReadFinder.Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation property when IsConfigurationMember(property.Property)
                && property.Type?.SpecialType == SpecialType.System_String:
                return true;
            case IInvocationOperation invocation when IsEnvironmentRead(invocation.TargetMethod) ||
                                                      IsConfigurationMember(invocation.TargetMethod)
                                                          && invocation.Type?.SpecialType == SpecialType.System_String:
                return true;
            case ILocalReferenceOperation local when hops < 2 && Initializer(local) is { } initializer:
                return IsMissingValue(initializer, hops + 1);
        }
        return false;
    }

    /// <summary><c>GetValue&lt;bool&gt;("Flag")</c> without a default: a missing flag is off, which is what the default
    /// is for.</summary>
    private static bool IsBooleanFlag(IOperation read) =>
        read is IInvocationOperation { TargetMethod.Name: "GetValue" } invocation &&
        (invocation.Type?.SpecialType == SpecialType.System_Boolean ||
         invocation.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T,
             TypeArguments.Length: 1 } nullable &&
         nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean);

    /// <summary>An earlier statement of the block is <c>if (condition on configuration) return/break/continue;</c> (not
    /// a throw).</summary>
    private static bool FollowsReturningGuard(IBlockOperation block, IOperation child, bool callersElsewhere)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }
            // A guard on a caller-chosen flag (if (skipLogging) return;) makes the rest optional: the caller decides.
            if (statement is IConditionalOperation { WhenFalse: null } flagGuard
                && LeavesWithoutThrowing(flagGuard.WhenTrue) && IsCallerChoice(flagGuard.Condition) &&
                CallerChoices.IsOptional(flagGuard.Condition, reachedWhen: false, callersElsewhere))
            {
                return true;
            }
            // Only a guard a missing configuration takes (if (string.IsNullOrEmpty(config["X"])) return;) makes the
            // rest optional.
            if (statement is IConditionalOperation { WhenFalse: null } guard && LeavesWithoutThrowing(guard.WhenTrue)
                && ReadsConfiguration(guard.Condition) &&
                WhenMissing(guard.Condition, 0) == true)
            {
                return true;
            }
        }
        return false;
    }

    private static bool LeavesWithoutThrowing(IOperation operation)
    {
        while (operation is IBlockOperation { Operations.Length: > 0 } block)
        {
            operation = block.Operations[block.Operations.Length - 1];
        }
        return operation is IReturnOperation { Kind: OperationKind.Return }
            || operation is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue };
    }

    /// <summary>
    /// A condition made only of <c>bool</c> parameters of the enclosing method (<c>isRunOnTye</c>, <c>!useCache</c>,
    /// <c>a &amp;&amp; !b</c>, <c>a == false</c>): the caller chooses whether the code runs, so a read under it is
    /// optional from
    /// the method's point of view (a library's <c>Configure(bool isRunOnTye = true)</c>). Lambda parameters are not the
    /// caller's choice of the code's author and do not count.
    /// </summary>
    internal static bool IsCallerChoice(IOperation? condition)
    {
        condition = ConfigurationReadFinder.Unwrap(condition);
        switch (condition)
        {
            case IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_Boolean,
                ContainingSymbol: IMethodSymbol method } }:
                return method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return IsCallerChoice(not.Operand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd
                or BinaryOperatorKind.ConditionalOr } logical:
                return IsCallerChoice(logical.LeftOperand) && IsCallerChoice(logical.RightOperand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals
                or BinaryOperatorKind.NotEquals } comparison:
                return IsCallerChoice(comparison.LeftOperand)
                    && ConfigurationReadFinder.Unwrap(
                    comparison.RightOperand) is { ConstantValue: { HasValue: true, Value: bool } } ||
                       IsCallerChoice(comparison.RightOperand)
                           && ConfigurationReadFinder.Unwrap(
                           comparison.LeftOperand) is { ConstantValue: { HasValue: true, Value: bool } };
        }
        return false;
    }

    /// <summary>The expression reads configuration or an environment variable, directly or through a local it was
    /// stored in.</summary>
    public static bool ReadsConfiguration(IOperation? condition) => ReadsConfiguration(condition, 0);

    private static bool ReadsConfiguration(IOperation? condition, int hops)
    {
        if (condition == null)
        {
            return false;
        }
        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when IsConfigurationMember(invocation.TargetMethod)
                    || IsEnvironmentRead(invocation.TargetMethod):
                    return true;
                case IPropertyReferenceOperation property when IsConfigurationMember(property.Property):
                    return true;
                case ILocalReferenceOperation local when hops < 2 && Initializer(local) is { } initializer
                    && ReadsConfiguration(initializer, hops + 1):
                    return true;
            }
        }
        return false;
    }

    private static bool IsConfigurationMember(ISymbol member) =>
        member.ContainingType?.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";

    private static bool IsEnvironmentRead(IMethodSymbol method) =>
        method.Name == "GetEnvironmentVariable" && method.ContainingType?.ToDisplayString() == "System.Environment";

    private static IOperation? Initializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel == null ||
            local.DeclaringSyntaxReferences[0].GetSyntax()
                is not VariableDeclaratorSyntax { Initializer.Value: { } value } ||
            value.SyntaxTree != reference.SemanticModel.SyntaxTree)
        {
            return null;
        }
        return reference.SemanticModel.GetOperation(value);
    }
}
