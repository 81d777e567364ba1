using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Preflight.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test for a project at <see cref="ProjectFile"/> with deployment artifacts as AdditionalFiles, the way the
/// Preflight targets pass them (absolute paths, compiler-visible MSBuild properties).
/// </summary>
public sealed class PreflightAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string RepositoryRoot = "/repo/";
    public const string ProjectDirectory = "/repo/src/Api/";
    public const string ProjectFile = ProjectDirectory + "Api.csproj";

    public PreflightAnalyzerTest(string source, string outputType = "Exe")
    {
        ReferenceAssemblies = TestReferences.AspNet80;
        TestState.AdditionalReferences.AddRange(TestReferences.Assemblies);
        TestState.Sources.Add((ProjectDirectory + "Program.cs", source));
        var config = new StringBuilder()
            .AppendLine("is_global = true")
            .AppendLine("build_property.MSBuildProjectFullPath = " + ProjectFile)
            .AppendLine("build_property.PreflightRepositoryRoot = " + RepositoryRoot)
            .AppendLine("build_property.OutputType = " + outputType);
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
    }

    /// <summary>Adds an artifact; a relative path is taken from the project folder.</summary>
    public PreflightAnalyzerTest<TAnalyzer> WithFile(string path, string text)
    {
        TestState.AdditionalFiles.Add((Resolve(path), text));
        return this;
    }

    public PreflightAnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    public static string Resolve(string path) => path.StartsWith("/") ? path : ProjectDirectory + path;

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
}
