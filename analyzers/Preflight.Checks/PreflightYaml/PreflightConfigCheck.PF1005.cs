using Preflight.Artifacts.Rules;

namespace Preflight.Checks.PreflightYaml;

/// <summary>
/// PF1005: the repository's preflight.yaml is not valid YAML, has an unknown key (with the nearest allowed key as a
/// suggestion) or a value of the wrong shape, as <c>PreflightConfigParser</c> reports it. Repository-level: owner only.
/// </summary>
public static class PreflightConfigCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF1005.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner || PreflightConfigFile.Load(context) is not { } file)
        {
            return;
        }
        var display = context.Display(file.Path);
        foreach (var error in file.Config.Errors)
        {
            context.Findings.Add(Finding.At(Rule, file.Path, error.Span, display, error.Message));
        }
    }
}
