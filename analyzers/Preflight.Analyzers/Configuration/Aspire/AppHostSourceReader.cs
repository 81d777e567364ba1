using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration.Aspire;

/// <summary>
/// Reads an AppHost C# file from its syntax: the <c>AddProject</c> calls and, along each fluent chain and through the
/// locals resources are stored in, the <c>WithEnvironment</c>, <c>WithReference</c> and <c>env:</c> endpoint arguments
/// that give the project configuration. What is not understood (a name that is no constant, a loop, a method of the
/// AppHost's own that changes the project) leaves the project open. Parsed once per text.
/// </summary>
internal static class AppHostSourceReader
{
    /// <summary>AppHost files larger than this are not read: their projects are unknown.</summary>
    private const int MaxLength = 1024 * 1024;

    public static readonly TextValueProvider<AppHostSource> Provider =
        new TextValueProvider<AppHostSource>(Read);

    /// <summary>Methods that take a project as an argument without changing its configuration.</summary>
    private static readonly HashSet<string> NeutralTargets = new HashSet<string>(StringComparer.Ordinal)
    {
        "WithReference", "WaitFor", "WaitForCompletion", "WaitForStart", "WithParentRelationship",
            "WithChildRelationship",
        "GetEndpoint", "AddCluster", "WithRelationship",
    };

    /// <summary>Aspire's methods on a project that set no configuration the project reads by name.</summary>
    private static readonly HashSet<string> NeutralProjectCalls = new HashSet<string>(StringComparer.Ordinal)
    {
        "WaitFor", "WaitForCompletion", "WaitForStart", "WithExternalHttpEndpoints", "WithHttpHealthCheck",
            "WithHttpsHealthCheck",
        "WithHealthCheck", "WithReplicas", "WithUrl", "WithUrls", "WithUrlForEndpoint", "WithArgs",
            "WithParentRelationship",
        "WithChildRelationship", "WithRelationship", "WithExplicitStart", "WithHttpEndpoint", "WithHttpsEndpoint",
            "WithEndpoint",
        "WithEndpointsInEnvironment", "WithOtlpExporter", "WithIconName", "ExcludeFromManifest", "ExcludeFromMcp",
            "PublishAsDockerFile",
        "PublishAsAzureContainerApp", "PublishAsContainer", "WithComputeEnvironment", "WithAnnotation", "WithCommand",
            "WithHttpCommand",
        "WithLifetime", "WithDeveloperCertificateTrust", "WithCertificateAuthorityCollection",
            "DisableForwardedHeaders",
        "WithManifestPublishingCallback", "WithDeploymentImageTag", "GetEndpoint", "AsHttp2Service",
            "WithImagePushOptions",
    };

