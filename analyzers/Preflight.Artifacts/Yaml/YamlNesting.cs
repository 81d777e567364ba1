using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Preflight.Artifacts.Yaml;

/// <summary>
/// Finds YAML nested deeper than a limit before YamlDotNet's recursive node builder meets it. A cheap upper bound over
/// the text settles almost every file; only when it exceeds the limit are the parser's events (built without
/// recursion) counted.
/// </summary>
internal static class YamlNesting
{
    /// <summary>The offset of the first collection nested deeper than <paramref name="maxDepth"/>, or -1.</summary>
    public static int FindExcessiveNesting(string text, int maxDepth) =>
        UpperBound(text) <= maxDepth ? -1 : CountEvents(text, maxDepth);

    /// <summary>
    /// An upper bound of the nesting depth: open flow brackets, plus for block collections two levels per column of
    /// indentation and per indicator (<c>-</c>, <c>?</c>, <c>:</c>) on the line (a block sequence may sit at its parent
    /// key's indentation; compact forms such as <c>- - x</c> nest on one line). Characters in strings count too: a
    /// harmless over-approximation.
    /// </summary>
    private static int UpperBound(string text)
    {
        var flow = 0;
        var block = 0;
        var bound = 0;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                case '\r':
                    lineStart = true;
                    block = 0;
                    continue;
                case '[':
                case '{':
                    flow++;
                    break;
                case ']':
                case '}':
                    if (flow > 0)
                    {
                        flow--;
                    }
                    break;
                case ' ':
                case '\t':
                    if (lineStart)
                    {
                        block += 2;
                    }
                    continue;
                case '-':
                case '?':
                case ':':
                    block += 2;
                    break;
            }
            lineStart = false;
            bound = Math.Max(bound, flow + block + 2);
        }
        return bound;
    }

    /// <summary>Counts collection starts and ends among the parser's events; -1 when the text is not deeper than the
    /// limit or not YAML.</summary>
    private static int CountEvents(string text, int maxDepth)
    {
        var depth = 0;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart _:
                    case SequenceStart _:
                        if (++depth > maxDepth)
                        {
                            return (int)Math.Min(Math.Max(0, parser.Current!.Start.Index), text.Length);
                        }
                        break;
                    case MappingEnd _:
                    case SequenceEnd _:
                        depth--;
                        break;
                }
            }
            return -1;
        }
        catch (Exception ex) when (ex is YamlException || ex is ArgumentException || ex is InvalidOperationException)
        {
            // Not YAML past this point: the loader meets the same error at the same place, no deeper than counted so
            // far.
            return -1;
        }
    }
}
