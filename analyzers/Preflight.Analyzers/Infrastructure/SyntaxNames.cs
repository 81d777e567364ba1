using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>Cheap syntactic filters, so that only candidate nodes pay for binding.</summary>
internal static class SyntaxNames
{
    /// <summary>The simple name an invocation calls (<c>GetValue</c> for <c>c.GetValue&lt;int&gt;("x")</c>), or
    /// null.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
