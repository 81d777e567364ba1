using System.Linq;
using Preflight.Artifacts.Secrets;
using Preflight.Tests;
using Xunit;

namespace Preflight.Artifacts.Tests.Secrets;

/// <summary>The values the leak tests plant are ones the scanner recognises: a leak test with undetected values would prove nothing.</summary>
public sealed class FakeSecretFormatsTests
{
    public static TheoryData<string> Kinds() => new(FakeSecrets.EveryFormat().Select(f => f.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_planted_format_is_found_and_masked(string kind)
    {
        var (_, written, value) = FakeSecrets.EveryFormat().Single(f => f.Kind == kind);
        var text = "key: " + written + "\n";

        var match = Assert.Single(SecretScanner.Scan(text));

        var found = text.Substring(match.Span.Start, match.Span.Length);
        Assert.Contains(value, found);
        Assert.DoesNotContain(value, match.Masked);
    }
}
