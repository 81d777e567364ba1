using System;
using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Env;

namespace Preflight.Checks.Compose;

/// <summary>What the compose checks share: which services the current project checks, and a service's container
/// environment.</summary>
internal static class ComposeCheckSupport
{
    private const string UnknownMarker = "\u0000unknown\u0000";

    /// <summary>The services of every compose project that the current project checks (see
    /// <see cref="RepositoryLayout.OwnerOfService"/>).</summary>
    public static IEnumerable<(string Path, ComposeFile File, ComposeService Service)> OwnedServices(
        CheckContext context)
    {
        foreach (var (path, file) in context.ComposeFiles)
        {
            foreach (var service in file.Services)
            {
                if (context.Layout.CurrentChecksService(service, context.ReadText))
                {
                    yield return (path, file, service);
                }
            }
        }
    }

    /// <summary>The file an element is written in (the project's main file when unknown).</summary>
    public static string FileOf(string? sourceFile, string fallback) => sourceFile ?? fallback;

    /// <summary>
    /// The image a service runs as is and the catalogue's entries for it: no entries when it names no image, an image
    /// with a variable, or builds its own (the catalogue's requirements are those of the published image).
    /// </summary>
    public static (string Reference, IReadOnlyList<ImageRequirements> Images) CatalogueImages(
        ImageCatalogue catalogue, ComposeService service) =>
        service.Image == null || service.Image.Length == 0 || service.Image.IndexOf('$') >= 0 || service.Build != null
            ? (string.Empty, Array.Empty<ImageRequirements>())
            : (service.Image, catalogue.Find(service.Image));

    /// <summary>True when preflight.yaml declares the name under <c>secrets:</c> or <c>variables:</c>.</summary>
    public static bool IsDeclared(CheckContext context, string name)
    {
        var config = context.PreflightConfig;
        foreach (var declaration in config.Secrets)
        {
            if (declaration.Name == name)
            {
                return true;
            }
        }
        foreach (var declaration in config.Variables)
        {
            if (declaration.Name == name)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The variables a service's container gets: its <c>env_file</c>s, then its <c>environment</c> (which wins). A
    /// value is
    /// null when it is provided but unknown here: a bare <c>KEY</c> taken from the project .env or declared in
    /// preflight.yaml, or a value interpolated from a variable provided at deploy time. A bare key provided by nothing
    /// is left out, as compose leaves it out. A variable an example env file documents (<c>.env.example</c>, copied to
    /// <c>.env</c> at set-up) is provided with a value unknown here.
    /// </summary>
    public static Dictionary<string,
        string?> ContainerEnvironment(CheckContext context, ComposeFile file, ComposeService service)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        var documented = file.Files.Count > 0 ? ComposeEnvExamples.Documented(context, file.Files[0])
            : new HashSet<string>(StringComparer.Ordinal);
        foreach (var envFile in service.EnvFiles)
        {
            if (envFile.Path.Length == 0 || envFile.Path.IndexOf('$') >= 0 || envFile.BaseDirectory == null)
            {
                continue;
            }
            var text = context.ReadText(envFile.ResolvePath());
            if (text == null)
            {
                // A missing env_file made from its example at set-up (.env.sample → .env) provides the example's
                // keys.
                if (ComposeEnvExamples.FindExample(context, envFile.ResolvePath()) is { } example
                    && context.ReadText(example) is { } exampleText)
                {
                    foreach (var entry in EnvFileParser.Parse(exampleText).Entries)
                    {
                        environment[entry.Key] = null;
                    }
                }
                continue;
            }
            // A ${VAR} in an env_file that the .env does not set is provided (or not) at deploy time: its value is
            // unknown.
            foreach (var entry in EnvFileParser.Parse(
                text, name => file.DotEnv != null
                && file.DotEnv.TryGetValue(name, out var known) ? known : UnknownMarker).Entries)
            {
                if (entry.Value != null)
                {
                    environment[entry.Key] = entry.Value.IndexOf(UnknownMarker, StringComparison.Ordinal) >= 0 ? null
                        : entry.Value;
                }
                else if (Provided(context, file, documented, entry.Key))
                {
                    environment[entry.Key] = null;
                }
            }
        }
        foreach (var entry in service.Environment)
        {
            if (entry.Value == null)
            {
                if (Provided(context, file, documented, entry.Name))
                {
                    environment[entry.Name] = file.DotEnv != null
                        && file.DotEnv.TryGetValue(entry.Name, out var value) ? value : null;
                }
                else
                {
                    environment.Remove(entry.Name);
                }
                continue;
            }
            environment[entry.Name] = IsInterpolatedFromUnknown(context, file, documented, entry) ? null : entry.Value;
        }
        return environment;
    }

    /// <summary>Set by the .env, declared in preflight.yaml, or documented by an example env file
    /// (<see cref="ComposeEnvExamples"/>).</summary>
    private static bool Provided(CheckContext context, ComposeFile file, HashSet<string> documented, string name) =>
        (file.DotEnv != null && file.DotEnv.ContainsKey(name)) || IsDeclared(context, name)
            || documented.Contains(name);

    /// <summary>True when the value was written with a <c>${VAR}</c> whose value only the deploy knows (so its real
    /// value is unknown here).</summary>
    private static bool IsInterpolatedFromUnknown(
        CheckContext context, ComposeFile file, HashSet<string> documented, ComposeEnvironmentEntry entry)
    {
        if (entry.Node is not ComposeScalar scalar || scalar.RawValue.IndexOf('$') < 0)
        {
            return false;
        }
        foreach (var reference in ComposeInterpolation.FindReferences(scalar.RawValue))
        {
            if (IsDeclared(context, reference.Name) ||
                (documented.Contains(reference.Name)
                    && !(file.DotEnv != null && file.DotEnv.ContainsKey(reference.Name))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A path for messages, relative to the repository root.</summary>
    public static string Display(CheckContext context, string path) => context.Display(PathText.Normalize(path));
}
