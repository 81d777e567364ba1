using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Preflight.Tests;

namespace Preflight.Build.Tests.Robustness;

/// <summary>
/// The artifact files the task reads, each with a seed from the samples, and the hostile variants written over them:
/// random bytes, NULs, invalid UTF-8, BOM with CRLF, 200- and 20,000-deep nesting, alias bombs.
/// </summary>
internal static class HostileRepository
{
    /// <summary>Repository-relative path of every artifact kind the task reads, with the sample file its seed comes from.</summary>
    public static readonly (string Path, string Seed)[] Files =
    {
        ("preflight.yaml", "healthy-service/preflight.yaml"),
        (".gitignore", null!),
        (".dockerignore", "healthy-service/.dockerignore"),
        ("compose.yaml", "healthy-service/compose.yaml"),
        ("compose.override.yaml", "healthy-service/compose.override.yaml"),
        (".env", null!),
        ("Directory.Build.props", "healthy-service/Directory.Build.props"),
        ("vercel.json", "broken-platform/vercel.json"),
        (".github/workflows/deploy.yml", "broken-secrets/.github/workflows/deploy.yml"),
        ("deploy/app.yaml", "healthy-service/deploy/catalog-api.yaml"),
        ("k8s/config.yaml", "broken-platform/deploy/shipping-config.yaml"),
        ("src/Api/Api.csproj", "healthy-service/src/Catalog.Api/Catalog.Api.csproj"),
        ("src/Api/Dockerfile", "healthy-service/src/Catalog.Api/Dockerfile"),
        ("src/Api/appsettings.json", "healthy-service/src/Catalog.Api/appsettings.json"),
        ("src/Api/appsettings.Development.json", "broken-secrets/src/Payments.Api/appsettings.json"),
        ("src/Api/.env.local", null!),
        ("src/Worker/Worker.csproj", "healthy-service/src/Catalog.Api/Catalog.Api.csproj"),
        ("src/Worker/Dockerfile.worker", "broken-service/src/Orders.Worker/Dockerfile"),
        ("tools/ingest/main.py", "broken-service/tools/ingest/main.py"),
        ("tools/ingest/models.py", "python-service/api/src/database/models.py"),
    };

    public const string ProjectFile = "src/Api/Api.csproj";

    private static readonly Dictionary<string, string> InlineSeeds = new Dictionary<string, string>
    {
        [".gitignore"] = "bin/\nobj/\n.env\n!keep.env\n**/secrets/*.json\n",
        [".env"] = "TAG=1\nDB_PASSWORD=${FROM_HOST:-x}\nexport A=\"two\nlines\"\n",
        ["src/Api/.env.local"] = "API_KEY=ghp_" + new string('a', 16) + new string('Q', 20) + "\n",
    };

    /// <summary>The names of the variants, for a theory.</summary>
    public static readonly string[] Variants =
    {
        "random bytes", "NUL-filled", "invalid UTF-8 inside the seed", "BOM and CRLF", "200-deep nesting", "20,000-deep nesting", "alias bomb",
    };

    /// <summary>Writes every artifact of the repository as <paramref name="variant"/> of its seed.</summary>
    public static void Write(string root, string variant)
    {
        var index = 0;
        foreach (var (path, _) in Files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Content(path, Seed(path), variant, index++));
        }
    }

    public static string Seed(string path)
    {
        if (InlineSeeds.TryGetValue(path, out var inline))
        {
            return inline;
        }
        var sample = Files.Single(f => f.Path == path).Seed;
        var file = Path.Combine(TestPaths.Samples, sample);
        return File.Exists(file) ? File.ReadAllText(file) : "seed of " + path + "\n";
    }

    private static byte[] Content(string path, string seed, string variant, int index)
    {
        var utf8 = new UTF8Encoding(false);
        switch (variant)
        {
            case "random bytes":
                return HostileInputs.InvalidUtf8(index, 4096);
            case "NUL-filled":
                return new byte[4096];
            case "invalid UTF-8 inside the seed":
                var bytes = utf8.GetBytes(seed);
                var half = bytes.Length / 2;
                return bytes.Take(half).Concat(HostileInputs.InvalidUtf8(index, 256)).Concat(bytes.Skip(half)).ToArray();
            case "BOM and CRLF":
                return utf8.GetBytes(HostileInputs.BomCrlf(seed));
            case "200-deep nesting":
                return utf8.GetBytes(Deep(path, seed, HostileInputs.Depth));
            case "20,000-deep nesting":
                return utf8.GetBytes(Deep(path, seed, 20_000));
            case "alias bomb":
                return utf8.GetBytes(IsYaml(path) ? HostileInputs.AliasBomb(seed) : seed + "\n" + HostileInputs.AliasBomb());
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }
    }

    /// <summary>The seed with nesting of the file's own syntax appended (YAML, JSON, XML, Dockerfile shell, Python, .env expansions).</summary>
    private static string Deep(string path, string seed, int depth)
    {
        if (IsYaml(path))
        {
            return seed + "\n" + HostileInputs.DeepYamlFlow("x-deep", depth) + (depth <= 1000 ? HostileInputs.DeepYamlBlock("x-block", depth) : string.Empty);
        }
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            return HostileInputs.DeepJson(depth);
        }
        if (path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".props", StringComparison.Ordinal))
        {
            return "<Project>" + string.Concat(Enumerable.Repeat("<A>", depth)) + string.Concat(Enumerable.Repeat("</A>", depth)) + "</Project>\n";
        }
        if (path.EndsWith(".py", StringComparison.Ordinal))
        {
            return seed + "\nx = " + new string('(', depth) + "1" + new string(')', depth) + "\nimport os\n";
        }
        var expansion = string.Concat(Enumerable.Repeat("${A:-", depth)) + "x" + new string('}', depth);
        return Path.GetFileName(path).StartsWith("Dockerfile", StringComparison.Ordinal)
            ? seed + "\nARG A\nRUN echo " + expansion + " $(" + new string('(', depth) + "\nENV B=" + expansion + "\n"
            : seed + "\nDEEP=" + expansion + "\n";
    }

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    /// <summary>Runs a Unix tool (mkfifo, ln); true when it succeeded.</summary>
    public static bool Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit(10_000);
        return process.HasExited && process.ExitCode == 0;
    }
}
