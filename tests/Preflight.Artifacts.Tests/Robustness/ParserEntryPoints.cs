using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Configuration;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Env;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Python;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Secrets;
using Preflight.Artifacts.Text;
using Preflight.Artifacts.Vercel;
using Preflight.Artifacts.Workflows;
using Preflight.Artifacts.Yaml;
using Preflight.Tests;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>One public entry point of Preflight.Artifacts that takes untrusted text: its seeds and how to run it.</summary>
internal sealed class ParserEntryPoint
{
    public ParserEntryPoint(string name, Func<string, bool> isSample, string[] inlineSeeds, Func<string, object?> run, bool acceptsWholeFiles = true)
    {
        Name = name;
        IsSample = isSample;
        InlineSeeds = inlineSeeds;
        Run = run;
        AcceptsWholeFiles = acceptsWholeFiles;
    }

    public string Name { get; }
    /// <summary>Picks the files of samples/ (and of the shared corpora, when present) this parser reads.</summary>
    public Func<string, bool> IsSample { get; }
    public string[] InlineSeeds { get; }
    /// <summary>Parses the text and returns the model (walked afterwards, so lazy members run too).</summary>
    public Func<string, object?> Run { get; }
    /// <summary>True for parsers of whole files (they get the 100 MB input); false for entry points of single values (paths, words).</summary>
    public bool AcceptsWholeFiles { get; }

    public override string ToString() => Name;

    private const int MaxSeedLength = 64 * 1024;
    private const int MaxFileSeeds = 12;

    /// <summary>The inline seeds, then up to a dozen matching files of samples/ and of the shared corpora.</summary>
    public IReadOnlyList<string> Seeds()
    {
        var seeds = new List<string>(InlineSeeds);
        foreach (var root in new[] { TestPaths.Samples, Path.Combine(TestPaths.SharedDirectory, "corpora") })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Where(f => IsSample(PathText.Normalize(f)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Take(MaxFileSeeds);
            foreach (var file in files)
            {
                var info = new FileInfo(file);
                if (info.Length <= MaxSeedLength)
                {
                    seeds.Add(Encoding.UTF8.GetString(File.ReadAllBytes(file)));
                }
            }
        }
        return seeds;
    }
}

/// <summary>Every public parser entry point of Preflight.Artifacts, for the robustness properties.</summary>
internal static class ParserEntryPoints
{
    private static readonly Dictionary<string, string> DockerEnv = new Dictionary<string, string> { ["A"] = "x", ["HOME"] = "/root" };

    private const string Manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          env:\n            - name: A\n              valueFrom:\n                secretKeyRef: {name: s, key: k}\n";

