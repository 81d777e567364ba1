using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.Configuration;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Json;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3008 for Kubernetes, the app's own settings: a container that runs this project's image (its repository is an
/// image a
/// compose service builds from the project, or, compared without separators, the project's name) gets the project's
/// appsettings.json and appsettings.{environment}.json baked into the image. A connection string or database URL on
/// localhost there that the container's environment does not override is reported at the container's <c>image</c> line
/// (where an <c>env</c> entry would fix it), naming the key and the settings file. Silent when the environment name or
/// any
/// override is unknown (an <c>envFrom</c> Secret, a ConfigMap outside the repository, an owned Dockerfile that sets the
/// environment name), when the project adds a configuration provider that may replace values, and for projects whose
/// name another project shares.
/// </summary>
public static partial class KubernetesLocalhostCheck
{
    private static void CheckAppSettings(
        CheckContext context, Scope scope, ManifestFile manifest, KubernetesObject workload,
        KubernetesContainer container)
    {
        var project = context.Layout.CurrentProject;
        if (container.Image == null || IsTemplated(container.Image)
            || !RunsProject(context, scope, project, container.Image))
        {
            return;
        }
        var projectDirectory = PathText.GetDirectory(project);
        var values = ContainerEnvironment(scope, manifest, workload, container, out var unknownSource);
        if (unknownSource || ContainerLocalhostCheck.UsesOtherProviders(projectDirectory))
        {
            return;
        }
        var dockerfileKeys = OwnedDockerfileEnvironment(context, project);
        if (dockerfileKeys == null)
        {
            return;
        }
        var environmentName = "Production";
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            if (values.TryGetValue(variable, out var setting))
            {
                if (setting.Value == null || IsTemplated(setting.Value))
                {
                    return;   // the environment, so the settings file that applies, is unknown
                }
                environmentName = setting.Value.Length == 0 ? "Production" : setting.Value;
                break;
            }
        }
        var effective = new Dictionary<string, (string File, AppSettingsKey Key)>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "appsettings.json", $"appsettings.{environmentName}.json" })
        {
            var path = PathText.Combine(projectDirectory, name);
            if (context.ReadText(path) is not { } text)
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
                effective[key.Key] = (path, key);
            }
        }
        var arguments = scope.ArgumentsText(workload, 0);
        foreach (var pair in effective.OrderBy(p => p.Value.Key.Span.Start))
        {
            var (file, key) = pair.Value;
            if (values.ContainsKey(pair.Key) || dockerfileKeys.Contains(pair.Key) || key.Value == null
                || IsTemplated(key.Value) ||
                LocalhostEndpoint.Find(pair.Key, key.Value) is not { } endpoint || Mentions(arguments, pair.Key)
                    || scope.PatchesMention(pair.Key, pair.Key.Replace(":", "__")))
            {
                continue;
            }
            var where = $"{workload.Kind} '{workload.Name ?? "?"}' ({(container.Name != null ? $"container '{container.Name}', " : string.Empty)}set in {context.Display(file)})";
            scope.Report(
                manifest.Path, container.ImageSpan.IsEmpty ? container.Span : container.ImageSpan, pair.Key, endpoint,
                where, workload.Namespace, dedupeKey: pair.Key);
        }
    }

    /// <summary>Local host spellings as they appear in settings text (<c>Server=.</c> included); a cheap test before
    /// any manifest is parsed.</summary>
    private static readonly string[] LocalHostTexts = { "localhost", "127.0.0.1", "::1", "(local)", "=." };

    /// <summary>True when an appsettings*.json beside the current project mentions a local host (else its settings
    /// cannot be reported).</summary>
    private static bool SettingsMayNameLocalHost(CheckContext context)
    {
        var projectDirectory = PathText.GetDirectory(context.Layout.CurrentProject);
        foreach (var path in context.Artifacts)
        {
            var name = PathText.GetFileName(path);
            if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
                PathText.Equal(PathText.GetDirectory(path), projectDirectory) && context.ReadText(path) is { } text &&
                LocalHostTexts.Any(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the image is the project's: named like it (and no other project has that name), or built from
    /// it by a compose service (same repository).</summary>
    private static bool RunsProject(CheckContext context, Scope scope, string project, string image)
    {
        var fileName = PathText.GetFileName(project);
        var sharedName = context.Artifacts.Count(
            a => string.Equals(PathText.GetFileName(a), fileName, StringComparison.OrdinalIgnoreCase)) > 1;
        var names = sharedName ? Array.Empty<string>() : new[] { System.IO.Path.GetFileNameWithoutExtension(fileName) };
        if (ServiceProjectMatcher.ImageRuns(image, names, Array.Empty<string>()))
        {
            return true;
        }
        if (scope.ProjectImages == null)
        {
            // Computed once per run: the images of the compose services that build this project.
            var built = new List<string>();
            foreach (var (_, file) in context.ComposeFiles)
            {
                foreach (var service in file.Services)
                {
                    if (service.Image != null
                        && ContainerLocalhostCheck.BuildsCurrentProject(
                        context, service, PathText.GetDirectory(project), out _))
                    {
                        built.Add(service.Image);
                    }
                }
            }
            scope.ProjectImages = built;
        }
        return scope.ProjectImages.Count > 0
            && ServiceProjectMatcher.ImageRuns(image, Array.Empty<string>(), scope.ProjectImages);
    }

    /// <summary>
    /// The keys the ENV of the project's own Dockerfiles set (as .NET keys); null when one sets the environment name or
    /// uses a variable for a value (the image's settings are then unknown).
    /// </summary>
    private static HashSet<string>? OwnedDockerfileEnvironment(CheckContext context, string project)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in context.OfKind(ArtifactKind.Dockerfile))
        {
            if (context.ReadText(path) is not { } text
                || !string.Equals(context.Layout.OwnerOfDockerfile(path, text), project, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var instruction in DockerfileParser.Parse(text).Instructions)
            {
                if (!string.Equals(instruction.Keyword, "ENV", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                foreach (var pair in instruction.KeyValues())
                {
                    if (pair.Key == "ASPNETCORE_ENVIRONMENT" || pair.Key == "DOTNET_ENVIRONMENT")
                    {
                        return null;
                    }
                    keys.Add(Normalize(pair.Key));
                }
            }
        }
        return keys;
    }
}
