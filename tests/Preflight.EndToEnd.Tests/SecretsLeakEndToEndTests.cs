using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Preflight.EndToEnd.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>
/// Secrets never leak: a secret of every format the scanner knows, planted in every kind of artifact Preflight reads
/// (appsettings, .env, compose, Dockerfile, Kubernetes Secret stringData and base64 data, a workflow, preflight.yaml),
/// is found (PF1004) and yet none of the values appears in the build output at normal and diagnostic verbosity, in the
/// SARIF log, or in anything Preflight writes under obj/.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class SecretsLeakEndToEndTests
{
    private readonly PackedPreflight _packed;

    public SecretsLeakEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void No_planted_secret_value_appears_in_any_output()
    {
        var sample = _packed.CopySample("healthy-service");
        var secrets = FakeSecrets.EveryFormat();
        Plant(sample, secrets);
        var sarif = Path.Combine(sample, "out", "preflight.sarif");

        var normal = DotNet.Build(sample, "HealthyService.sln", _packed.Version, "normal", "-p:PreflightSarifLog=" + sarif);
        var diagnostic = DotNet.Build(sample, "HealthyService.sln", _packed.Version, "diagnostic", "--no-incremental");

        var found = BuildDiagnostic.Parse(normal.Output).Where(d => d.Id == "PF1004").ToList();
        Assert.True(found.Count >= secrets.Count * 3, $"only {found.Count} PF1004 findings:\n{string.Join("\n", found)}");
        // The private key file at the repository root is found by the targets' globs, at its BEGIN line.
        Assert.Contains(found, d => d.File.Replace('\\', '/').EndsWith("/deploy/id_ed25519") && d.Line == 1);
        Assert.All(found, d => Assert.Contains("****", d.Message));
        var written = Directory.GetFiles(sample, "*", SearchOption.AllDirectories)
            .Where(p => p.Replace('\\', '/').Contains("/obj/") && p.Replace('\\', '/').Contains("/preflight/"))
            .Append(sarif)
            .ToDictionary(p => p, File.ReadAllText);
        Assert.True(File.Exists(sarif));
        var keyLines = File.ReadAllLines(Path.Combine(sample, "deploy", "id_ed25519")).Skip(1).Take(6).ToList();
        Assert.All(keyLines, line => Assert.DoesNotContain(line, normal.Output + diagnostic.Output));
        foreach (var (kind, _, value) in secrets)
        {
            Assert.False(normal.Output.Contains(value), $"the {kind} value appears in the normal build output");
            Assert.False(diagnostic.Output.Contains(value), $"the {kind} value appears in the diagnostic build output");
            foreach (var (path, text) in written)
            {
                Assert.False(text.Contains(value), $"the {kind} value appears in {path}");
            }
        }
    }

    private static void Plant(string sample, IReadOnlyList<(string Kind, string Written, string Value)> secrets)
    {
        var api = Path.Combine(sample, "src", "Catalog.Api");
        var json = new StringBuilder("{\n  \"Planted\": {\n");
        json.Append(string.Join(",\n", secrets.Select(s => $"    \"{s.Kind}\": \"{s.Written.Replace("\n", "\\n")}\"")));
        json.Append("\n  }\n}\n");
        File.WriteAllText(Path.Combine(api, "appsettings.Staging.json"), json.ToString());

        File.WriteAllText(Path.Combine(sample, ".env"), string.Concat(secrets.Select(s => $"{Name(s.Kind)}=\"{s.Written}\"\n")));
        File.AppendAllText(Path.Combine(sample, "compose.yaml"),
            "\nx-planted:\n" + string.Concat(secrets.Select(s => $"  {Name(s.Kind)}: |\n    {s.Written.Replace("\n", "\n    ")}\n")));
        File.AppendAllText(Path.Combine(api, "Dockerfile"), "\n" + string.Concat(secrets.Select(s => "# " + s.Written.Replace("\n", "\n# ") + "\n")));

        var manifest = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: planted\ntype: Opaque\nstringData:\n");
        manifest.Append(string.Concat(secrets.Select(s => $"  {Name(s.Kind)}: |\n    {s.Written.Replace("\n", "\n    ")}\n")));
        manifest.Append("data:\n");
        manifest.Append(string.Concat(secrets.Select(s => $"  {Name(s.Kind)}_B64: {System.Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Written))}\n")));
        File.WriteAllText(Path.Combine(sample, "deploy", "planted-secret.yaml"), manifest.ToString());

        Directory.CreateDirectory(Path.Combine(sample, ".github", "workflows"));
        File.WriteAllText(Path.Combine(sample, ".github", "workflows", "planted.yml"),
            "name: planted\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n" +
            string.Concat(secrets.Where(s => !s.Written.Contains('\n')).Select(s => $"      {Name(s.Kind)}: \"{s.Written}\"\n")) +
            "    steps:\n      - run: echo build\n");
        File.WriteAllText(Path.Combine(sample, "deploy", "id_ed25519"), FakeSecrets.PrivateKeyFile());
        File.AppendAllText(Path.Combine(sample, "preflight.yaml"), "\n" + string.Concat(secrets.Select(s => "# " + s.Written.Replace("\n", "\n# ") + "\n")));
    }

    private static string Name(string kind) => "PLANTED_" + kind.ToUpperInvariant().Replace('-', '_');
}
