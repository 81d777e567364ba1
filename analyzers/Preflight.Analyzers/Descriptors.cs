using Microsoft.CodeAnalysis;
using Preflight.Artifacts.Rules;

namespace Preflight.Analyzers;

/// <summary>
/// Every Preflight diagnostic descriptor, built from <see cref="RuleCatalog"/> so that the analyzers, the MSBuild task
/// and the CLI report the same ids, titles, messages and severities. Rules the task reports have a descriptor here too,
/// for release tracking and for hosts that surface them through Roslyn.
/// </summary>
public static class Descriptors
{
    public static readonly DiagnosticDescriptor PF1001 = new DiagnosticDescriptor(
        RuleCatalog.PF1001.Id, RuleCatalog.PF1001.Title, RuleCatalog.PF1001.Message, RuleCatalog.PF1001.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF1001.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF1001.Id + ".md");

    public static readonly DiagnosticDescriptor PF1002 = new DiagnosticDescriptor(
        RuleCatalog.PF1002.Id, RuleCatalog.PF1002.Title, RuleCatalog.PF1002.Message, RuleCatalog.PF1002.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF1002.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF1002.Id + ".md");

    public static readonly DiagnosticDescriptor PF1003 = new DiagnosticDescriptor(
        RuleCatalog.PF1003.Id, RuleCatalog.PF1003.Title, RuleCatalog.PF1003.Message, RuleCatalog.PF1003.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF1003.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF1003.Id + ".md");

    public static readonly DiagnosticDescriptor PF2001 = new DiagnosticDescriptor(
        RuleCatalog.PF2001.Id, RuleCatalog.PF2001.Title, RuleCatalog.PF2001.Message, RuleCatalog.PF2001.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF2001.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2001.Id + ".md");

    public static readonly DiagnosticDescriptor PF6004 = new DiagnosticDescriptor(
        RuleCatalog.PF6004.Id, RuleCatalog.PF6004.Title, RuleCatalog.PF6004.Message, RuleCatalog.PF6004.Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PF6004.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF6004.Id + ".md");

    public static readonly DiagnosticDescriptor PF6001 = new DiagnosticDescriptor(
        RuleCatalog.PF6001.Id, RuleCatalog.PF6001.Title, RuleCatalog.PF6001.Message, RuleCatalog.PF6001.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF6001.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF6001.Id + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor PF6002 = new DiagnosticDescriptor(
        RuleCatalog.PF6002.Id, RuleCatalog.PF6002.Title, RuleCatalog.PF6002.Message, RuleCatalog.PF6002.Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PF6002.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF6002.Id + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor PF6003 = new DiagnosticDescriptor(
        RuleCatalog.PF6003.Id, RuleCatalog.PF6003.Title, RuleCatalog.PF6003.Message, RuleCatalog.PF6003.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF6003.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF6003.Id + ".md");

    public static readonly DiagnosticDescriptor PF6005 = new DiagnosticDescriptor(
        RuleCatalog.PF6005.Id, RuleCatalog.PF6005.Title, RuleCatalog.PF6005.Message, RuleCatalog.PF6005.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF6005.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF6005.Id + ".md");
}
