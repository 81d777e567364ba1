using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace Preflight.Analyzers.Tests.Infrastructure;

/// <summary>Reference assemblies the feed serves: .NET 8 with ASP.NET Core (which carries Microsoft.Extensions.*).</summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies AspNet80 =
        new ReferenceAssemblies("net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.33"), Path.Combine("ref", "net8.0"))
            .AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.33")));
}
