using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Configuration providers whose keys no repository file shows: a secret store or configuration service added to the
/// configuration (<c>AddAzureKeyVault</c>, <c>AddDaprSecretStore</c>, <c>AddAzureAppConfiguration</c>, AWS, Consul, Vault,
/// key-per-file, or any other <c>IConfigurationBuilder</c> extension that is not a file, environment, command-line,
/// user-secrets or in-memory source). With one, any key may be set: the project's keys are not reported.
/// </summary>
internal static class ExternalConfigurationSources
{
    /// <summary>Known by name, so they count even where the package is not resolved (the CLI does not restore).</summary>
    private static readonly HashSet<string> KnownExternal = new HashSet<string>(StringComparer.Ordinal)
    {
        "AddAzureKeyVault", "AddAzureKeyVaultSecrets", "AddAzureAppConfiguration", "AddDaprSecretStore", "AddDaprConfigurationStore",
        "AddSecretsManager", "AddSystemsManager", "AddAppConfig", "AddConsul", "AddVault", "AddHashiCorpVault", "AddGoogleSecretManager",
        "AddKeyPerFile", "AddEtcd", "AddSpringCloudConfigServer", "AddConfigServer", "AddKubernetes",
    };

    /// <summary>Providers whose keys are files or variables Preflight reads (or that only matter to developers).</summary>
    private static readonly HashSet<string> Local = new HashSet<string>(StringComparer.Ordinal)
    {
        "AddJsonFile", "AddJsonStream", "AddEnvironmentVariables", "AddCommandLine", "AddUserSecrets", "AddInMemoryCollection",
        "AddIniFile", "AddIniStream", "AddXmlFile", "AddXmlStream", "AddConfiguration", "AddYamlFile",
    };

    /// <summary>The first such provider the code adds ("AddAzureKeyVault"), or null.</summary>
    public static string? Find(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var provider in FindAll(compilation, cancellationToken))
        {
            return provider.Name;
        }
        return null;
    }

    /// <summary>
    /// Every such provider the code adds, with the configuration flag that switches it on when the call is inside
    /// <c>if (config.GetValue&lt;bool&gt;("UseVault"))</c> (or with a <c>false</c> default): a missing flag leaves it off.
    /// </summary>
    public static IEnumerable<(string Name, string? Flag)> FindAll(Compilation compilation, CancellationToken cancellationToken)
    {
        var builder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationBuilder");
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (text.IndexOf(".Add", StringComparison.Ordinal) < 0)
            {
                continue;
            }
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
                {
                    continue;
                }
                var name = member.Name.Identifier.ValueText;
                if (KnownExternal.Contains(name))
                {
                    yield return (name, GuardingFlag(invocation));
                    continue;
                }
                if (builder == null || !name.StartsWith("Add", StringComparison.Ordinal) || Local.Contains(name) ||
                    member.Expression.ToString().IndexOf("onfig", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && ExtendsBuilder(method, builder) &&
                    method.ReturnType is INamedTypeSymbol returned && Implements(returned, builder))
                {
                    yield return (name, GuardingFlag(invocation));
                }
            }
        }
    }

    /// <summary>
    /// The key of <c>if (x.GetValue&lt;bool&gt;("Key"))</c> / <c>GetValue&lt;bool&gt;("Key", false)</c> whose then-branch holds the
    /// call (the nearest <c>if</c> in the same method), else null.
    /// </summary>
    private static string? GuardingFlag(SyntaxNode call)
    {
        for (SyntaxNode? child = call, parent = call.Parent; parent != null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IfStatementSyntax @if when child == @if.Statement:
                    return FlagKey(@if.Condition);
                case IfStatementSyntax or ElseClauseSyntax or ConditionalExpressionSyntax or SwitchSectionSyntax:
                    return null; // In another branch: on under a condition that is not a flag.
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    return null;
            }
        }
        return null;
    }

    /// <summary><c>x.GetValue&lt;bool&gt;("Key")</c> or <c>x.GetValue&lt;bool&gt;("Key", false)</c>: the key, else null.</summary>
    private static string? FlagKey(ExpressionSyntax condition)
    {
        if (condition is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } } invocation ||
            generic.Identifier.ValueText != "GetValue" || generic.TypeArgumentList.Arguments.Count != 1 ||
            generic.TypeArgumentList.Arguments[0] is not PredefinedTypeSyntax { Keyword.ValueText: "bool" })
        {
            return null;
        }
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count == 0 || arguments.Count > 2 || arguments[0].Expression is not LiteralExpressionSyntax key ||
            !key.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression) ||
            arguments.Count == 2 && !arguments[1].Expression.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.FalseLiteralExpression))
        {
            return null;
        }
        return key.Token.ValueText;
    }

    private static bool ExtendsBuilder(IMethodSymbol method, INamedTypeSymbol builder)
    {
        var original = method.ReducedFrom ?? method;
        return original.IsExtensionMethod && original.Parameters.Length > 0 && original.Parameters[0].Type is INamedTypeSymbol receiver && Implements(receiver, builder);
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
    {
        if (SymbolEqualityComparer.Default.Equals(type, @interface))
        {
            return true;
        }
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
            {
                return true;
            }
        }
        return false;
    }
}
