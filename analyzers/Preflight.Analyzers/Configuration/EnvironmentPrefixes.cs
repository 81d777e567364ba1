using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// The prefixes the project's code gives <c>AddEnvironmentVariables("Prefix_")</c> (or
/// <c>AddEnvironmentVariables(o =&gt; o.Prefix = "Prefix_")</c>): a variable <c>Prefix_A__B</c> is then the key
/// <c>A:B</c>.
/// Read from the compilation's syntax (only files that mention the call are bound).
/// </summary>
internal static class EnvironmentPrefixes
{
    private const string MethodName = "AddEnvironmentVariables";

    public static IReadOnlyList<string> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var prefixes = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetText(cancellationToken).ToString().IndexOf(MethodName, StringComparison.Ordinal) < 0)
            {
                continue;
            }
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation
                    || Infrastructure.SyntaxNames.InvokedName(invocation) != MethodName ||
                    invocation.ArgumentList.Arguments.Count == 0)
                {
                    continue;
                }
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation &&
                    operation.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString()
                        == "Microsoft.Extensions.Configuration")
                {
                    foreach (var argument in operation.Arguments)
                    {
                        if (Prefix(argument.Value) is { } prefix && !prefixes.Contains(prefix))
                        {
                            prefixes.Add(prefix);
                        }
                    }
                }
            }
        }
        return prefixes;
    }

    /// <summary>A constant prefix, or the constant a configure lambda assigns to <c>Prefix</c>.</summary>
    private static string? Prefix(IOperation value)
    {
        if (ConfigurationReadFinder.Unwrap(value) is { } unwrapped
            && ConfigurationReadFinder.ConstantString(unwrapped) is { } constant &&
            unwrapped.Type?.SpecialType == SpecialType.System_String)
        {
            return constant;
        }
        if (ConfigurationReadFinder.Unwrap(
            value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Prefix" } } assignment &&
                    ConfigurationReadFinder.ConstantString(assignment.Value) is { } assigned)
                {
                    return assigned;
                }
            }
        }
        return null;
    }

    /// <summary>The variable without the first prefix it starts with (compared as .NET does, ignoring case), else
    /// null.</summary>
    public static string? Strip(IReadOnlyList<string> prefixes, string variable)
    {
        foreach (var prefix in prefixes)
        {
            if (variable.Length > prefix.Length && variable.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return variable.Substring(prefix.Length);
            }
        }
        return null;
    }
}
