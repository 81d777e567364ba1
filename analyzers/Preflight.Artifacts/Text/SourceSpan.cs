namespace Preflight.Artifacts.Text;

/// <summary>A range of text: zero-based offset and length, and one-based line and column of both ends.</summary>
public readonly struct SourceSpan : System.IEquatable<SourceSpan>
{
    public SourceSpan(int start, int length, int line, int column, int endLine, int endColumn)
    {
        Start = start;
        Length = length;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;
    /// <summary>One-based line of the first character.</summary>
    public int Line { get; }
    /// <summary>One-based column of the first character.</summary>
    public int Column { get; }
    /// <summary>One-based line of the end (exclusive position).</summary>
    public int EndLine { get; }
    /// <summary>One-based column of the end (exclusive position).</summary>
    public int EndColumn { get; }

    public bool IsEmpty => Length == 0;

    public static SourceSpan FromOffsets(LineMap map, int start, int end) => map.Span(start, end);

    public bool Equals(SourceSpan other) => Start == other.Start && Length == other.Length && Line == other.Line
        && Column == other.Column;
    public override bool Equals(object? obj) => obj is SourceSpan s && Equals(s);
    public override int GetHashCode() => (Start * 397) ^ Length;
    public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
}
