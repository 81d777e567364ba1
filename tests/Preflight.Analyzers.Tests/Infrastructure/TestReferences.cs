using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Preflight.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference assemblies of .NET 8 with ASP.NET Core (which carries Microsoft.Extensions.*), taken from the targeting
/// packs that the test project restores (PackageDownload in the .csproj) into the NuGet global packages folder. Nothing
/// is downloaded while the tests run: the testing library's own package resolution, run by many tests at once on an
/// empty cache, made a first run fail.
/// </summary>
internal static class TestReferences
{
    private const string Version = "8.0.33";

    /// <summary>No package for the testing library to resolve; the assemblies come as <see cref="Assemblies"/>.</summary>
    public static readonly ReferenceAssemblies AspNet80 = new ReferenceAssemblies("net8.0");

    public static ImmutableArray<MetadataReference> Assemblies { get; } =
        Pack("microsoft.netcore.app.ref").Concat(Pack("microsoft.aspnetcore.app.ref")).ToImmutableArray();

    private static string PackageRoot =>
        typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value
        ?? throw new InvalidOperationException("the test assembly does not name the NuGet package root");

    private static MetadataReference[] Pack(string id)
    {
        var folder = Path.Combine(PackageRoot, id, Version, "ref", "net8.0");
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{folder} is missing: restore tests/Preflight.Analyzers.Tests (it downloads {id} {Version})");
        }
        return Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToArray();
    }
}
