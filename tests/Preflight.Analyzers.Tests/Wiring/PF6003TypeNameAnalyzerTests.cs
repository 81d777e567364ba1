using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Wiring.TypeNameAnalyzer>;

namespace Preflight.Analyzers.Tests.Wiring;

/// <summary>PF6003: constant type names given to reflection that name no type.</summary>
public class PF6003TypeNameAnalyzerTests
{
    private const string Types = """
        using System;
        using System.Reflection;

        namespace Shop.Handlers
        {
            public sealed class OrderHandler { public sealed class Nested { } }
            public sealed class Box<T> { }
        }

        """;

    private const string Everywhere = "this project or its references";
    private const string ThisProject = "this project ('TestProject')";

    private static DiagnosticResult PF6003(int location, string name, string scope, string api) =>
        Test.Diagnostic("PF6003").WithLocation(location).WithArguments(name, scope, api);

    private static string Body(string statements) => Types + "static class Wiring\n{\n    static void Run()\n    {\n" + statements + "\n    }\n}\n";

    [Fact]
    public Task Type_GetType_with_a_misspelt_name_is_reported_at_the_literal() =>
        new Test(Body("""
                var a = Type.GetType({|#1:"Shop.Handlers.OrderHandlr"|});
                var b = Type.GetType({|#2:"Shop.Handler.OrderHandler"|}, throwOnError: true);
                var c = Type.GetType({|#3:"Shop.Handlers.OrderHandler+Nestd"|}, false, false);
                var d = Type.GetType({|#4:"Shop.Handlers.Missing[]"|});
                var e = Type.GetType({|#5:"Shop.Handlers.Box`2[[System.Int32]]"|});
            """))
            .Expect(
                PF6003(1, "Shop.Handlers.OrderHandlr", Everywhere, "Type.GetType"),
                PF6003(2, "Shop.Handler.OrderHandler", Everywhere, "Type.GetType"),
                PF6003(3, "Shop.Handlers.OrderHandler+Nestd", Everywhere, "Type.GetType"),
                PF6003(4, "Shop.Handlers.Missing[]", Everywhere, "Type.GetType"),
                PF6003(5, "Shop.Handlers.Box`2[[System.Int32]]", Everywhere, "Type.GetType"))
            .RunAsync();

    [Fact]
    public Task Existing_types_nested_generic_array_and_referenced_names_are_fine() =>
        new Test(Body("""
                const string Name = "Shop.Handlers.OrderHandler";
                Type.GetType(Name);
                Type.GetType("Shop.Handlers.OrderHandler+Nested");
                Type.GetType("Shop.Handlers.Box`1");
                Type.GetType("Shop.Handlers.Box`1[[System.Int32, System.Runtime]]");
                Type.GetType("Shop.Handlers.OrderHandler[]");
                Type.GetType(" System.String ");
                Type.GetType("System.Collections.Generic.List`1[System.Int32]");
                Type.GetType("Shop.Handlers.OrderHandler, TestProject, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null");
                Type.GetType("System.String, mscorlib");
                Type.GetType("Microsoft.Extensions.DependencyInjection.ServiceCollection, Microsoft.Extensions.DependencyInjection");
            """))
            .RunAsync();

    [Fact]
    public Task Unknown_shapes_are_not_reported() =>
        new Test(Body("""
                var name = Environment.GetEnvironmentVariable("HANDLER") ?? "";
                Type.GetType(name);
                Type.GetType("Shop.Handlers.Missing" + name);
                Type.GetType("Shop.Handlers.orderhandler", false, ignoreCase: true);
                Type.GetType("Shop.Handlers.Missing", an => null, (a, n, i) => null);
                Type.GetType("Plugins.Handler, Plugins.Assembly");              // not referenced: loaded at run time
                Type.GetType("System.RuntimeType");                            // namespace of a compiled reference: internals unseen
                Type.GetType("System.Text.Json.Internal, System.Private.CoreLib");
                Type.GetType("");
                Type.GetType("Shop.Handlers.Bad\\+Name");
                var isMono = Type.GetType("Mono.Runtime") != null;         // probing for an optional type
                var optional = Type.GetType("Shop.Plugins.Optional")?.Name ?? "none";
                if (Type.GetType("Shop.Plugins.Other") is null) { }
                var fallback = Type.GetType("Shop.Plugins.Third") ?? typeof(object);
            """))
            .RunAsync();

