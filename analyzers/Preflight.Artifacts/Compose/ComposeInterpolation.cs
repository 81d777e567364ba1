using System;
using System.Collections.Generic;
using System.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>One <c>$VAR</c> or <c>${VAR...}</c> in a text, by offset (nested references included).</summary>
public sealed class ComposeTemplateReference
{
    internal ComposeTemplateReference(
        string name, ComposeVariableOperator op, string? argument, bool braced, int start, int length)
    {
        Name = name;
        Operator = op;
        Argument = argument;
        IsBraced = braced;
        Start = start;
        Length = length;
    }

    public string Name { get; }
    public ComposeVariableOperator Operator { get; }

    /// <summary>The default, message or replacement as written; null for
    /// <see cref="ComposeVariableOperator.None"/>.</summary>
    public string? Argument { get; }
    public bool IsBraced { get; }

    /// <summary>Offset of the <c>$</c> in the text.</summary>
    public int Start { get; }

    /// <summary>Length of the whole reference (through the closing brace).</summary>
    public int Length { get; }
}

/// <summary>A problem in a template: invalid <c>$</c> syntax, or a <c>?</c> form whose variable is missing.</summary>
public sealed class ComposeInterpolationError
{
    internal ComposeInterpolationError(string message, int start, int length, string? variable)
    {
        Message = message;
        Start = start;
        Length = length;
        Variable = variable;
    }

    public string Message { get; }
    public int Start { get; }
    public int Length { get; }

    /// <summary>The required variable that is missing; null for a syntax error.</summary>
    public string? Variable { get; }
}

/// <summary>The result of <see cref="ComposeInterpolation.Interpolate"/>.</summary>
public sealed class ComposeInterpolationResult
{
    internal ComposeInterpolationResult(string value, IReadOnlyList<ComposeTemplateReference> references,
        IReadOnlyList<ComposeTemplateReference> unset, IReadOnlyList<ComposeInterpolationError> errors)
    {
        Value = value;
        References = references;
        Unset = unset;
        Errors = errors;
    }

    /// <summary>The text with every reference replaced (unset without default: empty, as compose does).</summary>
    public string Value { get; }

    /// <summary>Every reference written in the text, nested ones included, in order of position.</summary>
    public IReadOnlyList<ComposeTemplateReference> References { get; }

    /// <summary>
    /// References whose variable was unset and that had no default (<c>$V</c>, <c>${V}</c>) and whose value was used:
    /// a reference inside a default that was not needed is not reported.
    /// </summary>
    public IReadOnlyList<ComposeTemplateReference> Unset { get; }

    /// <summary>Syntax errors and <c>${V?message}</c> / <c>${V:?message}</c> failures (checked even inside unused
    /// defaults, as compose does).</summary>
    public IReadOnlyList<ComposeInterpolationError> Errors { get; }
}

/// <summary>
/// Compose-spec interpolation: <c>$V</c>, <c>${V}</c>, <c>${V:-d}</c>, <c>${V-d}</c>, <c>${V:?e}</c>, <c>${V?e}</c>,
/// <c>${V:+a}</c>, <c>${V+a}</c>, nested references in the argument, and <c>$$</c> for a literal <c>$</c>. Names match
/// <c>[_a-zA-Z][_a-zA-Z0-9]*</c>. Any other <c>$</c> is an error. Never throws.
/// </summary>
public static class ComposeInterpolation
{
    private static readonly ComposeInterpolationResult EmptyResult = new ComposeInterpolationResult(string.Empty,
        Array.Empty<ComposeTemplateReference>(), Array.Empty<ComposeTemplateReference>(),
            Array.Empty<ComposeInterpolationError>());

