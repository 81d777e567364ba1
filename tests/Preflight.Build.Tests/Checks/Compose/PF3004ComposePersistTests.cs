using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>PF3004: a persist path with no volume, checked by the task (shared set-up in <see cref="ComposeCheckTests"/>).</summary>
public class PF3004ComposePersistTests : ComposeCheckTests
{
    [Fact]
    public void PF3004_persist_path_without_volume_is_reported()
    {
        using var repo = Repo("""
            services:
              llm:
                image: mintplexlabs/anythingllm
                environment:
                  STORAGE_DIR: /app/server/storage
              llm-ok:
                image: mintplexlabs/anythingllm
                environment:
                  STORAGE_DIR: /app/server/storage
                volumes:
                  - storage:/app/server
              custom:
                image: team/db
                environment:
                  DATA: /var/data
                volumes:
                  - type: tmpfs
                    target: /var/data
            volumes:
              storage:
            """).Write("preflight.yaml", "images:\n  team/db:\n    persist: [DATA]\n");

        var findings = Run(repo, "PF3004");

        Assert.Equal(new[] { (2, 3), (12, 3) }, findings.Select(f => (f.Line, f.Column)));
        Assert.Equal("Service 'llm' (image mintplexlabs/anythingllm) keeps its data at STORAGE_DIR='/app/server/storage' but no volume is mounted at or above that path; the data is lost when the container is recreated", findings[0].Message);
    }

    [Fact]
    public void PF3004_silent_when_the_value_is_unknown_or_relative()
    {
        using var repo = Repo("services:\n  a:\n    image: mintplexlabs/anythingllm\n    environment:\n      STORAGE_DIR: ${STORAGE}\n  b:\n    image: mintplexlabs/anythingllm\n    environment:\n      STORAGE_DIR: storage\n")
            .Write("preflight.yaml", "variables: [STORAGE]\n");

        Assert.Empty(Run(repo, "PF3004"));
    }
}
