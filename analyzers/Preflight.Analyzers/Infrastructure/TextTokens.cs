using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Infrastructure;

/// <summary>Finds tokens from a file's text instead of walking its nodes: where a rule looks for a rare name.</summary>
internal static class TextTokens
{
    /// <summary>The tokens that start <paramref name="offset"/> characters into an occurrence of
    /// <paramref name="text"/> in the tree's text (<c>".Add"</c> with offset 1: the tokens <c>Add…</c> right after a
    /// dot). An occurrence in a comment or a string, or inside a longer token, gives none.</summary>
    public static IEnumerable<SyntaxToken> At(SyntaxTree tree, string text, int offset, CancellationToken cancellationToken)
    {
        var source = tree.GetText(cancellationToken).ToString();
        SyntaxNode? root = null;
        for (var at = source.IndexOf(text, StringComparison.Ordinal); at >= 0;
            at = source.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(at + offset);
            if (token.SpanStart == at + offset)
            {
                yield return token;
            }
        }
    }
}