    /// <summary>Interpolates <paramref name="text"/>; <paramref name="lookup"/> returns a variable's value, or null
    /// when it is unset.</summary>
    public static ComposeInterpolationResult Interpolate(string text, Func<string, string?> lookup)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text == null ? EmptyResult
                : new ComposeInterpolationResult(text, EmptyResult.References, EmptyResult.Unset, EmptyResult.Errors);
        }
        if (text.IndexOf('$') < 0)
        {
            return new ComposeInterpolationResult(text, EmptyResult.References, EmptyResult.Unset, EmptyResult.Errors);
        }
        var errors = new List<ComposeInterpolationError>();
        var parts = Parse(new Scan(text, errors), 0, text.Length, 0);
        var references = new List<ComposeTemplateReference>();
        Collect(parts, references);
        var unset = new List<ComposeTemplateReference>();
        var builder = new StringBuilder(text.Length);
        Evaluate(parts, lookup ?? (_ => null), builder, unset, errors, used: true);
        return new ComposeInterpolationResult(builder.ToString(), references, unset, errors);
    }

    /// <summary>Every reference in <paramref name="text"/> (nested ones included), without evaluating
    /// anything.</summary>
    public static IReadOnlyList<ComposeTemplateReference> FindReferences(string text)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf('$') < 0)
        {
            return Array.Empty<ComposeTemplateReference>();
        }
        var references = new List<ComposeTemplateReference>();
        Collect(Parse(new Scan(text, new List<ComposeInterpolationError>()), 0, text.Length, 0), references);
        return references;
    }

    /// <summary>True for a valid variable name: <c>[_a-zA-Z][_a-zA-Z0-9]*</c>.</summary>
    public static bool IsVariableName(string name)
    {
        if (string.IsNullOrEmpty(name) || !IsNameStart(name[0]))
        {
            return false;
        }
        for (var i = 1; i < name.Length; i++)
        {
            if (!IsNameChar(name[i]))
            {
                return false;
            }
        }
        return true;
    }

    private abstract class Part
    {
    }

    private sealed class Literal : Part
    {
        public Literal(string text) => Text = text;
        public string Text { get; }
    }

    private sealed class Reference : Part
    {
        public Reference(ComposeTemplateReference info, List<Part>? argument)
        {
            Info = info;
            Argument = argument;
        }

        public ComposeTemplateReference Info { get; }
        public List<Part>? Argument { get; }
    }

    /// <summary>Nesting deeper than this (<c>${a:-${b:-...}}</c>) is an error, so evaluation stays shallow.</summary>
    private const int MaxNesting = 64;

    /// <summary>The text being parsed, its errors, and where each <c>${</c> closes (computed once, so parsing stays
    /// linear).</summary>
    private sealed class Scan
    {
        private Dictionary<int, int>? _closes;

        public Scan(string text, List<ComposeInterpolationError> errors)
        {
            Text = text;
            Errors = errors;
        }

        public string Text { get; }
        public List<ComposeInterpolationError> Errors { get; }

        /// <summary>
        /// The '}' closing the <c>${</c> at <paramref name="dollar"/>, or -1: nested <c>${</c> open and any '}' closes,
        /// as
        /// compose-go counts. One pass with a stack gives every match.
        /// </summary>
        public int ClosingBrace(int dollar)
        {
            if (_closes == null)
            {
                _closes = new Dictionary<int, int>();
                var open = new Stack<int>();
                for (var i = 0; i < Text.Length; i++)
                {
                    if (Text[i] == '}')
                    {
                        if (open.Count > 0)
                        {
                            _closes[open.Pop()] = i;
                        }
                    }
                    else if (Text[i] == '$' && i + 1 < Text.Length && Text[i + 1] == '{')
                    {
                        open.Push(i);
                        i++;
                    }
                }
            }
            return _closes.TryGetValue(dollar, out var close) ? close : -1;
        }
    }

    private static List<Part> Parse(Scan scan, int start, int end, int depth)
    {
        var text = scan.Text;
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c != '$')
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (i + 1 < end && text[i + 1] == '$')
            {
                literal.Append('$');
                i += 2;
                continue;
            }
            if (i + 1 < end && IsNameStart(text[i + 1]))
            {
                var nameEnd = ScanName(text, i + 1, end);
                Flush(parts, literal);
                var name = text.Substring(i + 1, nameEnd - i - 1);
                parts.Add(
                    new Reference(
                    new ComposeTemplateReference(
                    name, ComposeVariableOperator.None, null, false, i, nameEnd - i), null));
                i = nameEnd;
                continue;
            }
            if (i + 1 < end && text[i + 1] == '{' && depth < MaxNesting
                && TryParseBraced(scan, i, end, depth, out var reference, out var next))
            {
                Flush(parts, literal);
                parts.Add(reference!);
                i = next;
                continue;
            }
            scan.Errors.Add(new ComposeInterpolationError(
                depth >= MaxNesting
                    ? $"invalid interpolation: references are nested more than {MaxNesting} levels deep"
                    : "invalid interpolation: '$' must be followed by a variable name or {...}; write $$ for a " +
                        "literal $",
                i, Math.Min(2, end - i), null));
            literal.Append('$');
            i++;
        }
        Flush(parts, literal);
        return parts;
    }

    private static bool TryParseBraced(
        Scan scan, int dollar, int end, int depth, out Reference? reference, out int next)
    {
        var text = scan.Text;
        reference = null;
        next = dollar + 1;
        var nameStart = dollar + 2;
        if (nameStart >= end || !IsNameStart(text[nameStart]))
        {
            return false;
        }
        var nameEnd = ScanName(text, nameStart, end);
        var name = text.Substring(nameStart, nameEnd - nameStart);
        if (nameEnd >= end)
        {
            return false;
        }
        if (text[nameEnd] == '}')
        {
            reference = new Reference(
                new ComposeTemplateReference(
                name, ComposeVariableOperator.None, null, true, dollar, nameEnd + 1 - dollar), null);
            next = nameEnd + 1;
            return true;
        }
        var colon = text[nameEnd] == ':';
        var opAt = colon ? nameEnd + 1 : nameEnd;
        if (opAt >= end || (text[opAt] != '-' && text[opAt] != '?' && text[opAt] != '+'))
        {
            return false;
        }
        var op = (text[opAt], colon) switch
        {
            ('-', true) => ComposeVariableOperator.DefaultIfUnsetOrEmpty,
            ('-', false) => ComposeVariableOperator.DefaultIfUnset,
            ('?', true) => ComposeVariableOperator.ErrorIfUnsetOrEmpty,
            ('?', false) => ComposeVariableOperator.ErrorIfUnset,
            ('+', true) => ComposeVariableOperator.ReplacementIfSetAndNotEmpty,
            _ => ComposeVariableOperator.ReplacementIfSet,
        };
        var argumentStart = opAt + 1;
        var close = scan.ClosingBrace(dollar);
        if (close < 0 || close >= end)
        {
            return false;
        }
        var argument = Parse(scan, argumentStart, close, depth + 1);
        var info = new ComposeTemplateReference(
            name, op, text.Substring(argumentStart, close - argumentStart), true, dollar, close + 1 - dollar);
        reference = new Reference(info, argument);
        next = close + 1;
        return true;
    }

    private static void Evaluate(List<Part> parts, Func<string, string?> lookup, StringBuilder output,
        List<ComposeTemplateReference> unset, List<ComposeInterpolationError> errors, bool used)
    {
        foreach (var part in parts)
        {
            if (part is Literal literal)
            {
                output.Append(literal.Text);
                continue;
            }
            var reference = (Reference)part;
            var info = reference.Info;
            var value = SafeLookup(lookup, info.Name);
            var argumentUsed = info.Operator switch
            {
                ComposeVariableOperator.DefaultIfUnsetOrEmpty => string.IsNullOrEmpty(value),
                ComposeVariableOperator.DefaultIfUnset => value == null,
                ComposeVariableOperator.ReplacementIfSetAndNotEmpty => !string.IsNullOrEmpty(value),
                ComposeVariableOperator.ReplacementIfSet => value != null,
                _ => false,
            };
            // compose-go evaluates the argument even when it is not used: its errors count, its unset variables do not.
            var argument = new StringBuilder();
            if (reference.Argument != null)
            {
                Evaluate(reference.Argument, lookup, argument, unset, errors, used && argumentUsed);
            }
            switch (info.Operator)
            {
                case ComposeVariableOperator.None:
                    if (value == null && used)
                    {
                        unset.Add(info);
                    }
                    output.Append(value);
                    break;
                case ComposeVariableOperator.ErrorIfUnsetOrEmpty:
                case ComposeVariableOperator.ErrorIfUnset:
                    var missing = info.Operator == ComposeVariableOperator.ErrorIfUnset ? value == null
                        : string.IsNullOrEmpty(value);
                    if (missing)
                    {
                        errors.Add(
                            new ComposeInterpolationError(
                            $"required variable {info.Name} is missing a value: {argument}", info.Start, info.Length,
                            info.Name));
                    }
                    else
                    {
                        output.Append(value);
                    }
                    break;
                case ComposeVariableOperator.ReplacementIfSetAndNotEmpty:
                case ComposeVariableOperator.ReplacementIfSet:
                    output.Append(argumentUsed ? argument.ToString() : string.Empty);
                    break;
                default:
                    output.Append(argumentUsed ? argument.ToString() : value);
                    break;
            }
        }
    }

    private static string? SafeLookup(Func<string, string?> lookup, string name)
    {
        try
        {
            return lookup(name);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return null;
        }
    }

    private static void Collect(List<Part> parts, List<ComposeTemplateReference> into)
    {
        foreach (var part in parts)
        {
            if (part is Reference reference)
            {
                into.Add(reference.Info);
                if (reference.Argument != null)
                {
                    Collect(reference.Argument, into);
                }
            }
        }
    }

    private static void Flush(List<Part> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Literal(literal.ToString()));
            literal.Clear();
        }
    }

    private static int ScanName(string text, int start, int end)
    {
        var i = start;
        while (i < end && IsNameChar(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');
}
