using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Reporting;

/// <summary>
/// The project's MSBuild properties that decide how a finding is reported, as the compiler applies them to analyzer
/// diagnostics: <c>NoWarn</c>, <c>TreatWarningsAsErrors</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c>.
/// </summary>
public sealed class ReportingOptions
{
    private static readonly char[] Separators = { ';', ',', ' ', '\t', '\r', '\n' };

    public ReportingOptions(
        string? noWarn = null, bool treatWarningsAsErrors = false, string? warningsAsErrors = null,
        string? warningsNotAsErrors = null)
    {
        NoWarn = Ids(noWarn);
        TreatWarningsAsErrors = treatWarningsAsErrors;
        WarningsAsErrors = Ids(warningsAsErrors);
        WarningsNotAsErrors = Ids(warningsNotAsErrors);
    }

    public static ReportingOptions Default { get; } = new ReportingOptions();

    public ISet<string> NoWarn { get; }
    public bool TreatWarningsAsErrors { get; }
    public ISet<string> WarningsAsErrors { get; }
    public ISet<string> WarningsNotAsErrors { get; }

    /// <summary>MSBuild's boolean: <c>true</c> in any case.</summary>
    public static bool IsTrue(string? value) =>
        string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> Ids(string? list) =>
        new HashSet<string>(
            (list ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);
}
