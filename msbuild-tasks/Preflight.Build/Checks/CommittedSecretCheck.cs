using System;
using System.Linq;
using System.Text;
using Preflight.Artifacts;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Secrets;
using Preflight.Artifacts.Text;
using Preflight.Build.Findings;

namespace Preflight.Build.Checks;

/// <summary>
/// PF1004: a secret's literal value committed in appsettings*.json, a non-example .env file (<c>.env</c>,
/// <c>.env.production</c>, ... but not <c>.env.example/.template/.sample</c>), a compose file, a Dockerfile or a
/// Kubernetes manifest (Secret <c>data</c> values are base64-decoded first), found by <see cref="SecretScanner"/>'s
/// high-confidence formats. Files that a .gitignore ignores are not committed and not checked. The message names the
/// kind of secret and at most the format's fixed prefix, never the value. Ownership: an appsettings file by the
/// Preflight project whose folder holds it, a Dockerfile by the project it builds, the rest by the owner project.
/// </summary>
public static class CommittedSecretCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF1004.Id];

    public static void Run(CheckContext context)
    {
        GitIgnore? ignore = null;
        foreach (var path in context.Artifacts)
        {
            var kind = ArtifactClassifier.Classify(path);
            if (!IsScanned(path, kind) || !IsCheckedByCurrent(context, path, kind))
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
            foreach (var match in SecretScanner.Scan(text))
            {
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
                return IsDotEnv(PathText.GetFileName(path));
        }
    }

    /// <summary><c>.env</c> and <c>.env.&lt;name&gt;</c>, except example files (<c>.env.example</c>, <c>.env.template</c>, <c>.env.sample</c>, <c>.env.dist</c>).</summary>
    internal static bool IsDotEnv(string name) =>
        (string.Equals(name, ".env", StringComparison.OrdinalIgnoreCase) || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)) &&
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

    /// <summary>Secret <c>data</c> values are base64: decode each, and report a secret inside at the encoded value.</summary>
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
                    context.Findings.Add(Finding.At(Rule, path, key.ValueSpan, match.Kind + " (base64 in Secret data)", match.Masked, display));
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
