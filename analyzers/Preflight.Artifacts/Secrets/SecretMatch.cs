using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Secrets;

/// <summary>A committed secret value found by <see cref="SecretScanner"/>. It never holds the value itself.</summary>
public sealed class SecretMatch
{
    internal SecretMatch(string kind, SourceSpan span, string masked, IReadOnlyList<string>? hosts = null)
    {
        Kind = kind;
        Span = span;
        Masked = masked;
        Hosts = hosts ?? System.Array.Empty<string>();
    }

    /// <summary>What the value is, for messages: one of <see cref="SecretKinds"/>.</summary>
    public string Kind { get; }

    /// <summary>The span of the value (only the password of a connection string or URL; the whole block of a private
    /// key).</summary>
    public SourceSpan Span { get; }

    /// <summary>
    /// The value masked to at most the format's fixed prefix (at most 4 characters, never more than a quarter of it):
    /// <c>ghp_****</c>; passwords and keys without a fixed prefix are <c>****</c>. Safe to print.
    /// </summary>
    public string Masked { get; }

    /// <summary>
    /// For a password of a connection string or URL: the host names it is sent to (lower case, without port, instance
    /// or protocol prefix: <c>Server=tcp:sqldata,1433</c> gives <c>sqldata</c>); empty when unknown or not a password.
    /// </summary>
    public IReadOnlyList<string> Hosts { get; }

    public override string ToString() => Kind + " " + Masked + " at " + Span;
}

/// <summary>The kinds of secret <see cref="SecretScanner"/> finds.</summary>
public static class SecretKinds
{
    public const string AwsAccessKeyId = "AWS access key id";
    public const string AwsSecretAccessKey = "AWS secret access key";
    public const string GitHubToken = "GitHub token";
    public const string SlackToken = "Slack token";
    public const string SlackWebhook = "Slack webhook URL";
    public const string StripeLiveKey = "Stripe live key";
    public const string OpenAIApiKey = "OpenAI API key";
    public const string AnthropicApiKey = "Anthropic API key";
    public const string PulumiAccessToken = "Pulumi access token";
    public const string PrivateKey = "private key";
    public const string ConnectionStringPassword = "password in connection string";
    public const string UrlPassword = "password in URL";
    public const string AzureAccountKey = "Azure account key in connection string";
}
