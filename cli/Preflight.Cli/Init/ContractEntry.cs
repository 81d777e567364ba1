using System.Collections.Generic;

namespace Preflight.Cli.Init;

/// <summary>One name the contract should declare: its section of preflight.yaml, the name, and where the repository
/// uses it.</summary>
/// <param name="Section">The key path in preflight.yaml: <c>secrets</c>, <c>variables</c>,
/// <c>external.kubernetes.secrets</c> or <c>external.kubernetes.configmaps</c>.</param>
internal sealed record ContractEntry(string Section, string Name, IReadOnlyList<string> Uses)
{
    public const string Secrets = "secrets";
    public const string Variables = "variables";
    public const string KubernetesSecrets = "external.kubernetes.secrets";
    public const string KubernetesConfigMaps = "external.kubernetes.configmaps";

    /// <summary>The sections in the order they are written.</summary>
    public static readonly string[] Sections = { Secrets, Variables, KubernetesSecrets, KubernetesConfigMaps };

    /// <summary>The comment written above the entry: where it is used (the first three places).</summary>
    public string Comment
    {
        get
        {
            var shown = new List<string>();
            for (var i = 0; i < Uses.Count && i < 3; i++)
            {
                shown.Add(Uses[i]);
            }
            var more = Uses.Count > 3 ? $"; and {Uses.Count - 3} more" : string.Empty;
            return "used at " + string.Join("; ", shown) + more;
        }
    }
}
