using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Secrets;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Secrets;

/// <summary>
/// PF1004: a secret's literal value committed in appsettings*.json, a non-example .env file (<c>.env</c>,
/// <c>.env.production</c>, ... but not <c>.env.example/.template/.sample</c>), a compose file, a Dockerfile or a
/// Kubernetes manifest (Secret <c>data</c> values are base64-decoded first), found by <see cref="SecretScanner"/>'s
/// high-confidence formats, and private key files (<see cref="PrivateKeyFiles"/>) for their key blocks. A password of
/// local set-up (<see cref="LocalCredentials"/>: to localhost or a compose service of the repository, outside
/// production
/// artifacts) is not reported, nor is anything under a Helm chart's <c>templates/</c> folder. Files that a .gitignore
/// ignores are not committed and not checked. The message names the
/// kind of secret and at most the format's fixed prefix, never the value. Ownership: an appsettings file by the
/// Preflight project whose folder holds it, a Dockerfile by the project it builds, the rest by the owner project.
/// </summary>
public static class CommittedSecretCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF1004.Id];

    public static void Run(CheckContext context)
    {
        GitIgnore? ignore = null;
        LocalServices? services = null;
        foreach (var path in context.Artifacts)
        {
            var kind = ArtifactClassifier.Classify(path);
            if (!IsScanned(path, kind) || !IsCheckedByCurrent(context, path, kind) || IsHelmTemplate(context, path))
            {
                continue;
            }
            ignore ??= new GitIgnore(context);
            if (ignore.IsIgnored(path))
            {
                continue;
            }
            var text = context.ReadText(path);
            if (text == null || text.IndexOf('\0') >= 0)
            {
                continue;
            }
            var display = context.Display(path);
            var keyFile = kind == ArtifactKind.Unknown && PrivateKeyFiles.IsCandidate(path);
            var stage = LocalCredentials.StageOf(path, kind);
            foreach (var match in SecretScanner.Scan(text))
            {
                if (keyFile && match.Kind != SecretKinds.PrivateKey)
                {
                    // A .key or .pem file is read for its private key blocks only.
                    continue;
                }
                if (match.Hosts.Count > 0 &&
                    LocalCredentials.IsLocalSetup(
                        match, text.Substring(match.Span.Start, match.Span.Length), stage, kind,
                        services ??= ComposeServices(context)))
                {
                    // Local set-up (Password=Pass@word to localhost or the repository's own compose service), not a
                    // leak.
                    continue;
                }
                context.Findings.Add(Finding.At(Rule, path, match.Span, match.Kind, match.Masked, display));
            }
            if (kind == ArtifactKind.KubernetesManifest)
            {
                ScanKubernetesSecretData(context, path, display, text);
            }
        }
    }

    /// <summary>True for the files whose values end up in a deployment: the kinds PF1004 covers.</summary>
    internal static bool IsScanned(string path, ArtifactKind kind)
    {
        switch (kind)
        {
            case ArtifactKind.AppSettings:
            case ArtifactKind.Compose:
            case ArtifactKind.Dockerfile:
            case ArtifactKind.KubernetesManifest:
                return !SecretScanner.IsExampleFile(path);
            default:
                return IsDotEnv(PathText.GetFileName(path))
                    || (kind == ArtifactKind.Unknown && PrivateKeyFiles.IsCandidate(path));
        }
    }

    /// <summary>
    /// True for a file under a Helm chart's <c>templates/</c> folder (the folder holding <c>templates</c> has a
    /// <c>Chart.yaml</c>): its values come from the chart's values at install time, it is not what deploys.
    /// </summary>
    internal static bool IsHelmTemplate(CheckContext context, string path)
    {
        var folder = PathText.GetDirectory(path);
        for (var depth = 0; depth < 16 && folder.Length > 0 && PathText.IsUnder(folder, context.Layout.Root); depth++)
        {
            if (string.Equals(PathText.GetFileName(folder), "templates", StringComparison.Ordinal))
            {
                var chart = PathText.GetDirectory(folder);
                if (context.Exists(PathText.Combine(chart, "Chart.yaml"))
                    || context.Exists(PathText.Combine(chart, "Chart.yml")))
                {
                    return true;
                }
            }
            var parent = PathText.GetDirectory(folder);
            if (parent == folder)
            {
                break;
            }
            folder = parent;
        }
        return false;
    }

    /// <summary>
    /// The containers of the repository's compose files: the names they answer to on their network (service name,
    /// <c>container_name</c>, <c>hostname</c>, network aliases) and the values of their environment.
    /// </summary>
    private static LocalServices ComposeServices(CheckContext context)
    {
        var services = new LocalServices();
        foreach (var path in context.OfKind(ArtifactKind.Compose))
        {
            var text = context.ReadText(path);
            if (text == null)
            {
                continue;
            }
            foreach (var service in ComposeParser.Parse(text).Services)
            {
                var names = new List<string> { service.Name };
                foreach (var network in service.Networks)
                {
                    names.AddRange(network.Aliases);
                }
                if (service.Node is ComposeMapping body)
                {
                    foreach (var key in new[] { "container_name", "hostname" })
                    {
                        if (body[key] is ComposeScalar { IsNull: false } value)
                        {
                            names.Add(value.Value);
                        }
                    }
                }
                services.Add(names, service.Environment.Select(e => e.Value));
            }
        }
        return services;
    }

    /// <summary><c>.env</c> and <c>.env.&lt;name&gt;</c>, except example files (<c>.env.example</c>,
    /// <c>.env.template</c>, <c>.env.sample</c>, <c>.env.dist</c>).</summary>
    internal static bool IsDotEnv(string name) =>
        (string.Equals(name, ".env", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)) &&
        !SecretScanner.IsExampleFile(name);

    private static bool IsCheckedByCurrent(CheckContext context, string path, ArtifactKind kind)
    {
        var layout = context.Layout;
        if (kind == ArtifactKind.Dockerfile)
        {
            return layout.CurrentChecksDockerfile(path, context.ReadText(path));
        }
        if (kind == ArtifactKind.AppSettings)
        {
            // The Preflight project whose folder holds the file (the deepest), else the owner.
            var holder = layout.PreflightProjects
                .Where(p => PathText.IsUnder(path, PathText.GetDirectory(p)))
                .OrderByDescending(p => p.Length)
                .FirstOrDefault() ?? layout.OwnerProject;
            return string.Equals(holder, layout.CurrentProject, StringComparison.Ordinal);
        }
        return layout.CurrentIsOwner;
    }

    /// <summary>Secret <c>data</c> values are base64: decode each, and report a secret inside at the encoded
    /// value.</summary>
    private static void ScanKubernetesSecretData(CheckContext context, string path, string display, string text)
    {
        var file = KubernetesParser.Parse(text);
        foreach (var definition in file.Objects.Where(o => o.Kind == "Secret").SelectMany(o => o.Definitions))
        {
            foreach (var key in definition.Keys)
            {
                if (key.Field != "data" || key.ValueSpan.IsEmpty || key.ValueSpan.End > text.Length)
                {
                    continue;
                }
                var decoded = Decode(text.Substring(key.ValueSpan.Start, key.ValueSpan.Length));
                var match = decoded == null ? null : SecretScanner.Scan(decoded).FirstOrDefault();
                if (match != null)
                {
                    context.Findings.Add(
                        Finding.At(
                        Rule, path, key.ValueSpan, match.Kind + " (base64 in Secret data)", match.Masked, display));
                }
            }
        }
    }

    /// <summary>The UTF-8 text of a base64 value, or null when it is not base64 of text.</summary>
    private static string? Decode(string raw)
    {
        var value = raw.Trim();
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
        {
            value = value.Substring(1, value.Length - 2);
        }
        var compact = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }
        if (compact.Length < 8 || compact.Length % 4 != 0)
        {
            return null;
        }
        try
        {
            var bytes = Convert.FromBase64String(compact.ToString());
            var decoded = new UTF8Encoding(false, true).GetString(bytes);
            return decoded.IndexOf('\0') >= 0 ? null : decoded;
        }
        catch (Exception ex) when (ex is FormatException || ex is ArgumentException)
        {
            return null;
        }
    }
}
