using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>A parsed Dockerfile: instructions with positions, stages, parser directives and syntax errors.</summary>
public sealed class Dockerfile
{
    internal Dockerfile(char escapeToken, IReadOnlyList<DockerParserDirective> directives, IReadOnlyList<DockerInstruction> instructions,
        IReadOnlyList<DockerStage> stages, IReadOnlyList<DockerfileError> errors)
    {
        EscapeToken = escapeToken;
        Directives = directives;
        Instructions = instructions;
        Stages = stages;
        Errors = errors;
    }

    /// <summary>The line-continuation and escape character: '\' unless the escape directive says '`'.</summary>
    public char EscapeToken { get; }
    public IReadOnlyList<DockerParserDirective> Directives { get; }
    public IReadOnlyList<DockerInstruction> Instructions { get; }
    public IReadOnlyList<DockerStage> Stages { get; }
    public IReadOnlyList<DockerfileError> Errors { get; }
}

public sealed class DockerParserDirective
{
    internal DockerParserDirective(string name, string value, SourceSpan span)
    {
        Name = name;
        Value = value;
        Span = span;
    }

    public string Name { get; }
    public string Value { get; }
    public SourceSpan Span { get; }
}

public sealed class DockerfileError
{
    internal DockerfileError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
}

/// <summary>One instruction, with its continuation lines joined.</summary>
public sealed class DockerInstruction
{
    internal DockerInstruction(string keyword, SourceSpan span, SourceSpan keywordSpan, IReadOnlyList<DockerFlag> flags,
        IReadOnlyList<DockerArgument> arguments, bool isExecForm, string argumentText, int stageIndex)
    {
        Keyword = keyword;
        Span = span;
        KeywordSpan = keywordSpan;
        Flags = flags;
        Arguments = arguments;
        IsExecForm = isExecForm;
        ArgumentText = argumentText;
        StageIndex = stageIndex;
    }

    /// <summary>The instruction name in upper case ("COPY").</summary>
    public string Keyword { get; }
    /// <summary>From the keyword to the end of the last continuation line.</summary>
    public SourceSpan Span { get; }
    public SourceSpan KeywordSpan { get; }
    /// <summary>Leading <c>--name[=value]</c> flags.</summary>
    public IReadOnlyList<DockerFlag> Flags { get; }
    /// <summary>The arguments after the flags: the JSON strings in exec form, else the shell words with quotes removed (not expanded).</summary>
    public IReadOnlyList<DockerArgument> Arguments { get; }
    /// <summary>True when the arguments were a valid JSON array of strings.</summary>
    public bool IsExecForm { get; }
    /// <summary>The text after the keyword and flags, continuations joined.</summary>
    public string ArgumentText { get; }
    /// <summary>Index of the stage the instruction belongs to; -1 before the first FROM.</summary>
    public int StageIndex { get; }

    internal DockerInstruction WithEnd(SourceSpan span) =>
        new DockerInstruction(Keyword, span, KeywordSpan, Flags, Arguments, IsExecForm, ArgumentText, StageIndex);

    internal DockerInstruction WithStage(int stageIndex) =>
        new DockerInstruction(Keyword, Span, KeywordSpan, Flags, Arguments, IsExecForm, ArgumentText, stageIndex);

    public DockerFlag? Flag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return flag;
            }
        }
        return null;
    }
}

public sealed class DockerFlag
{
    internal DockerFlag(string name, string? value, SourceSpan span)
    {
        Name = name;
        Value = value;
        Span = span;
    }

    /// <summary>The flag's name without dashes ("from").</summary>
    public string Name { get; }
    /// <summary>The value after '=', or null for a bare flag.</summary>
    public string? Value { get; }
    public SourceSpan Span { get; }
}

public sealed class DockerArgument
{
    internal DockerArgument(string value, string raw, SourceSpan span)
    {
        Value = value;
        Raw = raw;
        Span = span;
    }

    /// <summary>The argument with quotes and escapes resolved, variables not expanded.</summary>
    public string Value { get; }
    /// <summary>The argument as written.</summary>
    public string Raw { get; }
    public SourceSpan Span { get; }
}

/// <summary>A build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed class DockerStage
{
    internal DockerStage(int index, string? name, string baseImage, DockerInstruction from)
    {
        Index = index;
        Name = name;
        BaseImage = baseImage;
        From = from;
    }

    public int Index { get; }
    /// <summary>The name after AS, lower-cased as BuildKit does; null when unnamed.</summary>
    public string? Name { get; }
    /// <summary>The image reference as written (variables not expanded).</summary>
    public string BaseImage { get; }
    public DockerInstruction From { get; }
}
