using System.Linq;
using Preflight.Artifacts.Python;
using Xunit;

namespace Preflight.Artifacts.Tests.Python;

public class PythonModuleParserTests
{
    [Fact]
    public void Reads_top_level_imports_with_positions()
    {
        var module = PythonModuleParser.Parse("""
            '''Docstring: from nowhere import Nothing'''
            import os, api.database.models as models
            from .db import (
                Session,
                engine as e,  # comment
            )
            from ..core.config import settings

            def handler():
                from inside import ignored
            """);

        Assert.Equal(new[] { "os", "api.database.models", "db", "core.config" }, module.Imports.Select(i => i.Module));
        Assert.Equal(new[] { 0, 0, 1, 2 }, module.Imports.Select(i => i.Level));
        var relative = module.Imports[2];
        Assert.Equal(".db", relative.DisplayModule);
        Assert.Equal((3, 6), (relative.ModuleSpan.Line, relative.ModuleSpan.Column));
        Assert.Equal(new[] { ("Session", 4, 5), ("engine", 5, 5) }, relative.Names.Select(n => (n.Name, n.Span.Line, n.Span.Column)));
        Assert.Equal((2, 12), (module.Imports[1].ModuleSpan.Line, module.Imports[1].ModuleSpan.Column));
    }

    [Fact]
    public void Collects_top_level_definitions()
    {
        var module = PythonModuleParser.Parse("""
            from typing import List
            import json as j
            class User(Base):
                name: str = "x"
            async def fetch(): ...
            def helper():
                inner = 1
            A, B = 1, 2
            C: int = 3
            D: str
            __all__ = ["User"]
            """);

        Assert.True(module.NamesAreComplete);
        Assert.False(module.IsBlank);
        foreach (var name in new[] { "List", "j", "User", "fetch", "helper", "A", "B", "C", "D", "__all__" })
        {
            Assert.True(module.Defines(name), name);
        }
        Assert.False(module.Defines("inner"));
        Assert.False(module.Defines("name"));
        Assert.False(module.Defines("json"));
    }

    [Theory]
    [InlineData("from x import *\n")]
    [InlineData("def __getattr__(name):\n    return 1\n")]
    [InlineData("try:\n    from fast import Impl\nexcept ImportError:\n    Impl = None\n")]
    [InlineData("if DEBUG:\n    X = 1\n")]
    [InlineData("globals()['X'] = 1\n")]
    public void Names_that_cannot_be_listed_make_the_module_open(string text) =>
        Assert.False(PythonModuleParser.Parse(text).NamesAreComplete);

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n")]
    [InlineData("# only a comment\n")]
    [InlineData("\uFEFF")]
    public void Blank_modules_are_blank(string text) => Assert.True(PythonModuleParser.Parse(text).IsBlank);

    [Theory]
    [InlineData("\"\"\"unterminated")]
    [InlineData("from (((( import")]
    [InlineData("import")]
    [InlineData("from . import")]
    [InlineData("from import .models import (A,\n    B)\n")] // found by the robustness properties: " import " right after "from"
    [InlineData("\0\0\0\u00ff\\\n\\")]
    public void Malformed_text_never_throws(string text) => PythonModuleParser.Parse(text);
}
