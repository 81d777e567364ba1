using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Workflows;

namespace Preflight.Checks.Secrets;

/// <summary>
/// PF4001: a GitHub Actions workflow (<c>.github/workflows/*.yml|yaml</c> at the repository root) reads
/// <c>secrets.X</c> that preflight.yaml's <c>secrets:</c> does not declare. Not reported: <c>GITHUB_TOKEN</c>, names a
/// reusable workflow declares in <c>on.workflow_call.secrets</c> (its caller passes them), computed reads
/// (<c>secrets[matrix.x]</c>). The rule needs the declared list; without a preflight.yaml it reports only near misses
/// of a
/// name used elsewhere (<see cref="WorkflowSecretTypos"/>, at warning), and nothing when that file is not valid YAML
/// (PF1005 says why). Repository-level: owner only.
/// </summary>
public static class WorkflowSecretsCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF4001.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        if (PreflightConfigFile.Load(context) is not { } config)
        {
            // No contract: only near misses of a name the workflows use elsewhere, at warning.
            WorkflowSecretTypos.Run(context);
            return;
        }
        if (config.IsUnreadable)
        {
            return;
        }
        var declared = new HashSet<string>(config.Config.Secrets.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        // Suggest() compares in lower case; map its answer back to the name as written.
        var byLowerName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in config.Config.Secrets)
        {
            var lower = secret.Name.ToLowerInvariant();
            if (!byLowerName.ContainsKey(lower))
            {
                byLowerName[lower] = secret.Name;
            }
        }
        var names = byLowerName.Keys.ToList();
        var configDisplay = context.Display(config.Path);
        foreach (var (path, workflow) in Workflows(context))
        {
            var display = context.Display(path);
            foreach (var reference in workflow.SecretReferences)
            {
                if (reference.IsBuiltIn || reference.IsDeclaredByWorkflowCall || declared.Contains(reference.Name))
                {
                    continue;
                }
                var suggestion = PreflightConfigParser.Suggest(reference.Name.ToLowerInvariant(), names);
                var hint = suggestion == null ? string.Empty : $" (did you mean '{byLowerName[suggestion]}'?)";
                context.Findings.Add(
                    Finding.At(Rule, path, reference.Span, reference.Name, display, configDisplay, hint));
            }
        }
    }

    /// <summary>The workflows of the repository root's <c>.github/workflows</c> folder, parsed.</summary>
    internal static IEnumerable<(string Path, WorkflowFile File)> Workflows(CheckContext context)
    {
        var folder = PathText.Combine(context.Layout.Root, ".github/workflows");
        foreach (var path in context.OfKind(ArtifactKind.Workflow))
        {
            if (!PathText.Equal(PathText.GetDirectory(path), folder) || context.ReadText(path) is not { } text)
            {
                continue;
            }
            yield return (path, WorkflowParser.Parse(text));
        }
    }
}
