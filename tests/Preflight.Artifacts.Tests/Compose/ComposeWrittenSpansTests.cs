using System.Linq;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

/// <summary>
/// The spans the listen-port and probe-route analyzers (PF5005, PF5002) report at, read from the compose model (issue 16:
/// they re-read the YAML for them): the container part of each port, each healthcheck test item, and a part of a value
/// as written.
/// </summary>
public class ComposeWrittenSpansTests
{
    private static ComposeService Service(string yaml) => ComposeParser.Parse(yaml).Services.Single();

    [Fact]
    public void A_port_s_target_span_is_its_container_part_as_written()
    {
        var service = Service("services:\n  api:\n    ports:\n      - \"8080:80\"\n      - 127.0.0.1:9000:8080/tcp\n      - 5000\n      - target: 7000\n        published: 80\n");

        var spans = service.Ports.Select(p => (p.Target, p.TargetSpan.Line, p.TargetSpan.Column, p.TargetSpan.Length)).ToArray();

        Assert.Equal(new[] { ("80", 4, 15, 2), ("8080", 5, 24, 4), ("5000", 6, 9, 4), ("7000", 7, 17, 4) }, spans);
    }

    [Fact]
    public void A_port_whose_container_part_is_not_written_verbatim_spans_the_whole_entry()
    {
        var service = Service("services:\n  api:\n    ports:\n      - \"8080:\\x38\\x30\"\n");

        var port = service.Ports.Single();

        Assert.Equal("80", port.Target);
        Assert.Equal(port.Span, port.TargetSpan);
    }

    [Fact]
    public void Healthcheck_test_items_carry_their_own_spans_in_both_forms()
    {
        var list = Service("services:\n  api:\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n").Healthcheck!;
        var shell = Service("services:\n  api:\n    healthcheck:\n      test: curl -f http://localhost/ready\n").Healthcheck!;

        Assert.Equal(new[] { "CMD", "curl", "-f", "http://localhost:8080/health" }, list.TestItems.Select(i => i.Value));
        Assert.Equal((4, 35), (list.TestItems[3].Span.Line, list.TestItems[3].Span.Column));
        Assert.Equal("curl -f http://localhost/ready", shell.TestItems.Single().Value);
        Assert.Equal((4, 13), (shell.TestItems[0].Span.Line, shell.TestItems[0].Span.Column));
    }

    [Fact]
    public void A_part_of_a_value_is_found_where_it_is_written_and_not_when_escaped()
    {
        var items = Service("services:\n  api:\n    healthcheck:\n      test: [\"CMD-SHELL\", \"wget -q http://localhost/live\", \"http:\\/\\/x/y\"]\n").Healthcheck!.TestItems;

        var found = items[1].Node.FindWritten("http://localhost/live");

        Assert.NotNull(found);
        Assert.Equal((4, 36, 21), (found!.Value.Line, found.Value.Column, found.Value.Length));
        Assert.Null(items[2].Node.FindWritten("http://x/y"));
        Assert.Equal("\"wget -q http://localhost/live\"", items[1].Node.Written);
    }

    [Fact]
    public void Entrypoint_is_read_like_command()
    {
        var service = Service("services:\n  api:\n    command: --urls http://+:5000\n    entrypoint: [\"dotnet\", \"Api.dll\"]\n");

        Assert.Equal(new[] { "--urls", "http://+:5000" }, service.Command);
        Assert.Equal(new[] { "dotnet", "Api.dll" }, service.Entrypoint);
        Assert.Null(Service("services:\n  api:\n    image: x\n").Entrypoint);
    }
}
