using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration.Aspire;

/// <summary>
/// PF1001 for Aspire client integrations: <c>builder.AddRedisClient("cache")</c>,
/// <c>AddNpgsqlDbContext&lt;T&gt;("db")</c>,
/// <c>AddKeyedAzureBlobClient("blobs")</c> read the connection string <c>ConnectionStrings:&lt;name&gt;</c> at start.
/// Reported
/// when no declaration source (an AppHost's <c>WithReference</c>, appsettings, compose, ...) provides it. The method is
/// an
/// Aspire integration's when it is declared by an <c>Aspire*</c> extension class or an <c>Aspire.*</c> assembly; where
/// the
/// package is not resolved (the CLI does not restore), by its name, and only in a project an AppHost of the repository
/// runs.
/// </summary>
internal static class AspireClientIntegrations
{
    /// <summary>Names of Aspire client integrations (used only where the method is not resolved).</summary>
    private static readonly Regex ClientName = new Regex(
        "^Add(Keyed)?[A-Z][A-Za-z0-9]*(Client|DbContext|DataSource|DistributedCache|OutputCache|Producer|Consumer)$",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Methods of that shape that are no Aspire integration (their string is a client's name, not a
    /// connection's).</summary>
    private static readonly ImmutableHashSet<string> NotIntegrations = ImmutableHashSet.Create(StringComparer.Ordinal,
        "AddHttpClient", "AddGrpcClient", "AddKeyedHttpClient", "AddSignalRClient", "AddTypedClient", "AddRefitClient",
            "AddCodeFirstGrpcClient");

    /// <summary>
    /// Checks the client integrations of a deployable project (part of <see cref="ConfigurationKeyAnalyzer"/>, PF1001's
    /// one
    /// analyzer; it runs also where the configuration types are not resolved, as the CLI compiles without restore).
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, ProjectContext project, ArtifactReader reader)
    {
        var declarations = new Lazy<DeploymentDeclarations>(
            () => DeploymentDeclarations.Collect(project, reader), LazyThreadSafetyMode.ExecutionAndPublication);
        start.RegisterSyntaxNodeAction(
            nodeContext => Analyze(nodeContext, declarations), SyntaxKind.InvocationExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, Lazy<DeploymentDeclarations> declarations)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (SyntaxNames.InvokedName(syntax) is not { } name || !name.StartsWith("Add", StringComparison.Ordinal) ||
            syntax.ArgumentList.Arguments.Count == 0 || syntax.Expression is not MemberAccessExpressionSyntax)
        {
            return;
        }
        var info = context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken);
        ExpressionSyntax? nameArgument;
        if (info.Symbol is IMethodSymbol method)
        {
            if (!IsAspireIntegration(method) || ConnectionNameArgument(syntax, method) is not { } argument)
            {
                return;
            }
            nameArgument = argument;
        }
        else
        {
            // Unresolved (the package is not restored): by name, and only where an AppHost runs the project.
            if (!info.CandidateSymbols.IsEmpty || !ClientName.IsMatch(name) || NotIntegrations.Contains(name) ||
                syntax.ArgumentList.Arguments[0].NameColon != null || declarations.Value.AppHostLine == null)
            {
                return;
            }
            nameArgument = syntax.ArgumentList.Arguments[0].Expression;
        }
        if (context.SemanticModel.GetConstantValue(
            nameArgument, context.CancellationToken) is not { HasValue: true, Value: string connectionName } ||
            connectionName.Length == 0 || SetsConnectionString(syntax))
        {
            return;
        }
        var declared = declarations.Value.ConfigurationKeys;
        var key = "ConnectionStrings:" + connectionName;
        // The integration's own settings section (Aspire:StackExchange:Redis:ConnectionString, ...) may give the
        // connection string.
        if (declared.IsEmpty || declared.Declares(key) || declared.Declares("Aspire"))
        {
            return;
        }
        context.ReportDiagnostic(
            Diagnostic.Create(Descriptors.PF1001, nameArgument.GetLocation(), key, declared.DescribeSources()));
    }

    /// <summary>An Aspire client integration: declared by an <c>Aspire*</c> extension class or in an <c>Aspire.*</c>
    /// assembly.</summary>
    private static bool IsAspireIntegration(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return type != null &&
            (type.Name.StartsWith("Aspire", StringComparison.Ordinal) ||
             method.ContainingAssembly?.Name.StartsWith("Aspire.", StringComparison.Ordinal) == true ||
             method.ContainingAssembly?.Name.StartsWith("CommunityToolkit.Aspire.", StringComparison.Ordinal) == true);
    }

    /// <summary>The argument given for the method's <c>connectionName</c> (or, of an <c>AddKeyed…</c> method,
    /// <c>name</c>) string parameter.</summary>
    private static ExpressionSyntax? ConnectionNameArgument(InvocationExpressionSyntax syntax, IMethodSymbol method)
    {
        var parameters = method.ReducedFrom != null ? method.Parameters
            : method.Parameters.Skip(method.IsExtensionMethod ? 1 : 0).ToImmutableArray();
        var index = -1;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Type.SpecialType == SpecialType.System_String &&
                (parameters[i].Name == "connectionName"
                    || (parameters[i].Name == "name" && method.Name.StartsWith("AddKeyed", StringComparison.Ordinal))))
            {
                index = i;
                break;
            }
        }
        if (index < 0)
        {
            return null;
        }
        var arguments = syntax.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameters[index].Name)
            {
                return argument.Expression;
            }
        }
        return index < arguments.Count && arguments[index].NameColon == null ? arguments[index].Expression : null;
    }

    /// <summary>A settings callback that sets the connection string itself (<c>s => s.ConnectionString =
    /// …</c>).</summary>
    private static bool SetsConnectionString(InvocationExpressionSyntax syntax) =>
        syntax.ArgumentList.Arguments.Any(argument => argument.Expression is AnonymousFunctionExpressionSyntax lambda &&
            lambda.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
                assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectionString" } ||
                assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "ConnectionString" }));
}
