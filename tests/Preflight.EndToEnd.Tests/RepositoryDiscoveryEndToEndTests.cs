using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Preflight.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>
/// Issues 14 and 15: the repository's artifacts are found by one walk per build (PreflightDiscover), not by item globs at
/// every project's evaluation. A link to / and a link to a folder outside the repository are not walked (MSBuild's
/// <c>**</c> walked a link out of the repository and listed its files), and a Dockerfile added after a build is picked
/// up by the next, incremental build: by the file checks and by the analyzers' compilation.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class RepositoryDiscoveryEndToEndTests
{
    private readonly PackedPreflight _packed;

    public RepositoryDiscoveryEndToEndTests(PackedPreflight packed) => _packed = packed;

    [SkippableFact]
    public void Links_out_of_the_repository_are_not_walked_and_a_new_Dockerfile_is_picked_up_by_an_incremental_build()
    {
        Skip.If(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "symbolic links need a Unix file system here");
        var sample = _packed.CopySample("healthy-service");
        var outside = Path.Combine(_packed.WorkRoot, "outside-" + Guid.NewGuid().ToString("N")[..8]);
        Workspace.Write(outside, "k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: x\n      env:\n        - name: A\n          valueFrom: { secretKeyRef: { name: never-defined, key: k } }\n");
        Workspace.Write(outside, "Dockerfile", "FROM alpine:3.20\nCOPPY . /outside\n");
        File.CreateSymbolicLink(Path.Combine(sample, "rootlink"), "/");
        File.CreateSymbolicLink(Path.Combine(sample, "deploy", "usr"), "/usr");
        File.CreateSymbolicLink(Path.Combine(sample, "shared"), outside);

        var first = DotNet.Build(sample, "HealthyService.sln", _packed.Version, "detailed");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Empty(BuildDiagnostic.Parse(WithoutNodePrefixes(first.Output)));
        Assert.DoesNotContain(outside, first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/additionalfile:" + Path.Combine(sample, "rootlink"), first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/additionalfile:" + Path.Combine(sample, "deploy", "usr"), first.Output, StringComparison.Ordinal);
        // The walk entered the sample's few folders only, nothing behind the links (bin and obj are never entered).
        var walked = Regex.Match(first.Output, @"Preflight: walked (\d+) folders");
        Assert.True(walked.Success, first.Output);
        Assert.InRange(int.Parse(walked.Groups[1].Value), 1, 12);

        var added = Path.Combine(sample, "tools", "Dockerfile");
        Workspace.Write(sample, "tools/Dockerfile", "FROM alpine:3.20\nCOPPY . /src\n");
        var second = DotNet.Build(sample, "HealthyService.sln", _packed.Version, "detailed");

        var diagnostics = BuildDiagnostic.Relative(sample, WithoutNodePrefixes(second.Output));
        Assert.True(diagnostics.Any(d => d.File == "tools/Dockerfile" && d.Line == 2 && d.Id == "PF2008"), second.Output);
        Assert.All(diagnostics, d => Assert.Equal("tools/Dockerfile", d.File));
        // The analyzers' compilation ran again with the new artifact among its AdditionalFiles.
        Assert.Contains("/additionalfile:" + added, second.Output, StringComparison.Ordinal);
    }

    /// <summary>A detailed log prefixes a line with its node and project ("2:6>"): the diagnostic starts after it.</summary>
    private static string WithoutNodePrefixes(string output) => Regex.Replace(output, @"(?m)^(\s*)\d+(:\d+)?>", "$1");
}
