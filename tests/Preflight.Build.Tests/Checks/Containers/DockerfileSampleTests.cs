using System;
using System.IO;
using System.Linq;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

/// <summary>The Dockerfile checks on the repository's samples, in place (the end-to-end tests build them with the package).</summary>
public class DockerfileSampleTests
{
    private static (string File, int Line, int Column, string Id, string Message)[] Run(string sample, string project)
    {
        var root = Path.Combine(TestPaths.Samples, sample).Replace('\\', '/');
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => p.Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"))
            .ToList();
        var context = new CheckContext(root, Path.Combine(root, project), files, files.Where(p => p.EndsWith(".py") || p.EndsWith(".js") || p.EndsWith(".ts")));
        BuildContextCheck.Run(context);
        StageReferenceCheck.Run(context);
        EntrypointTargetCheck.Run(context);
        RestoreOrderCheck.Run(context);
        RuntimeImageVersionCheck.Run(context);
        return context.Findings
            .Select(f => (PathText(root, f), f.Line, f.Column, f.RuleId, f.Message))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Line)
            .ToArray();
    }

    private static string PathText(string root, Finding finding) => Path.GetRelativePath(root, finding.File).Replace('\\', '/');

    [Fact]
    public void Broken_dockerfile_sample_shows_each_Dockerfile_rule_once()
    {
        var findings = Run("broken-dockerfile", "src/Billing.Api/Billing.Api.csproj");

        Assert.Equal(new[]
        {
            ("Dockerfile", 7, 1, "PF2004"),
            ("Dockerfile", 11, 6, "PF2005"),
            ("Dockerfile", 14, 6, "PF2002"),
            ("Dockerfile", 15, 6, "PF2001"),
            ("Dockerfile", 16, 23, "PF2003"),
        }, findings.Select(f => (f.File, f.Line, f.Column, f.Id)).ToArray());
        Assert.Equal(
            "'dotnet restore' of 'src/Billing.Api/Billing.Api.csproj' runs before these files it needs are copied into the image: " +
            "src/Billing.Core/Billing.Core.csproj (ProjectReference) (expected at /src/src/Billing.Core/Billing.Core.csproj)",
            findings[0].Message);
        Assert.Equal("Runtime image 'mcr.microsoft.com/dotnet/aspnet:9.0' has .NET 9.0, but 'src/Billing.Api/Billing.Api.csproj' targets net10.0; the app will not start (use tag 10.0 or later)", findings[1].Message);
        Assert.Contains("'biuld'", findings[2].Message);
        Assert.Contains("did you mean 'build'?", findings[2].Message);
        Assert.Contains("'config/'", findings[3].Message);
        Assert.Equal("'Billing.dll' is not in the image: /app contains Billing.Api.dll published from src/Billing.Api/Billing.Api.csproj", findings[4].Message);
    }

    [Theory]
    [InlineData("broken-service", "src/Orders.Api/Orders.Api.csproj")]
    [InlineData("broken-service", "src/Orders.Worker/Orders.Worker.csproj")]
    public void Broken_service_sample_shows_no_Dockerfile_finding_but_its_PF2001(string sample, string project)
    {
        Assert.DoesNotContain(Run(sample, project), f => f.Id != "PF2001");
    }

    [Fact]
    public void Healthy_sample_Dockerfile_is_silent()
    {
        // Multi-stage, FROM an earlier stage, ARG-defaulted tags, Directory.Build.props copied before the restore, and an
        // AssemblyName (Catalog) that differs from the project name.
        Assert.Empty(Run("healthy-service", "src/Catalog.Api/Catalog.Api.csproj"));
    }
}
