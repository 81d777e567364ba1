using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Preflight.Artifacts;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.Platforms;

/// <summary>
/// What the platform checks (PF5001, PF5003, PF5004) share, computed once per check run: the repository's Kubernetes
/// manifests parsed, its preflight.yaml, and (on demand) the list of its files.
/// </summary>
internal sealed class PlatformInventory
{
    /// <summary>Files listed at most; past this the listing stops (and checks that need it report nothing).</summary>
    internal const int MaxListedFiles = 200_000;

    private static readonly ConditionalWeakTable<CheckContext,
        PlatformInventory> Cache = new ConditionalWeakTable<CheckContext, PlatformInventory>();

    private static readonly string[] SkippedFolders = { ".git", "node_modules", "bin", "obj", ".vs", ".idea" };

    private readonly CheckContext _context;
    private readonly Dictionary<string, KubernetesFile?> _parsed = new Dictionary<string,
        KubernetesFile?>(StringComparer.Ordinal);
    private IReadOnlyList<ManifestFile>? _manifests;
    private (string? Path, PreflightConfig Config)? _config;
    private IReadOnlyList<string>? _files;
    private bool _filesComplete;

    private PlatformInventory(CheckContext context) => _context = context;

    public static PlatformInventory Of(CheckContext context) => Cache.GetValue(context, c => new PlatformInventory(c));

    /// <summary>The Kubernetes manifests the targets found, parsed (unreadable files are left out).</summary>
    public IReadOnlyList<ManifestFile> Manifests => _manifests ??= _context.OfKind(ArtifactKind.KubernetesManifest)
        .Select(path => Manifest(path))
        .Where(m => m != null)
        .Select(m => m!)
        .ToList();

    /// <summary>The manifest at <paramref name="path"/>, parsed once; null when it cannot be read.</summary>
    public ManifestFile? Manifest(string path)
    {
        path = PathText.Normalize(path);
        if (!_parsed.TryGetValue(path, out var file))
        {
            var text = _context.ReadText(path);
            file = text == null ? null : KubernetesParser.Parse(text);
            _parsed[path] = file;
        }
        return file == null ? null : new ManifestFile(path, file, _context.ReadText(path)!);
    }

    /// <summary>The preflight.yaml (or .yml) at the repository root; null path and an empty configuration when there is
    /// none.</summary>
    public (string? Path, PreflightConfig Config) Config
    {
        get
        {
            if (_config == null)
            {
                var path = _context.OfKind(ArtifactKind.PreflightConfig)
                    .Where(p => PathText.Equal(PathText.GetDirectory(p), _context.Layout.Root))
                    .OrderBy(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .FirstOrDefault();
                var text = path != null ? _context.ReadText(path) : null;
                _config = text == null ? (null, PreflightConfig.Empty) : (path, PreflightConfigParser.Parse(text));
            }
            return _config.Value;
        }
    }

    /// <summary>
    /// Every file of the repository (generated and tool folders skipped), as paths relative to its root, in ordinal
    /// order. <paramref name="complete"/> is false when the listing stopped early or failed.
    /// </summary>
    public IReadOnlyList<string> Files(out bool complete)
    {
        if (_files == null)
        {
            var files = new List<string>();
            _filesComplete = List(_context.Layout.Root, files);
            files.Sort(StringComparer.Ordinal);
            _files = files;
        }
        complete = _filesComplete;
        return _files;
    }

    private static bool List(string root, List<string> files)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        try
        {
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    if (files.Count >= MaxListedFiles)
                    {
                        return false;
                    }
                    files.Add(PathText.Relative(root, file));
                }
                foreach (var child in Directory.EnumerateDirectories(folder))
                {
                    var name = PathText.GetFileName(child);
                    if (Array.IndexOf(SkippedFolders, name) < 0 && !IsLink(child))
                    {
                        pending.Push(child);
                    }
                }
            }
            return true;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return false;
        }
    }

    private static bool IsLink(string folder)
    {
        try
        {
            return (File.GetAttributes(folder) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return true;
        }
    }
}

/// <summary>A parsed manifest and its text.</summary>
internal sealed class ManifestFile
{
    public ManifestFile(string path, KubernetesFile file, string text)
    {
        Path = path;
        File = file;
        Text = text;
    }

    public string Path { get; }
    public KubernetesFile File { get; }
    public string Text { get; }
}
