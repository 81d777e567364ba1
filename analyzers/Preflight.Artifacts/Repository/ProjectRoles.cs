using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Repository;

/// <summary>
/// What a project file says about the project's role, decided once for the analyzers (which projects are deployed),
/// the task and the CLI (which AppHosts run a deployment, which projects are tests): a test or benchmark project, an
/// Aspire AppHost.
/// </summary>
public static class ProjectRoles
{
    /// <summary>
    /// Packages of test frameworks, test hosts and benchmark runners (prefixes): a project that references one runs for
    /// tests or measurements, never as a deployment, and an AppHost that references one is a test fixture.
    /// </summary>
    private static readonly string[] TestPackagePrefixes =
    {
        "Microsoft.NET.Test.Sdk", "xunit", "NUnit", "MSTest", "TUnit", "Aspire.Hosting.Testing",
            "Microsoft.AspNetCore.Mvc.Testing", "BenchmarkDotNet",
    };

    /// <summary>True for a package of <see cref="TestPackagePrefixes"/>.</summary>
    public static bool IsTestPackage(string package) =>
        TestPackagePrefixes.Any(prefix => package.Trim().StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A test (or benchmark) project: <c>IsTestProject</c> true, an MSTest SDK, or a package of a test framework, test
    /// host or benchmark runner.
    /// </summary>
    public static bool IsTestProject(string? sdk, string? isTestProjectProperty, IEnumerable<string> packages) =>
        string.Equals(isTestProjectProperty?.Trim(), "true", StringComparison.OrdinalIgnoreCase) ||
        (sdk != null && sdk.IndexOf("MSTest", StringComparison.OrdinalIgnoreCase) >= 0) ||
        packages.Any(IsTestPackage);

    /// <summary>An SDK value (one or several, <c>;</c>-separated) that names Aspire's AppHost SDK.</summary>
    public static bool IsAppHostSdk(string? sdk) =>
        sdk != null
            && sdk.Split(';').Any(s => s.Trim().StartsWith("Aspire.AppHost.Sdk", StringComparison.OrdinalIgnoreCase));
}
