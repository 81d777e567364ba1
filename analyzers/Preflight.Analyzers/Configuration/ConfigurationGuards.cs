using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Reads that only run when configuration says so are optional: a read inside a branch of an <c>if</c>, <c>?:</c>,
/// <c>switch</c> or the right side of <c>&amp;&amp;</c>/<c>||</c> whose condition reads configuration or the environment
/// (<c>if (config.GetValue&lt;bool&gt;("UseVault")) { … config["Vault:Name"] … }</c>,
/// <c>if (config.GetSection("Vault").Exists())</c>, <c>if (!string.IsNullOrEmpty(config["X"]))</c>), a read after a guard
/// clause on configuration that returns (<c>if (string.IsNullOrEmpty(config["X"])) return;</c>), and a boolean flag
/// (<c>GetValue&lt;bool&gt;</c>: missing is false, the switch is off).
/// </summary>
internal static class ConfigurationGuards
{
    private const int MaxDepth = 64;

    public static bool IsGuarded(IOperation read)
    {
        if (IsBooleanFlag(read))
        {
            return true;
        }
        var child = read;
        var depth = 0;
        for (var parent = read.Parent; parent != null && depth < MaxDepth; child = parent, parent = parent.Parent, depth++)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child != conditional.Condition && ReadsConfiguration(conditional.Condition):
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
                    when child == logical.RightOperand && ReadsConfiguration(logical.LeftOperand):
                    return true;
                case ISwitchCaseOperation { Parent: ISwitchOperation @switch } when ReadsConfiguration(@switch.Value):
                    return true;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } when ReadsConfiguration(switchExpression.Value):
                    return true;
                case IBlockOperation block when FollowsReturningGuard(block, child):
                    return true;
                case IMethodBodyOperation or ILocalFunctionOperation:
                    return false;
            }
        }
        return false;
    }

    /// <summary><c>GetValue&lt;bool&gt;("Flag")</c> without a default: a missing flag is off, which is what the default is for.</summary>
    private static bool IsBooleanFlag(IOperation read) =>
        read is IInvocationOperation { TargetMethod.Name: "GetValue" } invocation &&
        (invocation.Type?.SpecialType == SpecialType.System_Boolean ||
         invocation.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable &&
         nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean);

    /// <summary>An earlier statement of the block is <c>if (condition on configuration) return/break/continue;</c> (not a throw).</summary>
    private static bool FollowsReturningGuard(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }
            if (statement is IConditionalOperation { WhenFalse: null } guard && LeavesWithoutThrowing(guard.WhenTrue) && ReadsConfiguration(guard.Condition))
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
        return operation is IReturnOperation { Kind: OperationKind.Return } || operation is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue };
    }

    /// <summary>The expression reads configuration or an environment variable, directly or through a local it was stored in.</summary>
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
                case IInvocationOperation invocation when IsConfigurationMember(invocation.TargetMethod) || IsEnvironmentRead(invocation.TargetMethod):
                    return true;
                case IPropertyReferenceOperation property when IsConfigurationMember(property.Property):
                    return true;
                case ILocalReferenceOperation local when hops < 2 && Initializer(local) is { } initializer && ReadsConfiguration(initializer, hops + 1):
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
            local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } ||
            value.SyntaxTree != reference.SemanticModel.SyntaxTree)
        {
            return null;
        }
        return reference.SemanticModel.GetOperation(value);
    }
}
