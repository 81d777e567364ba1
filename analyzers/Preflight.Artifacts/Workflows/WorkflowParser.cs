using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Workflows;

/// <summary>Reads a GitHub Actions workflow into a <see cref="WorkflowFile"/>. Never throws.</summary>
public static class WorkflowParser
{
    /// <summary>Expressions longer than this are not read to their end (GitHub caps an expression far lower).</summary>
    private const int MaxExpressionLength = 64 * 1024;

    public static WorkflowFile Parse(string text)
    {
        text ??= string.Empty;
        var map = new LineMap(text);
        try
        {
            return ParseCore(text, map);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return new WorkflowFile(
                Array.Empty<WorkflowSecretReference>(), Array.Empty<SourceSpan>(), false,
                Array.Empty<WorkflowSecretDeclaration>(),
                Array.Empty<WorkflowReusableCall>(),
                    new[] { new WorkflowError(
                    "the workflow could not be read (" + ex.GetType().Name + ")", map.Span(0, 0)) });
        }
    }

    private static WorkflowFile ParseCore(string text, LineMap map)
    {
        var loaded = YamlDocumentLoader.Load(text);
        var errors = new List<WorkflowError>();
        if (loaded.Error != null)
        {
            errors.Add(new WorkflowError(loaded.Error, loaded.ErrorSpan));
        }
        else if (loaded.Documents.Count > 0 && loaded.Documents[0].RootNode is not YamlMappingNode
            && !loaded.Documents[0].RootNode.IsNullScalar())
        {
            errors.Add(
                new WorkflowError(
                "a workflow must be a mapping (on:, jobs:)",
                YamlDocumentLoader.SpanOf(map, loaded.Documents[0].RootNode)));
        }

        var isReusable = false;
        var declared = new List<WorkflowSecretDeclaration>();
        var calls = new List<WorkflowReusableCall>();
        var jobs = new List<(string Id, int Start, int End)>();
        foreach (var document in loaded.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }
            isReusable |= ReadTriggers(map, root.Child("on"), declared);
            if (root.Child("jobs") is YamlMappingNode jobsNode)
            {
                foreach (var entry in jobsNode.Children)
                {
                    if (entry.Key.ScalarValue() is not { } jobId)
                    {
                        continue;
                    }
                    var keySpan = YamlDocumentLoader.SpanOf(map, entry.Key);
                    jobs.Add((jobId, keySpan.Start, Math.Max(keySpan.End, YamlExtent.FullSpan(map, entry.Value).End)));
                    if (entry.Value is YamlMappingNode job && ReadCall(map, jobId, keySpan, job) is { } call)
                    {
                        calls.Add(call);
                    }
                }
            }
        }

