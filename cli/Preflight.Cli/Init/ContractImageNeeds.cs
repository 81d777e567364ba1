using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Cli.Init;

/// <summary>
/// The images' needs in the contract: a variable that a compose service's image requires (known-image catalogue or
/// preflight.yaml <c>images:</c>) and that the service does not set (<see cref="ImageNeeds"/>), under <c>secrets:</c>
/// when its name says secret (POSTGRES_PASSWORD), else under <c>variables:</c>, commented with the service that needs
/// it.
/// A name the contract already lists gets the service's use added to its comment.
/// </summary>
internal static class ContractImageNeeds
{
    public static void Add(CheckContext context, List<ContractEntry> entries, HashSet<string> declaredNames)
    {
        foreach (var need in ImageNeeds.Collect(context))
        {
            if (declaredNames.Contains(need.Variable))
            {
                continue;
            }
            var use = $"{context.Display(need.File)}:{need.Line}:{need.Column} (needed by image {need.Image} of " +
                $"compose service '{need.Service}')";
            var existing = entries.FindIndex(
                e => (e.Section == ContractEntry.Secrets || e.Section == ContractEntry.Variables) &&
                string.Equals(e.Name, need.Variable, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
            {
                var entry = entries[existing];
                if (!entry.Uses.Contains(use))
                {
                    entries[existing] = entry with { Uses = entry.Uses.Concat(new[] { use }).ToList() };
                }
                continue;
            }
            var section = DockerSecretNameCheck.IsSecretName(need.Variable) ? ContractEntry.Secrets
                : ContractEntry.Variables;
            entries.Add(new ContractEntry(section, need.Variable, new[] { use }));
        }
    }
}
