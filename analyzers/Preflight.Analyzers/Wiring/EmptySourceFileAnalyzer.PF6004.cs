using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Preflight.Analyzers.Wiring;

/// <summary>
/// PF6004: a C# file that is empty or declares nothing (only usings, namespaces and comments). Global usings, assembly
/// attributes, extern aliases and code disabled by #if count as content. Generated files are skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptySourceFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF6004);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSyntaxTreeAction(Analyze));
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        if (context.Tree.GetRoot(context.CancellationToken) is not CompilationUnitSyntax root
            || DeclaresSomething(root))
        {
            return;
        }
        var text = context.Tree.GetText(context.CancellationToken);
        var isEmpty = string.IsNullOrWhiteSpace(text.ToString());
        var name = System.IO.Path.GetFileName(context.Tree.FilePath);
        if (string.IsNullOrEmpty(name))
        {
            return;
        }
        // At the first token (after any leading #pragma), so that '#pragma warning disable PF6004' at the top
        // suppresses it.
        var first = root.GetFirstToken(includeZeroWidth: true);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PF6004,
            Location.Create(context.Tree, first.Span),
            name,
            isEmpty ? "is empty" : "declares nothing (only usings, namespaces and comments)"));
    }

    private static bool DeclaresSomething(CompilationUnitSyntax root)
    {
        if (root.AttributeLists.Count > 0 || root.Externs.Count > 0
            || root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
        {
            return true;
        }
        // Trivia are walked only for files that declare no member (rare), never for ordinary files.
        return root.Members.Any(MemberDeclaresSomething)
            || root.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.DisabledTextTrivia));
    }

    private static bool MemberDeclaresSomething(MemberDeclarationSyntax member) => member switch
    {
        BaseNamespaceDeclarationSyntax ns => ns.Externs.Count > 0 || ns.Members.Any(MemberDeclaresSomething),
        _ => true,
    };
}
