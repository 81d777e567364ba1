using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Repository;

namespace Preflight.Artifacts.Secrets;

/// <summary>What a file is for, as far as committed passwords go (<see cref="LocalCredentials"/>).</summary>
public enum ArtifactStage
{
    /// <summary>Neither: <c>appsettings.json</c>, the base <c>docker-compose.yml</c>, a plain
    /// <c>Dockerfile</c>.</summary>
    Neutral,

    /// <summary>Local set-up: <c>appsettings.Development.json</c>, <c>.Local</c>, <c>.Docker</c>, <c>.Test</c>;
    /// <c>.env</c>; compose overrides and dev overlays.</summary>
    Development,

    /// <summary>What deploys: <c>appsettings.Production.json</c>, <c>.Staging</c>; <c>.env.production</c>; a production
    /// compose overlay; Kubernetes manifests.</summary>
    Production,
}

/// <summary>
/// PF1004's rule for passwords of local set-up. A password in a connection string or URL is local set-up, not a leak,
/// when every host it is sent to is local (<c>localhost</c>, a loopback address, <c>host.docker.internal</c>,
/// <c>.</c>, <c>(local)</c>, <c>(localdb)</c>) or a service of a compose file of the repository
/// (<c>Server=sqldata</c>),
/// and the file is not a production artifact; in a development artifact a single-label host name (no dot: a container
/// or machine of the local network) is local too. In production settings (<c>appsettings.Production.json</c>) only a
/// password that the compose file itself gives the database container it names is set-up (the app's settings repeat
/// the container's own password), and a production compose overlay may name such a container (the compose deployment's
/// own database). Any other password in a production artifact, a password to any other host, and every
/// token and key of a fixed format stay findings.
/// </summary>
public static class LocalCredentials
{
    private static readonly string[] ProductionWords = { "prod", "production", "staging", "stage", "live", "release",
        "preprod", "uat" };

    private static readonly string[] DevelopmentWords =
    {
        "development", "dev", "local", "localhost", "docker", "compose", "dockercompose", "override", "test", "tests",
            "testing", "debug", "ci",
        "e2e", "integration", "functional", "sample", "samples", "demo",
    };

    /// <summary>
    /// True for a password (of a connection string or URL, <paramref name="password"/> its value) whose every host is
    /// local set-up in a file of this stage and kind.
    /// </summary>
    public static bool IsLocalSetup(
        SecretMatch match, string password, ArtifactStage stage, ArtifactKind kind, LocalServices services)
    {
        if (match == null
            || (match.Kind != SecretKinds.ConnectionStringPassword && match.Kind != SecretKinds.UrlPassword)
            || match.Hosts.Count == 0)
        {
            return false;
        }
        services ??= LocalServices.None;
        if (stage == ArtifactStage.Production)
        {
            // A production compose overlay whose connection string names a database container of the repository's own
            // compose files (Server=sqldata) points at that container: set-up of the compose deployment, not a leak.
            return kind == ArtifactKind.AppSettings && match.Hosts.All(host => services.Sets(host, password)) ||
                kind == ArtifactKind.Compose && match.Hosts.All(host => !IsLocalHost(host) && services.Contains(host));
        }
        return match.Hosts.All(
            host => IsLocalHost(host) || services.Contains(host)
            || (stage == ArtifactStage.Development && IsSingleLabel(host)));
    }

    /// <summary><c>localhost</c>, <c>*.localhost</c>, <c>127.x.x.x</c>, <c>::1</c>, <c>host.docker.internal</c>,
    /// <c>.</c>, <c>(local)</c>, <c>(localdb)</c>.</summary>
    public static bool IsLocalHost(string host) => LocalHosts.IsLocal(host);

    /// <summary>A name without a dot that is not an address: a container, compose service or machine of the local
    /// network.</summary>
    private static bool IsSingleLabel(string host) =>
        host.Length > 0 && host.IndexOf('.') < 0 && host.IndexOf(':') < 0
            && host.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_') && !host.All(char.IsDigit);

    /// <summary>
    /// The stage of a file from its name and folders: a production word (<c>prod</c>, <c>production</c>,
    /// <c>staging</c>, ...)
    /// in the file name makes it <see cref="ArtifactStage.Production"/>, a development word (<c>development</c>,
    /// <c>dev</c>,
    /// <c>local</c>, <c>docker</c>, <c>override</c>, <c>test</c>, ...) <see cref="ArtifactStage.Development"/>;
    /// otherwise a
    /// Kubernetes manifest is production, <c>.env</c> is development (compose's local set-up file) and the rest is
    /// neutral.
    /// </summary>
    public static ArtifactStage StageOf(string path, ArtifactKind kind)
    {
        var name = PathText.GetFileName(path ?? string.Empty);
        var words = name.Split(new[] { '.', '-', '_' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            // "docker-compose.yml" names the tool, not a stage.
            .Where(w => kind != ArtifactKind.Compose || (w != "docker" && w != "compose"))
            .ToList();
        if (words.Any(w => Array.IndexOf(ProductionWords, w) >= 0))
        {
            return ArtifactStage.Production;
        }
        if (words.Any(w => Array.IndexOf(DevelopmentWords, w) >= 0))
        {
            return ArtifactStage.Development;
        }
        if (kind == ArtifactKind.KubernetesManifest)
        {
            return ArtifactStage.Production;
        }
        return string.Equals(name, ".env", StringComparison.OrdinalIgnoreCase) ? ArtifactStage.Development
            : ArtifactStage.Neutral;
    }
}

/// <summary>
/// The containers of the repository's compose files, by every name they answer to on their network (service name,
/// <c>container_name</c>, <c>hostname</c>, network aliases), with the values their environment sets (a
/// <c>${VAR:-default}</c> counts its default).
/// </summary>
public sealed class LocalServices
{
    private readonly Dictionary<string, HashSet<string>> _values = new Dictionary<string,
        HashSet<string>>(StringComparer.OrdinalIgnoreCase);

    public static LocalServices None { get; } = new LocalServices();

    /// <summary>Adds a container under its names with its environment's values.</summary>
    public void Add(IEnumerable<string> names, IEnumerable<string?> values)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            set.Add(value!);
            var fallback = value!.IndexOf(":-", StringComparison.Ordinal);
            if (value.StartsWith("${", StringComparison.Ordinal) && fallback > 0
                && value.EndsWith("}", StringComparison.Ordinal))
            {
                set.Add(value.Substring(fallback + 2, value.Length - fallback - 3));
            }
        }
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            if (_values.TryGetValue(name, out var existing))
            {
                existing.UnionWith(set);
            }
            else
            {
                _values[name] = new HashSet<string>(set, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>True when a container answers to the host name.</summary>
    public bool Contains(string host) => _values.ContainsKey(host);

    /// <summary>True when the container the host names sets this value in its environment (its own password).</summary>
    public bool Sets(string host, string value) => _values.TryGetValue(host, out var values) && values.Contains(value);
}
