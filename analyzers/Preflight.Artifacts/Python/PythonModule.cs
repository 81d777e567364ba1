using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Python;

/// <summary>
/// What Preflight needs of a Python module: its top-level imports (with positions) and the names it defines at top
/// level. When the names cannot be known statically (<c>from x import *</c>, a module <c>__getattr__</c>,
/// <c>globals()</c>, definitions inside top-level <c>if</c>/<c>try</c> blocks), <see cref="NamesAreComplete"/> is
/// false.
/// </summary>
public sealed class PythonModule
{
    internal PythonModule(
        IReadOnlyList<PythonImport> imports, ISet<string> definedNames, bool namesAreComplete, bool isBlank)
    {
        Imports = imports;
        DefinedNames = definedNames;
        NamesAreComplete = namesAreComplete;
        IsBlank = isBlank;
    }

    /// <summary>Imports written at column 0 (not inside a function, class, <c>if</c> or <c>try</c>).</summary>
    public IReadOnlyList<PythonImport> Imports { get; }

    public ISet<string> DefinedNames { get; }
    public bool NamesAreComplete { get; }

    /// <summary>Only whitespace and comments: the module defines nothing.</summary>
    public bool IsBlank { get; }

    public bool Defines(string name) => DefinedNames.Contains(name);
}

/// <summary><c>import a.b</c> (no names) or <c>from a.b import C, D</c> / <c>from ..a import C</c>.</summary>
public sealed class PythonImport
{
    internal PythonImport(
        string module, int level, SourceSpan moduleSpan, IReadOnlyList<PythonImportedName> names, bool isFrom)
    {
        Module = module;
        Level = level;
        ModuleSpan = moduleSpan;
        Names = names;
        IsFrom = isFrom;
    }

    /// <summary>The dotted module, without the leading dots of a relative import ("" for <c>from . import
    /// x</c>).</summary>
    public string Module { get; }

    /// <summary>0 for an absolute import; the number of leading dots for a relative one.</summary>
    public int Level { get; }

    public SourceSpan ModuleSpan { get; }

    /// <summary>The names of a <c>from</c> import (empty for <c>import a.b</c> and for <c>from a import
    /// *</c>).</summary>
    public IReadOnlyList<PythonImportedName> Names { get; }

    public bool IsFrom { get; }

    /// <summary>How the import is written, for messages: <c>.models</c>, <c>api.database.models</c>.</summary>
    public string DisplayModule => new string('.', Level) + Module;
}

public sealed class PythonImportedName
{
    internal PythonImportedName(string name, SourceSpan span)
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }
    public SourceSpan Span { get; }
}
