using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Preflight.Artifacts.Docker;

/// <summary>What BuildKit's instruction parsing (after the line parser) rejects: unknown instructions and flags, bad
/// flag values, missing arguments.</summary>
internal static class DockerInstructionValidator
{
    private enum FlagKind
    {
        Bool,
        String,
        Strings,
    }

    private static readonly Dictionary<string, Dictionary<string, FlagKind>> AllowedFlags = new Dictionary<string,
        Dictionary<string, FlagKind>>(StringComparer.Ordinal)
    {
        ["FROM"] = new Dictionary<string, FlagKind> { ["platform"] = FlagKind.String },
        ["COPY"] = new Dictionary<string, FlagKind>
        {
            ["from"] = FlagKind.String, ["chown"] = FlagKind.String, ["chmod"] = FlagKind.String,
                ["link"] = FlagKind.Bool,
            ["parents"] = FlagKind.Bool, ["exclude"] = FlagKind.Strings,
        },
        ["ADD"] = new Dictionary<string, FlagKind>
        {
            ["chown"] = FlagKind.String, ["chmod"] = FlagKind.String, ["link"] = FlagKind.Bool,
                ["keep-git-dir"] = FlagKind.Bool,
            ["checksum"] = FlagKind.String, ["exclude"] = FlagKind.Strings, ["unpack"] = FlagKind.Bool,
        },
        ["RUN"] = new Dictionary<string,
            FlagKind> { ["mount"] = FlagKind.Strings, ["network"] = FlagKind.String, ["security"] = FlagKind.String,
            ["device"] = FlagKind.Strings },
        ["HEALTHCHECK"] = new Dictionary<string, FlagKind>
        {
            ["interval"] = FlagKind.String, ["timeout"] = FlagKind.String, ["start-period"] = FlagKind.String,
                ["start-interval"] = FlagKind.String,
            ["retries"] = FlagKind.String,
        },
    };

    private static readonly Dictionary<string, FlagKind> NoFlags = new Dictionary<string, FlagKind>();
    private static readonly Regex StageName = new Regex("^[a-z][a-z0-9-_.]*$", RegexOptions.CultureInvariant);

    public static void Validate(List<DockerInstruction> instructions, int stageCount, List<DockerfileError> errors)
    {
        var seenFrom = false;
        foreach (var instruction in instructions)
        {
            if (!DockerfileParser.IsKnownInstruction(instruction.Keyword))
            {
                errors.Add(
                    new DockerfileError(
                    "unknown instruction: " + instruction.Keyword, instruction.KeywordSpan,
                    DockerfileErrorKind.UnknownInstruction));
                continue;
            }
            if (instruction.Keyword == "FROM")
            {
                seenFrom = true;
            }
            else if (!seenFrom && instruction.Keyword != "ARG")
            {
                errors.Add(
                    new DockerfileError(
                    $"no build stage in current context: {instruction.Keyword} comes before the first FROM",
                    instruction.KeywordSpan));
            }
            ValidateOne(instruction, errors);
        }
        if (instructions.Count > 0 && stageCount == 0 && !seenFrom && instructions.TrueForAll(i => i.Keyword == "ARG"))
        {
            errors.Add(
                new DockerfileError(
                "dockerfile contains no stages to build: there is no FROM", instructions[0].KeywordSpan));
        }
    }

