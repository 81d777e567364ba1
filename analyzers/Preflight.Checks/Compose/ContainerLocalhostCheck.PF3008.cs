using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Configuration;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3008: a compose service that builds this project runs it in a container whose effective configuration
/// (appsettings.json,
/// then appsettings.{environment}.json, then the Dockerfile's ENV and the service's env_file/environment) points a
/// connection string or a database/broker URL at localhost: inside the container that is the container itself. Reported
/// where the value is set (the appsettings line, or the compose environment entry), naming the compose service that
/// probably was meant. Silent when anything that could override the value is unknown (an env_file that cannot be read,
/// an environment name set from a variable), for <c>network_mode: host</c> or <c>service:</c>, and for HTTP URLs
/// (browser-facing addresses on localhost are often right).
/// </summary>
public static class ContainerLocalhostCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3008.Id];

    /// <summary>Configuration providers that add values after the JSON files and the environment: with one, any value
    /// may be replaced.</summary>
    private static readonly string[] OtherProviders =
    {
        "AddDaprSecretStore", "AddAzureKeyVault", "AddAzureAppConfiguration", "AddSecretsManager", "AddSystemsManager",
        "AddKeyPerFile", "AddConsul", "AddVault", "AddGoogleSecretManager", "AddSecretManager",
    };

    public static void Run(CheckContext context)
    {
        var projectDirectory = PathText.GetDirectory(context.Layout.CurrentProject);
        var checkedProviders = false;
        foreach (var (path, file) in context.ComposeFiles)
        {
            foreach (var service in file.Services)
            {
                if (BuildsCurrentProject(context, service, projectDirectory, out var dockerfile))
                {
                    if (!checkedProviders)
                    {
                        checkedProviders = true;
                        if (UsesOtherProviders(projectDirectory))
                        {
                            return;
                        }
                    }
                    Check(context, path, file, service, projectDirectory, dockerfile);
                }
            }
        }
    }

    private static void Check(
        CheckContext context, string path, ComposeFile file, ComposeService service, string projectDirectory,
        Dockerfile? dockerfile)
    {
        if (service.NetworkMode != null
            && (service.NetworkMode == "host" || service.NetworkMode.StartsWith("service:", StringComparison.Ordinal)
            || service.NetworkMode.StartsWith("container:", StringComparison.Ordinal)))
        {
            return;
        }
        foreach (var envFile in service.EnvFiles)
        {
            if (envFile.Path.Length == 0 || envFile.Path.IndexOf('$') >= 0 || envFile.BaseDirectory == null
                || context.ReadText(envFile.ResolvePath()) == null)
            {
                return;   // an env_file whose variables are unknown may override anything
            }
        }
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in DockerfileEnvironment(dockerfile))
        {
            environment[name] = value;
        }
        foreach (var entry in ComposeCheckSupport.ContainerEnvironment(context, file, service))
        {
            environment[entry.Key] = entry.Value;
        }
        if (service.Environment.Any(e => (e.Name == "ASPNETCORE_ENVIRONMENT" || e.Name == "DOTNET_ENVIRONMENT") &&
            (e.Node is not ComposeScalar raw || raw.RawValue.IndexOf('$') >= 0)))
        {
            return;   // set from a variable the deploy may give any value
        }
        var environmentName = "Production";
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            if (environment.TryGetValue(variable, out var value))
            {
                if (value == null || value.IndexOf('$') >= 0)
                {
                    return;   // the environment, so the appsettings file that applies, is unknown
                }
                environmentName = value.Length == 0 ? "Production" : value;
                break;
            }
        }
        var overridden = new HashSet<string>(
            environment.Keys.Select(k => k.Replace("__", ":")), StringComparer.OrdinalIgnoreCase);
        var services = file.Services;

        // Values the compose file itself sets.
        foreach (var entry in service.Environment)
        {
            if (entry.Value != null && entry.Node is ComposeScalar scalar && scalar.RawValue.IndexOf('$') < 0 &&
                LocalhostEndpoint.Find(entry.Name.Replace("__", ":"), entry.Value) is { } endpoint)
            {
                Report(context, ComposeCheckSupport.FileOf(entry.SourceFile, path),
                    entry.ValueSpan.IsEmpty ? entry.Span : entry.ValueSpan,
                    entry.Name, endpoint, service, services);
            }
        }

        // appsettings.json, then appsettings.{environment}.json, where the container's environment does not override
        // them.
        var effective = new Dictionary<string, (string File, AppSettingsKey Key)>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "appsettings.json", $"appsettings.{environmentName}.json" })
        {
            var settingsPath = PathText.Combine(projectDirectory, name);
            if (context.ReadText(settingsPath) is not { } text)
            {
                continue;
            }
            var document = AppSettingsParser.Parse(text);
            if (document.Error != null || document.IsUnread)
            {
                return;
            }
            foreach (var key in document.Keys)
            {
                effective[key.Key] = (settingsPath, key);
            }
        }
        foreach (var pair in effective)
        {
            var setting = pair.Value.Key;
            if (overridden.Contains(pair.Key) || LocalhostEndpoint.Find(pair.Key, setting.Value) is not { } endpoint)
            {
                continue;
            }
            Report(context, pair.Value.File, setting.Span, setting.Key, endpoint, service, services);
        }
    }

    private static void Report(
        CheckContext context, string file, SourceSpan span, string key, LocalhostEndpoint endpoint,
        ComposeService service, IReadOnlyList<ComposeService> services)
    {
        var hint = "; use the name of the compose service that runs it as the host";
        if (endpoint.Kind != null)
        {
            var candidates = services.Where(
                s => s != service && s.Image != null
                && LocalhostEndpoint.ImageRuns(ImageCatalogue.RepositoryOf(s.Image), endpoint.Kind)).ToList();
            if (candidates.Count == 1)
            {
                hint = $"; probably meant: the compose service '{candidates[0].Name}' ({candidates[0].Image}) as the " +
                    $"host";
            }
        }
        context.Report(Finding.At(Rule, file, span, key, endpoint.Host, $"compose service '{service.Name}'", hint));
    }

    /// <summary>
    /// True when a C# file of the project (not under bin/obj) names a configuration provider that may replace any value
    /// after the JSON files (a secret store, Key Vault, App Configuration): the effective value is then unknown. A text
    /// search that can only make the rule silent, never report.
    /// </summary>
    internal static bool UsesOtherProviders(string projectDirectory)
    {
        try
        {
            var files = System.IO.Directory.EnumerateFiles(
                projectDirectory, "*.cs", System.IO.SearchOption.AllDirectories)
                .Select(PathText.Normalize)
                .Where(f => f.IndexOf("/bin/", StringComparison.Ordinal) < 0
                    && f.IndexOf("/obj/", StringComparison.Ordinal) < 0)
                .Take(2000);
            foreach (var file in files)
            {
                if (FileSystem.ReadText(file) is { } text
                    && OtherProviders.Any(p => text.IndexOf(p, StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }
            return false;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return true;
        }
    }

    /// <summary>The ENV of the Dockerfile's stages (names with their literal value, or null when it uses a
    /// variable).</summary>
    private static IEnumerable<(string Name, string? Value)> DockerfileEnvironment(Dockerfile? dockerfile)
    {
        if (dockerfile == null)
        {
            yield break;
        }
        foreach (var instruction in dockerfile.Instructions)
        {
            if (!string.Equals(instruction.Keyword, "ENV", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var pair in instruction.KeyValues())
            {
                yield return (pair.Key, pair.Value != null && pair.Value.IndexOf('$') >= 0 ? null : pair.Value);
            }
        }
    }

    /// <summary>
    /// True when the service builds the current project: a local build whose context is the project's folder, or whose
    /// Dockerfile is in the project's folder or names the project file.
    /// </summary>
    internal static bool BuildsCurrentProject(
        CheckContext context, ComposeService service, string projectDirectory, out Dockerfile? dockerfile)
    {
        dockerfile = null;
        var build = service.Build;
        if (build == null || build.IsInterpolated || build.IsRemote || build.BaseDirectory == null
            || build.DockerfileInline != null ||
            (build.Dockerfile != null
                && (build.Dockerfile.IndexOf('$') >= 0 || ComposeReferences.IsRemote(build.Dockerfile))))
        {
            return false;
        }
        var dockerfilePath = build.ResolveDockerfile();
        var text = context.ReadText(dockerfilePath);
        var builds = PathText.Equal(build.ResolveContext(), projectDirectory) ||
            PathText.Equal(PathText.GetDirectory(dockerfilePath), projectDirectory) ||
            (text != null
                && ServiceProjectMatcher.MentionsProjectFile(
                text, PathText.GetFileName(context.Layout.CurrentProject)) &&
             string.Equals(
                 context.Layout.OwnerOfDockerfile(dockerfilePath, text), context.Layout.CurrentProject,
                 StringComparison.Ordinal));
        if (!builds || PathText.Equal(projectDirectory, context.Layout.Root)
            && !PathText.Equal(build.ResolveContext(), projectDirectory))
        {
            return false;
        }
        dockerfile = text != null ? DockerfileParser.Parse(text) : null;
        return true;
    }
}
