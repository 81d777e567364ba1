using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Python;

/// <summary>
/// Reads a Python module's top-level imports and definitions from its text, line by line, skipping strings and
/// comments. Not a Python parser: what it cannot read with certainty makes <see cref="PythonModule.NamesAreComplete"/>
/// false, and imports it cannot read are left out. Never throws.
/// </summary>
public static class PythonModuleParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);
    private static readonly Regex Identifier = new Regex(
        @"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex DefOrClass = new Regex(
        @"^(?:async\s+)?(?:def|class)\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Assignment = new Regex(
        @"^([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*(?::[^=]*)?=(?!=)",
        RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Annotation = new Regex(
        @"^([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex CompoundStatement = new Regex(
        @"^(?:if|elif|else|try|except|finally|for|while|with|match|async\s+(?:for|with))\b",
        RegexOptions.CultureInvariant, Timeout);

    /// <summary>Modules larger than this are not read (they are generated in practice).</summary>
    public const int MaxLength = 1024 * 1024;

    public static PythonModule Parse(string text)
    {
        var imports = new List<PythonImport>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (text.Length > MaxLength)
        {
            return new PythonModule(imports, names, namesAreComplete: false, isBlank: false);
        }
        var complete = true;
        var blank = true;
        try
        {
            foreach (var statement in LogicalLines(text))
            {
                blank = false;
                if (statement.Indented)
                {
                    continue;
                }
                var code = statement.Code;
                if (code.StartsWith("import ", StringComparison.Ordinal)
                    || code.StartsWith("from ", StringComparison.Ordinal))
                {
                    complete &= ReadImport(statement, imports, names);
                }
                else if (DefOrClass.Match(code) is { Success: true } definition)
                {
                    names.Add(definition.Groups[1].Value);
                    if (definition.Groups[1].Value == "__getattr__")
                    {
                        complete = false;
                    }
                }
                else if (Assignment.Match(code) is { Success: true } assignment)
                {
                    foreach (var name in assignment.Groups[1].Value.Split(','))
                    {
                        names.Add(name.Trim());
                    }
                }
                else if (Annotation.Match(code) is { Success: true } annotation && !CompoundStatement.IsMatch(code))
                {
                    names.Add(annotation.Groups[1].Value);
                }
                else if (CompoundStatement.IsMatch(code) || code.Contains("globals()")
                    || code.StartsWith("exec(", StringComparison.Ordinal) ||
                    code.StartsWith("(", StringComparison.Ordinal) || code.StartsWith("[", StringComparison.Ordinal))
                {
                    complete = false;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            complete = false;
        }
        return new PythonModule(imports, names, complete, blank);
    }

    private static bool ReadImport(LogicalLine statement, List<PythonImport> imports, HashSet<string> names)
    {
        var code = statement.Code;
        if (code.StartsWith("import ", StringComparison.Ordinal))
        {
            // import a.b, c as d
            var offset = 7;
            foreach (var part in code.Substring(7).Split(','))
            {
                var item = part.Trim();
                var pieces = item.Split(new[] { " as " }, StringSplitOptions.None);
                var module = pieces[0].Trim();
                if (IsDotted(module))
                {
                    var column = code.IndexOf(module, offset, StringComparison.Ordinal);
                    imports.Add(
                        new PythonImport(
                        module, 0, statement.Span(column, module.Length), Array.Empty<PythonImportedName>(),
                        isFrom: false));
                    names.Add(pieces.Length > 1 ? pieces[1].Trim() : module.Split('.')[0]);
                    offset = column + module.Length;
                }
            }
            return true;
        }
        // from .a.b import (C, D as E)
        var importIndex = code.IndexOf(" import ", StringComparison.Ordinal);
        if (importIndex < 5)
        {
            return true; // no " import ", or none after a module ("from import x" is no import)
        }
        var source = code.Substring(5, importIndex - 5).Trim();
        var level = 0;
        while (level < source.Length && source[level] == '.')
        {
            level++;
        }
        var moduleName = source.Substring(level);
        if (moduleName.Length > 0 && !IsDotted(moduleName))
        {
            return true;
        }
        var list = code.Substring(importIndex + 8).Trim().TrimStart('(').TrimEnd(')');
        if (list.Trim() == "*")
        {
            imports.Add(
                new PythonImport(
                moduleName, level, statement.Span(code.IndexOf(source, 5, StringComparison.Ordinal), source.Length),
                Array.Empty<PythonImportedName>(), isFrom: true));
            return false; // a star import defines names nobody can list
        }
        var imported = new List<PythonImportedName>();
        var searchFrom = importIndex + 8;
        foreach (var part in list.Split(','))
        {
            var pieces = part.Trim().Split(new[] { " as " }, StringSplitOptions.None);
            var name = pieces[0].Trim();
            if (!Identifier.IsMatch(name))
            {
                continue;
            }
            var column = IndexOfWord(code, name, searchFrom);
            if (column >= 0)
            {
                imported.Add(new PythonImportedName(name, statement.Span(column, name.Length)));
                searchFrom = column + name.Length;
            }
            names.Add(pieces.Length > 1 ? pieces[1].Trim() : name);
        }
        var moduleColumn = code.IndexOf(source, 5, StringComparison.Ordinal);
        imports.Add(
            new PythonImport(moduleName, level, statement.Span(moduleColumn, source.Length), imported, isFrom: true));
        return true;
    }

    private static int IndexOfWord(string text, string word, int start)
    {
        for (var index = text.IndexOf(word, start, StringComparison.Ordinal); index >= 0; index = text.IndexOf(
            word, index + 1, StringComparison.Ordinal))
        {
            var before = index == 0 ? ' ' : text[index - 1];
            var afterIndex = index + word.Length;
            var after = afterIndex >= text.Length ? ' ' : text[afterIndex];
            if (!(char.IsLetterOrDigit(before) || before == '_') && !(char.IsLetterOrDigit(after) || after == '_'))
            {
                return index;
            }
        }
        return -1;
    }

    private static bool IsDotted(string module)
    {
        foreach (var part in module.Split('.'))
        {
            if (!Identifier.IsMatch(part))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One logical line: physical lines joined inside brackets and after backslashes, strings and comments
    /// blanked.</summary>
    private sealed class LogicalLine
    {
        private readonly List<(int Offset, int Line, int Column)> _segments;

        public LogicalLine(string code, bool indented, List<(int Offset, int Line, int Column)> segments)
        {
            Code = code;
            Indented = indented;
            _segments = segments;
        }

        public string Code { get; }
        public bool Indented { get; }

        /// <summary>The source position of a range of <see cref="Code"/>.</summary>
        public SourceSpan Span(int index, int length)
        {
            var segment = _segments[0];
            foreach (var candidate in _segments)
            {
                if (candidate.Offset <= index)
                {
                    segment = candidate;
                }
            }
            var line = segment.Line;
            var column = segment.Column + (index - segment.Offset);
            return new SourceSpan(0, 0, line, column, line, column + length);
        }
    }

    private static IEnumerable<LogicalLine> LogicalLines(string text)
    {
        var code = new System.Text.StringBuilder();
        var segments = new List<(int Offset, int Line, int Column)>();
        var depth = 0;
        var line = 1;
        var column = 1;
        var indented = false;
        var atLineStart = true;
        var continued = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (atLineStart)
            {
                if (c == ' ' || c == '\t' || c == '\f')
                {
                    if (depth == 0 && !continued && code.Length == 0)
                    {
                        indented = true;
                    }
                    column++;
                    continue;
                }
                atLineStart = false;
                segments.Add((code.Length, line, column));
            }
            if (c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
                continue;
            }
            if (c == '"' || c == '\'')
            {
                // Strings (single, triple, any prefix) are replaced by a placeholder; their lines are counted.
                var triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                var quoteLength = triple ? 3 : 1;
                var j = i + quoteLength;
                while (j < text.Length)
                {
                    if (text[j] == '\\')
                    {
                        j += 2;
                        continue;
                    }
                    if (text[j] == '\n' && !triple)
                    {
                        break;
                    }
                    if (text[j] == c && (!triple || (j + 2 < text.Length && text[j + 1] == c && text[j + 2] == c)))
                    {
                        j += quoteLength;
                        break;
                    }
                    j++;
                }
                for (var k = i; k < j && k < text.Length; k++)
                {
                    if (text[k] == '\n')
                    {
                        line++;
                        column = 0;
                    }
                    column++;
                }
                code.Append("\"\"");
                i = Math.Min(j, text.Length) - 1;
                continue;
            }
            if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '\n' || text[i + 1] == '\r'))
            {
                continued = true;
                code.Append(' ');
                column++;
                continue;
            }
            if (c == '\r')
            {
                continue;
            }
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                if (depth > 0 || continued)
                {
                    continued = false;
                    code.Append(' ');
                    continue;
                }
                if (code.ToString().Trim().Length > 0)
                {
                    yield return new LogicalLine(
                        code.ToString().TrimEnd(), indented, new List<(int, int, int)>(segments));
                }
                code.Clear();
                segments.Clear();
                indented = false;
                continue;
            }
            if (c == '(' || c == '[' || c == '{')
            {
                depth++;
            }
            else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            {
                depth--;
            }
            code.Append(c);
            column++;
        }
        if (code.ToString().Trim().Length > 0)
        {
            yield return new LogicalLine(code.ToString().TrimEnd(), indented, segments);
        }
    }
}
