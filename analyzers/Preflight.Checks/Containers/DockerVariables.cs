using System;
using System.Collections.Generic;
using System.Text;
using Preflight.Artifacts.Docker;

namespace Preflight.Checks.Containers;

/// <summary>
/// The ARG and ENV values in scope at one point of a Dockerfile, for the little expansion the checks need:
/// <c>$X</c>, <c>${X}</c>, <c>${X:-d}</c> and <c>${X-d}</c>. A declared name without a known value (a bare ARG, which a
/// build argument may set) is unknown, and so is every other form: an unknown expansion gives null, never a guess.
/// </summary>
internal sealed class DockerVariables
{
    // Copies share the history they were made from (a snapshot) and get a history of their own at their first write:
    // a copy per instruction costs constant memory, so a Dockerfile with thousands of ENV lines stays linear.
    private readonly DockerVariableSnapshot? _start;
    private DockerVariableHistory? _own;

    public DockerVariables()
    {
    }

    private DockerVariables(DockerVariableSnapshot? start) => _start = start;

    public DockerVariables Copy() => new DockerVariables(_own?.Now ?? _start);

    public bool IsDeclared(string name) => TryGet(name, out _);

    public string? Value(string name) => TryGet(name, out var value) ? value : null;

    public void Set(string name, string? value) => (_own ??= new DockerVariableHistory(_start)).Set(name, value);

    private bool TryGet(string name, out string? value)
    {
        var snapshot = _own?.Now ?? _start;
        if (snapshot == null)
        {
            value = null;
            return false;
        }
        return snapshot.TryGet(name, out value);
    }

    /// <summary>ARG NAME[=default] inside a stage; a bare ARG takes the default of the global ARG of that
    /// name.</summary>
    public void DeclareArg(string declaration, DockerVariables? globals)
    {
        var equals = declaration.IndexOf('=');
        if (equals < 0)
        {
            Set(declaration, globals != null && globals.IsDeclared(declaration) ? globals.Value(declaration) : null);
            return;
        }
        Set(declaration.Substring(0, equals), Expand(declaration.Substring(equals + 1)));
    }

    /// <summary>The text with variables replaced, or null when some variable or form is not known.</summary>
    public string? Expand(string text)
    {
        if (text.IndexOf('$') < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$')
            {
                result.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.Length)
            {
                return null;
            }
            string name;
            string? fallback = null;
            var colon = false;
            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    return null;
                }
                var inner = text.Substring(i + 2, close - i - 2);
                var nameLength = NameLength(inner, 0);
                name = inner.Substring(0, nameLength);
                var rest = inner.Substring(nameLength);
                if (rest.StartsWith(":-", StringComparison.Ordinal))
                {
                    fallback = rest.Substring(2);
                    colon = true;
                }
                else if (rest.StartsWith("-", StringComparison.Ordinal))
                {
                    fallback = rest.Substring(1);
                }
                else if (rest.Length > 0)
                {
                    return null;
                }
                if (fallback != null && (fallback.IndexOf('$') >= 0 || fallback.IndexOf('{') >= 0))
                {
                    return null;
                }
                i = close + 1;
            }
            else
            {
                var nameLength = NameLength(text, i + 1);
                name = text.Substring(i + 1, nameLength);
                i += 1 + nameLength;
            }
            if (name.Length == 0)
            {
                return null;
            }
            if (TryGet(name, out var value))
            {
                if (value == null)
                {
                    return null;
                }
                result.Append(value.Length == 0 && colon ? fallback : value);
            }
            else if (fallback != null)
            {
                result.Append(fallback);
            }
            else
            {
                return null;
            }
        }
        return result.ToString();
    }

    private static int NameLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')
            && (i > start || !char.IsDigit(text[i])))
        {
            i++;
        }
        return i - start;
    }
}
