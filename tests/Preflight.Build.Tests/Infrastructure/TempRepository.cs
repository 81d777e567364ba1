using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Preflight.Build.Tests.Infrastructure;

/// <summary>A throw-away repository folder on disk for the file-system checks.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "preflight-tests", Guid.NewGuid().ToString("N")).Replace('\\', '/');
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative).Replace('\\', '/');

    public TempRepository Write(string relative, string text = "")
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>The artifacts the targets' globs would pass: every file except under bin/obj.</summary>
    public IEnumerable<string> Artifacts() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"))
            .Select(p => p.Replace('\\', '/'));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
