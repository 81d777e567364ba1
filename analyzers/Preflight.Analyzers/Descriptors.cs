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

    public static readonly DiagnosticDescriptor PF1004 = new DiagnosticDescriptor(
        RuleCatalog.PF1004.Id, RuleCatalog.PF1004.Title, RuleCatalog.PF1004.Message, RuleCatalog.PF1004.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF1004.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF1004.Id + ".md");

    public static readonly DiagnosticDescriptor PF1005 = new DiagnosticDescriptor(
        RuleCatalog.PF1005.Id, RuleCatalog.PF1005.Title, RuleCatalog.PF1005.Message, RuleCatalog.PF1005.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF1005.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF1005.Id + ".md");

    public static readonly DiagnosticDescriptor PF4001 = new DiagnosticDescriptor(
        RuleCatalog.PF4001.Id, RuleCatalog.PF4001.Title, RuleCatalog.PF4001.Message, RuleCatalog.PF4001.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF4001.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF4001.Id + ".md");

    public static readonly DiagnosticDescriptor PF4002 = new DiagnosticDescriptor(
        RuleCatalog.PF4002.Id, RuleCatalog.PF4002.Title, RuleCatalog.PF4002.Message, RuleCatalog.PF4002.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF4002.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF4002.Id + ".md");

    public static readonly DiagnosticDescriptor PF5001 = new DiagnosticDescriptor(
        RuleCatalog.PF5001.Id, RuleCatalog.PF5001.Title, RuleCatalog.PF5001.Message, RuleCatalog.PF5001.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF5001.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF5001.Id + ".md");

    public static readonly DiagnosticDescriptor PF5003 = new DiagnosticDescriptor(
        RuleCatalog.PF5003.Id, RuleCatalog.PF5003.Title, RuleCatalog.PF5003.Message, RuleCatalog.PF5003.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF5003.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF5003.Id + ".md");

    public static readonly DiagnosticDescriptor PF5004 = new DiagnosticDescriptor(
        RuleCatalog.PF5004.Id, RuleCatalog.PF5004.Title, RuleCatalog.PF5004.Message, RuleCatalog.PF5004.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF5004.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF5004.Id + ".md");

    public static readonly DiagnosticDescriptor PF5002 = new DiagnosticDescriptor(
        RuleCatalog.PF5002.Id, RuleCatalog.PF5002.Title, RuleCatalog.PF5002.Message, RuleCatalog.PF5002.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF5002.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF5002.Id + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor PF5005 = new DiagnosticDescriptor(
        RuleCatalog.PF5005.Id, RuleCatalog.PF5005.Title, RuleCatalog.PF5005.Message, RuleCatalog.PF5005.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF5005.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF5005.Id + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor PF2006 = new DiagnosticDescriptor(
        RuleCatalog.PF2006.Id, RuleCatalog.PF2006.Title, RuleCatalog.PF2006.Message, RuleCatalog.PF2006.Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PF2006.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2006.Id + ".md");

    public static readonly DiagnosticDescriptor PF2007 = new DiagnosticDescriptor(
        RuleCatalog.PF2007.Id, RuleCatalog.PF2007.Title, RuleCatalog.PF2007.Message, RuleCatalog.PF2007.Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PF2007.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2007.Id + ".md");

    public static readonly DiagnosticDescriptor PF2008 = new DiagnosticDescriptor(
        RuleCatalog.PF2008.Id, RuleCatalog.PF2008.Title, RuleCatalog.PF2008.Message, RuleCatalog.PF2008.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF2008.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2008.Id + ".md");

    public static readonly DiagnosticDescriptor PF2002 = new DiagnosticDescriptor(
        RuleCatalog.PF2002.Id, RuleCatalog.PF2002.Title, RuleCatalog.PF2002.Message, RuleCatalog.PF2002.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF2002.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2002.Id + ".md");

    public static readonly DiagnosticDescriptor PF2003 = new DiagnosticDescriptor(
        RuleCatalog.PF2003.Id, RuleCatalog.PF2003.Title, RuleCatalog.PF2003.Message, RuleCatalog.PF2003.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF2003.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2003.Id + ".md");

    public static readonly DiagnosticDescriptor PF2004 = new DiagnosticDescriptor(
        RuleCatalog.PF2004.Id, RuleCatalog.PF2004.Title, RuleCatalog.PF2004.Message, RuleCatalog.PF2004.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF2004.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2004.Id + ".md");

    public static readonly DiagnosticDescriptor PF2005 = new DiagnosticDescriptor(
        RuleCatalog.PF2005.Id, RuleCatalog.PF2005.Title, RuleCatalog.PF2005.Message, RuleCatalog.PF2005.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF2005.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF2005.Id + ".md");

    public static readonly DiagnosticDescriptor PF3001 = new DiagnosticDescriptor(
        RuleCatalog.PF3001.Id, RuleCatalog.PF3001.Title, RuleCatalog.PF3001.Message, RuleCatalog.PF3001.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF3001.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3001.Id + ".md");

    public static readonly DiagnosticDescriptor PF3002 = new DiagnosticDescriptor(
        RuleCatalog.PF3002.Id, RuleCatalog.PF3002.Title, RuleCatalog.PF3002.Message, RuleCatalog.PF3002.Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PF3002.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3002.Id + ".md");

    public static readonly DiagnosticDescriptor PF3003 = new DiagnosticDescriptor(
        RuleCatalog.PF3003.Id, RuleCatalog.PF3003.Title, RuleCatalog.PF3003.Message, RuleCatalog.PF3003.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF3003.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3003.Id + ".md");

    public static readonly DiagnosticDescriptor PF3004 = new DiagnosticDescriptor(
        RuleCatalog.PF3004.Id, RuleCatalog.PF3004.Title, RuleCatalog.PF3004.Message, RuleCatalog.PF3004.Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PF3004.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3004.Id + ".md");

    public static readonly DiagnosticDescriptor PF3005 = new DiagnosticDescriptor(
        RuleCatalog.PF3005.Id, RuleCatalog.PF3005.Title, RuleCatalog.PF3005.Message, RuleCatalog.PF3005.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF3005.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3005.Id + ".md");

    public static readonly DiagnosticDescriptor PF3006 = new DiagnosticDescriptor(
        RuleCatalog.PF3006.Id, RuleCatalog.PF3006.Title, RuleCatalog.PF3006.Message, RuleCatalog.PF3006.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF3006.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3006.Id + ".md");

    public static readonly DiagnosticDescriptor PF6005 = new DiagnosticDescriptor(
        RuleCatalog.PF6005.Id, RuleCatalog.PF6005.Title, RuleCatalog.PF6005.Message, RuleCatalog.PF6005.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF6005.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF6005.Id + ".md");

    public static readonly DiagnosticDescriptor PF3007 = new DiagnosticDescriptor(
        RuleCatalog.PF3007.Id, RuleCatalog.PF3007.Title, RuleCatalog.PF3007.Message, RuleCatalog.PF3007.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF3007.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3007.Id + ".md");

    public static readonly DiagnosticDescriptor PF5006 = new DiagnosticDescriptor(
        RuleCatalog.PF5006.Id, RuleCatalog.PF5006.Title, RuleCatalog.PF5006.Message, RuleCatalog.PF5006.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF5006.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF5006.Id + ".md");

    public static readonly DiagnosticDescriptor PF3008 = new DiagnosticDescriptor(
        RuleCatalog.PF3008.Id, RuleCatalog.PF3008.Title, RuleCatalog.PF3008.Message, RuleCatalog.PF3008.Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.PF3008.Description,
        RuleCatalog.HelpLinkBase + RuleCatalog.PF3008.Id + ".md");
}
