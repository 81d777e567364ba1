using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Preflight.Benchmarks;

/// <summary>
/// A repository on disk with many deployment artifacts for the MSBuild task's checks: Dockerfiles (with their compose
/// files) and Kubernetes manifests, healthy, owned by one project.
/// </summary>
public sealed class TaskRepository : IDisposable
{
    public TaskRepository(int dockerfiles = 600, int composeFiles = 200, int manifests = 200)
    {
        Root = Path.Combine(Path.GetTempPath(), "preflight-bench-task", Guid.NewGuid().ToString("N")).Replace('\\', '/');
        Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>");
        Write("src/Api/Program.cs", "var app = WebApplication.Create(args); app.Run();\n");
        Write("preflight.yaml", "secrets: [ DB_PASSWORD ]\nexternal:\n  kubernetes:\n    secrets: [ db ]\n");
        for (var i = 0; i < dockerfiles; i++)
        {
            Write($"services/s{i:0000}/app/main.py", "def main():\n    return 1\n");
            Write($"services/s{i:0000}/requirements.txt", "fastapi\n");
            Write($"services/s{i:0000}/Dockerfile", """
                # syntax=docker/dockerfile:1
                ARG PYTHON_VERSION=3.12
                FROM python:${PYTHON_VERSION}-slim AS base
                WORKDIR /srv
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                FROM base AS final
                ENV PYTHONUNBUFFERED=1
                COPY app/ ./app/
                EXPOSE 8000
                CMD ["python", "-m", "app.main"]
                """);
        }
        for (var c = 0; c < composeFiles; c++)
        {
            var services = string.Concat(Enumerable.Range(0, 3).Select(k => (c * 3 + k) % dockerfiles).Select(s =>
                $"  s{s}:\n    build: ../../../services/s{s:0000}\n    environment:\n      LOG_LEVEL: ${{LOG_LEVEL:-info}}\n      DB_PASSWORD: ${{DB_PASSWORD}}\n    depends_on: [ db ]\n"));
            Write($"deploy/compose/stack{c:000}/compose.yaml", "services:\n" + services + "  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n    volumes: [ \"data:/var/lib/postgresql/data\" ]\nvolumes:\n  data: {}\n");
        }
        for (var m = 0; m < manifests; m++)
        {
            Write($"k8s/app{m:000}.yaml", $"""
                apiVersion: v1
                kind: ConfigMap
                metadata: {"{"} name: app{m}-config {"}"}
                data: {"{"} LOG_LEVEL: info {"}"}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {"{"} name: app{m} {"}"}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: registry.example/app{m}:1.0
                          envFrom: [ {"{"} configMapRef: {"{"} name: app{m}-config {"}"} {"}"} ]
                          env:
                            - name: DB_PASSWORD
                              valueFrom: {"{"} secretKeyRef: {"{"} name: db, key: password {"}"} {"}"}
                """);
        }
    }

    public string Root { get; }
    public string ProjectFile => Root + "/src/Api/Api.csproj";

    public IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(p => p.Replace('\\', '/'));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
