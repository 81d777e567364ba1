using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// The host names that mean "this machine" or "the developer's machine", and the connection-string keys that name a
/// server: one list for the committed-secret rule (a password sent only to local hosts is local set-up) and for the
/// container rule (a container that connects to its own loopback reaches nothing).
/// </summary>
public static class LocalHosts
{
    /// <summary>Connection-string keys that name the server (ADO.NET, Npgsql, MySQL, MongoDB, RabbitMQ
    /// styles).</summary>
    private static readonly HashSet<string> ConnectionStringHostKeys = new HashSet<string>(
        StringComparer.OrdinalIgnoreCase)
    {
        "server", "host", "hostname", "data source", "datasource", "address", "addr", "network address", "servername",
    };

    /// <summary>True for a connection-string key that names the server (<c>Server</c>, <c>Host</c>, <c>Data Source</c>,
    /// ...), any case.</summary>
    public static bool IsHostKey(string key) => ConnectionStringHostKeys.Contains(key.Trim());

    /// <summary>The machine itself, as written in a setting (inside a container: the container itself).</summary>
    private static readonly HashSet<string> LoopbackNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "localhost", "127.0.0.1", "::1", "[::1]", "(local)", ".",
    };

    /// <summary>The developer's machine seen from a container or a local database engine: local, but not the
    /// loopback.</summary>
    private static readonly HashSet<string> DeveloperMachineNames = new HashSet<string>(
        StringComparer.OrdinalIgnoreCase)
    {
        "0.0.0.0", "host.docker.internal", "gateway.docker.internal", "host.containers.internal",
            "kubernetes.docker.internal", "(localdb)",
    };

    /// <summary>True for a name of the loopback as written: <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>,
    /// <c>[::1]</c>, <c>(local)</c>, <c>.</c>.</summary>
    public static bool IsLoopback(string host) => LoopbackNames.Contains(host.Trim());

    /// <summary>
    /// True for a local host: the loopback (<see cref="IsLoopback"/>, <c>*.localhost</c>, <c>127.x.x.x</c>) or the
    /// developer's machine (<c>host.docker.internal</c> and its kin, <c>0.0.0.0</c>, <c>(localdb)</c>).
    /// </summary>
    public static bool IsLocal(string host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }
        return IsLoopback(host) || DeveloperMachineNames.Contains(host)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ||
            host.StartsWith("127.", StringComparison.Ordinal) && host.Split('.').Length == 4
                && host.Split('.').All(p => p.Length > 0 && p.All(char.IsDigit));
    }
}
