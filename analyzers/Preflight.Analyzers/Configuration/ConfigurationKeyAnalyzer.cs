using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// PF1001: a configuration key read without a fallback that neither the project's appsettings*.json nor the environment
/// of the compose service that builds it declares. Only deployable projects (executables) with at least one place that
/// declares configuration are checked.
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
            var declarations = new Lazy<ConfigurationDeclarations>(
                () => ConfigurationDeclarations.Collect(
                    project,
                    text => start.TryGetValue(text, ArtifactParsers.AppSettings, out var settings) ? settings : null,
                    text => start.TryGetValue(text, ArtifactParsers.Compose, out var compose) ? compose : null,
                    start.CancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication);
            var finder = new ConfigurationReadFinder(symbols);

            start.RegisterOperationAction(
                operationContext => Check(operationContext, finder.FromPropertyReference((IPropertyReferenceOperation)operationContext.Operation), declarations),
                OperationKind.PropertyReference);
            start.RegisterOperationAction(
                operationContext => Check(operationContext, finder.FromInvocation((IInvocationOperation)operationContext.Operation), declarations),
                OperationKind.Invocation);
        });
    }

    private static void Check(OperationAnalysisContext context, ConfigurationRead? found, Lazy<ConfigurationDeclarations> declarations)
    {
        if (found is not { } read)
        {
            return;
        }
        var declared = declarations.Value;
        if (declared.Sources.Count == 0 || declared.Provides(read.Key) || FallbackDetector.HasFallback(read.Operation))
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PF1001,
            read.KeySyntax.GetLocation(),
            read.Key,
            string.Join(", ", declared.Sources)));
    }
}
