using System;
using System.IO;
using System.Linq;
using Preflight.Tests;

namespace Preflight.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs Validators.sln once per test run into a temporary feed, with a version of its own so that no package cache
/// serves an older copy, and writes a NuGet.config (feed + the user's usual sources) for the projects under test.
/// </summary>
public sealed class PackedPreflight : IDisposable
{
    public PackedPreflight()
    {
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        WorkRoot = Path.Combine(Path.GetTempPath(), "preflight-e2e", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(WorkRoot, "feed");
        Directory.CreateDirectory(Feed);
        PackResult = DotNet.Run(TestPaths.RepositoryRoot, "pack", "Validators.sln", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
        Packages = Directory.GetFiles(Feed, "*.nupkg").Select(Path.GetFileName).ToArray()!;
    }

    public string Version { get; }
    public string WorkRoot { get; }
    public string Feed { get; }
    public DotNet.Result PackResult { get; }
    public string[] Packages { get; }
    public string PackagePath => Path.Combine(Feed, $"Preflight.{Version}.nupkg");

    /// <summary>A copy of a sample (with the samples' Directory.Build.props/.targets above it) in a new workspace; returns its folder.</summary>
    public string CopySample(string name)
    {
        var workspace = NewWorkspace(name);
        File.Copy(Path.Combine(TestPaths.Samples, "Directory.Build.props"), Path.Combine(workspace, "Directory.Build.props"));
        File.Copy(Path.Combine(TestPaths.Samples, "Directory.Build.targets"), Path.Combine(workspace, "Directory.Build.targets"));
        Workspace.CopyDirectory(Path.Combine(TestPaths.Samples, name), Path.Combine(workspace, name));
        return Path.Combine(workspace, name);
    }

    /// <summary>A new empty folder under the work root, with a NuGet.config that adds the feed.</summary>
    public string NewWorkspace(string name)
    {
        var directory = Path.Combine(WorkRoot, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="preflight-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
