using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Preflight.Analyzers.Configuration;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.AppSettingsJsonAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

public class PF1003AppSettingsJsonAnalyzerTests
{
    private const string Code = "class C { }";
    private const string SettingsPath = "/repo/src/Api/appsettings.json";

    private static DiagnosticResult PF1003(string path, int line, int column, string file, string reason) =>
        Test.Diagnostic("PF1003").WithSpan(path, line, column, line, column).WithArguments(file, reason);

    [Fact]
    public Task Empty_file_is_reported() =>
        new Test(Code)
            .WithFile("appsettings.json", "  \n")
            .Expect(PF1003(SettingsPath, 1, 1, "appsettings.json", "the file is empty"))
            .RunAsync();

    [Fact]
    public Task Comment_only_file_has_no_JSON_value() =>
        new Test(Code)
            .WithFile("appsettings.json", "// nothing yet\n")
            .Expect(PF1003(SettingsPath, 2, 1, "appsettings.json", "the file has no JSON value"))
            .RunAsync();

    [Fact]
    public Task Broken_JSON_is_reported_where_the_reader_stopped() =>
        new Test(Code)
            .WithFile("appsettings.Development.json", "{\n  \"Logging\": {\n    \"Level\": \"Info\"\n  \n")
            .Expect(Test.Diagnostic("PF1003").WithSpan("/repo/src/Api/appsettings.Development.json", 5, 1, 5, 1))
            .RunAsync();

    [Fact]
    public Task Top_level_array_is_reported() =>
        new Test(Code)
            .WithFile("appsettings.json", "[1, 2]")
            .Expect(Test.Diagnostic("PF1003").WithSpan(SettingsPath, 1, 1, 1, 2)
                .WithArguments("appsettings.json", "the top-level JSON element must be an object, but it is an array"))
            .RunAsync();

    [Fact]
    public Task Duplicate_keys_differing_in_case_are_reported() =>
        new Test(Code)
            .WithFile("appsettings.json", "{\n  \"Port\": 1,\n  \"port\": 2\n}")
            .Expect(Test.Diagnostic("PF1003").WithSpan(SettingsPath, 3, 3, 3, 9)
                .WithArguments("appsettings.json", "the key 'port' is defined twice (keys are case-insensitive)"))
            .RunAsync();

    [Fact]
    public Task Nesting_deeper_than_64_is_reported_and_64_is_fine()
    {
        static string Nested(int depth) =>
            string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var ok = new Test(Code).WithFile("appsettings.json", Nested(64));
        var tooDeep = new Test(Code).WithFile("appsettings.Staging.json", Nested(65))
            .Expect(Test.Diagnostic("PF1003").WithSpan("/repo/src/Api/appsettings.Staging.json", 1, 321, 1, 321)
                .WithArguments("appsettings.Staging.json", "nesting is deeper than 64 levels"));
        return Task.WhenAll(ok.RunAsync(), tooDeep.RunAsync());
    }

    [Fact]
    public Task Comments_and_trailing_commas_are_allowed_as_dotnet_allows_them() =>
        new Test(Code)
            .WithFile("appsettings.json", "{\n  /* block */ \"A\": 1, // line\n  \"B\": [1, 2,],\n}\n")
            .RunAsync();

    [Fact]
    public Task Binary_content_is_reported_not_crashed_on() =>
        new Test(Code)
            .WithFile("appsettings.json", "\u0000\u0001\u0002PK\u0003\u0004")
            .Expect(Test.Diagnostic("PF1003").WithSpan(SettingsPath, 1, 1, 1, 1))
            .RunAsync();

    [Fact]
    public Task Settings_files_of_other_folders_are_left_to_their_own_project() =>
        new Test(Code)
            .WithFile("/repo/src/Worker/appsettings.json", "")
            .WithFile("/repo/appsettings.json", "{")
            .RunAsync();
}
