using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>
/// Parses a Dockerfile the way BuildKit does: parser directives (<c>syntax</c>, <c>escape</c>, <c>check</c>), comments,
/// line continuations (with blank and comment lines inside), heredocs, flags, exec (JSON) versus shell form, ONBUILD
/// triggers and stages; then reports what BuildKit's instruction parsing rejects (unknown instructions and flags,
/// missing arguments, unterminated heredocs …) as <see cref="Dockerfile.Errors"/>. Never throws.
/// </summary>
public static class DockerfileParser
{
    private static readonly HashSet<string> KnownInstructions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    /// <summary>True for the instructions BuildKit knows.</summary>
    public static bool IsKnownInstruction(string keyword) => KnownInstructions.Contains(keyword);

    /// <summary>Above this size the text is not parsed (an error says so).</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    public static Dockerfile Parse(string text)
    {
        text ??= string.Empty;
        var errors = new List<DockerfileError>();
        var warnings = new List<DockerfileError>();
        var map = new LineMap(text);
        if (text.Length > MaxLength)
        {
            // Preflight's limit, not the user's error: the checks skip an error of this kind (a note says the file was
            // not checked).
            errors.Add(
                new DockerfileError(
                $"the file is larger than {MaxLength} characters and was not parsed", map.Span(0, 0),
                DockerfileErrorKind.TooLarge));
            return new Dockerfile(
                '\\', Array.Empty<DockerParserDirective>(), Array.Empty<DockerInstruction>(),
                Array.Empty<DockerStage>(), errors, warnings);
        }
        try
        {
            return ParseCore(text, map, errors, warnings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Defensive: a parser bug must not break the build.
            errors.Add(new DockerfileError("the Dockerfile could not be parsed: " + e.Message, map.Span(0, 0)));
            return new Dockerfile(
                '\\', Array.Empty<DockerParserDirective>(), Array.Empty<DockerInstruction>(),
                Array.Empty<DockerStage>(), errors, warnings);
        }
    }

    private static Dockerfile ParseCore(
        string text, LineMap map, List<DockerfileError> errors, List<DockerfileError> warnings)
    {
        var joiner = new DockerLineJoiner(text, map, errors, warnings);
        var instructions = new List<DockerInstruction>();
        DockerLogicalLine? line;
        while ((line = joiner.ReadLogicalLine()) != null)
        {
            var instruction = DockerInstructionParser.Parse(line, map, joiner.Escape, errors);
            if (instruction == null)
            {
                errors.Add(
                    new DockerfileError(
                    "empty continuation at the end of the file: the escape character continues no instruction",
                    map.Span(line.Start, line.Start + 1)));
                continue;
            }
            if (DockerHeredocReader.CanContainHeredoc(instruction))
            {
                var heredocs = DockerHeredocReader.Find(line, map, errors);
                if (heredocs.Count > 0)
                {
                    var end = DockerHeredocReader.ReadBodies(heredocs, joiner, map, errors, instruction.Span.End);
                    instruction.Heredocs = heredocs;
                    if (instruction.Inner != null)
                    {
                        instruction.Inner.Heredocs = heredocs;
                    }
                    instruction.Span = map.Span(instruction.Span.Start, end);
                }
            }
            instruction.Index = instructions.Count;
            if (instruction.Inner != null)
            {
                instruction.Inner.Index = instructions.Count;
            }
            instructions.Add(instruction);
        }
        if (instructions.Count == 0)
        {
            errors.Add(new DockerfileError("file with no instructions", map.Span(0, 0)));
        }
        var stages = BuildStages(instructions);
        DockerInstructionValidator.Validate(instructions, stages.Count, errors);
        errors.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var dockerfile = new Dockerfile(joiner.Escape, joiner.Directives, instructions, stages, errors, warnings);
        dockerfile.ResolveBaseStages();
        return dockerfile;
    }

    private static List<DockerStage> BuildStages(List<DockerInstruction> instructions)
    {
        var stages = new List<DockerStage>();
        var current = new List<DockerInstruction>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                if (stages.Count > 0)
                {
                    stages[stages.Count - 1].Instructions = current.ToArray();
                }
                current.Clear();
                var values = instruction.Values;
                string? name = null;
                if (values.Count >= 3 && string.Equals(values[1], "AS", StringComparison.OrdinalIgnoreCase))
                {
                    name = values[2].ToLowerInvariant();
                }
                instruction.StageIndex = stages.Count;
                stages.Add(
                    new DockerStage(stages.Count, name, values.Count > 0 ? values[0] : string.Empty, instruction));
                continue;
            }
            instruction.StageIndex = stages.Count - 1;
            if (instruction.Inner != null)
            {
                instruction.Inner.StageIndex = instruction.StageIndex;
            }
            if (stages.Count > 0)
            {
                current.Add(instruction);
            }
        }
        if (stages.Count > 0)
        {
            stages[stages.Count - 1].Instructions = current.ToArray();
        }
        return stages;
    }
}
