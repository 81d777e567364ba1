using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Cli.Tests.Hostile;

/// <summary>
/// One hostile addition to a small healthy repository: <see cref="Write"/> writes it (given the repository and a folder
/// outside it) and returns the extra paths the targets' globs would list through links; <see cref="Check"/> asserts
/// what the case is about (on the task's findings as rule, file, message, and the notes' files).
/// </summary>
internal sealed record HostileCase(
    string Name,
    Func<TempRepository, string, IEnumerable<string>> WriteFiles,
    Action<TempRepository, List<(string Rule, string File, string Message)>, List<string>>? Check = null,
    bool UnixOnly = false)
{
    public List<string> Write(TempRepository repo, string outside) => WriteFiles(repo, outside).ToList();
}

internal static class HostileCases
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly HostileCase[] All =
    {
        new("20,000 ENV lines and a Dockerfile over the 4 MB limit", (repo, _) =>
        {
            var env = new StringBuilder("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG BASE=/srv\n");
            for (var i = 0; i < 20_000; i++)
            {
                env.Append("ENV V").Append(i).Append("=$BASE/").Append(i).Append('\n');
            }
            repo.Write("many/Dockerfile", env.Append("WORKDIR $V19999\n").ToString());
            repo.Write("huge/Dockerfile", HostileInputs.Huge("FROM alpine\n", "LABEL a=b\n", 5));
            return Array.Empty<string>();
        }, (repo, findings, notes) =>
        {
            Assert.DoesNotContain(findings, f => f.Rule == "PF2008");
            Assert.Contains(repo.Path("huge/Dockerfile"), notes);
        }),
        new("deep nesting in JSON, YAML and Dockerfile JSON arrays", (repo, _) =>
        {
            repo.Write("src/Api/appsettings.Staging.json", HostileInputs.DeepJson(20_000));
            repo.Write("deploy/deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + HostileInputs.Unclosed('[', 20_000) + "\n");
            repo.Write("deep/compose.yaml", "services:\n  a:\n    image: x\n" + HostileInputs.DeepYamlFlow("x-deep") + HostileInputs.DeepYamlBlock("x-block"));
            repo.Write("deep/Dockerfile", "FROM alpine\nCMD " + HostileInputs.Unclosed('[', 20_000) + "\n");
            return Array.Empty<string>();
        }),
        new("cycles: compose include and extends, a depends_on cycle", (repo, _) =>
        {
            repo.Write("cyc/compose.yaml", "include:\n  - other/compose.yaml\nservices:\n  a:\n    image: x\n    extends: { service: b }\n  b:\n    image: y\n    extends: { service: a }\n    depends_on: [ a ]\n");
            repo.Write("cyc/other/compose.yaml", "include:\n  - ../compose.yaml\nservices:\n  c:\n    image: z\n");
            return Array.Empty<string>();
        }),
        new("binary files and NULs named like artifacts", (repo, _) =>
        {
            File.WriteAllBytes(repo.Path("src/Api/Dockerfile.fuzz"), HostileInputs.InvalidUtf8(20261205, 8192));
            File.WriteAllBytes(repo.Path(".env.fuzz"), new byte[4096]);
            repo.Write(".github/workflows/nul.yml", HostileInputs.WithNuls("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.TOKEN }}\n"));
            return Array.Empty<string>();
        }),
        new("odd encodings: UTF-16 with and without BOM, invalid UTF-8, BOM and CRLF", (repo, _) =>
        {
            Directory.CreateDirectory(repo.Path("enc"));
            File.WriteAllBytes(repo.Path("enc/compose.yaml"), Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("services:\n  a:\n    image: x\n")).ToArray());
            File.WriteAllBytes(repo.Path("enc/Dockerfile"), Encoding.BigEndianUnicode.GetBytes("FROM alpine\nCOPY a /a\n"));
            File.WriteAllBytes(repo.Path("enc/.env"), Utf8.GetBytes("A=1\n").Concat(HostileInputs.InvalidUtf8(7, 256)).ToArray());
            repo.Write("enc/k8s/app.yaml", HostileInputs.BomCrlf("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: b }\n"));
            return Array.Empty<string>();
        }),
        new("oddly named files: spaces, unicode, glob characters, a leading dash", (repo, _) =>
        {
            repo.Write("odd dir/Dockerfile", "FROM alpine\nCOPY [\"file with space\", \"/x/\"]\n");
            repo.Write("odd dir/file with space", "x");
            repo.Write("ünï/Dockerfile.çödé", "FROM alpine\nCOPY ./ /app/\n");
            repo.Write("glob[1]/Dockerfile.*", "FROM alpine\nCOPY * /app/\n");
            repo.Write("-rf/compose.yaml", "services:\n  '-x':\n    image: x\n");
            repo.Write("odd dir/.env ", "A=1\n");
            return Array.Empty<string>();
        }, UnixOnly: true),
        new("links to / and to a folder outside the repository", (repo, outside) =>
        {
            Link("/", repo.Path("rootlink"));
            Link(outside, repo.Path("ext"));
            Link(Path.Combine(outside, "appsettings.json"), repo.Path("src/Api/appsettings.Production.json"));
            Link(Path.Combine(outside, "k8s"), repo.Path("k8s"));
            // What globs that follow links would list.
            return new[]
            {
                repo.Path("ext/Dockerfile"), repo.Path("ext/compose.yaml"), repo.Path("ext/appsettings.json"), repo.Path("k8s/deploy.yaml"),
                repo.Path("src/Api/appsettings.Production.json"), repo.Path("rootlink/etc/hostname"),
            };
        }, (repo, findings, notes) =>
        {
            Assert.DoesNotContain(findings, f => f.File.Contains("/ext/", StringComparison.Ordinal) || f.File.Contains("/k8s/", StringComparison.Ordinal) ||
                f.File.EndsWith("appsettings.Production.json", StringComparison.Ordinal) || f.Message.Contains("nowhere", StringComparison.Ordinal));
        }, UnixOnly: true),
        new("link loops and a link to an ancestor", (repo, _) =>
        {
            Link("..", repo.Path("src/loop"));
            Link(".", repo.Path("deploy/self"));
            Link("b.yaml", repo.Path("deploy/a.yaml"));
            Link("a.yaml", repo.Path("deploy/b.yaml"));
            return new[] { repo.Path("src/loop/src/Api/Dockerfile"), repo.Path("deploy/self/self/a.yaml"), repo.Path("deploy/a.yaml") };
        }, UnixOnly: true),
        new("FIFOs named like artifacts", (repo, _) =>
        {
            Run("mkfifo", repo.Path("deploy.yaml"));
            Directory.CreateDirectory(repo.Path("fifo"));
            Run("mkfifo", repo.Path("fifo/Dockerfile"));
            Run("mkfifo", repo.Path("fifo/compose.yaml"));
            Run("mkfifo", repo.Path("src/Api/appsettings.Local.json"));
            Run("mkfifo", repo.Path("tool.py"));
            return Array.Empty<string>();
        }, UnixOnly: true),
        new("unreadable files (chmod 000; root reads them anyway)", (repo, _) =>
        {
            repo.Write("locked/Dockerfile", "FROM alpine\nCOPY nothing /x\n");
            repo.Write("locked/compose.yaml", "services:\n  a:\n    image: x\n");
            repo.Write("src/Api/appsettings.Locked.json", "{ \"A\": 1 }");
            foreach (var path in new[] { "locked/Dockerfile", "locked/compose.yaml", "src/Api/appsettings.Locked.json" })
            {
                File.SetUnixFileMode(repo.Path(path), UnixFileMode.None);
            }
            return Array.Empty<string>();
        }, UnixOnly: true),
    };

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    public static HostileCase Get(string name) => All.Single(c => c.Name == name);

    private static void Link(string target, string link)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        Assert.True(process.WaitForExit(10_000) && process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
    }
}
