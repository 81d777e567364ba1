using System;
using Preflight.Artifacts.Reporting;

namespace Preflight.Checks.Reporting;

/// <summary>A finding of a file check as it was reported (with its severity after configuration): a line of the file
/// the SARIF log is made from.</summary>
public static class ReportedFindingLine
{
    public static string Serialize(ReportedSeverity severity, Finding finding) => severity + "\t" + finding.Serialize();

    public static bool TryParse(string line, out ReportedSeverity severity, out Finding? finding)
    {
        finding = null;
        severity = ReportedSeverity.None;
        var tab = line.IndexOf('\t');
        if (tab <= 0 || !Enum.TryParse(line.Substring(0, tab), out severity))
        {
            return false;
        }
        finding = Finding.Deserialize(line.Substring(tab + 1));
        return finding != null;
    }
}
