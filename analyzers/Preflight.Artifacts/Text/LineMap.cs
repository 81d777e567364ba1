using System.Collections.Generic;

namespace Preflight.Artifacts.Text;

/// <summary>Maps offsets in a text to one-based lines and columns. Lines end at \n, \r\n or \r.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>Zero-based offset of the first character of a one-based line.</summary>
    public int LineStart(int line) => _lineStarts[Clamp(line - 1, 0, _lineStarts.Length - 1)];

    public (int Line, int Column) Position(int offset)
    {
        offset = Clamp(offset, 0, _length);
        var index = System.Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public SourceSpan Span(int start, int end)
    {
        start = Clamp(start, 0, _length);
        end = Clamp(end, start, _length);
        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new SourceSpan(start, end - start, line, column, endLine, endColumn);
    }

    /// <summary>The span of a whole one-based line, without its line break.</summary>
    public SourceSpan LineSpan(string text, int line)
    {
        var start = LineStart(line);
        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }
        return Span(start, end);
    }

    /// <summary>The offset of a one-based line and column.</summary>
    public int Offset(int line, int column)
    {
        var start = LineStart(line);
        return Clamp(start + column - 1, 0, _length);
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
}
