using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Containers;

/// <summary>PF2003: the command line the final stage runs, as words that know where they are written.</summary>
public static partial class EntrypointTargetCheck
{
    /// <summary>One word of the command line, with the instruction and argument it comes from (for the
    /// location).</summary>
    private readonly struct Word
    {
        public Word(string value, DockerInstruction instruction, int argument)
        {
            Value = value;
            Instruction = instruction;
            Argument = argument;
        }

        public string Value { get; }
        public DockerInstruction Instruction { get; }
        public int Argument { get; }
    }

    /// <summary>The effective command line: ENTRYPOINT (exec form) followed by CMD (exec form), or either
    /// alone.</summary>
    private static List<Word>? CommandLine(ImageStage final)
    {
        DockerInstruction? entrypoint = null, cmd = null;
        int entrypointDepth = -1, cmdDepth = -1, depth = 0;
        foreach (var stage in DockerImage.Chain(final))
        {
            if (entrypoint == null && stage.Entrypoint != null)
            {
                entrypoint = stage.Entrypoint;
                entrypointDepth = depth;
            }
            if (cmd == null && stage.Cmd != null)
            {
                cmd = stage.Cmd;
                cmdDepth = depth;
            }
            depth++;
        }
        if (entrypoint != null && cmd != null && cmdDepth > entrypointDepth)
        {
            cmd = null; // Setting ENTRYPOINT resets the CMD of the base.
        }
        var words = new List<Word>();
        if (entrypoint != null)
        {
            words.AddRange(WordsOf(entrypoint));
            if (entrypoint.IsExecForm && cmd != null && cmd.IsExecForm)
            {
                words.AddRange(WordsOf(cmd));
            }
        }
        else if (cmd != null)
        {
            words.AddRange(WordsOf(cmd));
        }
        return words.Count == 0 ? null : words;
    }

    private static IEnumerable<Word> WordsOf(DockerInstruction instruction)
    {
        for (var i = 0; i < instruction.Arguments.Count; i++)
        {
            var value = instruction.Arguments[i].Value;
            if (!instruction.IsExecForm
                && (value.IndexOf("&&", StringComparison.Ordinal) >= 0
                || value.IndexOf("||", StringComparison.Ordinal) >= 0 ||
                value.IndexOf(';') >= 0 || value.IndexOf('|') >= 0))
            {
                yield break;
            }
            yield return new Word(value, instruction, i);
        }
    }

    /// <summary>Skips exec, env (with its assignments), tini and dumb-init (with their options and --).</summary>
    private static int SkipWrappers(List<Word> words, int index)
    {
        while (index < words.Count)
        {
            var value = words[index].Value;
            var name = PathText.GetFileName(value);
            if (Wrappers.Contains(name))
            {
                index++;
                while (index < words.Count
                    && (words[index].Value.StartsWith("-", StringComparison.Ordinal)
                    || (name == "env" && words[index].Value.IndexOf('=') > 0)))
                {
                    index++;
                    if (words[index - 1].Value == "--")
                    {
                        break;
                    }
                }
                continue;
            }
            if (value.IndexOf('=') > 0 && !value.StartsWith("-", StringComparison.Ordinal) && value.IndexOf('/') < 0)
            {
                index++;
                continue;
            }
            break;
        }
        return index;
    }

    /// <summary>The first argument that is not an option (nor an option's value); null when a stop option (e.g. -c)
    /// comes first.</summary>
    private static Word? FirstOperand(List<Word> arguments, string[] withValue, string[] stops)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (stops.Contains(value))
            {
                return null;
            }
            if (withValue.Contains(value))
            {
                i++;
                continue;
            }
            if (value.StartsWith("-", StringComparison.Ordinal) || value.StartsWith("+", StringComparison.Ordinal))
            {
                continue;
            }
            return arguments[i];
        }
        return null;
    }

    /// <summary>The span of one argument; for exec form, the JSON string of that element within the array.</summary>
    private static SourceSpan ArgumentSpan(string text, DockerInstruction instruction, int argument)
    {
        var span = instruction.Arguments[argument].Span;
        if (!instruction.IsExecForm || span.End > text.Length || span.Length == 0 || text[span.Start] != '[')
        {
            return span;
        }
        var map = new LineMap(text);
        var count = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            if (text[i] != '"')
            {
                continue;
            }
            var start = i;
            for (i++; i < span.End && text[i] != '"'; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
            }
            if (count++ == argument)
            {
                return map.Span(start, Math.Min(i + 1, span.End));
            }
        }
        return span;
    }
}