    public static AppHostSource Read(SourceText text)
    {
        if (text.Length > MaxLength)
        {
            return AppHostSource.Empty;
        }
        var root = CSharpSyntaxTree.ParseText(
            text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview)).GetCompilationUnitRoot();
        var walker = new Walker(root);
        return walker.Run();
    }

    private sealed class Walker
    {
        private readonly CompilationUnitSyntax _root;
        private readonly Dictionary<string, string> _constants = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<AppHostProject> _projects = new List<AppHostProject>();
        private readonly HashSet<InvocationExpressionSyntax> _seen = new HashSet<InvocationExpressionSyntax>();
        private Dictionary<string, Value> _locals = new Dictionary<string, Value>(StringComparer.Ordinal);
        private bool _inMain;
        private SyntaxNode? _scope;

        public Walker(CompilationUnitSyntax root) => _root = root;

        public AppHostSource Run()
        {
            CollectConstants();
            var createsBuilder = false;
            foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression
                    is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateBuilder" } member &&
                    member.Expression is IdentifierNameSyntax { Identifier.ValueText: "DistributedApplication" }
                        or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DistributedApplication" } &&
                    invocation.Ancestors().Any(
                        a => a is GlobalStatementSyntax or MethodDeclarationSyntax { Identifier.ValueText: "Main" }))
                {
                    createsBuilder = true;
                }
            }
            var globals = _root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).Where(
                s => s is not LocalFunctionStatementSyntax).ToList();
            if (globals.Count > 0)
            {
                Walk(_root, globals, inMain: true);
            }
            var methods = new Dictionary<string, MethodShape>(StringComparer.Ordinal);
            foreach (var node in _root.DescendantNodes())
            {
                switch (node)
                {
                    case MethodDeclarationSyntax method when method.Body != null || method.ExpressionBody != null:
                        methods[method.Identifier.ValueText] = Shape(
                            method.ParameterList, (SyntaxNode?)method.Body ?? method.ExpressionBody!,
                            methods.TryGetValue(method.Identifier.ValueText, out var m1) ? m1 : null);
                        WalkBody((SyntaxNode?)method.Body ?? method.ExpressionBody!,
                            method.Identifier.ValueText == "Main");
                        break;
                    case LocalFunctionStatementSyntax local when local.Body != null || local.ExpressionBody != null:
                        methods[local.Identifier.ValueText] = Shape(
                            local.ParameterList, (SyntaxNode?)local.Body ?? local.ExpressionBody!,
                            methods.TryGetValue(local.Identifier.ValueText, out var m2) ? m2 : null);
                        WalkBody((SyntaxNode?)local.Body ?? local.ExpressionBody!, inMain: false);
                        break;
                }
            }
            // AddProject calls no chain reached (inside lambdas, property initialisers, ...): the project is run, its
            // configuration unknown.
            foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (!_seen.Contains(invocation) && IsAddProject(invocation, out var name))
                {
                    var project = CreateProject(invocation, name);
                    project.IsOpen = true;
                }
            }
            return new AppHostSource(createsBuilder, _projects, methods, SharedVariables());
        }

        /// <summary><c>x.EnvironmentVariables["X"] = …</c>, <c>x.EnvironmentVariables.Add("X", …)</c> /
        /// <c>TryAdd</c> anywhere in the file.</summary>
        private List<string> SharedVariables()
        {
            var variables = new List<string>();
            foreach (var node in _root.DescendantNodes())
            {
                var name = node switch
                {
                    ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnvironmentVariables" }, ArgumentList.Arguments: { Count: 1 } index } => index[0].Expression,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnvironmentVariables" } }, ArgumentList.Arguments.Count: 2 } call => call.ArgumentList.Arguments[0].Expression,
                    _ => null,
                };
                if (name != null && Constant(name) is { } variable)
                {
                    variables.Add(variable);
                }
            }
            return variables;
        }

        private void WalkBody(SyntaxNode body, bool inMain)
        {
            var statements = body is BlockSyntax block ? block.Statements.Cast<SyntaxNode>().ToList()
                : new List<SyntaxNode> { body };
            Walk(body, statements, inMain);
        }

        private void Walk(SyntaxNode scope, IEnumerable<SyntaxNode> statements, bool inMain)
        {
            _locals = new Dictionary<string, Value>(StringComparer.Ordinal);
            _inMain = inMain;
            _scope = scope;
            foreach (var statement in statements)
            {
                foreach (var node in statement.DescendantNodesAndSelf(
                    n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                {
                    switch (node)
                    {
                        case ArrowExpressionClauseSyntax arrow:
                            Evaluate(arrow.Expression);
                            break;
                        case VariableDeclaratorSyntax { Initializer: { } initializer } declarator:
                            _locals[declarator.Identifier.ValueText] = Evaluate(initializer.Value);
                            break;
                        case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment }:
                            _locals[left.Identifier.ValueText] = Evaluate(assignment.Right);
                            break;
                        case ExpressionStatementSyntax expression:
                            Evaluate(expression.Expression);
                            break;
                        case ReturnStatementSyntax { Expression: { } returned }:
                            Evaluate(returned);
                            break;
                    }
                }
            }
        }

        private Value Evaluate(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Evaluate(parenthesized.Expression);
                case IdentifierNameSyntax identifier:
                    return _locals.TryGetValue(identifier.Identifier.ValueText, out var value) ? value : Value.Unknown;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                    return Apply(Evaluate(member.Expression), member.Name, invocation);
                case InvocationExpressionSyntax invocation:
                    NotePassed(
                        invocation,
                        invocation.Expression is SimpleNameSyntax simple ? simple.Identifier.ValueText : string.Empty);
                    return Value.Unknown;
                case AwaitExpressionSyntax awaited:
                    Evaluate(awaited.Expression);
                    return Value.Unknown;
                default:
                    return Value.Unknown;
            }
        }

        private Value Apply(Value receiver, SimpleNameSyntax nameSyntax, InvocationExpressionSyntax invocation)
        {
            var name = nameSyntax.Identifier.ValueText;
            _seen.Add(invocation);
            NotePassed(invocation, name);
            var arguments = invocation.ArgumentList.Arguments;
            if (name == "AddProject" || name == "AddCSharpApp")
            {
                return Value.Of(CreateProject(invocation, nameSyntax));
            }
            if (name.StartsWith("Add", StringComparison.Ordinal))
            {
                return Argument(arguments, 0, "name") is { } first
                    && Constant(first) is { } resourceName ? Value.Resource(resourceName) : Value.Unknown;
            }
            if (name == "GetEndpoint")
            {
                return receiver.Name != null ? Value.Endpoint(receiver.Name) : Value.Unknown;
            }
            if (receiver.Project is { } project)
            {
                ApplyToProject(project, name, arguments);
                return receiver;
            }
            if (receiver.Attached is { } attached)
            {
                // A resource given other resources (an Orleans cluster's clustering and storage): who references it
                // gets theirs too.
                foreach (var argument in arguments)
                {
                    if (argument.Expression is IdentifierNameSyntax or InvocationExpressionSyntax
                        && Evaluate(argument.Expression) is { Name: { } other, Kind: not ValueKind.Project })
                    {
                        attached.Add(other);
                    }
                }
            }
            return receiver.Name != null && receiver.Kind != ValueKind.Endpoint ? receiver : Value.Unknown;
        }

        private void ApplyToProject(AppHostProject project, string name, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == "env")
                {
                    if (Constant(argument.Expression) is { } variable)
                    {
                        project.Variables.Add(variable);
                    }
                    else if (argument.Expression
                        is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression })
                    {
                        project.IsOpen = true;
                    }
                }
            }
            switch (name)
            {
                case "WithEnvironment":
                    if (arguments.Count >= 2 && Argument(arguments, 0, "name") is { } key
                        && Constant(key) is { } variable)
                    {
                        project.Variables.Add(variable);
                    }
                    else
                    {
                        project.IsOpen = true; // a callback or a computed name: what it sets is unknown
                    }
                    return;
                case "WithReference":
                    ApplyReference(project, arguments);
                    return;
            }
            if (!NeutralProjectCalls.Contains(name))
            {
                project.PassedTo.Add(new KeyValuePair<string, int>(name, -1));
            }
        }

        private void ApplyReference(AppHostProject project, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            if (arguments.Count == 0)
            {
                project.IsOpen = true;
                return;
            }
            var source = arguments[0].Expression;
            if (arguments.Count >= 2 && Constant(source) is { } serviceName)
            {
                AddService(project, serviceName); // WithReference("name", uri)
                return;
            }
            var referenced = Evaluate(source);
            if (referenced.Name == null)
            {
                project.IsOpen = true;
                return;
            }
            if (referenced.Kind != ValueKind.Endpoint)
            {
                project.Variables.Add("ConnectionStrings__" + referenced.Name);
            }
            AddService(project, referenced.Name);
            foreach (var attached in referenced.Attached ?? new List<string>())
            {
                project.Variables.Add("ConnectionStrings__" + attached);
                AddService(project, attached);
            }
            var connectionName = arguments.FirstOrDefault(
                a => a.NameColon?.Name.Identifier.ValueText == "connectionName")?.Expression ??
                (arguments.Count >= 2 && arguments[1].NameColon == null ? arguments[1].Expression : null);
            if (connectionName != null)
            {
                if (Constant(connectionName) is { } alias)
                {
                    project.Variables.Add("ConnectionStrings__" + alias);
                    AddService(project, alias);
                }
                else if (connectionName is not LiteralExpressionSyntax)
                {
                    project.IsOpen = true;
                }
            }
        }

        /// <summary>What a reference to a resource with endpoints gives: <c>services__name__endpoint__0</c> and (Aspire
        /// 13) <c>NAME_…</c> properties.</summary>
        private static void AddService(AppHostProject project, string resourceName)
        {
            project.VariablePrefixes.Add("services__" + resourceName + "__");
            project.VariablePrefixes.Add(resourceName.Replace('-', '_').ToUpperInvariant() + "_");
        }

        /// <summary>A project stored in a local and passed to a method: noted, judged against the AppHost's own methods
        /// later.</summary>
        private void NotePassed(InvocationExpressionSyntax invocation, string name)
        {
            if (NeutralTargets.Contains(name))
            {
                return;
            }
            var arguments = invocation.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Expression is IdentifierNameSyntax identifier
                    && _locals.TryGetValue(identifier.Identifier.ValueText, out var value)
                    && value.Project is { } project)
                {
                    project.PassedTo.Add(new KeyValuePair<string, int>(name, i));
                }
            }
        }

        private AppHostProject CreateProject(InvocationExpressionSyntax invocation, SimpleNameSyntax name)
        {
            _seen.Add(invocation);
            var arguments = invocation.ArgumentList.Arguments;
            string? typeName = null;
            if (name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic)
            {
                typeName = generic.TypeArgumentList.Arguments[0] switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    IdentifierNameSyntax identifier when !IsTypeParameter(invocation, identifier.Identifier.ValueText)
                        => identifier.Identifier.ValueText,
                    AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                    _ => null,
                };
            }
            var resourceName = Argument(arguments, 0, "name") is { } first ? Constant(first) : null;
            var path = typeName == null
                && Argument(arguments, 1, "projectPath") is { } second ? Constant(second) : null;
            if (typeName == null && path == null && Argument(arguments, 1, "path") is { } third)
            {
                path = Constant(third);
            }
            var line = invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var project = new AppHostProject(typeName, path, resourceName, line);
            // A name that is no constant, a project added in a loop or in a method that returns it (which the caller
            // may
            // configure further): its configuration is not known.
            project.IsOpen = resourceName == null || (typeName == null && path == null) || !_inMain
                || InLoop(invocation);
            _projects.Add(project);
            return project;
        }

        private bool InLoop(SyntaxNode node)
        {
            for (var current = node.Parent; current != null && current != _scope; current = current.Parent)
            {
                if (current is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or AnonymousFunctionExpressionSyntax)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsTypeParameter(SyntaxNode node, string name)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                var parameters = current switch
                {
                    MethodDeclarationSyntax method => method.TypeParameterList,
                    LocalFunctionStatementSyntax local => local.TypeParameterList,
                    TypeDeclarationSyntax type => type.TypeParameterList,
                    _ => null,
                };
                if (parameters != null && parameters.Parameters.Any(p => p.Identifier.ValueText == name))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsAddProject(InvocationExpressionSyntax invocation, out SimpleNameSyntax name)
        {
            name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                SimpleNameSyntax simple => simple,
                _ => null!,
            };
            return name != null && name.Identifier.ValueText is "AddProject" or "AddCSharpApp";
        }

        private static MethodShape Shape(ParameterListSyntax parameters, SyntaxNode body, MethodShape? overload)
        {
            var shape = overload ?? new MethodShape();
            var list = parameters.Parameters;
            shape.IsExtension |= list.Count > 0 && list[0].Modifiers.Any(SyntaxKind.ThisKeyword);
            for (var i = 0; i < list.Count; i++)
            {
                var parameter = list[i].Identifier.ValueText;
                foreach (var member in body.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
                {
                    if (member.Expression is IdentifierNameSyntax identifier
                        && identifier.Identifier.ValueText == parameter &&
                        member.Parent is InvocationExpressionSyntax
                            && member.Name.Identifier.ValueText != "GetEndpoint")
                    {
                        shape.ChangedParameters.Add(i);
                        break;
                    }
                }
            }
            return shape;
        }

        /// <summary>
        /// String constants of the file: <c>const</c> fields and locals, and locals initialised with a literal that
        /// nothing
        /// assigns again (<c>var dbName = "todos";</c>).
        /// </summary>
        private void CollectConstants()
        {
            var assigned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in _root.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target })
                {
                    assigned.Add(target.Identifier.ValueText);
                }
                else if (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0,
                    Expression: IdentifierNameSyntax byReference })
                {
                    assigned.Add(byReference.Identifier.ValueText);
                }
            }
            foreach (var declaration in _root.DescendantNodes().OfType<VariableDeclarationSyntax>())
            {
                var isConst = declaration.Parent switch
                {
                    LocalDeclarationStatementSyntax local => local.IsConst ||
                        (!local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                            && declaration.Variables.All(v => !assigned.Contains(v.Identifier.ValueText))),
                    FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                    _ => false,
                };
                if (!isConst)
                {
                    continue;
                }
                foreach (var variable in declaration.Variables)
                {
                    if (variable.Initializer?.Value
                        is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                    {
                        // The same name declared twice with different values is no constant.
                        var value = literal.Token.ValueText;
                        var key = variable.Identifier.ValueText;
                        _constants[key] = _constants.TryGetValue(key, out var existing)
                            && existing != value ? null! : value;
                    }
                }
            }
        }

        private string? Constant(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal =>
                literal.Token.ValueText,
            IdentifierNameSyntax identifier when _constants.TryGetValue(identifier.Identifier.ValueText, out var value)
                => value,
            InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(
                c => c is InterpolatedStringTextSyntax) =>
                string.Concat(
                    interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
            _ => null,
        };

        private static ExpressionSyntax? Argument(
            SeparatedSyntaxList<ArgumentSyntax> arguments, int position, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }
            return position < arguments.Count
                && arguments[position].NameColon == null ? arguments[position].Expression : null;
        }
    }

    private enum ValueKind
    {
        Unknown,
        Resource,
        Endpoint,
        Project,
    }

    /// <summary>What an expression of the AppHost stands for: a named resource, an endpoint of one, a project, or
    /// unknown.</summary>
    private readonly struct Value
    {
        private Value(ValueKind kind, string? name, AppHostProject? project, List<string>? attached)
        {
            Kind = kind;
            Name = name;
            Project = project;
            Attached = attached;
        }

        public ValueKind Kind { get; }
        public string? Name { get; }
        public AppHostProject? Project { get; }

        /// <summary>The names of the resources a resource was given (shared by every local that holds it).</summary>
        public List<string>? Attached { get; }

        public static Value Unknown => default;
        public static Value Resource(string name) => new Value(ValueKind.Resource, name, null, new List<string>());
        public static Value Endpoint(string name) => new Value(ValueKind.Endpoint, name, null, null);
        public static Value Of(AppHostProject project) =>
            new Value(ValueKind.Project, project.ResourceName, project, null);
    }
}
