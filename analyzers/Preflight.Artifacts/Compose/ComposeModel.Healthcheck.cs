using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>How a healthcheck's <c>test</c> runs.</summary>
public enum ComposeHealthcheckTestKind
{
    /// <summary>No <c>test</c>: the image's HEALTHCHECK applies.</summary>
    Inherit,
    /// <summary><c>["NONE"]</c> or <c>disable: true</c>: no healthcheck.</summary>
    None,
    /// <summary><c>["CMD", exe, args...]</c>: run directly.</summary>
    Command,
    /// <summary><c>["CMD-SHELL", "cmd"]</c> or a plain string: run with the container's shell.</summary>
    Shell,
    /// <summary>A list whose first item is none of NONE, CMD, CMD-SHELL (compose rejects it).</summary>
    Invalid,
}

/// <summary>A service's <c>healthcheck</c>.</summary>
public sealed class ComposeHealthcheck : ComposeElement
{
    internal ComposeHealthcheck(ComposeNode node)
        : base(node, node.Span)
    {
    }

    /// <summary>The test as compose runs it: a string becomes <c>["CMD-SHELL", string]</c>.</summary>
    public IReadOnlyList<string> Test { get; internal set; } = System.Array.Empty<string>();
    public ComposeHealthcheckTestKind TestKind { get; internal set; }
    public SourceSpan TestSpan { get; internal set; }

    /// <summary>The test as written, each with its span: the one string, or the items of the list form (CMD / CMD-SHELL
    /// first).</summary>
    public IReadOnlyList<ComposeValue> TestItems { get; internal set; } = System.Array.Empty<ComposeValue>();

    /// <summary>The command without its CMD / CMD-SHELL marker (the shell line, or the arguments joined by spaces);
    /// null when there is none.</summary>
    public string? CommandLine => TestKind == ComposeHealthcheckTestKind.Command
        || TestKind == ComposeHealthcheckTestKind.Shell
        ? string.Join(" ", Skip(Test, 1))
        : null;

    public string? Interval { get; internal set; }
    public string? Timeout { get; internal set; }
    public string? StartPeriod { get; internal set; }
    public string? StartInterval { get; internal set; }
    public string? Retries { get; internal set; }

    /// <summary>True for <c>disable: true</c> or a <c>NONE</c> test.</summary>
    public bool Disabled { get; internal set; }

    private static IEnumerable<string> Skip(IReadOnlyList<string> items, int count)
    {
        for (var i = count; i < items.Count; i++)
        {
            yield return items[i];
        }
    }
}
