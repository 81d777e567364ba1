using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>A parsed Dockerfile: instructions with positions, stages, parser directives and syntax errors.</summary>
public sealed class Dockerfile
{
    private DockerScopes? _scopes;

    internal Dockerfile(
        char escapeToken, IReadOnlyList<DockerParserDirective> directives,
        IReadOnlyList<DockerInstruction> instructions,
        IReadOnlyList<DockerStage> stages, IReadOnlyList<DockerfileError> errors,
            IReadOnlyList<DockerfileError> warnings)
    {
        EscapeToken = escapeToken;
        Directives = directives;
        Instructions = instructions;
        Stages = stages;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The line-continuation and escape character: '\' unless the escape directive says '`'.</summary>
    public char EscapeToken { get; }
    public IReadOnlyList<DockerParserDirective> Directives { get; }
    public IReadOnlyList<DockerInstruction> Instructions { get; }
    public IReadOnlyList<DockerStage> Stages { get; }
    /// <summary>Syntax errors: what BuildKit's parser or its instruction parsing rejects, each at the offending
    /// line.</summary>
    public IReadOnlyList<DockerfileError> Errors { get; }
    /// <summary>What BuildKit accepts with a warning (empty continuation lines, a continuation at the end of the
    /// file).</summary>
    public IReadOnlyList<DockerfileError> Warnings { get; }

    /// <summary>The ARG declarations before the first FROM (usable in FROM; visible in a stage only when
    /// redeclared).</summary>
    public IReadOnlyList<DockerInstruction> GlobalArgs => Scopes.GlobalArgs;

    /// <summary>
    /// The variables visible when <paramref name="instruction"/> is expanded, as BuildKit sees them: global ARGs (and
    /// the
    /// automatic platform ARGs) for FROM; inside a stage its ARGs (global ones only when redeclared), its ENVs and
    /// those of
    /// the stage it is built FROM. Declarations of the instruction itself are not included. For an ONBUILD trigger, the
    /// scope of the ONBUILD instruction.
    /// </summary>
    public DockerExpansionScope ScopeAt(DockerInstruction instruction) => Scopes.ScopeAt(instruction);

    private DockerScopes Scopes => _scopes ??= new DockerScopes(this);

    /// <summary>The stage named <paramref name="name"/> (case-insensitive), or null.</summary>
    public DockerStage? StageNamed(string name)
    {
        foreach (var stage in Stages)
        {
            if (stage.Name != null && string.Equals(stage.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }
        return null;
    }

    internal void ResolveBaseStages()
    {
        // The first stage of each name, as StageNamed finds it: one pass, not a search per stage (thousands of stages).
        var byName = new Dictionary<string, DockerStage>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var stage in Stages)
        {
            if (stage.Name != null && !byName.ContainsKey(stage.Name))
            {
                byName[stage.Name] = stage;
            }
        }
        foreach (var stage in Stages)
        {
            var image = stage.BaseImage.IndexOf('$') >= 0 ? Scopes.ExpandBaseImage(stage) : stage.BaseImage;
            byName.TryGetValue(image, out var named);
            if (named != null && named.Index < stage.Index)
            {
                stage.BaseStage = named;
            }
        }
    }
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
    internal DockerfileError(string message, SourceSpan span, DockerfileErrorKind kind = DockerfileErrorKind.Syntax)
    {
        Message = message;
        Span = span;
        Kind = kind;
    }

    public DockerfileErrorKind Kind { get; }

    /// <summary>BuildKit's wording where it has one ("unknown instruction: COPPY").</summary>
    public string Message { get; }
    public SourceSpan Span { get; }
    public override string ToString() => $"{Span}: {Message}";
}

/// <summary>What kind of problem a <see cref="DockerfileError"/> is.</summary>
public enum DockerfileErrorKind
{
    /// <summary>Anything the parser or BuildKit's instruction parsing rejects that is not one of the kinds
    /// below.</summary>
    Syntax,
    /// <summary>An instruction BuildKit does not know.</summary>
    UnknownInstruction,
    /// <summary>A flag the instruction does not take (front ends with more flags, like the labs channel, may accept
    /// it).</summary>
    UnknownFlag,
    /// <summary>Not parsed: larger than <see cref="DockerfileParser.MaxLength"/>. Preflight's limit, not a problem of
    /// the file.</summary>
    TooLarge,
}

/// <summary>One instruction, with its continuation lines joined.</summary>
public sealed class DockerInstruction
{
    internal DockerInstruction(
        string keyword, string original, SourceSpan span, SourceSpan keywordSpan, IReadOnlyList<DockerFlag> flags,
        IReadOnlyList<DockerArgument> arguments, bool isExecForm, string argumentText, SourceSpan argumentSpan,
            IReadOnlyList<string> values,
        DockerInstruction? inner)
    {
        Keyword = keyword;
        Original = original;
        Span = span;
        KeywordSpan = keywordSpan;
        Flags = flags;
        Arguments = arguments;
        IsExecForm = isExecForm;
        ArgumentText = argumentText;
        ArgumentSpan = argumentSpan;
        Values = values;
        Inner = inner;
        StageIndex = -1;
        Heredocs = System.Array.Empty<DockerHeredoc>();
    }

    /// <summary>The instruction name in upper case ("COPY").</summary>
    public string Keyword { get; }
    /// <summary>The logical line: continuations joined, comment lines and continuation characters removed.</summary>
    public string Original { get; }
    /// <summary>From the keyword to the end of the last continuation line (heredoc bodies included).</summary>
    public SourceSpan Span { get; internal set; }
    public SourceSpan KeywordSpan { get; }
    /// <summary>Leading <c>--name[=value]</c> flags.</summary>
    public IReadOnlyList<DockerFlag> Flags { get; }
    /// <summary>The arguments after the flags: the JSON strings in exec form, else the shell words with quotes removed
    /// (not expanded).</summary>
    public IReadOnlyList<DockerArgument> Arguments { get; }
    /// <summary>True when the arguments were a valid JSON array of strings.</summary>
    public bool IsExecForm { get; }
    /// <summary>The text after the keyword and flags, continuations joined.</summary>
    public string ArgumentText { get; }
    /// <summary>Where <see cref="ArgumentText"/> is (empty at the end of the keyword when there are no
    /// arguments).</summary>
    public SourceSpan ArgumentSpan { get; }
    /// <summary>
    /// The values of BuildKit's parse tree for this instruction (what its <c>Node.Next</c> chain holds): ENV/LABEL as
    /// key, value, separator triples with quotes kept; ARG words with quotes kept; RUN/CMD/ENTRYPOINT/SHELL the whole
    /// text or the JSON strings; COPY/ADD/VOLUME/EXPOSE/FROM the whitespace-separated words or JSON strings;
    /// HEALTHCHECK
    /// the type then the command.
    /// </summary>
    public IReadOnlyList<string> Values { get; }
    /// <summary>For ONBUILD, the trigger instruction; otherwise null.</summary>
    public DockerInstruction? Inner { get; }
    /// <summary>Heredocs (<c>&lt;&lt;EOF</c>) of RUN/COPY/ADD (or of the ONBUILD trigger), with their bodies.</summary>
    public IReadOnlyList<DockerHeredoc> Heredocs { get; internal set; }
    /// <summary>Index of the stage the instruction belongs to; -1 before the first FROM.</summary>
    public int StageIndex { get; internal set; }
    /// <summary>Position of the instruction in <see cref="Dockerfile.Instructions"/> (for an ONBUILD trigger, that of
    /// the ONBUILD).</summary>
    public int Index { get; internal set; }

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

    /// <summary>
    /// The names an ARG, ENV or LABEL declares, with the value as written (quotes kept, not expanded; null for an ARG
    /// without '='). Empty for other instructions.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> KeyValues()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Keyword == "ARG")
        {
            foreach (var (name, value) in DockerScopes.ArgPairs(this))
            {
                pairs.Add(new KeyValuePair<string, string?>(name, value));
            }
        }
        else if (Keyword == "ENV" || Keyword == "LABEL")
        {
            for (var i = 0; i + 1 < Values.Count; i += 3)
            {
                pairs.Add(new KeyValuePair<string, string?>(Values[i], Values[i + 1]));
            }
        }
        return pairs;
    }

    /// <summary>All flags with that name (<c>--mount</c>, <c>--exclude</c> may repeat).</summary>
    public IEnumerable<DockerFlag> FlagsNamed(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                yield return flag;
            }
        }
    }

    /// <summary>BuildKit's S-expression dump of the instruction: <c>(copy ["--from=a"] "x" "y")</c> without the
    /// parentheses.</summary>
    public string Dump() => DockerDump.Instruction(this);

    public override string ToString() => Keyword + " " + ArgumentText;
}

/// <summary>A heredoc of an instruction: <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;"EOF"</c>,
/// <c>3&lt;&lt;EOF</c>.</summary>
public sealed class DockerHeredoc
{
    internal DockerHeredoc(string name, bool expand, bool chomp, int fileDescriptor, SourceSpan span)
    {
        Name = name;
        Expand = expand;
        Chomp = chomp;
        FileDescriptor = fileDescriptor;
        Span = span;
        Content = string.Empty;
    }

    /// <summary>The delimiter, quotes removed.</summary>
    public string Name { get; }
    /// <summary>False when the delimiter was quoted: the body is taken literally.</summary>
    public bool Expand { get; }
    /// <summary><c>&lt;&lt;-</c>: leading tabs are removed from the body and the delimiter line.</summary>
    public bool Chomp { get; }
    public int FileDescriptor { get; }
    /// <summary>The <c>&lt;&lt;EOF</c> marker in the instruction line.</summary>
    public SourceSpan Span { get; }
    /// <summary>The body as written (line breaks kept, tabs not removed), without the delimiter line.</summary>
    public string Content { get; internal set; }
    /// <summary>The body lines (empty at the first line after the instruction when the body is empty).</summary>
    public SourceSpan BodySpan { get; internal set; }
    /// <summary>The closing delimiter line; empty at the end of the file when unterminated.</summary>
    public SourceSpan TerminatorSpan { get; internal set; }
    public bool IsTerminated { get; internal set; }

    /// <summary>The body with leading tabs removed when <see cref="Chomp"/>.</summary>
    public string EffectiveContent => Chomp
        ? System.Text.RegularExpressions.Regex.Replace(Content, "(?m)^\\t+", string.Empty) : Content;
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
        Instructions = System.Array.Empty<DockerInstruction>();
    }

    public int Index { get; }
    /// <summary>The name after AS, lower-cased as BuildKit does; null when unnamed.</summary>
    public string? Name { get; }
    /// <summary>The image reference as written (variables not expanded).</summary>
    public string BaseImage { get; }
    public DockerInstruction From { get; }
    /// <summary>The <c>--platform</c> flag's value as written, or null.</summary>
    public string? Platform => From.Flag("platform")?.Value;
    /// <summary>The earlier stage this one is built FROM (by name, case-insensitive), or null for an image.</summary>
    public DockerStage? BaseStage { get; internal set; }
    /// <summary>The instructions after the FROM, up to the next FROM.</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; internal set; }
}