    public static IReadOnlyList<ParserEntryPoint> All { get; } = new[]
    {
        new ParserEntryPoint("Dockerfile", p => Name(p).StartsWith("Dockerfile", StringComparison.Ordinal),
            new[] { "# syntax=docker/dockerfile:1\nARG V=8.0\nFROM mcr.microsoft.com/dotnet/sdk:${V} AS build\nWORKDIR /src\nCOPY [\"a.csproj\", \"./\"]\nRUN dotnet restore && \\\n    dotnet publish -c Release -o /app\nRUN <<EOF\necho hi\nEOF\nFROM build AS final\nENV A=1 B=\"two words\"\nCOPY --from=build /app .\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nENTRYPOINT [\"dotnet\", \"a.dll\"]\n" },
            text => DockerfileParser.Parse(text)),
        new ParserEntryPoint("Docker shell words", p => false,
            new[] { "${A:-default}", "\"$HOME/x\" 'y' \\$z", "${A:+${B:-c}}", "$(echo x)", "${A%%.*}" },
            text => DockerShellLexer.ProcessWords(text, DockerEnv), acceptsWholeFiles: false),
        new ParserEntryPoint(".dockerignore", p => Name(p) == ".dockerignore",
            new[] { "# comment\n**/bin\n**/obj\n!src/keep.txt\n*.md\n../outside\n[a-z]?.txt\n" },
            text =>
            {
                var ignore = DockerIgnoreParser.Parse(text);
                return (ignore, ignore.IsExcluded("src/Api/bin/Debug/a.dll"), ignore.IsExcluded("README.md"), ignore.HasExceptions);
            }),
        new ParserEntryPoint("compose file", IsCompose,
            new[] { "services:\n  api:\n    build: ./src\n    image: api:${TAG:-1}\n    ports: [\"8080:80\"]\n    env_file: .env\n    environment:\n      A: $${B}\n    depends_on:\n      db: {condition: service_healthy}\n    volumes: [data:/data]\n  db:\n    image: postgres:16\n    healthcheck: {test: [CMD, pg_isready]}\nvolumes:\n  data: {}\n" },
            text => ComposeParser.Parse(text, "/r/compose.yaml", _ => "v")),
        new ParserEntryPoint("compose project (ComposeProject.Load)", IsCompose,
            new[] { "include:\n  - other/compose.yaml\nservices:\n  api:\n    extends: {file: base.yaml, service: b}\n    env_file: [.env]\n" },
            text => ComposeProject.Load(new[] { "/r/compose.yaml", "/r/compose.override.yaml" }, _ => text,
                new ComposeProjectOptions { EnvFiles = new[] { "/r/.env" }, Environment = _ => null })),
        new ParserEntryPoint("compose interpolation", p => false,
            new[] { "${A:-${B:?err}}", "$$A ${A} $A", "${A?}", "${A:+x}${", "${A-${B-${C-${D}}}}" },
            text => (ComposeInterpolation.Interpolate(text, _ => "v"), ComposeInterpolation.FindReferences(text), ComposeInterpolation.IsVariableName(text)),
            acceptsWholeFiles: false),
        new ParserEntryPoint(".env (EnvFileParser)", p => Name(p).StartsWith(".env", StringComparison.Ordinal) || p.Contains("/dotenv-fixtures/", StringComparison.Ordinal),
            new[] { "# c\nA=1\nexport B=\"two\\nlines\"\nC='single $A'\nD=${A:-x}\nE=\"multi\nline\"\nF\n=G\n" },
            text => EnvFileParser.Parse(text, _ => "v")),
        new ParserEntryPoint("Kubernetes manifest", p => p.Contains("/deploy/", StringComparison.Ordinal) && IsYaml(p),
            new[] { Manifest + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: v}\n" },
            text =>
            {
                var file = KubernetesParser.Parse(text);
                var found = file.DocumentCount > 0 ? file.Find(0, "spec.template.spec.containers[0].image") : null;
                return (file, found, file.Workloads.ToList(), file.Definitions.ToList());
            }),
        new ParserEntryPoint("Kubernetes path", p => false,
            new[] { "spec.template.spec.containers[0].image", "metadata.labels['app.kubernetes.io/name']", "a[*].b", "a[name=api].c" },
            text =>
            {
                KubernetesPath.TryParse(text, out var segments, out var error);
                var file = KubernetesParser.Parse(Manifest);
                return (segments, error, file.Objects.Count > 0 ? file.Objects[0].Find(text) : null);
            }, acceptsWholeFiles: false),
        new ParserEntryPoint("GitHub workflow", p => p.Contains("/.github/workflows/", StringComparison.Ordinal),
            new[] { "on:\n  workflow_call:\n    secrets:\n      TOKEN: {required: true}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.TOKEN }} ${{ secrets['X'] }}\n  call:\n    uses: ./.github/workflows/b.yml\n    secrets: inherit\n" },
            text => WorkflowParser.Parse(text)),
        new ParserEntryPoint("preflight.yaml", p => Name(p) == "preflight.yaml",
            new[] { "version: 1\nsecrets:\n  - name: Db__Password\n    environments: [production]\nconfiguration:\n  - ConnectionStrings:Main\nimages:\n  api: {dockerfile: src/Api/Dockerfile}\npolicies:\n  - kind: Deployment\n    require: spec.replicas\n" },
            text => (PreflightConfigParser.Parse(text), PreflightConfigParser.Suggest(text, new[] { "secrets", "configuration", "images" }))),
        new ParserEntryPoint("appsettings.json", p => Name(p).StartsWith("appsettings", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal),
            new[] { "{\n  // comment\n  \"Logging\": {\"LogLevel\": {\"Default\": \"Information\"}},\n  \"ConnectionStrings\": {\"Main\": \"Server=db;Password=${PW}\"},\n  \"Items\": [1, {\"A\": null}, \"x\"],\n}\n" },
            text => AppSettingsParser.Parse(text)),
        new ParserEntryPoint("launchSettings.json", p => Name(p) == "launchSettings.json",
            new[] { "{\n  // comment\n  \"profiles\": {\"http\": {\"environmentVariables\": {\"A__B\": \"1\",}}, \"x\": 1}\n}\n" },
            text => Preflight.Artifacts.LaunchSettings.LaunchSettingsFile.Parse(text)),
        new ParserEntryPoint("Python module", p => p.EndsWith(".py", StringComparison.Ordinal),
            new[] { "import os, sys as system\nfrom .models import (A,\n    B)\nfrom ..x import *\n\"\"\"doc\n\"\"\"\nclass C:\n    def f(self):\n        return 1\nif True:\n    import json\n" },
            text => PythonModuleParser.Parse(text)),
        new ParserEntryPoint("vercel.json", p => Name(p) == "vercel.json",
            new[] { "{\n  \"functions\": {\"api/*.ts\": {\"memory\": 1024}},\n  \"builds\": [{\"src\": \"api/index.py\", \"use\": \"@vercel/python\"}]\n}\n" },
            text => VercelConfigParser.Parse(text)),
        new ParserEntryPoint("secret scanner", p => Name(p).StartsWith("appsettings", StringComparison.Ordinal) || Name(p).StartsWith(".env", StringComparison.Ordinal),
            new[] { "A=ghp_" + new string('a', 36) + "\nB=Server=db;User Id=sa;Password=S3cr3t!x9\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\nAKIA" + new string('Q', 16) + "\n" },
            text => SecretScanner.Scan(text)),
        new ParserEntryPoint("secret values", p => false,
            new[] { "changeme", "S3cr3t!x9", "appsettings.Example.json", "${PASSWORD}", "<your-key-here>" },
            text => (SecretScanner.IsPlaceholder(text), SecretScanner.Mask(text), SecretScanner.MaskFor("GitHub token", text), SecretScanner.IsExampleFile(text)),
            acceptsWholeFiles: false),
        new ParserEntryPoint("YAML loader", IsYaml,
            new[] { "a: &x {b: [1, 2]}\nc: *x\n---\n- !tag v\n- |\n  block\n" },
            text => YamlDocumentLoader.Load(text)),
        new ParserEntryPoint("image catalogue", p => false,
            new[] { "postgres:\n  requires: [POSTGRES_PASSWORD]\n  any_of: [[A, B]]\n  persist: [/var/lib/postgresql/data]\n  min_length: {POSTGRES_PASSWORD: 8}\n" },
            text => ImageCatalogue.Parse(text)),
        new ParserEntryPoint("path glob", p => false,
            new[] { "src/**/*.cs", "a/[!b]?/c", "**", "{a,b}/x", "\\*" },
            text =>
            {
                var glob = PathGlob.Parse(text);
                return (glob, glob.IsMatch("src/a/b.cs"), glob.IsMatch(text));
            }, acceptsWholeFiles: false),
        new ParserEntryPoint("build definitions (DockerBuildFinder)", p => DeploymentFiles.Classify(p) != null,
            new[] { "jobs:\n  a:\n    steps:\n      - run: docker build -f src/Api/Dockerfile .\n", "build:\n  context: ..\\..\n", "{ \"build\": { \"dockerfile\": \"Dockerfile\" } }", "cd \"$(dirname \"$0\")\"\ndocker buildx build --build-context a=. -f Dockerfile .\n" },
            text => DockerBuildFinder.Find("/r", new[] { "/r/.github/workflows/x.yml", "/r/azure-pipelines.yml", "/r/.gitlab-ci.yml", "/r/azds.yaml", "/r/skaffold.yaml", "/r/.devcontainer/devcontainer.json", "/r/x.sh", "/r/x.ps1", "/r/Makefile" },
                new[] { "/r/Dockerfile", "/r/src/Api/Dockerfile" }, _ => text).Builds),
        new ParserEntryPoint("Dockerfile evidence and ownership", p => Name(p).StartsWith("Dockerfile", StringComparison.Ordinal),
            new[] { "FROM x\nWORKDIR /src\nCOPY . .\nRUN dotnet publish Api.csproj -o /app\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n" },
            text =>
            {
                var model = DockerfileParser.Parse(text);
                return (ContextEvidence.Sources(model).ToList(), DockerfilePublishes.Read(model), DockerfileOwnership.Owns("/r/src/Api/Dockerfile", DockerfilePublishes.Read(model), "/r/src/Api/Api.csproj", null));
            }),
        new ParserEntryPoint("paths, names and images", p => false,
            new[] { "src/Api/Dockerfile", "../../etc/passwd", "C:\\x\\compose.yaml", "registry:5000/team/api:1.2@sha256:abc", "Db__Password" },
            text => (ArtifactClassifier.Classify(text), PathText.Normalize(text), PathText.GetDirectory(text), PathText.Relative("/r", text),
                ServiceProjectMatcher.MentionsProjectFile(text, "Api.csproj"), ServiceProjectMatcher.DockerfileBuilds("/r/src/Api/Dockerfile", text, "/r/src/Api", "Api.csproj"),
                ServiceProjectMatcher.ImageRepository(text), ServiceProjectMatcher.ImageRuns(text, "Api", new[] { "api" }), ImageCatalogue.RepositoryOf(text),
                ConfigurationKeys.FromEnvironmentVariable(text), ConfigurationKeys.Provides(text, "A:B"), ComposeReferences.IsRemote(text)),
            acceptsWholeFiles: false),
    };

    private static string Name(string path) => PathText.GetFileName(path);

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    private static bool IsCompose(string path) => IsYaml(path) && (Name(path).Contains("compose", StringComparison.Ordinal) || path.Contains("/loader-testdata/", StringComparison.Ordinal));
}
