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
/// no declaration source of the project's deployment provides. Deployable projects (executables) with at least one
/// declaration source are checked against their deployment; class libraries against the deployments of the projects
/// that reference them (<see cref="LibraryHosts"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationKeyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF1001);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var project = ProjectContext.Create(start.Options);
            var reader = new ArtifactReader(start);
            if (project.IsDeployable)
            {
                Aspire.AspireClientIntegrations.Register(start, project, reader);
            }
            if (ConfigurationSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }
            var declarations = project.IsDeployable ? OwnDeployment(project, reader, start.Compilation)
                : Hosts(project, reader);
            var reads = new ConfigurationReadFinder(symbols);
            var bindings = new OptionsBindingFinder(start.Compilation, symbols, reads);

            // Syntax first: only nodes that can be a configuration read are bound.
            start.RegisterSyntaxNodeAction(nodeContext =>
            {
                var access = (ElementAccessExpressionSyntax)nodeContext.Node;
                if (access.ArgumentList.Arguments.Count == 1
                    && ConfigurationSyntax.IsCandidateReceiver(access.Expression) &&
                    nodeContext.SemanticModel.GetSymbolInfo(access, nodeContext.CancellationToken)
                        .Symbol is IPropertySymbol { IsIndexer: true } indexer &&
                    symbols.IsConfiguration(indexer.ContainingType) &&
                    nodeContext.SemanticModel.GetOperation(
                        access, nodeContext.CancellationToken) is IPropertyReferenceOperation reference)
                {
                    Check(nodeContext, reads.FromPropertyReference(reference), declarations, !project.IsDeployable);
                }
            }, SyntaxKind.ElementAccessExpression);
            start.RegisterSyntaxNodeAction(nodeContext =>
            {
                var syntax = (InvocationExpressionSyntax)nodeContext.Node;
                // GetSection("A").Value: found from the call it reads (a callback for every member access of the code
                // would cost more than the reads).
                if (syntax.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } member
                    && member.Expression == syntax && member.IsKind(SyntaxKind.SimpleMemberAccessExpression) &&
                    ConfigurationSyntax.IsCandidateReceiver(syntax) &&
                    nodeContext.SemanticModel.GetSymbolInfo(member, nodeContext.CancellationToken)
                        .Symbol is IPropertySymbol value &&
                    symbols.IsSection(value.ContainingType) &&
                    nodeContext.SemanticModel.GetOperation(
                        member, nodeContext.CancellationToken) is IPropertyReferenceOperation reference)
                {
                    Check(nodeContext, reads.FromPropertyReference(reference), declarations, !project.IsDeployable);
                }
                if (SyntaxNames.InvokedName(syntax) is not { } name || !InvokedNames.Contains(name)
                    || !IsCandidateCall(syntax, name) ||
                    nodeContext.SemanticModel.GetSymbolInfo(syntax, nodeContext.CancellationToken)
                        .Symbol is not IMethodSymbol method ||
                    !symbols.DeclaresReadMethod(method.ContainingType) ||
                    nodeContext.SemanticModel.GetOperation(
                        syntax, nodeContext.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }
                Check(nodeContext, reads.FromInvocation(invocation), declarations, !project.IsDeployable);
                if (ConfigurationGuards.IsGuarded(invocation))
                {
                    return; // Options bound only when configuration says so (a GetSection(..).Exists() check) are
                            // optional.
                }
                foreach (var required in bindings.FromInvocation(invocation))
                {
                    Report(nodeContext, required, declarations);
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
                return syntax.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax }
                    || syntax.Expression is GenericNameSyntax;
            case "BindConfiguration":
                return true;
            case "Bind":
                return receiver is InvocationExpressionSyntax
                    || (receiver != null && ConfigurationSyntax.IsCandidateReceiver(receiver));
            default:
                return receiver != null && ConfigurationSyntax.IsCandidateReceiver(receiver);
        }
    }

    /// <summary>The places searched when a key is declared nowhere, else null.</summary>
    private delegate string? Undeclared(string key);

    /// <summary>A deployable project: its own deployment's declarations, and what its command line gives
    /// (<see cref="CommandLineConfiguration"/>). The declarations are collected here, at the compilation's start, on
    /// one thread: collected lazily by the first read, every other analyzer thread reaching a read meanwhile would
    /// wait for them (a deployable project almost always reads configuration).</summary>
    private static Undeclared OwnDeployment(ProjectContext project, ArtifactReader reader, Compilation compilation)
    {
        var declared = DeploymentDeclarations.Collect(project, reader).ConfigurationKeys;
        if (declared.IsEmpty)
        {
            return _ => null; // No declaration source: the project's deployment is not known.
        }
        var commandLine = new Lazy<CommandLineConfiguration>(
            () => CommandLineConfiguration.Find(compilation, reader.CancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication);
        return key => declared.Declares(key) || commandLine.Value.Gives(key) ? null : declared.DescribeSources();
    }

    /// <summary>A class library: the deployments of the projects that reference it (none: nothing is
    /// reported).</summary>
    private static Undeclared Hosts(ProjectContext project, ArtifactReader reader)
    {
        var hosts = new Lazy<LibraryHosts?>(
            () => LibraryHosts.Create(project, reader), LazyThreadSafetyMode.ExecutionAndPublication);
        return key => hosts.Value?.MissingKey(key);
    }

    private static void Check(
        SyntaxNodeAnalysisContext context, ConfigurationRead? found, Undeclared declarations, bool isLibrary)
    {
        if (found is { } read && !FallbackDetector.HasFallback(read.Operation, callersElsewhere: isLibrary))
        {
            Report(context, read, declarations);
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, ConfigurationRead read, Undeclared declarations)
    {
        if (declarations(read.Key) is { } places)
        {
            context.ReportDiagnostic(
                Diagnostic.Create(Descriptors.PF1001, read.KeySyntax.GetLocation(), read.Key, places));
        }
    }
}
