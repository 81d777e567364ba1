using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>
/// samples/healthy-service with hostile files added (random bytes, NULs, an alias bomb, 20,000-deep nesting, invalid
/// UTF-8, a symlink loop, a dangling link, a FIFO, a folder named like artifacts, links to /etc and to a folder outside the
/// repository), built with the packed package:
/// the build finishes, no analyzer or task crashes or stops early, and findings, if any, are only on the hostile files.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class HostileRepositoryEndToEndTests
{
    /// <summary>What a crashed analyzer, task, compiler or node, or a check that gave up, writes to the build output.</summary>
    private static readonly string[] CrashMarkers =
    {
        "AD0001", "MSB4018", "MSB4166", "MSB4181", "stopped early", "Please report", "StackOverflow", "Stack overflow", "error CS", "error MSB",
    };

    /// <summary>The files and folders this test adds; findings are allowed on these only.</summary>
    private static readonly string[] Hostile =
    {
        "Dockerfile.fuzz", ".env.fuzz", "k8s/", "hostile/", ".github/workflows/fuzz.yml", "deploy/pipe.yaml", "deploy/dangling.yaml", "deploy/deep.yaml",
    };

    private readonly PackedPreflight _packed;

    public HostileRepositoryEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Healthy_sample_with_hostile_files_builds_without_crashes_and_reports_only_the_hostile_files()
    {
        var sample = _packed.CopySample("healthy-service");
        AddHostileFiles(sample);

        var watch = Stopwatch.StartNew();
        var build = DotNet.Build(sample, "HealthyService.sln", _packed.Version);

        foreach (var marker in CrashMarkers)
        {
            Assert.False(build.Output.Contains(marker, StringComparison.Ordinal), $"the build output has '{marker}':\n{build.Output}");
        }
        var diagnostics = BuildDiagnostic.Relative(sample, build.Output);
        // Issue 14 (2): nothing behind a link that leads out of the repository is read or reported.
        Assert.DoesNotContain(diagnostics, d => d.File.StartsWith("hostile/outside/", StringComparison.Ordinal) ||
            d.File.StartsWith("hostile/etc/", StringComparison.Ordinal));
        Assert.DoesNotContain("never-defined", build.Output, StringComparison.Ordinal);
        Assert.All(diagnostics, d => Assert.True(Hostile.Any(h => d.File == h || h.EndsWith('/') && d.File.StartsWith(h, StringComparison.Ordinal)),
            $"a finding on a file of the healthy sample: {d}\n{build.Output}"));
        if (!BuildDiagnostic.Parse(build.Output).Any(d => d.Severity == "error"))
        {
            Assert.True(build.ExitCode == 0, build.Output);
        }
        // DotNet.Run gives up after 8 minutes; a healthy build of this sample takes well under a minute.
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5), $"the build took {watch.Elapsed}");
    }

    private static void AddHostileFiles(string root)
    {
        var utf8 = new UTF8Encoding(false);
        void Write(string relative, byte[] bytes)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        Write("Dockerfile.fuzz", HostileInputs.InvalidUtf8(20261123, 8192));
        Write(".env.fuzz", new byte[4096]);
        Write("k8s/bomb.yaml", utf8.GetBytes(HostileInputs.AliasBomb(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bomb}\nspec:\n  template:\n    spec:\n      containers: *l\n")));
        Write("deploy/deep.yaml", utf8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + HostileInputs.Unclosed('[', 20_000) + "\n"));
        Write("hostile/compose.yaml", utf8.GetBytes(HostileInputs.AliasBomb("services:\n  fuzz:\n    image: fuzz:1\n    command: *l\n    environment: *l\n")
            + HostileInputs.DeepYamlFlow("x-deep") + HostileInputs.DeepYamlBlock("x-block")));
        Write("hostile/.env", utf8.GetBytes(HostileInputs.BomCrlf("A=${B:-" + string.Concat(Enumerable.Repeat("${C:-", 200)) + "x" + new string('}', 201) + "\n")));
        Write("hostile/appsettings.json", utf8.GetBytes(HostileInputs.BomCrlf(HostileInputs.DeepJson(20_000))));
        Write("hostile/vercel.json", Encoding.UTF8.GetBytes("{\"functions\": {\"api/*.ts\": ").Concat(HostileInputs.InvalidUtf8(7, 512)).ToArray());
        Write("hostile/main.py", utf8.GetBytes("import os\nx = " + new string('(', 20_000) + "\nfrom . import models\n"));
        Write(".github/workflows/fuzz.yml", utf8.GetBytes(HostileInputs.WithNuls("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.TOKEN }}\n")));
        Directory.CreateDirectory(Path.Combine(root, "hostile", "Dockerfile"));
        File.WriteAllText(Path.Combine(root, "hostile", "Dockerfile", "inner.txt"), "a folder named like a Dockerfile");

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }
        // A directory symlink loop: MSBuild's globs (**) meet it; MSBuild on .NET skips a link to an ancestor folder.
        Run("ln", "-s", "..", Path.Combine(root, "hostile", "loop"));
        Run("ln", "-s", "nowhere.yaml", Path.Combine(root, "deploy", "dangling.yaml"));
        // A FIFO named like a Kubernetes manifest: reading it blocks until a writer comes (none will).
        Run("mkfifo", Path.Combine(root, "deploy", "pipe.yaml"));
        // Links out of the repository (issue 14): to /etc, and to a folder whose artifacts would give findings.
        var outside = Path.Combine(Path.GetTempPath(), "preflight-e2e-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(outside, "k8s"));
        File.WriteAllText(Path.Combine(outside, "compose.yaml"), "services:\n  leak:\n    image: x\n    env_file: [ never-defined.env ]\n");
        File.WriteAllText(Path.Combine(outside, "k8s", "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: x\n      env:\n        - name: A\n          valueFrom: { secretKeyRef: { name: never-defined, key: k } }\n");
        Run("ln", "-s", outside, Path.Combine(root, "hostile", "outside"));
        Run("ln", "-s", "/etc", Path.Combine(root, "hostile", "etc"));
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        Assert.True(process.WaitForExit(10_000) && process.ExitCode == 0, $"{tool} {string.Join(" ", arguments)} failed: {process.StandardError.ReadToEnd()}");
    }
}
