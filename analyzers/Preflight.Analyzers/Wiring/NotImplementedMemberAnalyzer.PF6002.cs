using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Wiring;

/// <summary>
/// PF6002: a member of a registered implementation (or of an instance / factory-created object registered in the
/// container, a hosted service, a typed HTTP client) or of a controller whose body only throws NotImplementedException.
/// A compilation-end rule: whether the type is registered is known only once the whole project has been seen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotImplementedMemberAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF6002);

    public override void Initialize(AnalysisContext context)
    {
        // Registrations emitted by source generators count, so generated code is analyzed; nothing is reported in it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!MentionsNotImplemented(start.Compilation, start.CancellationToken)
                || WiringSymbols.Create(start.Compilation) is not { } symbols
                || symbols.NotImplementedException is not { } notImplemented)
            {
                return;
            }
            var collector = new ServiceGraphCollector(symbols);
            collector.Register(start);
            var stubs = new ConcurrentQueue<Stub>();
            // Syntax first: only a body that is a single throw is bound (an operation block action would build the
            // operation tree of every member).
            start.RegisterSyntaxNodeAction(node =>
            {
                if (ThrowingBody(node.Node) is { } body
                    && node.SemanticModel.GetOperation(body, node.CancellationToken) is IBlockOperation block
                    && ThrowsOnly(block, notImplemented)
                    && Member(node.Node, node.SemanticModel, node.CancellationToken) is { } method
                    && Describe(method) is { } stub)
                {
                    stubs.Enqueue(stub);
                }
            }, MemberKinds);
            start.RegisterCompilationEndAction(end =>
            {
                if (stubs.IsEmpty)
                {
                    return;
                }
                var graph = collector.Build(end.CancellationToken);
                foreach (var stub in stubs)
                {
                    var type = stub.Method.ContainingType.OriginalDefinition;
                    string role;
                    if (graph.Implementations.TryGetValue(type, out var services))
                    {
                        role = "registered as " + string.Join(", ", services);
                    }
                    else if (graph.Controllers.Contains(type))
                    {
                        role = "a controller";
                    }
                    else
                    {
                        continue;
                    }
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.PF6002, stub.Location, stub.Kind, stub.Name,
                            type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), role));
                }
            });
        });
    }

    /// <summary>A stub names the exception (<c>new NotImplementedException()</c>, or an alias whose declaration
    /// names it): where no source text of the compilation does, there is nothing to find, and the registrations are
    /// not collected.</summary>
    private static bool MentionsNotImplemented(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetText(cancellationToken).ToString()
                .IndexOf(nameof(System.NotImplementedException), System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static readonly SyntaxKind[] MemberKinds =
    {
        SyntaxKind.MethodDeclaration, SyntaxKind.ConstructorDeclaration, SyntaxKind.OperatorDeclaration,
        SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration,
        SyntaxKind.InitAccessorDeclaration, SyntaxKind.AddAccessorDeclaration, SyntaxKind.RemoveAccessorDeclaration,
        SyntaxKind.PropertyDeclaration, SyntaxKind.IndexerDeclaration,
    };

    /// <summary>The body of a member when, by its syntax, it can only throw: a block of one <c>throw</c> statement or
    /// a <c>=&gt; throw</c> expression body (not both bodies, which does not compile). What it throws is bound
    /// after.</summary>
    private static SyntaxNode? ThrowingBody(SyntaxNode member)
    {
        var (block, arrow) = member switch
        {
            BaseMethodDeclarationSyntax method => (method.Body, method.ExpressionBody),
            AccessorDeclarationSyntax accessor => (accessor.Body, accessor.ExpressionBody),
            PropertyDeclarationSyntax property => (null, property.ExpressionBody),
            IndexerDeclarationSyntax indexer => (null, indexer.ExpressionBody),
            _ => (null, (ArrowExpressionClauseSyntax?)null),
        };
        if (block != null)
        {
            return arrow == null && block.Statements.Count == 1
                && block.Statements[0] is ThrowStatementSyntax { Expression: not null } ? block : null;
        }
        return arrow?.Expression is ThrowExpressionSyntax ? arrow : null;
    }

    /// <summary>The method whose body <paramref name="member"/> declares (an expression-bodied property or indexer:
    /// its getter).</summary>
    private static IMethodSymbol? Member(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetDeclaredSymbol(member, cancellationToken) switch
        {
            IMethodSymbol method => method,
            IPropertySymbol property => property.GetMethod,
            _ => null,
        };

    private static bool ThrowsOnly(IBlockOperation body, INamedTypeSymbol notImplemented)
    {
        IOperation? single = null;
        foreach (var operation in body.Operations)
        {
            if (operation is IReturnOperation { IsImplicit: true, ReturnedValue: null })
            {
                continue;
            }
            if (single != null)
            {
                return false;
            }
            single = operation;
        }
        single = single switch
        {
            IExpressionStatementOperation statement => statement.Operation,
            IReturnOperation returned => returned.ReturnedValue,
            _ => single,
        };
        while (single is IConversionOperation conversion)
        {
            single = conversion.Operand;
        }
        if (single is not IThrowOperation { Exception: { } exception })
        {
            return false;
        }
        while (exception is IConversionOperation thrownConversion)
        {
            exception = thrownConversion.Operand;
        }
        return exception is IObjectCreationOperation { Type: { } type }
            && SymbolEqualityComparer.Default.Equals(type, notImplemented);
    }

    /// <summary>What to call the member and where to report it (its identifier, or the accessor keyword); null for
    /// members this rule skips.</summary>
    private static Stub? Describe(IMethodSymbol method)
    {
        if (method.IsAbstract || method.ContainingType is not { TypeKind: TypeKind.Class }
            || method.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        return syntax switch
        {
            MethodDeclarationSyntax declaration =>
                new Stub(method, "Method", declaration.Identifier.ValueText, declaration.Identifier.GetLocation()),
            ConstructorDeclarationSyntax constructor when !method.IsStatic =>
                new Stub(method, "Constructor", constructor.Identifier.ValueText, constructor.Identifier.GetLocation()),
            OperatorDeclarationSyntax op =>
                new Stub(method, "Operator", "operator " + op.OperatorToken.ValueText, op.OperatorToken.GetLocation()),
            ConversionOperatorDeclarationSyntax conversion =>
                new Stub(method, "Operator",
                    conversion.ImplicitOrExplicitKeyword.ValueText + " operator " + conversion.Type,
                    conversion.Type.GetLocation()),
            AccessorDeclarationSyntax accessor when method.AssociatedSymbol is { } owner =>
                new Stub(method, AccessorKind(method, owner), OwnerName(owner), accessor.Keyword.GetLocation()),
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } =>
                new Stub(method, "Property", property.Identifier.ValueText, property.Identifier.GetLocation()),
            ArrowExpressionClauseSyntax { Parent: IndexerDeclarationSyntax indexer } =>
                new Stub(method, "Indexer", "this[]", indexer.ThisKeyword.GetLocation()),
            _ => null,
        };
    }

    private static string AccessorKind(IMethodSymbol accessor, ISymbol owner)
    {
        var what = owner is IPropertySymbol { IsIndexer: true } ? "Indexer" : owner is IEventSymbol ? "Event"
            : "Property";
        return accessor.MethodKind switch
        {
            MethodKind.PropertyGet => what + " getter",
            MethodKind.PropertySet => what + " setter",
            MethodKind.EventAdd => what + " add accessor",
            MethodKind.EventRemove => what + " remove accessor",
            _ => what + " accessor",
        };
    }

    private static string OwnerName(ISymbol owner) => owner is IPropertySymbol { IsIndexer: true } ? "this[]"
        : owner.Name;

    private sealed class Stub
    {
        public Stub(IMethodSymbol method, string kind, string name, Location location)
        {
            Method = method;
            Kind = kind;
            Name = name;
            Location = location;
        }

        public IMethodSymbol Method { get; }
        public string Kind { get; }
        public string Name { get; }
        public Location Location { get; }
    }
}
