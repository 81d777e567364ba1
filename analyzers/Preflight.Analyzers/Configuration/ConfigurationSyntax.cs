using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Syntactic pre-filters for configuration reads. Binding a member body costs far more than reading its syntax, so
/// only nodes that look like configuration reads are bound: a receiver named like configuration (<c>configuration</c>,
/// <c>_config</c>, <c>builder.Configuration</c>, <c>section</c>, <c>settings</c>, <c>cfg</c>), a name whose declaration
/// in
/// scope (parameter, local, field, property) has a type or initializer that mentions configuration
/// (<c>IConfiguration c</c>), or a <c>GetSection</c>/<c>GetRequiredSection</c> call. Other receivers are not checked.
/// </summary>
internal static class ConfigurationSyntax
{
    private static readonly string[] ReceiverWords = { "config", "cfg", "section", "setting" };

    public static bool IsCandidateReceiver(ExpressionSyntax receiver)
    {
        switch (receiver)
        {
            case InvocationExpressionSyntax invocation:
                var name = SyntaxNames.InvokedName(invocation);
                return name == "GetSection" || name == "GetRequiredSection" || name == "GetConfiguration";
            case ParenthesizedExpressionSyntax parenthesized:
                return IsCandidateReceiver(parenthesized.Expression);
            case PostfixUnaryExpressionSyntax postfix:
                return IsCandidateReceiver(postfix.Operand);
            case MemberAccessExpressionSyntax member:
                return NameSaysConfiguration(member.Name.Identifier.ValueText);
            case SimpleNameSyntax simple:
                return NameSaysConfiguration(simple.Identifier.ValueText) || DeclarationSaysConfiguration(simple);
            default:
                return false;
        }
    }

    /// <summary>The receiver of a member call (<c>x</c> in <c>x.GetValue&lt;int&gt;(..)</c>), or null.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax member ? member.Expression : null;

    /// <summary>Finds the declaration of a simple name in scope, by syntax only, and reads its type or
    /// initializer.</summary>
    private static bool DeclarationSaysConfiguration(SimpleNameSyntax name)
    {
        var identifier = name.Identifier.ValueText;
        for (var node = name.Parent; node != null; node = node.Parent)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax method when Declares(method.ParameterList, identifier):
                case LocalFunctionStatementSyntax function when Declares(function.ParameterList, identifier):
                case ParenthesizedLambdaExpressionSyntax lambda when Declares(lambda.ParameterList, identifier):
                case TypeDeclarationSyntax type when Declares(type.ParameterList, identifier):
                    return true;
                case SimpleLambdaExpressionSyntax simpleLambda
                    when simpleLambda.Parameter.Identifier.ValueText == identifier:
                    return TypeSays(simpleLambda.Parameter.Type);
                case BlockSyntax block:
                    foreach (var statement in block.Statements)
                    {
                        if (statement is LocalDeclarationStatementSyntax local
                            && DeclaresLocal(local.Declaration, identifier))
                        {
                            return true;
                        }
                    }
                    break;
                case CompilationUnitSyntax unit:
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }
                            && DeclaresLocal(local.Declaration, identifier))
                        {
                            return true;
                        }
                    }
                    break;
            }
            if (node is TypeDeclarationSyntax containing)
            {
                foreach (var member in containing.Members)
                {
                    if (member is FieldDeclarationSyntax field && DeclaresLocal(field.Declaration, identifier))
                    {
                        return true;
                    }
                    if (member is PropertyDeclarationSyntax property && property.Identifier.ValueText == identifier
                        && TypeSays(property.Type))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static bool Declares(ParameterListSyntax? parameters, string identifier)
    {
        if (parameters == null)
        {
            return false;
        }
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == identifier && TypeSays(parameter.Type))
            {
                return true;
            }
        }
        return false;
    }

    private static bool DeclaresLocal(VariableDeclarationSyntax declaration, string identifier)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText != identifier)
            {
                continue;
            }
            return TypeSays(declaration.Type) ||
                (variable.Initializer != null
                    && variable.Initializer.Value.ToString().IndexOf("Configuration", StringComparison.Ordinal) >= 0) ||
                (variable.Initializer?.Value is InvocationExpressionSyntax call && IsCandidateReceiver(call));
        }
        return false;
    }

    private static bool TypeSays(TypeSyntax? type) =>
        type != null && !type.IsVar && type.ToString().IndexOf("Configuration", StringComparison.Ordinal) >= 0;

    private static bool NameSaysConfiguration(string name)
    {
        foreach (var word in ReceiverWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