        var references = new List<WorkflowSecretReference>();
        var dynamic = new List<SourceSpan>();
        var declaredNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in declared)
        {
            declaredNames.Add(declaration.Name);
        }
        foreach (var (start, end, isCondition) in ValueScalars(map, loaded.Documents))
        {
            var found = new List<(string? Name, int Start, int End)>();
            ScanScalar(text, start, end, isCondition, found);
            foreach (var (name, refStart, refEnd) in found)
            {
                var span = map.Span(refStart, refEnd);
                if (name == null)
                {
                    dynamic.Add(span);
                    continue;
                }
                string? jobId = null;
                foreach (var job in jobs)
                {
                    if (refStart >= job.Start && refStart < job.End)
                    {
                        jobId = job.Id;
                        break;
                    }
                }
                references.Add(new WorkflowSecretReference(name, span, jobId, declaredNames.Contains(name)));
            }
        }
        references.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        dynamic.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new WorkflowFile(references, dynamic, isReusable, declared, calls, errors);
    }

    /// <summary>Reads <c>on:</c> (string, list or mapping); true when it includes <c>workflow_call</c>.</summary>
    private static bool ReadTriggers(LineMap map, YamlNode? on, List<WorkflowSecretDeclaration> declared)
    {
        switch (on)
        {
            case YamlScalarNode scalar:
                return scalar.Value == "workflow_call";
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (item.ScalarValue() == "workflow_call")
                    {
                        return true;
                    }
                }
                return false;
            case YamlMappingNode triggers:
                foreach (var entry in triggers.Children)
                {
                    if (entry.Key.ScalarValue() != "workflow_call")
                    {
                        continue;
                    }
                    if (entry.Value is YamlMappingNode call && call.Child("secrets") is YamlMappingNode secrets)
                    {
                        foreach (var secret in secrets.Children)
                        {
                            if (secret.Key.ScalarValue() is { } name)
                            {
                                var options = secret.Value as YamlMappingNode;
                                var required = options?.Child("required") is YamlScalarNode flag
                                    && flag.Style == ScalarStyle.Plain &&
                                    string.Equals(flag.Value, "true", StringComparison.OrdinalIgnoreCase);
                                declared.Add(
                                    new WorkflowSecretDeclaration(
                                    name, YamlDocumentLoader.SpanOf(map, secret.Key), required,
                                    options?.Child("description").ScalarValue()));
                            }
                        }
                    }
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static WorkflowReusableCall? ReadCall(LineMap map, string jobId, SourceSpan jobIdSpan, YamlMappingNode job)
    {
        if (job.Child("uses") is not { } usesNode || usesNode.ScalarValue() is not { } uses)
        {
            return null;
        }
        var inherits = false;
        SourceSpan secretsSpan = default;
        var passed = new List<WorkflowPassedSecret>();
        foreach (var entry in job.Children)
        {
            if (entry.Key.ScalarValue() != "secrets")
            {
                continue;
            }
            secretsSpan = YamlDocumentLoader.SpanOf(map, entry.Key);
            if (entry.Value.ScalarValue() == "inherit")
            {
                inherits = true;
            }
            else if (entry.Value is YamlMappingNode secrets)
            {
                foreach (var secret in secrets.Children)
                {
                    if (secret.Key.ScalarValue() is { } name)
                    {
                        passed.Add(
                            new WorkflowPassedSecret(
                            name, YamlDocumentLoader.SpanOf(map, secret.Key),
                            YamlDocumentLoader.SpanOf(map, secret.Value)));
                    }
                }
            }
        }
        return new WorkflowReusableCall(
            jobId, jobIdSpan, uses, YamlDocumentLoader.SpanOf(map, usesNode), inherits, secretsSpan, passed);
    }

    /// <summary>
    /// The spans of every scalar that is a value (not a key), each node once (aliases share nodes), with whether it is
    /// an <c>if:</c> condition (an expression even without <c>${{ }}</c>). Comments are never inside a scalar.
    /// </summary>
    private static IEnumerable<(int Start, int End, bool IsCondition)> ValueScalars(
        LineMap map, IReadOnlyList<YamlDocument> documents)
    {
        var visited = new HashSet<YamlNode>(YamlNodeIdentity.Instance);
        var stack = new Stack<(YamlNode Node, bool IsCondition)>();
        for (var i = documents.Count - 1; i >= 0; i--)
        {
            stack.Push((documents[i].RootNode, false));
        }
        while (stack.Count > 0)
        {
            var (node, isCondition) = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }
            switch (node)
            {
                case YamlScalarNode scalar:
                    if (!scalar.IsNullScalar())
                    {
                        var span = YamlDocumentLoader.SpanOf(map, scalar);
                        yield return (span.Start, span.End, isCondition);
                    }
                    break;
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children)
                    {
                        stack.Push((entry.Value, entry.Key is YamlScalarNode key && key.Value == "if"));
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        stack.Push((item, false));
                    }
                    break;
            }
        }
    }

    /// <summary>Finds the secret reads in the text of one scalar: inside each <c>${{ }}</c>, or all of it for a
    /// condition.</summary>
    internal static void ScanScalar(
        string text, int start, int end, bool isCondition, List<(string? Name, int Start, int End)> found)
    {
        var opened = false;
        var at = start;
        while (at < end)
        {
            var open = text.IndexOf("${{", at, end - at, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }
            opened = true;
            var close = ScanExpression(text, open + 3, end, found);
            at = close;
        }
        if (!opened && isCondition)
        {
            ScanExpression(text, start, end, found);
        }
    }

    /// <summary>Reads one expression from <paramref name="start"/> to its closing <c>}}</c> (or
    /// <paramref name="end"/>); returns the offset after it.</summary>
    private static int ScanExpression(string text, int start, int end, List<(string? Name, int Start, int End)> found)
    {
        var limit = (int)Math.Min(end, (long)start + MaxExpressionLength);
        var i = start;
        while (i < limit)
        {
            var c = text[i];
            if (c == '}' && i + 1 < limit && text[i + 1] == '}')
            {
                return i + 2;
            }
            if (c == '\'')
            {
                // A string literal: '' is an escaped quote.
                i++;
                while (i < limit)
                {
                    if (text[i] == '\'')
                    {
                        if (i + 1 < limit && text[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (IsIdentifierStart(c))
            {
                var wordStart = i;
                while (i < limit && IsIdentifierPart(text[i]))
                {
                    i++;
                }
                var previous = wordStart > start ? text[wordStart - 1] : ' ';
                if (i - wordStart == 7 && previous != '.'
                    && string.Compare(text, wordStart, "secrets", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    i = ReadSecretAccess(text, wordStart, i, limit, found);
                }
                continue;
            }
            i++;
        }
        return limit;
    }

    /// <summary>After the word <c>secrets</c>: <c>.NAME</c>, <c>['NAME']</c>, or a dynamic access.</summary>
    private static int ReadSecretAccess(
        string text, int wordStart, int i, int limit, List<(string? Name, int Start, int End)> found)
    {
        if (i < limit && text[i] == '.')
        {
            var nameStart = i + 1;
            var j = nameStart;
            while (j < limit && IsIdentifierPart(text[j]))
            {
                j++;
            }
            if (j > nameStart && IsIdentifierStart(text[nameStart]))
            {
                found.Add((text.Substring(nameStart, j - nameStart), wordStart, j));
                return j;
            }
            found.Add((null, wordStart, i));
            return i;
        }
        if (i < limit && text[i] == '[')
        {
            var j = i + 1;
            while (j < limit && text[j] == ' ')
            {
                j++;
            }
            // One quote in an expression; two inside a single-quoted YAML scalar, where '' stands for '.
            var quotes = 0;
            while (j < limit && text[j] == '\'' && quotes < 2)
            {
                quotes++;
                j++;
            }
            if (quotes > 0)
            {
                var nameStart = j;
                while (j < limit && IsIdentifierPart(text[j]))
                {
                    j++;
                }
                var nameEnd = j;
                var closing = 0;
                while (j < limit && text[j] == '\'' && closing < quotes)
                {
                    closing++;
                    j++;
                }
                while (j < limit && text[j] == ' ')
                {
                    j++;
                }
                if (nameEnd > nameStart && closing == quotes && j < limit && text[j] == ']')
                {
                    found.Add((text.Substring(nameStart, nameEnd - nameStart), wordStart, j + 1));
                    return j + 1;
                }
            }
            found.Add((null, wordStart, i));
            return i;
        }
        found.Add((null, wordStart, i));
        return i;
    }

    private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
}
