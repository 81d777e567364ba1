using System.IO.Compression;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace Preflight.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public class PackageLayoutTests
{
    private readonly PackedPreflight _packed;

    public PackageLayoutTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Packing_the_solution_gives_the_Preflight_package_and_the_tool_package_only()
    {
        Assert.True(_packed.PackResult.ExitCode == 0, _packed.PackResult.Output);
        Assert.Equal(new[] { $"Preflight.{_packed.Version}.nupkg", $"Preflight.Tool.{_packed.Version}.nupkg" },
            _packed.Packages.OrderBy(p => p, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_preflight()
    {
        using var package = ZipFile.OpenRead(System.IO.Path.Combine(_packed.Feed, $"Preflight.Tool.{_packed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("tools/net8.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains("tools/net8.0/any/preflight.dll", entries);
        Assert.Contains("tools/net8.0/any/Preflight.Analyzers.dll", entries);
        Assert.Contains("tools/net8.0/any/Preflight.Checks.dll", entries);
        Assert.DoesNotContain("tools/net8.0/any/Preflight.Build.dll", entries); // the CLI hosts the checks without the MSBuild task
        using var settings = new System.IO.StreamReader(package.GetEntry("tools/net8.0/any/DotnetToolSettings.xml")!.Open());
        Assert.Contains("Name=\"preflight\"", settings.ReadToEnd());
    }

    [Fact]
    public void Package_holds_analyzers_task_targets_readme_and_license_and_nothing_the_host_provides()
    {
        using var package = ZipFile.OpenRead(_packed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/Preflight.Analyzers.dll", "analyzers/dotnet/cs/Preflight.Artifacts.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
            "tasks/netstandard2.0/Preflight.Build.dll", "tasks/netstandard2.0/Preflight.Checks.dll", "tasks/netstandard2.0/Preflight.Artifacts.dll", "tasks/netstandard2.0/YamlDotNet.dll",
            "build/Preflight.props", "build/Preflight.targets", "buildTransitive/Preflight.props", "buildTransitive/Preflight.targets",
            "README.md", "LICENSE",
        })
        {
            Assert.Contains(expected, entries);
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/"));
        Assert.DoesNotContain("analyzers/dotnet/cs/Preflight.Checks.dll", entries); // the file checks read files: never in the compiler
        Assert.DoesNotContain(entries, e => e.EndsWith(".dll") && (e.Contains("/Microsoft.") || e.Contains("/System.")));

        using var nuspec = new System.IO.StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.Contains("<id>Preflight</id>", text);
        Assert.DoesNotContain("<dependency ", text);
    }
}
