using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>A fresh `dotnet new webapi` project that adds the PackageReference and nothing else.</summary>
[Collection(EndToEndCollection.Name)]
public class WebApiEndToEndTests
{
    private readonly PackedPreflight _packed;

    public WebApiEndToEndTests(PackedPreflight packed) => _packed = packed;

    private string NewWebApi(string name)
    {
        var workspace = _packed.NewWorkspace(name);
        var created = DotNet.Run(workspace, "new", "webapi", "-o", "Api", "--no-restore");
        Assert.True(created.ExitCode == 0, created.Output);
        Workspace.AddPreflightReference(Path.Combine(workspace, "Api", "Api.csproj"), _packed.Version);
        return Path.Combine(workspace, "Api");
    }

    [Fact]
    public void Healthy_web_api_builds_with_no_Preflight_diagnostic()
    {
        var project = NewWebApi("healthy");

        var build = DotNet.Build(project, "Api.csproj", _packed.Version);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(BuildDiagnostic.Parse(build.Output));
    }

    [Fact]
    public void Broken_web_api_reports_each_rule_at_its_file_and_line()
    {
        var project = NewWebApi("broken");
        File.AppendAllText(Path.Combine(project, "Program.cs"),
            "\npublic partial class Program\n{\n    static string? Bucket(IConfiguration c) => c[\"Storage:Bucket\"];\n}\n");
        var programLine = File.ReadAllLines(Path.Combine(project, "Program.cs")).ToList().FindIndex(l => l.Contains("Storage:Bucket")) + 1;
        File.WriteAllText(Path.Combine(project, "appsettings.Development.json"), "{\n  \"Logging\": \n");
        File.WriteAllText(Path.Combine(project, "Empty.cs"), "// nothing here yet\n");
        File.WriteAllText(Path.Combine(project, "Dockerfile"),
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY Api.csproj .\nCOPY certs/ ./certs/\nRUN dotnet publish -o /app\n");
        // The script that builds the image names its context (the project folder); a context nothing names is not guessed.
        File.WriteAllText(Path.Combine(project, "build.sh"), "#!/bin/sh\ndocker build -t api .\n");

        var build = DotNet.Build(project, "Api.csproj", _packed.Version);
        var found = BuildDiagnostic.Parse(build.Output)
            .Select(d => (Path.GetFileName(d.File), d.Line, d.Id))
            .OrderBy(d => d.Id)
            .ToList();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(new[]
        {
            ("Program.cs", programLine, "PF1001"),
            ("appsettings.Development.json", 3, "PF1003"),
            ("Dockerfile", 4, "PF2001"),
            ("Empty.cs", 2, "PF6004"),
        }, found);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("MSB4018", build.Output);
    }

    [Fact]
    public void Malformed_and_binary_inputs_never_crash_the_build()
    {
        var project = NewWebApi("hostile");
        File.WriteAllBytes(Path.Combine(project, "appsettings.Staging.json"), new byte[] { 0, 1, 2, 0xFF, 0xFE, 0x50, 0x4B });
        File.WriteAllText(Path.Combine(project, "docker-compose.yml"), "services: [ {{ \u0000 : ]\n  bad: - indent");
        File.WriteAllBytes(Path.Combine(project, "Dockerfile"), new byte[] { 0x46, 0x52, 0x4F, 0x4D, 0x20, 0, 0xC3, 0x28, 0x0A, 0x5C, 0x5C });
        File.WriteAllText(Path.Combine(project, ".env"), "=\u0000\n");

        var build = DotNet.Build(project, "Api.csproj", _packed.Version);

        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("MSB4018", build.Output);
        Assert.DoesNotContain("MSB4181", build.Output);
        Assert.Contains(BuildDiagnostic.Parse(build.Output), d => d.Id == "PF1003" && d.File.EndsWith("appsettings.Staging.json"));
    }
}