    [Fact]
    public Task Throwing_lookups_are_reported_even_when_checked_for_null() =>
        new Test(Body("""
                var t = Type.GetType({|#1:"Shop.Handlers.Missing"|}, throwOnError: true) ?? typeof(object);
            """))
            .Expect(PF6003(1, "Shop.Handlers.Missing", Everywhere, "Type.GetType"))
            .RunAsync();

    [Fact]
    public Task Assembly_qualified_name_in_this_project_is_looked_up_in_it() =>
        new Test(Body("""
                Type.GetType({|#1:"Shop.Handlers.OrderHandlr, TestProject"|});
                Type.GetType({|#2:"Microsoft.Extensions.DependencyInjection.Nope.Thing, Microsoft.Extensions.DependencyInjection"|});
            """))
            .Expect(
                PF6003(1, "Shop.Handlers.OrderHandlr", ThisProject, "Type.GetType"),
                PF6003(2, "Microsoft.Extensions.DependencyInjection.Nope.Thing", "assembly 'Microsoft.Extensions.DependencyInjection'", "Type.GetType"))
            .RunAsync();

    [Fact]
    public Task Activator_CreateInstance_looks_in_the_named_assembly() =>
        new Test(Body("""
                Activator.CreateInstance("TestProject", {|#1:"Shop.Handlers.OrderHandlr"|});
                Activator.CreateInstance("TestProject", "Shop.Handlers.OrderHandler");
                Activator.CreateInstance(null, {|#2:"Shop.Handlers.Nope"|});
                Activator.CreateInstance("Plugins", "Plugins.Missing");
                Activator.CreateInstance(typeof(object));
            """))
            .Expect(
                PF6003(1, "Shop.Handlers.OrderHandlr", ThisProject, "Activator.CreateInstance"),
                PF6003(2, "Shop.Handlers.Nope", ThisProject, "Activator.CreateInstance"))
            .RunAsync();

    [Fact]
    public Task Assembly_GetType_resolves_within_the_receiver_assembly() =>
        new Test(Body("""
                typeof(Shop.Handlers.OrderHandler).Assembly.GetType({|#1:"Shop.Handlers.Handler"|});
                Assembly.GetExecutingAssembly().GetType({|#2:"Shop.Handlers.OrderHandler+Inner"|}, true);
                typeof(Shop.Handlers.OrderHandler).Assembly.GetType("Shop.Handlers.OrderHandler");
                Assembly.GetExecutingAssembly().GetType("Shop.Handlers.OrderHandler+Nested");
                // String lives in the core library, not in this project: looking for it here returns null.
                typeof(Shop.Handlers.OrderHandler).Assembly.GetType({|#3:"System.String"|});
                typeof(string).Assembly.GetType("System.String");
                typeof(string).Assembly.GetType("System.SomethingInternal");
                Assembly.Load("Plugins").GetType("Plugins.Anything");
                Assembly.LoadFrom("plugins/Plugins.dll").GetType("Shop.Missing.Handler");
                // Which assembly a list, field or property holds cannot be known: silent.
                AppDomain.CurrentDomain.GetAssemblies()[0].GetType("Shop.Missing.Handler");
                Loaded.Plugins.GetType("Shop.Elsewhere.Route");
                Assembly.GetExecutingAssembly().GetType("shop.handlers.orderhandler", false, true);
                Assembly.GetExecutingAssembly().GetType({|#4:"Shop.Missing.Handler"|});
                }
            }

            static class Loaded
            {
                private static Assembly plugins;
                public static Assembly Plugins => plugins ??= Assembly.Load(new AssemblyName("Shop.Elsewhere"));
                static void Unused()
                {
            """))
            .Expect(
                PF6003(1, "Shop.Handlers.Handler", ThisProject, "Assembly.GetType"),
                PF6003(2, "Shop.Handlers.OrderHandler+Inner", ThisProject, "Assembly.GetType"),
                PF6003(3, "System.String", ThisProject, "Assembly.GetType"),
                PF6003(4, "Shop.Missing.Handler", ThisProject, "Assembly.GetType"))
            .RunAsync();
}
