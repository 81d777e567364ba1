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
/// PF1002: <c>Environment.GetEnvironmentVariable("X")</c> without a fallback, where no environment source of the
/// project's
/// deployment sets X (for a class library: that no deployment of the projects referencing it sets X). Variables the
/// runtime, the .NET images or the platform always set are known.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnvironmentVariableAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Set by the OS, the container runtime, the .NET images or Kubernetes; reading them needs no
    /// declaration.</summary>
    private static readonly HashSet<string> AlwaysSet = new HashSet<string>(StringComparer.Ordinal)
    {
        "HOME", "PATH", "HOSTNAME", "USER", "PWD", "SHELL", "TMPDIR", "TEMP", "TMP", "LANG", "TERM",
        "DOTNET_RUNNING_IN_CONTAINER", "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_HTTP_PORTS", "APP_UID",
        "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT",
        // Unset means Production: reading them never needs a declaration.
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF1002);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var environment = start.Compilation.GetTypeByMetadataName("System.Environment");
            var project = ProjectContext.Create(start.Options);
            if (environment == null)
            {
                return;
            }
            var reader = new ArtifactReader(start);
            var declarations = new Lazy<DeclarationSet>(
                () => DeploymentDeclarations.Collect(project, reader).EnvironmentVariables,
                    LazyThreadSafetyMode.ExecutionAndPublication);
            // A class library: the deployments of the projects that reference it (none: nothing is reported).
            var hosts = new Lazy<LibraryHosts?>(
                () => project.IsDeployable ? null : LibraryHosts.Create(project, reader),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSyntaxNodeAction(operationContext =>
            {
                var syntax = (InvocationExpressionSyntax)operationContext.Node;
                if (SyntaxNames.InvokedName(syntax) != "GetEnvironmentVariable" ||
                    operationContext.SemanticModel.GetSymbolInfo(syntax, operationContext.CancellationToken)
                        .Symbol is not IMethodSymbol method ||
                    !SymbolEqualityComparer.Default.Equals(method.ContainingType, environment) ||
                    operationContext.SemanticModel.GetOperation(
                        syntax, operationContext.CancellationToken) is not IInvocationOperation invocation ||
                    !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, environment) ||
                    invocation.Arguments.Length == 0)
                {
                    return;
                }
                var nameArgument = invocation.Arguments[0].Value;
                if (ConfigurationReadFinder.ConstantString(nameArgument) is not { } name || AlwaysSet.Contains(name) ||
                    FallbackDetector.HasFallback(invocation, callersElsewhere: !project.IsDeployable))
                {
                    return;
                }
                string? places;
                if (project.IsDeployable)
                {
                    var declared = declarations.Value;
                    places = declared.IsEmpty || declared.Declares(name) ? null : declared.DescribeSources();
                }
                else
                {
                    places = hosts.Value?.MissingVariable(name);
                }
                if (places != null)
                {
                    operationContext.ReportDiagnostic(
                        Diagnostic.Create(Descriptors.PF1002, nameArgument.Syntax.GetLocation(), name, places));
                }
            }, SyntaxKind.InvocationExpression);
        });
    }
}
