using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// The structural part of the compose specification (compose-spec.json) Preflight validates: the keys allowed at the
/// top level, in a service, a build, a healthcheck and the top-level resources, and the node kinds each key accepts
/// (S: scalar, Q: sequence, M: mapping). Null is accepted everywhere (compose treats it as absent). <c>x-</c> keys are
/// extensions and always allowed.
/// </summary>
internal static class ComposeSchema
{
    internal static readonly Dictionary<string, string> TopLevel = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["version"] = "S", ["name"] = "S", ["include"] = "Q", ["services"] = "M", ["models"] = "M", ["networks"] = "M",
            ["volumes"] = "M",
        ["secrets"] = "M", ["configs"] = "M",
    };

    internal static readonly Dictionary<string, string> Service = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["develop"] = "M", ["deploy"] = "M", ["annotations"] = "MQ", ["attach"] = "S", ["build"] = "MS",
            ["blkio_config"] = "M", ["cap_add"] = "Q",
        ["cap_drop"] = "Q", ["cgroup"] = "S", ["cgroup_parent"] = "S", ["command"] = "QS", ["configs"] = "Q",
            ["container_name"] = "S",
        ["cpu_count"] = "S", ["cpu_percent"] = "S", ["cpu_shares"] = "S", ["cpu_quota"] = "S", ["cpu_period"] = "S",
            ["cpu_rt_period"] = "S",
        ["cpu_rt_runtime"] = "S", ["cpus"] = "S", ["cpuset"] = "S", ["credential_spec"] = "M", ["depends_on"] = "MQ",
            ["device_cgroup_rules"] = "Q",
        ["devices"] = "Q", ["dns"] = "QS", ["dns_opt"] = "Q", ["dns_search"] = "QS", ["domainname"] = "S",
            ["entrypoint"] = "QS", ["env_file"] = "QS",
        ["label_file"] = "QS", ["environment"] = "MQ", ["expose"] = "Q", ["extends"] = "MS", ["provider"] = "M",
            ["external_links"] = "Q",
        ["extra_hosts"] = "MQ", ["gpus"] = "QS", ["group_add"] = "Q", ["healthcheck"] = "M", ["hostname"] = "S",
            ["image"] = "S", ["init"] = "S",
        ["ipc"] = "S", ["isolation"] = "S", ["labels"] = "MQ", ["links"] = "Q", ["logging"] = "M",
            ["mac_address"] = "S", ["mem_limit"] = "S",
        ["mem_reservation"] = "S", ["mem_swappiness"] = "S", ["memswap_limit"] = "S", ["network_mode"] = "S",
            ["models"] = "MQ", ["networks"] = "MQ",
        ["oom_kill_disable"] = "S", ["oom_score_adj"] = "S", ["pid"] = "S", ["pids_limit"] = "S", ["platform"] = "S",
            ["ports"] = "Q",
        ["pre_start"] = "Q", ["post_start"] = "Q", ["pre_stop"] = "Q", ["privileged"] = "S", ["profiles"] = "Q",
            ["pull_policy"] = "S",
        ["pull_refresh_after"] = "S", ["read_only"] = "S", ["restart"] = "S", ["runtime"] = "S", ["scale"] = "S",
            ["security_opt"] = "Q",
        ["shm_size"] = "S", ["secrets"] = "Q", ["sysctls"] = "MQ", ["stdin_open"] = "S", ["stop_grace_period"] = "S",
            ["stop_signal"] = "S",
        ["storage_opt"] = "M", ["tmpfs"] = "QS", ["tty"] = "S", ["ulimits"] = "M", ["use_api_socket"] = "S",
            ["user"] = "S", ["uts"] = "S",
        ["userns_mode"] = "S", ["volumes"] = "Q", ["volumes_from"] = "Q", ["working_dir"] = "S",
    };

    internal static readonly Dictionary<string, string> Build = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["context"] = "S", ["dockerfile"] = "S", ["dockerfile_inline"] = "S", ["entitlements"] = "Q", ["args"] = "MQ",
            ["ssh"] = "MQ",
        ["labels"] = "MQ", ["cache_from"] = "Q", ["cache_to"] = "Q", ["no_cache"] = "S", ["no_cache_filter"] = "QS",
            ["additional_contexts"] = "MQ",
        ["network"] = "S", ["provenance"] = "S", ["sbom"] = "S", ["pull"] = "S", ["target"] = "S", ["shm_size"] = "S",
            ["extra_hosts"] = "MQ",
        ["isolation"] = "S", ["privileged"] = "S", ["secrets"] = "Q", ["tags"] = "Q", ["ulimits"] = "M",
            ["platforms"] = "Q",
    };

    internal static readonly Dictionary<string, string> Healthcheck = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["disable"] = "S", ["interval"] = "S", ["retries"] = "S", ["test"] = "QS", ["timeout"] = "S",
            ["start_period"] = "S", ["start_interval"] = "S",
    };

    internal static readonly Dictionary<string, string> Volume = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "S", ["driver"] = "S", ["driver_opts"] = "M", ["external"] = "MS", ["labels"] = "MQ",
    };

    internal static readonly Dictionary<string, string> Network = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "S", ["driver"] = "S", ["driver_opts"] = "M", ["ipam"] = "M", ["external"] = "MS",
            ["internal"] = "S", ["enable_ipv4"] = "S",
        ["enable_ipv6"] = "S", ["attachable"] = "S", ["labels"] = "MQ",
    };

    internal static readonly Dictionary<string, string> Secret = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "S", ["environment"] = "S", ["file"] = "S", ["external"] = "MS", ["labels"] = "MQ", ["driver"] = "S",
            ["driver_opts"] = "M",
        ["template_driver"] = "S",
    };

    internal static readonly Dictionary<string, string> Config = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "S", ["content"] = "S", ["environment"] = "S", ["file"] = "S", ["external"] = "MS",
            ["labels"] = "MQ", ["template_driver"] = "S",
    };

    internal static readonly Dictionary<string, string> Port = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "S", ["mode"] = "S", ["host_ip"] = "S", ["target"] = "S", ["published"] = "S", ["protocol"] = "S",
            ["app_protocol"] = "S",
    };

    internal static readonly Dictionary<string, string> VolumeMount = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["type"] = "S", ["source"] = "S", ["target"] = "S", ["read_only"] = "S", ["consistency"] = "S", ["bind"] = "M",
            ["volume"] = "M",
        ["tmpfs"] = "M", ["image"] = "M",
    };

    internal static readonly Dictionary<string, string> EnvFile = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["path"] = "S", ["format"] = "S", ["required"] = "S",
    };

    internal static readonly Dictionary<string, string> ResourceReference = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["source"] = "S", ["target"] = "S", ["uid"] = "S", ["gid"] = "S", ["mode"] = "S",
    };

    internal static readonly Dictionary<string, string> Dependency = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["restart"] = "S", ["required"] = "S", ["condition"] = "S",
    };

    /// <summary>True when the kind of <paramref name="node"/> is one of <paramref name="allowed"/>.</summary>
    public static bool Accepts(string allowed, ComposeNode node)
    {
        if (node is ComposeScalar scalar && scalar.IsNull)
        {
            return true;
        }
        var letter = node.Kind switch
        {
            ComposeNodeKind.Mapping => 'M',
            ComposeNodeKind.Sequence => 'Q',
            _ => 'S',
        };
        return allowed.IndexOf(letter) >= 0 || allowed.IndexOf('A') >= 0;
    }

    /// <summary>"a string", "a list or a mapping", ... for messages.</summary>
    public static string Describe(string allowed)
    {
        var names = new List<string>();
        if (allowed.IndexOf('S') >= 0)
        {
            names.Add("a string");
        }
        if (allowed.IndexOf('Q') >= 0)
        {
            names.Add("a list");
        }
        if (allowed.IndexOf('M') >= 0)
        {
            names.Add("a mapping");
        }
        return names.Count == 0 ? "a value" : string.Join(" or ", names);
    }

    public static bool IsExtension(string key) => key.StartsWith("x-", StringComparison.Ordinal);
}
