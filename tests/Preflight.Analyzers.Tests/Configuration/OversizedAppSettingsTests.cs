using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using JsonTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.AppSettingsJsonAnalyzer>;
using KeyTest = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Configuration.ConfigurationKeyAnalyzer>;

namespace Preflight.Analyzers.Tests.Configuration;

/// <summary>An appsettings.json above the parsers' 8 MB cap is unread: its keys are unknown, which is neither PF1003 nor a reason for PF1001.</summary>
public class OversizedAppSettingsTests
{
    private const string Reads = """
        using Microsoft.Extensions.Configuration;
        class C { string? M(IConfiguration c) => c[{|#0:"Storage:Missing"|}]; }
        """;

    private static string Oversized()
    {
        var text = new StringBuilder("{\n  \"Items\": [\n");
        while (text.Length < 9 * 1024 * 1024)
        {
            text.Append("    \"0123456789012345678901234567890123456789\",\n");
        }
        return text.Append("    \"last\"\n  ]\n}\n").ToString();
    }

    [Fact]
    public Task Oversized_settings_file_is_not_reported_as_invalid() =>
        new JsonTest("class C { }")
            .WithFile("appsettings.json", Oversized())
            .RunAsync();

    [Fact]
    public Task Oversized_settings_file_may_declare_any_key() =>
        new KeyTest(Reads)
            .WithFile("appsettings.json", Oversized())
            .RunAsync();

    [Fact]
    public Task The_same_key_missing_from_a_small_settings_file_is_reported() =>
        new KeyTest(Reads)
            .WithFile("appsettings.json", "{\"Items\": [\"x\"]}")
            .Expect(KeyTest.Diagnostic("PF1001").WithLocation(0).WithArguments("Storage:Missing", "appsettings.json"))
            .RunAsync();
}
