using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Cli.Init;

/// <summary>
/// What a <c>preflight.yaml</c> contract of the repository should declare, from what the repository already uses, read
/// through the secrets inventory (<see cref="SecretsInventory"/>): workflow <c>secrets.X</c> (not GITHUB_TOKEN, not a
/// reusable workflow's own), workflow <c>vars.X</c>, compose <c>${X}</c> without a default that the project's .env does
/// not set and no .env.example documents, Kubernetes Secrets and ConfigMaps referenced but defined by no manifest, and
/// the variables compose services' images need and the services do not set (<see cref="ContractImageNeeds"/>).
/// Names already declared (by preflight.yaml or otherwise) are left out. Names and places only, never a value.
/// </summary>
internal static class ContractCollector
{
    private static readonly Regex EnvironmentName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex KubernetesName = new(
        "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", RegexOptions.CultureInvariant);

    // vars.NAME inside a ${{ }} expression of a workflow line (the secrets.X of workflows come from the inventory).
    private static readonly Regex Expression = new(@"\$\{\{(?<body>.*?)\}\}", RegexOptions.CultureInvariant);
    private static readonly Regex VarsAccess = new(
        @"(?<![\w.])vars\.(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    public static IReadOnlyList<ContractEntry> Collect(CheckContext context)
    {
        var inventory = SecretsInventory.Collect(context, includeConfigMaps: true);
        var unsetComposeVariables = new HashSet<string>(
            context.ComposeFiles.SelectMany(p => p.File.UnsetVariables).Select(v => v.Name),
                StringComparer.OrdinalIgnoreCase);
        var entries = new List<ContractEntry>();
        var declaredNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // The inventory lists Secrets declared external; ConfigMaps declared external are preflight.yaml's own.
        var externalConfigMaps = new HashSet<string>(
            context.PreflightConfig.External.KubernetesConfigMaps.Select(v => v.Value), StringComparer.Ordinal);
        foreach (var item in inventory.Items)
        {
            if (item.Kind == SecretsInventory.KubernetesConfigMap && externalConfigMaps.Contains(item.Name))
            {
                continue;
            }
            if (item.DeclaredAt.Count > 0)
            {
                if (item.Kind == SecretsInventory.Secret || item.Kind == SecretsInventory.Variable)
                {
                    declaredNames.Add(item.Name);
                }
                continue;
            }
            switch (item.Kind)
            {
                case SecretsInventory.Secret:
                    var secretUses = item.UsedAt.Where(
                        p => p.What.StartsWith("workflow secrets.", StringComparison.Ordinal)
                        || IsUnsetCompose(p.What, item.Name, unsetComposeVariables)).ToList();
                    if (secretUses.Count > 0 && EnvironmentName.IsMatch(item.Name))
                    {
                        entries.Add(
                            new ContractEntry(
                            ContractEntry.Secrets, item.Name, secretUses.Select(p => p.ToString()).ToList()));
                    }
                    break;
                case SecretsInventory.Variable:
                    var variableUses = item.UsedAt.Where(p => IsUnsetCompose(p.What, item.Name, unsetComposeVariables))
                        .ToList();
                    if (variableUses.Count > 0 && EnvironmentName.IsMatch(item.Name))
                    {
                        // A name that says secret (BuildKit's rule, as PF2007) goes under secrets:.
                        var section = DockerSecretNameCheck.IsSecretName(item.Name) ? ContractEntry.Secrets
                            : ContractEntry.Variables;
                        entries.Add(
                            new ContractEntry(section, item.Name, variableUses.Select(p => p.ToString()).ToList()));
                    }
                    break;
                case SecretsInventory.KubernetesSecret:
                case SecretsInventory.KubernetesConfigMap:
                    if (item.UsedAt.Count > 0 && KubernetesName.IsMatch(item.Name))
                    {
                        var section = item.Kind == SecretsInventory.KubernetesSecret ? ContractEntry.KubernetesSecrets
                            : ContractEntry.KubernetesConfigMaps;
                        entries.Add(
                            new ContractEntry(section, item.Name, item.UsedAt.Select(p => p.ToString()).ToList()));
                    }
                    break;
            }
        }
        AddWorkflowVariables(context, entries, declaredNames);
        ContractImageNeeds.Add(context, entries, declaredNames);
        return entries;
    }

    /// <summary>A compose use of a variable that has no value, no default and no .env entry.</summary>
    private static bool IsUnsetCompose(string what, string name, HashSet<string> unset) =>
        what.StartsWith("compose ", StringComparison.Ordinal)
            && what.IndexOf(", has a default", StringComparison.Ordinal) < 0 &&
        what.IndexOf("(from the shell or .env)", StringComparison.Ordinal) < 0 && unset.Contains(name);

    private static void AddWorkflowVariables(
        CheckContext context, List<ContractEntry> entries, HashSet<string> declaredNames)
    {
        var uses = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var folder = PathText.Combine(context.Layout.Root, ".github/workflows");
        foreach (var path in context.OfKind(ArtifactKind.Workflow).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!PathText.Equal(PathText.GetDirectory(path), folder) || context.ReadText(path) is not { } text)
            {
                continue;
            }
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (Match expression in Expression.Matches(lines[i]))
                {
                    foreach (Match access in VarsAccess.Matches(expression.Groups["body"].Value))
                    {
                        var name = access.Groups["name"].Value;
                        if (!uses.TryGetValue(name, out var list))
                        {
                            uses[name] = list = new List<string>();
                        }
                        var column = expression.Groups["body"].Index + access.Index + 1;
                        list.Add($"{context.Display(path)}:{i + 1}:{column} (workflow vars.{name})");
                    }
                }
            }
        }
        foreach (var (name, places) in uses.OrderBy(u => u.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (declaredNames.Contains(name))
            {
                continue;
            }
            var existing = entries.FindIndex(
                e => (e.Section == ContractEntry.Secrets || e.Section == ContractEntry.Variables)
                && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
            {
                var entry = entries[existing];
                entries[existing] = entry with { Uses = entry.Uses.Concat(places).ToList() };
            }
            else
            {
                entries.Add(new ContractEntry(ContractEntry.Variables, name, places));
            }
        }
    }
}