    private static void ValidateOne(DockerInstruction instruction, List<DockerfileError> errors)
    {
        ValidateFlags(instruction, errors);
        var keyword = instruction.Keyword;
        var values = instruction.Values;
        var where = instruction.KeywordSpan;
        switch (keyword)
        {
            case "FROM":
                if (values.Count != 1 && values.Count != 3)
                {
                    errors.Add(new DockerfileError("FROM requires either one or three arguments", where));
                }
                else if (values.Count == 3)
                {
                    if (!string.Equals(values[1], "AS", StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(
                            new DockerfileError($"FROM expects 'AS' as its second argument, not '{values[1]}'", where));
                    }
                    else if (values[2].IndexOf('$') < 0 && !StageName.IsMatch(values[2].ToLowerInvariant()))
                    {
                        errors.Add(
                            new DockerfileError(
                            $"invalid name for build stage: \"{values[2]}\", name can't start with a number or " +
                            $"contain symbols", where));
                    }
                }
                break;
            case "COPY":
            case "ADD":
                if (instruction.Arguments.Count < 2 && values.Count < 2)
                {
                    errors.Add(
                        new DockerfileError(
                        keyword + " requires at least two arguments, but only one was provided. Destination could " +
                        "not be determined", where));
                }
                break;
            case "ENV":
            case "LABEL":
            case "EXPOSE":
            case "VOLUME":
                if (values.Count == 0 && !HasError(errors, instruction))
                {
                    errors.Add(new DockerfileError(keyword + " requires at least one argument", where));
                }
                else if (keyword == "ENV")
                {
                    for (var i = 0; i + 2 < values.Count; i += 3)
                    {
                        if (values[i].Length == 0)
                        {
                            errors.Add(new DockerfileError("ENV names can not be blank", where));
                        }
                    }
                }
                else if (keyword == "VOLUME")
                {
                    foreach (var value in values)
                    {
                        if (value.Trim().Length == 0)
                        {
                            errors.Add(new DockerfileError("VOLUME specified can not be an empty string", where));
                        }
                    }
                }
                break;
            case "ARG":
                if (values.Count == 0)
                {
                    errors.Add(new DockerfileError("ARG requires at least one argument", where));
                }
                foreach (var word in values)
                {
                    if (word.Length == 0 || word[0] == '=')
                    {
                        errors.Add(new DockerfileError("ARG names can not be blank", where));
                    }
                }
                break;
            case "WORKDIR":
            case "USER":
            case "STOPSIGNAL":
            case "MAINTAINER":
                if (values.Count == 0)
                {
                    errors.Add(new DockerfileError(keyword + " requires exactly one argument", where));
                }
                break;
            case "SHELL":
                if (!instruction.IsExecForm && !HasError(errors, instruction))
                {
                    errors.Add(new DockerfileError("SHELL requires the arguments to be in JSON form", where));
                }
                break;
            case "HEALTHCHECK":
                ValidateHealthcheck(instruction, errors);
                break;
            case "ONBUILD":
                ValidateTrigger(instruction, errors);
                break;
        }
    }

    private static bool HasError(List<DockerfileError> errors, DockerInstruction instruction) =>
        errors.Exists(
            e => e.Span.Start >= instruction.Span.Start
            && e.Span.Start < Math.Max(instruction.Span.End, instruction.Span.Start + 1));

    private static void ValidateHealthcheck(DockerInstruction instruction, List<DockerfileError> errors)
    {
        var values = instruction.Values;
        if (values.Count == 0)
        {
            errors.Add(new DockerfileError("HEALTHCHECK requires at least one argument", instruction.KeywordSpan));
            return;
        }
        var type = values[0].ToUpperInvariant();
        if (type == "NONE")
        {
            if (values.Count > 1 || instruction.Flags.Count > 0)
            {
                errors.Add(new DockerfileError("HEALTHCHECK NONE takes no arguments", instruction.KeywordSpan));
            }
        }
        else if (type == "CMD")
        {
            if (values.Count < 2)
            {
                errors.Add(new DockerfileError("Missing command after HEALTHCHECK CMD", instruction.KeywordSpan));
            }
        }
        else
        {
            errors.Add(
                new DockerfileError($"Unknown type \"{type}\" in HEALTHCHECK (try CMD)", instruction.KeywordSpan));
        }
    }

    private static void ValidateTrigger(DockerInstruction instruction, List<DockerfileError> errors)
    {
        var inner = instruction.Inner;
        if (inner == null)
        {
            errors.Add(new DockerfileError("ONBUILD requires at least one argument", instruction.KeywordSpan));
            return;
        }
        switch (inner.Keyword)
        {
            case "ONBUILD":
                errors.Add(
                    new DockerfileError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", inner.KeywordSpan));
                return;
            case "MAINTAINER":
            case "FROM":
                errors.Add(
                    new DockerfileError($"{inner.Keyword} isn't allowed as an ONBUILD trigger", inner.KeywordSpan));
                return;
        }
        if (!DockerfileParser.IsKnownInstruction(inner.Keyword))
        {
            errors.Add(
                new DockerfileError(
                "unknown instruction: " + inner.Keyword, inner.KeywordSpan, DockerfileErrorKind.UnknownInstruction));
            return;
        }
        ValidateOne(inner, errors);
    }

    private static void ValidateFlags(DockerInstruction instruction, List<DockerfileError> errors)
    {
        if (!AllowedFlags.TryGetValue(instruction.Keyword, out var allowed))
        {
            allowed = NoFlags;
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in instruction.Flags)
        {
            if (!allowed.TryGetValue(flag.Name, out var kind))
            {
                errors.Add(
                    new DockerfileError(
                    $"unknown flag: {flag.Name} ({instruction.Keyword} does not take --{flag.Name})", flag.Span,
                    DockerfileErrorKind.UnknownFlag));
                continue;
            }
            if (!used.Add(flag.Name) && kind != FlagKind.Strings)
            {
                errors.Add(new DockerfileError("duplicate flag specified: " + flag.Name, flag.Span));
                continue;
            }
            switch (kind)
            {
                case FlagKind.Bool:
                    if (flag.Value != null && flag.Value.Length > 0
                        && !string.Equals(flag.Value, "true", StringComparison.OrdinalIgnoreCase) &&
                        !string.Equals(flag.Value, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(
                            new DockerfileError(
                            $"expecting boolean value for flag {flag.Name}, not: {flag.Value}", flag.Span));
                    }
                    break;
                default:
                    if (flag.Value == null)
                    {
                        errors.Add(new DockerfileError("missing a value on flag: " + flag.Name, flag.Span));
                    }
                    break;
            }
        }
    }
}
