using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Preflight.Analyzers.Wiring;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Wiring.EmptySourceFileAnalyzer>;

namespace Preflight.Analyzers.Tests.Wiring;

public class PF6004EmptySourceFileAnalyzerTests
{
    private const string Program = "class Program { static void Main() { } }";

    private static Test WithSecondFile(string name, string text)
    {
        var test = new Test(Program);
        test.TestState.Sources.Add(("/repo/src/Api/" + name, text));
        return test;
    }

    private static DiagnosticResult PF6004(string name, int line, int column, int endColumn, string what) =>
        new DiagnosticResult("PF6004", DiagnosticSeverity.Warning).WithSpan("/repo/src/Api/" + name, line, column, line, endColumn).WithArguments(name, what);

    [Fact]
    public Task Empty_file_is_reported() =>
        WithSecondFile("Models.cs", "\n  \n").Expect(PF6004("Models.cs", 3, 1, 1, "is empty")).RunAsync();

    [Fact]
    public Task File_with_only_usings_namespaces_and_comments_is_reported() =>
        WithSecondFile("Storage.cs", """
            using System;
            // TODO: StorageService
            namespace Api.Services
            {
                namespace Inner { }
            }
            """).Expect(PF6004("Storage.cs", 1, 1, 6, "declares nothing (only usings, namespaces and comments)")).RunAsync();

    [Fact]
    public Task Pragma_at_the_top_suppresses_it() =>
        WithSecondFile("Placeholder.cs", "#pragma warning disable PF6004\n// kept on purpose\n").RunAsync();

    [Theory]
    [InlineData("namespace Api; public class Storage { }")]
    [InlineData("global using System.Text;")]
    [InlineData("[assembly: System.Reflection.AssemblyMetadata(\"a\", \"b\")]")]
    [InlineData("namespace Api { delegate void Handler(); }")]
    [InlineData("#if NEVER\nclass Hidden { }\n#endif\n")]
    public Task Files_that_declare_something_are_fine(string text) =>
        WithSecondFile("Declares.cs", text).RunAsync();

    [Fact]
    public Task Top_level_statements_declare_something()
    {
        var test = new Test("System.Console.WriteLine(1);");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
