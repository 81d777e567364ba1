using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Deployment;

namespace Preflight.Artifacts.Configuration;

/// <summary>What a connection string or service URL that points at the local host connects to.</summary>
public sealed class LocalhostEndpoint
{
    public LocalhostEndpoint(string host, string? kind)
    {
        Host = host;
        Kind = kind;
    }

    /// <summary>The host as written: <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>, <c>(local)</c> or
    /// <c>.</c>.</summary>
    public string Host { get; }

    /// <summary><c>postgres</c>, <c>sqlserver</c>, <c>mysql</c>, <c>redis</c>, <c>mongodb</c>, <c>rabbitmq</c>, or null
    /// when the shape does not say.</summary>
    public string? Kind { get; }


    private static readonly Dictionary<string, string> Schemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["postgres"] = "postgres", ["postgresql"] = "postgres", ["mysql"] = "mysql", ["mariadb"] = "mysql",
            ["sqlserver"] = "sqlserver",
        ["mongodb"] = "mongodb", ["redis"] = "redis", ["rediss"] = "redis", ["amqp"] = "rabbitmq",
            ["amqps"] = "rabbitmq",
        ["nats"] = null!, ["kafka"] = null!,
    };

    private static readonly Dictionary<int, string> Ports = new()
    {
        [5432] = "postgres", [1433] = "sqlserver", [3306] = "mysql", [6379] = "redis", [27017] = "mongodb",
            [5672] = "rabbitmq",
    };

    /// <summary>
    /// The local host a server-to-server setting points at: a <c>ConnectionStrings:X</c> entry (ADO.NET
    /// <c>Host=</c>/<c>Server=</c>/<c>Data Source=</c>, a Redis <c>host:port,...</c>, or a URL),
    /// or a URL of a database or broker scheme (<c>postgres://</c>, <c>redis://</c>, <c>amqp://</c>, <c>mongodb://</c>,
    /// ...).
    /// HTTP URLs are never reported: a browser-facing address on localhost is often right. Null when not local.
    /// </summary>
    public static LocalhostEndpoint? Find(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value!.IndexOf('$') >= 0)
        {
            return null;
        }
        var text = value.Trim();
        // Only the ConnectionStrings section: other keys ending in "ConnectionString" are often left unread (a stale
        // key
        // beside the one the code reads); the model cannot tell, so it stays silent.
        var isConnectionString = key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var name = text.Substring(0, scheme);
            if (name.EndsWith("+srv", StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring(0, name.Length - 4);
            }
            if (!Schemes.TryGetValue(name, out var kind) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return null;
            }
            return IsLocal(uri.Host)
                ? new LocalhostEndpoint(uri.Host, kind ?? (uri.IsDefaultPort ? null : KindOfPort(uri.Port))) : null;
        }
        if (!isConnectionString)
        {
            return null;
        }
        var parts = text.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        if (parts[0].Split(',')[0].IndexOf('=') < 0)
        {
            // StackExchange.Redis: "localhost:6379,password=...,abortConnect=false".
            var endpoint = parts[0].Split(',')[0].Trim();
            var (host, port) = SplitPort(endpoint, ':');
            return IsLocal(host)
                ? new LocalhostEndpoint(host, port != null ? KindOfPort(port.Value) ?? "redis" : "redis") : null;
        }
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var name = part.Substring(0, equals).Trim();
            if (!LocalHosts.IsHostKey(name))
            {
                continue;
            }
            var endpoint = part.Substring(equals + 1).Trim();
            if (endpoint.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = endpoint.Substring(4);
            }
            var (host, port) = endpoint.IndexOf(',') >= 0 ? SplitPort(endpoint, ',') : SplitPort(endpoint, ':');
            if (!IsLocal(host))
            {
                return null;
            }
            return new LocalhostEndpoint(
                host, (port != null ? KindOfPort(port.Value) : null) ?? KindOfKeywords(name, parts));
        }
        return null;
    }

    private static string? KindOfKeywords(string hostKeyword, List<string> parts)
    {
        bool Has(string keyword) =>
            parts.Any(
            p => p.StartsWith(keyword + "=", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith(keyword + " =", StringComparison.OrdinalIgnoreCase));
        if (string.Equals(hostKeyword, "host", StringComparison.OrdinalIgnoreCase))
        {
            return "postgres";   // Npgsql's keyword
        }
        if (Has("Initial Catalog") || Has("Trusted_Connection") || Has("TrustServerCertificate")
            || Has("MultipleActiveResultSets") || Has("Integrated Security"))
        {
            return "sqlserver";
        }
        if (Has("Uid") || Has("SslMode") || Has("AllowPublicKeyRetrieval"))
        {
            return "mysql";
        }
        return null;
    }

    private static (string Host, int? Port) SplitPort(string endpoint, char separator)
    {
        if (endpoint.StartsWith("[", StringComparison.Ordinal))
        {
            var close = endpoint.IndexOf(']');
            if (close > 0)
            {
                var rest = endpoint.Substring(close + 1).TrimStart(':', ',');
                return (endpoint.Substring(0, close + 1), int.TryParse(rest, out var p6) ? p6 : null);
            }
        }
        var at = endpoint.LastIndexOf(separator);
        if (at > 0 && int.TryParse(endpoint.Substring(at + 1).Trim(), out var port)
            && endpoint.IndexOf(':') == endpoint.LastIndexOf(':'))
        {
            return (endpoint.Substring(0, at).Trim(), port);
        }
        return (endpoint, null);
    }

    private static bool IsLocal(string host) => LocalHosts.IsLoopback(host);

    private static string? KindOfPort(int port) => Ports.TryGetValue(port, out var kind) ? kind : null;

    private static string LastSegment(string key)
    {
        var colon = key.LastIndexOf(':');
        return colon < 0 ? key : key.Substring(colon + 1);
    }

    /// <summary>True when an image (repository name) runs a server of the kind: <c>postgres</c> for postgres,
    /// postgis/postgis, bitnami/postgresql, ...</summary>
    public static bool ImageRuns(string repository, string kind) => kind switch
    {
        "postgres" => repository.IndexOf("postgres", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("postgis", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("timescaledb", StringComparison.OrdinalIgnoreCase) >= 0,
        "sqlserver" => repository.IndexOf("mssql", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("azure-sql-edge", StringComparison.OrdinalIgnoreCase) >= 0,
        "mysql" => repository.IndexOf("mysql", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("mariadb", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("percona", StringComparison.OrdinalIgnoreCase) >= 0,
        "redis" => repository.IndexOf("redis", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("valkey", StringComparison.OrdinalIgnoreCase) >= 0
            || repository.IndexOf("garnet", StringComparison.OrdinalIgnoreCase) >= 0,
        "mongodb" => repository.IndexOf("mongo", StringComparison.OrdinalIgnoreCase) >= 0,
        "rabbitmq" => repository.IndexOf("rabbitmq", StringComparison.OrdinalIgnoreCase) >= 0,
        _ => false,
    };
}
