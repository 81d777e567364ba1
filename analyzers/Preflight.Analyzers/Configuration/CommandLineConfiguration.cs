using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// Keys the program's command line gives, known from the code (PF1001 does not report them):
/// <list type="bullet">
/// <item>the keys a switch mapping names (<c>AddCommandLine(args, new Dictionary&lt;string, string&gt; { ["-k"] =
/// "Api:Key" })</c>), in any project;</item>
/// <item>flat keys (<c>config["assemblyName"]</c>, no section) in a program that is not a web app and adds the command
/// line
/// to its configuration with its arguments (<c>Host.CreateDefaultBuilder(args)</c>,
/// <c>Host.CreateApplicationBuilder(args)</c>,
/// <c>AddCommandLine(args)</c>, <c>args</c> a <c>string[]</c> parameter): a console or worker tool reads its switches
/// (<c>--assemblyName=x</c>) so. A web app (<c>WebApplication.CreateBuilder(args)</c>, <c>ConfigureWebHostDefaults</c>,
/// <c>WebHost</c>, <c>UseStartup</c>) is started by a platform, not by a caller that passes switches: its flat keys
/// stay checked.</item>
/// </list>
/// Read from the compilation's syntax (only files that mention a host builder or the command line are bound).
/// </summary>
internal sealed class CommandLineConfiguration
{
    private static readonly string[] Mentions = { "CreateDefaultBuilder", "CreateApplicationBuilder", "AddCommandLine",
        "CreateBuilder", "CreateSlimBuilder", "ConfigureWebHost", "UseStartup" };

    private readonly HashSet<string> _mapped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private bool _addsArguments;
    private bool _isWebApp;

    private CommandLineConfiguration()
    {
    }

    /// <summary>The program adds its arguments to the configuration and is not a web app: its flat keys may be
    /// switches.</summary>
    public bool FlatKeysAreSwitches => _addsArguments && !_isWebApp;

    /// <summary>The command line gives the key (a switch mapping names it, or a flat key of a non-web program that adds
    /// its arguments).</summary>
    public bool Gives(string key) => _mapped.Contains(key) || FlatKeysAreSwitches && key.IndexOf(':') < 0;

    public static CommandLineConfiguration Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new CommandLineConfiguration();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (Array.TrueForAll(Mentions, m => text.IndexOf(m, StringComparison.Ordinal) < 0))
            {
                continue;
            }
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation
                    || Infrastructure.SyntaxNames.InvokedName(invocation) is not { } name)
                {
                    continue;
                }
                var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression.ToString();
                switch (name)
                {
                    case "ConfigureWebHostDefaults" or "ConfigureWebHost" or "UseStartup":
                    case "CreateBuilder" or "CreateSlimBuilder" or "Create" when receiver is "WebApplication"
                        or "Microsoft.AspNetCore.Builder.WebApplication":
                    case "CreateDefaultBuilder" when receiver is "WebHost" or "Microsoft.AspNetCore.WebHost":
                        found._isWebApp = true;
                        break;
                    case "CreateDefaultBuilder" or "CreateApplicationBuilder" or "CreateEmptyApplicationBuilder"
                        when receiver is "Host" or "Microsoft.Extensions.Hosting.Host":
                    case "AddCommandLine":
                        if (invocation.ArgumentList.Arguments.Count == 0)
                        {
                            break;
                        }
                        model ??= compilation.GetSemanticModel(tree);
                        if (IsArgumentsParameter(
                            model, invocation.ArgumentList.Arguments[0].Expression, cancellationToken))
                        {
                            found._addsArguments = true;
                        }
                        if (name == "AddCommandLine" && invocation.ArgumentList.Arguments.Count > 1)
                        {
                            found.AddMappings(
                                model, invocation.ArgumentList.Arguments[1].Expression, cancellationToken);
                        }
                        break;
                }
            }
        }
        return found;
    }

    /// <summary><c>args</c>: a <c>string[]</c> parameter (the program's arguments, passed on), not an array made
    /// here.</summary>
    private static bool IsArgumentsParameter(
        SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
        expression is IdentifierNameSyntax &&
        model.GetSymbolInfo(expression, cancellationToken).Symbol
            is IParameterSymbol { Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } };

    /// <summary>The keys (values) of a switch-mapping dictionary written here or in the local/field it is stored
    /// in.</summary>
    private void AddMappings(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var creation = expression as BaseObjectCreationExpressionSyntax;
        if (creation == null && expression is IdentifierNameSyntax &&
            model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol or IFieldSymbol &&
            model.GetSymbolInfo(expression, cancellationToken)
                .Symbol!.DeclaringSyntaxReferences is { Length: 1 } references &&
            references[0].GetSyntax(cancellationToken)
                is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax initialized })
        {
            creation = initialized;
        }
        if (creation?.Initializer == null)
        {
            return;
        }
        foreach (var entry in creation.Initializer.Expressions)
        {
            var value = entry switch
            {
                InitializerExpressionSyntax { Expressions.Count: 2 } pair =>
                    pair.Expressions[1],             // { "-k", "Key" }
                AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax } assignment =>
                    assignment.Right, // ["-k"] = "Key"
                _ => null,
            };
            if (value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && literal.Token.ValueText.Length > 0)
            {
                _mapped.Add(literal.Token.ValueText);
            }
        }
    }
}
