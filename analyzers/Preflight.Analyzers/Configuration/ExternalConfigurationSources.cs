using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Configuration providers whose keys no repository file shows: a secret store or configuration service added to the
/// configuration (<c>AddAzureKeyVault</c>, <c>AddDaprSecretStore</c>, <c>AddAzureAppConfiguration</c>, AWS, Consul,
/// Vault,
/// key-per-file, or any other <c>IConfigurationBuilder</c> extension that is not a file, environment, command-line,
/// user-secrets or in-memory source). With one, any key may be set: the project's keys are not reported.
/// </summary>
internal static class ExternalConfigurationSources
{
    /// <summary>Known by name, so they count even where the package is not resolved (the CLI does not
    /// restore).</summary>
    private static readonly HashSet<string> KnownExternal = new HashSet<string>(StringComparer.Ordinal)
    {
        "AddAzureKeyVault", "AddAzureKeyVaultSecrets", "AddAzureAppConfiguration", "AddDaprSecretStore",
            "AddDaprConfigurationStore",
        "AddSecretsManager", "AddSystemsManager", "AddAppConfig", "AddConsul", "AddVault", "AddHashiCorpVault",
            "AddGoogleSecretManager",
        "AddKeyPerFile", "AddEtcd", "AddSpringCloudConfigServer", "AddConfigServer", "AddKubernetes",
    };

    /// <summary>Providers whose keys are files or variables Preflight reads (or that only matter to
    /// developers).</summary>
    private static readonly HashSet<string> Local = new HashSet<string>(StringComparer.Ordinal)
    {
        "AddJsonFile", "AddJsonStream", "AddEnvironmentVariables", "AddCommandLine", "AddUserSecrets",
            "AddInMemoryCollection",
        "AddIniFile", "AddIniStream", "AddXmlFile", "AddXmlStream", "AddConfiguration", "AddYamlFile",
    };

    /// <summary>The first such provider the code adds ("AddAzureKeyVault"), or null.</summary>
    public static string? Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var builder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationBuilder");
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            // Only where the text says ".Add": the call's name token is found from there, not by walking every node.
            foreach (var token in Infrastructure.TextTokens.At(tree, ".Add", 1, cancellationToken))
            {
                if (token.Parent is not SimpleNameSyntax called
                    || called.Parent is not MemberAccessExpressionSyntax member || member.Name != called
                    || member.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != member)
                {
                    continue; // In a comment or a string, or not a call.
                }
                var name = called.Identifier.ValueText;
                if (KnownExternal.Contains(name))
                {
                    return name;
                }
                if (builder == null || !name.StartsWith("Add", StringComparison.Ordinal) || Local.Contains(name) ||
                    member.Expression.ToString().IndexOf("onfig", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                    && ExtendsBuilder(method, builder) &&
                    method.ReturnType is INamedTypeSymbol returned && Implements(returned, builder))
                {
                    return name;
                }
            }
        }
        return null;
    }

    private static bool ExtendsBuilder(IMethodSymbol method, INamedTypeSymbol builder)
    {
        var original = method.ReducedFrom ?? method;
        return original.IsExtensionMethod && original.Parameters.Length > 0
            && original.Parameters[0].Type is INamedTypeSymbol receiver && Implements(receiver, builder);
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
