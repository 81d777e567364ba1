namespace Preflight.Checks.Reporting;

/// <summary>
/// One result of a Preflight SARIF log: <see cref="Level"/> is SARIF's (<c>error</c>, <c>warning</c>, <c>note</c>),
/// <see cref="File"/> absolute and '/'-separated, <see cref="SuppressionsJson"/> the <c>suppressions</c> array the
/// compiler
/// wrote for a <c>#pragma</c> (or null).
/// </summary>
public sealed class SarifResult
{
    public SarifResult(
        string ruleId, string level, string message, string file, int line, int column, int endLine, int endColumn,
        string? suppressionsJson = null)
    {
        RuleId = ruleId;
        Level = level;
        Message = message;
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        SuppressionsJson = suppressionsJson;
    }

    public string RuleId { get; }
    public string Level { get; }
    public string Message { get; }
    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public int EndLine { get; }
    public int EndColumn { get; }
    public string? SuppressionsJson { get; }
}
