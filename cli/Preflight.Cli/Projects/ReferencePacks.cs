using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Preflight.Cli.Projects;

/// <summary>
/// The reference assemblies a project compiles against, from the SDK's targeting packs (Microsoft.NETCore.App.Ref and,
/// for projects on the ASP.NET Core shared framework or its Microsoft.Extensions.* packages,
/// Microsoft.AspNetCore.App.Ref): the pack of the project's major version when installed, else the
/// newest. Without any pack, the running runtime's own assemblies. Read once per pack and shared by all projects.
/// </summary>
internal sealed class ReferencePacks
{
    private readonly string? _packsDirectory;
    private readonly Dictionary<string, IReadOnlyList<MetadataReference>> _cache = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ReferencePacks(string? dotnetRoot = null)
    {
        dotnetRoot ??= FindDotnetRoot();
        _packsDirectory = dotnetRoot == null ? null : Path.Combine(dotnetRoot, "packs");
    }

    public IReadOnlyList<MetadataReference> For(string? targetFramework, bool aspNetCore)
    {
        var major = MajorVersion(targetFramework);
        var references = new List<MetadataReference>(Pack("Microsoft.NETCore.App.Ref", major) ?? RuntimeAssemblies());
        if (aspNetCore && Pack("Microsoft.AspNetCore.App.Ref", major) is { } aspnet)
        {
            references.AddRange(aspnet);
        }
        return references;
    }

    private IReadOnlyList<MetadataReference>? Pack(string name, int? major)
    {
        if (_packsDirectory == null || !Directory.Exists(Path.Combine(_packsDirectory, name)))
        {
            return null;
        }
        var versions = Directory.GetDirectories(Path.Combine(_packsDirectory, name))
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(v => v.Version != null)
            .OrderByDescending(v => v.Version)
            .ToList();
        var chosen = versions.FirstOrDefault(v => v.Version!.Major == major);
        if (chosen.Path == null)
        {
            chosen = versions.FirstOrDefault();
        }
        if (chosen.Path == null)
        {
            return null;
        }
        var refDirectory = Path.Combine(chosen.Path, "ref");
        var tfmDirectory = Directory.Exists(refDirectory)
            ? Directory.GetDirectories(refDirectory).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (tfmDirectory == null)
        {
            return null;
        }
        return Load(tfmDirectory);
    }

    private IReadOnlyList<MetadataReference> RuntimeAssemblies() => Load(RuntimeEnvironment.GetRuntimeDirectory());

    private IReadOnlyList<MetadataReference> Load(string directory)
    {
        lock (_gate)
        {
            if (!_cache.TryGetValue(directory, out var references))
            {
                references = Directory.GetFiles(directory, "*.dll")
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(TryCreate)
                    .Where(r => r != null)
                    .Select(r => r!)
                    .ToList();
                _cache[directory] = references;
            }
            return references;
        }
    }

    private static MetadataReference? TryCreate(string path)
    {
        try
        {
            return MetadataReference.CreateFromFile(path);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? MajorVersion(string? targetFramework)
    {
        // net8.0, net8.0-windows, net10.0
        if (targetFramework == null || !targetFramework.StartsWith("net", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var digits = new string(targetFramework.Skip(3).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, out var major) && targetFramework.Contains('.') ? major : null;
    }

    private static string? FindDotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
        {
            return fromEnvironment;
        }
        // <root>/shared/Microsoft.NETCore.App/<version>/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        return runtime.Parent?.Parent?.Parent?.FullName;
    }
}
