using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// PF1001: a configuration key read without a fallback (directly, or as a [Required] property of bound options) that
/// no declaration source of the project's deployment provides. Only deployable projects (executables) with at least
/// one declaration source are checked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationKeyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PF1001);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ConfigurationSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }
            var project = ProjectContext.Create(start.Options);
            if (!project.IsDeployable)
            {
                return;
            }
            var reader = new ArtifactReader(start);
            var declarations = new Lazy<DeclarationSet>(
                () => DeploymentDeclarations.Collect(project, reader).ConfigurationKeys, LazyThreadSafetyMode.ExecutionAndPublication);
            var reads = new ConfigurationReadFinder(symbols);
            var bindings = new OptionsBindingFinder(start.Compilation, symbols, reads);

            // Syntax first: only nodes that can be a configuration read are bound.
            start.RegisterSyntaxNodeAction(nodeContext =>
            {
                var access = (ElementAccessExpressionSyntax)nodeContext.Node;
                if (access.ArgumentList.Arguments.Count == 1 && ConfigurationSyntax.IsCandidateReceiver(access.Expression) &&
                    nodeContext.SemanticModel.GetSymbolInfo(access, nodeContext.CancellationToken).Symbol is IPropertySymbol { IsIndexer: true } indexer &&
                    symbols.IsConfiguration(indexer.ContainingType) &&
                    nodeContext.SemanticModel.GetOperation(access, nodeContext.CancellationToken) is IPropertyReferenceOperation reference)
                {
                    Check(nodeContext, reads.FromPropertyReference(reference), declarations);
                }
            }, SyntaxKind.ElementAccessExpression);
            start.RegisterSyntaxNodeAction(nodeContext =>
            {
                var member = (MemberAccessExpressionSyntax)nodeContext.Node;
                if (member.Name.Identifier.ValueText == "Value" && member.Expression is InvocationExpressionSyntax sectionCall &&
                    ConfigurationSyntax.IsCandidateReceiver(sectionCall) &&
                    nodeContext.SemanticModel.GetSymbolInfo(member, nodeContext.CancellationToken).Symbol is IPropertySymbol value &&
                    symbols.IsSection(value.ContainingType) &&
                    nodeContext.SemanticModel.GetOperation(member, nodeContext.CancellationToken) is IPropertyReferenceOperation reference)
                {
                    Check(nodeContext, reads.FromPropertyReference(reference), declarations);
                }
            }, SyntaxKind.SimpleMemberAccessExpression);
            start.RegisterSyntaxNodeAction(nodeContext =>
            {
                var syntax = (InvocationExpressionSyntax)nodeContext.Node;
                if (SyntaxNames.InvokedName(syntax) is not { } name || !InvokedNames.Contains(name) || !IsCandidateCall(syntax, name) ||
                    nodeContext.SemanticModel.GetSymbolInfo(syntax, nodeContext.CancellationToken).Symbol is not IMethodSymbol method ||
                    !symbols.DeclaresReadMethod(method.ContainingType) ||
                    nodeContext.SemanticModel.GetOperation(syntax, nodeContext.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }
                Check(nodeContext, reads.FromInvocation(invocation), declarations);
                if (ConfigurationGuards.IsGuarded(invocation))
                {
                    return; // Options bound only when configuration says so (a GetSection(..).Exists() check) are optional.
                }
                foreach (var required in bindings.FromInvocation(invocation))
                {
                    Report(nodeContext, required, declarations.Value);
                }
            }, SyntaxKind.InvocationExpression);
        });
    }

    private static readonly HashSet<string> InvokedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetConnectionString", "GetValue", "GetRequiredSection", "Configure", "Bind", "BindConfiguration", "Get",
    };

    /// <summary>
    /// Generic binders (<c>Configure&lt;T&gt;</c>, <c>Get&lt;T&gt;</c>, <c>BindConfiguration</c>, <c>Bind</c> on
    /// <c>AddOptions&lt;T&gt;()</c>) are recognised by shape; the other reads need a configuration-like receiver.
    /// </summary>
    private static bool IsCandidateCall(InvocationExpressionSyntax syntax, string name)
    {
        var receiver = ConfigurationSyntax.Receiver(syntax);
        switch (name)
        {
            case "Configure":
                return syntax.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax } || syntax.Expression is GenericNameSyntax;
            case "BindConfiguration":
                return true;
            case "Bind":
                return receiver is InvocationExpressionSyntax || (receiver != null && ConfigurationSyntax.IsCandidateReceiver(receiver));
            default:
                return receiver != null && ConfigurationSyntax.IsCandidateReceiver(receiver);
        }
    }

    private static void Check(SyntaxNodeAnalysisContext context, ConfigurationRead? found, Lazy<DeclarationSet> declarations)
    {
        if (found is { } read && !FallbackDetector.HasFallback(read.Operation))
        {
            Report(context, read, declarations.Value);
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, ConfigurationRead read, DeclarationSet declared)
    {
        if (declared.IsEmpty || declared.Declares(read.Key))
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.PF1001, read.KeySyntax.GetLocation(), read.Key, declared.DescribeSources()));
    }
}
