using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Preflight.Benchmarks;

/// <summary>The figures of docs/benchmarks.md that are not BenchmarkDotNet runs: task time, parser throughput, wiring cost, CLI time.</summary>
internal static class Figures
{
    public static void Task(int dockerfiles, int composeFiles, int manifests)
    {
        using var repository = new TaskRepository(dockerfiles, composeFiles, manifests);
        var files = repository.Files().ToList();
        var artifacts = files.Where(f => !f.EndsWith(".py") && !f.EndsWith(".txt") && !f.EndsWith(".cs")).ToList();
        var sources = files.Where(f => f.EndsWith(".py")).ToList();
        Console.WriteLine($"repository: {dockerfiles} Dockerfiles, {composeFiles} compose files, {manifests} manifests ({artifacts.Count} artifacts, {sources.Count} Python files)");
        for (var run = 1; run <= 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var context = new CheckContext(repository.Root, repository.ProjectFile, artifacts, sources);
            var failures = RepositoryChecks.Run(context);
            Console.WriteLine($"run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms, {context.Findings.Count} finding(s), {failures.Count} failure(s)");
            foreach (var finding in context.Findings.Take(5))
            {
                Console.WriteLine("  " + finding);
            }
        }
    }

    public static void Parsers()
    {
        Measure("Dockerfile", Repeat("""
            # syntax=docker/dockerfile:1
            ARG VERSION=8.0
            FROM mcr.microsoft.com/dotnet/sdk:${VERSION} AS build
            WORKDIR /src
            COPY --link src/Api/Api.csproj src/Api/
            RUN --mount=type=cache,target=/root/.nuget dotnet restore src/Api/Api.csproj
            COPY . .
            RUN dotnet publish src/Api/Api.csproj -c Release -o /app \
                --no-restore
            FROM mcr.microsoft.com/dotnet/aspnet:${VERSION}
            ENV ASPNETCORE_HTTP_PORTS=8080 LOG_LEVEL="info"
            COPY --from=build /app .
            ENTRYPOINT ["dotnet", "Api.dll"]

            """, 2048), text => Preflight.Artifacts.Docker.DockerfileParser.Parse(text));
        Measure("compose", "services:\n" + Repeat("""
              svc{0}:
                build: {{ context: ./svc{0}, dockerfile: Dockerfile }}
                image: registry/svc{0}:${{TAG:-latest}}
                environment:
                  LOG_LEVEL: info
                  DB__PASSWORD: ${{DB_PASSWORD:?required}}
                ports: [ "80{0}:8080" ]
                depends_on: [ db ]
                healthcheck: {{ test: ["CMD", "curl", "-f", "http://localhost:8080/health"] }}

            """, 2048, numbered: true) + "  db:\n    image: postgres:16\n", text => Preflight.Artifacts.Compose.ComposeParser.Parse(text));
        Measure("Kubernetes", Repeat("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: app }
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: registry/app:1
                      env:
                        - name: A
                          valueFrom: { secretKeyRef: { name: s, key: k } }
                      livenessProbe: { httpGet: { path: /health, port: 8080 } }
            ---

            """, 2048), text => Preflight.Artifacts.Kubernetes.KubernetesParser.Parse(text));
        Measure("appsettings.json", "{\n" + Repeat("""
              "Section{0}": {{ "Endpoint": "http://x", "Timeout": 30, "Nested": {{ "Flag": true, "List": [1, 2, 3] }} }},

            """, 2048, numbered: true) + "  \"End\": 1\n}\n", text => Preflight.Artifacts.Json.AppSettingsParser.Parse(text));
        Measure("workflow", "on: push\njobs:\n" + Repeat("""
              job{0}:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: ./deploy.sh ${{{{ secrets.DEPLOY_TOKEN }}}} ${{{{ vars.REGION }}}}
                    env: {{ TOKEN: "${{{{ secrets.API_KEY }}}}" }}

            """, 2048, numbered: true), text => Preflight.Artifacts.Workflows.WorkflowParser.Parse(text));
        Measure("Python module", Repeat("""
            from api.database.models import User, Order
            import os

            class Service{0}:
                def run(self):
                    return os.environ.get("X")

            """, 512, numbered: true), text => Preflight.Artifacts.Python.PythonModuleParser.Parse(text));
    }

    public static void Wiring(int controllers, int services)
    {
        var service = new WiringService(controllers, services);
        var analyzers = AnalyzerBenchmarks.PreflightAnalyzers();
        for (var run = 1; run <= 2; run++)
        {
            var watch = Stopwatch.StartNew();
            using (var stream = new MemoryStream())
            {
                service.NewCompilation().Emit(stream);
            }
            var compile = watch.Elapsed;
            var withAnalyzers = service.NewCompilation().WithAnalyzers(analyzers,
                new CompilationWithAnalyzersOptions(service.AnalyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Console.WriteLine($"run {run}: {controllers} controllers, {services} services; compile (emit) {compile.TotalMilliseconds:F0} ms; " +
                $"findings: {string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}");
            foreach (var analyzer in analyzers)
            {
                var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime;
                Console.WriteLine($"  {analyzer.GetType().Name}: {time.TotalMilliseconds:F0} ms");
            }
        }
    }

    private static string Repeat(string block, int kilobytes, bool numbered = false)
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < kilobytes * 1024; i++)
        {
            builder.Append(numbered ? string.Format(System.Globalization.CultureInfo.InvariantCulture, block, i) : block);
        }
        return builder.ToString();
    }

    private static void Measure(string kind, string text, Action<string> parse)
    {
        parse(text); // warm up
        var watch = Stopwatch.StartNew();
        var runs = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(3) || runs < 2)
        {
            parse(text);
            runs++;
        }
        var megabytes = text.Length / (1024.0 * 1024.0) * runs;
        Console.WriteLine($"{kind}: {megabytes / watch.Elapsed.TotalSeconds:F1} MB/s ({text.Length / 1024} KB input, {runs} runs)");
    }
}
