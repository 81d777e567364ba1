namespace Preflight.Cli.Output;

/// <summary>One finding as <c>preflight check</c> reports it, from an analyzer or a file-system check alike.</summary>
/// <param name="File">Absolute, '/'-separated.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c> (after .editorconfig).</param>
internal sealed record ReportedFinding(
    string RuleId, string Severity, string File, int Line, int Column, int EndLine, int EndColumn, string Message,
    string HelpLink)
{
    public bool IsError => Severity == "error";
}
