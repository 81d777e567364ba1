using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
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
            var bindings = new OptionsBindingFinder(start.Compilation, reads);

            start.RegisterOperationAction(
                operationContext => Check(operationContext, reads.FromPropertyReference((IPropertyReferenceOperation)operationContext.Operation), declarations),
                OperationKind.PropertyReference);
            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    Check(operationContext, reads.FromInvocation(invocation), declarations);
                    foreach (var required in bindings.FromInvocation(invocation))
                    {
                        Report(operationContext, required, declarations.Value);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static void Check(OperationAnalysisContext context, ConfigurationRead? found, Lazy<DeclarationSet> declarations)
    {
        if (found is { } read && !FallbackDetector.HasFallback(read.Operation))
        {
            Report(context, read, declarations.Value);
        }
    }

    private static void Report(OperationAnalysisContext context, ConfigurationRead read, DeclarationSet declared)
    {
        if (declared.IsEmpty || declared.Declares(read.Key))
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.PF1001, read.KeySyntax.GetLocation(), read.Key, declared.DescribeSources()));
    }
}
