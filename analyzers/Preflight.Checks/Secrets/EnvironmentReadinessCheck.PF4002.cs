using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Secrets;

/// <summary>
/// PF4002, readiness, opt-in for CI (<see cref="CheckContext.CheckEnvironment"/>): every secret and variable that
/// preflight.yaml declares for the selected environment (<see cref="CheckContext.EnvironmentName"/>; entries without
/// <c>environments:</c> always apply) must be present and non-empty in the build's environment. One finding lists every
/// missing name, at the first missing declaration; values are never read into a message. Owner project only.
/// </summary>
public static class EnvironmentReadinessCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF4002.Id];

    public static void Run(CheckContext context)
    {
        if (!context.CheckEnvironment || !context.Layout.CurrentIsOwner
            || PreflightConfigFile.Load(context) is not { } file)
        {
            return;
        }
        var environment = string.IsNullOrWhiteSpace(context.EnvironmentName) ? null : context.EnvironmentName!.Trim();
        var missing = new List<PreflightDeclaration>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in file.Config.Secrets.Concat(file.Config.Variables))
        {
            if (!declaration.AppliesTo(environment) || !seen.Add(declaration.Name) || IsSet(context, declaration.Name))
            {
                continue;
            }
            missing.Add(declaration);
        }
        if (missing.Count == 0)
        {
            return;
        }
        var where = environment == null ? string.Empty : $" (environment '{environment}')";
        var names = string.Join(", ", missing.Select(d => d.Name));
        context.Findings.Add(Finding.At(Rule, file.Path, missing[0].Span, where, names, context.Display(file.Path)));
    }

    /// <summary>A declared name is set when it, or its environment-variable form (<c>A:B</c> as <c>A__B</c>), has a
    /// non-blank value.</summary>
    private static bool IsSet(CheckContext context, string name)
    {
        if (!string.IsNullOrWhiteSpace(context.EnvironmentVariable(name)))
        {
            return true;
        }
        return name.IndexOf(':') >= 0
            && !string.IsNullOrWhiteSpace(context.EnvironmentVariable(name.Replace(":", "__")));
    }

    /// <summary>A variable of the process environment: the exact name, else a case-insensitive match (as .NET
    /// configuration reads it).</summary>
    public static string? ProcessVariable(string name)
    {
        try
        {
            var exact = Environment.GetEnvironmentVariable(name);
            if (exact != null)
            {
                return exact;
            }
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string key && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value as string;
                }
            }
        }
        catch (System.Security.SecurityException)
        {
        }
        return null;
    }
}
