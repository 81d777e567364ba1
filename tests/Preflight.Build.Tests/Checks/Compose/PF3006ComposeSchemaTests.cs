using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3006: compose files that are not valid compose, checked by the task (shared set-up in <see cref="ComposeCheckTests"/>).</summary>
public class PF3006ComposeSchemaTests : ComposeCheckTests
{
    [Fact]
    public void PF3006_schema_and_syntax_errors_in_the_file_they_are_in()
    {
        using var repo = Repo("services:\n  api:\n    image: app\n    restart_policy: always\n    ports: 80\n")
            .Write("compose.override.yaml", "services:\n  api:\n    environment: [\n");

        var findings = Run(repo, "PF3006");

        Assert.Equal(new[] { ("compose.yaml", 4, 5), ("compose.yaml", 5, 12), ("compose.override.yaml", 4, 1) },
            findings.Select(f => (System.IO.Path.GetFileName(f.File), f.Line, f.Column)));
        Assert.Equal("service \"api\": unknown key \"restart_policy\"", findings[0].Message);
        Assert.Equal("service \"api\": \"ports\" must be a list, not a string", findings[1].Message);
    }

    [Fact]
    public void PF3006_silent_for_a_valid_file_with_extensions_and_anchors()
    {
        using var repo = Repo("x-env: &env\n  A: \"1\"\nservices:\n  api:\n    image: app\n    environment:\n      <<: *env\n    x-note: hi\n");

        Assert.Empty(Run(repo, "PF3006"));
    }
}
