using System;
using System.Collections.Generic;
using System.IO;
using Preflight.Artifacts.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Yaml;

/// <summary>The documents of a YAML text, or the first error that stopped the parser.</summary>
public sealed class YamlLoadResult
{
    internal YamlLoadResult(IReadOnlyList<YamlDocument> documents, string? error, SourceSpan errorSpan)
    {
        Documents = documents;
        Error = error;
        ErrorSpan = errorSpan;
    }

    public IReadOnlyList<YamlDocument> Documents { get; }
    public string? Error { get; }
    public SourceSpan ErrorSpan { get; }
}

/// <summary>
/// Loads YAML with YamlDotNet without ever throwing. Aliases stay shared nodes (never copied), so an alias bomb
/// costs no memory; walkers bound their work with <see cref="YamlWalkBudget"/>.
/// </summary>
public static class YamlDocumentLoader
{
    /// <summary>Texts above this size are not parsed (no finding rather than a slow build).</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    /// <summary>
    /// Deeper nesting is refused: YamlDotNet builds its nodes recursively, so a few thousand levels (<c>[[[[...</c> or
    /// <c>- - - -...</c>) overflow the stack and end the process (the compiler or the build) rather than throw.
    /// </summary>
    public const int MaxDepth = 500;

    public static YamlLoadResult Load(string text)
    {
        var map = new LineMap(text);
        if (text.Length > MaxLength)
        {
            return new YamlLoadResult(
                Array.Empty<YamlDocument>(), $"the file is larger than {MaxLength / (1024 * 1024)} MB and was not read",
                map.Span(0, 0));
        }
        var tooDeep = YamlNesting.FindExcessiveNesting(text, MaxDepth);
        if (tooDeep >= 0)
        {
            return new YamlLoadResult(
                Array.Empty<YamlDocument>(), $"the YAML is nested more than {MaxDepth} levels deep and was not read",
                map.Span(tooDeep, tooDeep));
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return new YamlLoadResult(new List<YamlDocument>(stream.Documents), null, default);
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(1, ex.Start.Line);
            var column = (int)Math.Max(1, ex.Start.Column);
            var offset = map.Offset(Math.Min(line, map.LineCount), column);
            var message = ex.InnerException != null
                && ex.Message.StartsWith("(Line", StringComparison.Ordinal) ? ex.InnerException.Message : ex.Message;
            return new YamlLoadResult(
                new List<YamlDocument>(stream.Documents), StripPosition(message), map.Span(offset, offset));
        }
        catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException
            || ex is InsufficientExecutionStackException)
        {
            return new YamlLoadResult(
                Array.Empty<YamlDocument>(), "the YAML could not be read (" + ex.GetType().Name + ")", map.Span(0, 0));
        }
    }

    /// <summary>The span of a node in its text.</summary>
    public static SourceSpan SpanOf(LineMap map, YamlNode node)
    {
        var start = map.Offset((int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column));
        var end = map.Offset((int)Math.Max(1, node.End.Line), (int)Math.Max(1, node.End.Column));
        return map.Span(start, Math.Max(start, end));
    }

    private static string StripPosition(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): ".
        if (message.StartsWith("(Line", StringComparison.Ordinal))
        {
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (cut > 0)
            {
                return message.Substring(cut + 3);
            }
        }
        return message;
    }
}

/// <summary>Bounds the number of nodes a walker visits, so shared alias nodes cannot blow up the work.</summary>
public sealed class YamlWalkBudget
{
    private int _remaining;

    public YamlWalkBudget(int nodes = 200_000) => _remaining = nodes;

    public bool Take() => --_remaining >= 0;
}
