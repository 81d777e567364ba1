using System;
using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Secrets;

/// <summary>
/// Finds committed secret values by high-confidence formats only (gitleaks-style token prefixes, private key blocks,
/// passwords in connection strings and URLs); placeholders are never findings. Hand-written scanning, linear in the
/// text: no regular expressions, every look-ahead bounded. Never throws; never returns a value, only its span and a
/// masked form. Over 600 lines: the hand-written, bounded matchers of every format live together so that each format's
/// precision rules are read in one place (hosts and AWS keys are in partial files).
/// </summary>
public static partial class SecretScanner
{
    /// <summary>At most this many matches are returned per text.</summary>
    public const int MaxMatches = 1000;

    private const int MaxTokenLength = 512;
    private const int ContextRadius = 256;
    private const int MaxPrivateKeyLength = 64 * 1024;

    private static readonly string[] GitHubPrefixes = { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" };

    private static readonly HashSet<string> PlaceholderWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "changeme", "change-me", "change_me", "changeit", "change-it", "changethis", "change-this", "password",
            "passwd", "pass", "pwd",
        "secret", "secrets", "token", "apikey", "api-key", "api_key", "key", "example", "sample", "test", "dummy",
            "placeholder", "redacted",
        "removed", "hidden", "masked", "todo", "tbd", "fixme", "none", "null", "nil", "undefined", "empty", "value",
            "string", "foo", "bar",
        "replaceme", "replace-me", "replace_me", "notset", "not-set", "unset", "default", "sensitive", "mypassword",
            "my-password", "mysecret",
        // Well-known default credentials of local development images (postgres, rabbitmq, mongo, ...): not deployment
        // secrets.
        "postgres", "guest", "admin", "root", "mysql", "mongo", "redis", "rabbitmq", "local", "localdev", "dev",
            "development",
    };

    /// <summary>Keys that, beside a <c>Password=</c>, show the text is a connection string.</summary>
    private static readonly HashSet<string> ConnectionStringKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "server", "host", "hostname", "data source", "datasource", "database", "initial catalog", "user id", "userid",
            "uid", "user",
        "username", "user name", "port", "addr", "address", "network address", "dbname", "sslmode", "ssl mode",
            "trusted_connection",
        "integrated security", "encrypt", "provider", "driver", "dsn", "endpoint", "accountname",
            "defaultendpointsprotocol", "abortconnect",
        "connect timeout", "timeout", "pooling", "multipleactiveresultsets", "trustservercertificate",
            "persist security info", "application name",
    };

    /// <summary>Azurite's well-known development storage key: public, documented, not a secret.</summary>
    private const string AzuriteAccountKeyStart = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq";

    /// <summary>Texts longer than this are not scanned (no match rather than a slow build): the same bound as the
    /// artifact parsers.</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    public static IReadOnlyList<SecretMatch> Scan(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return Array.Empty<SecretMatch>();
        }
        try
        {
            return ScanCore(text);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            // A bug here must cost a finding, never the build.
            return Array.Empty<SecretMatch>();
        }
    }

    private static IReadOnlyList<SecretMatch> ScanCore(string text)
    {
        var found = new List<Candidate>();
        FindPrivateKeys(text, found);
        FindAws(text, "AKIA", found);
        FindAws(text, "ASIA", found);
        FindAwsSecretKeys(text, found);
        foreach (var prefix in GitHubPrefixes)
        {
            FindFixed(text, prefix, 36, IsAlphanumeric, SecretKinds.GitHubToken, 1, found);
        }
        FindFixed(text, "github_pat_", 82, IsWordChar, SecretKinds.GitHubToken, 1, found);
        FindFixed(text, "pul-", 40, IsLowerHex, SecretKinds.PulumiAccessToken, 1, found);
        FindStripe(text, "sk_live_", found);
        FindStripe(text, "rk_live_", found);
        FindSlack(text, found);
        FindSlackWebhooks(text, found);
        FindDashKeys(text, found);
        FindAzureKeys(text, "AccountKey", found);
        FindAzureKeys(text, "SharedAccessKey", found);
        FindConnectionStringPasswords(text, "password", found);
        FindConnectionStringPasswords(text, "pwd", found);
        FindUrlPasswords(text, found);

        // Keep the first of overlapping matches (the longest, then the most specific, when they start together).
        found.Sort(
            (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? b.End.CompareTo(a.End)
            : a.Priority.CompareTo(b.Priority));
        var map = new LineMap(text);
        var result = new List<SecretMatch>();
        var keptEnd = -1;
        foreach (var candidate in found)
        {
            if (candidate.Start < keptEnd)
            {
                continue;
            }
            keptEnd = candidate.End;
            result.Add(
                new SecretMatch(
                candidate.Kind, map.Span(candidate.Start, candidate.End),
                MaskFor(candidate.Kind, text.Substring(candidate.Start, candidate.End - candidate.Start)),
                candidate.Hosts ?? Array.Empty<string>()));
            if (result.Count >= MaxMatches)
            {
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// True for an example or template file whose values are placeholders by convention: <c>.env.example</c>,
    /// <c>.env.template</c>, <c>.env.sample</c>, <c>.env.dist</c>, <c>*.example.*</c>, <c>*.sample.*</c>,
    /// <c>*.template.*</c>, <c>x.example</c>. Takes a file name or a path.
    /// </summary>
    public static bool IsExampleFile(string fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return false;
        }
        var name = PathText.GetFileName(fileName);
        if (string.Equals(name, ".env.dist", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var parts = name.Split('.');
        var first = true;
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }
            if (first)
            {
                // The stem ("example.json") says nothing: only a later part marks an example.
                first = false;
                continue;
            }
            if (string.Equals(part, "example", StringComparison.OrdinalIgnoreCase)
                || string.Equals(part, "examples", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(part, "sample", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(part, "template", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(part, "tmpl", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(part, "tpl", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when a value is a placeholder rather than a secret: empty, a variable or template reference
    /// (<c>${VAR}</c>, <c>$VAR</c>, <c>$(VAR)</c>, <c>%VAR%</c>, <c>${{ secrets.X }}</c>, <c>{{ x }}</c>, <c>#{x}#</c>,
    /// <c>__X__</c>), a key vault reference (<c>@Microsoft.KeyVault(...)</c>), <c>&lt;...&gt;</c>, a filler
    /// (<c>xxxx</c>, <c>***</c>, <c>...</c>, one repeated character), a value ending in <c>EXAMPLE</c>, or a word
    /// like <c>changeme</c>, <c>password</c>, <c>secret</c>, <c>your-...</c>.
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (value == null)
        {
            return true;
        }
        var v = value.Trim();
        if (v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[v.Length - 1] == v[0])
        {
            v = v.Substring(1, v.Length - 2).Trim();
        }
        if (v.Length == 0)
        {
            return true;
        }
        if (v[0] == '$' && v.Length > 1 && (v[1] == '{' || v[1] == '(' || v[1] == '_' || char.IsLetter(v[1])))
        {
            return true;
        }
        if (v.IndexOf("${", StringComparison.Ordinal) >= 0 || v.IndexOf("$(", StringComparison.Ordinal) >= 0
            || v.IndexOf("{{", StringComparison.Ordinal) >= 0 ||
            v.IndexOf("}}", StringComparison.Ordinal) >= 0)
        {
            return true;
        }
        if ((v[0] == '<' && v[v.Length - 1] == '>') || (v.IndexOf('<') >= 0 && v.IndexOf('>') > v.IndexOf('<')))
        {
            return true;
        }
        if (v.Length >= 2 && v[0] == '%' && v[v.Length - 1] == '%')
        {
            return true;
        }
        if (v.StartsWith("#{", StringComparison.Ordinal) && v.EndsWith("}#", StringComparison.Ordinal))
        {
            return true;
        }
        if (v.Length > 4 && v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal))
        {
            return true;
        }
        if (v.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (v.IndexOf("xxxx", StringComparison.OrdinalIgnoreCase) >= 0
            || v.IndexOf("***", StringComparison.Ordinal) >= 0 ||
            v.IndexOf("...", StringComparison.Ordinal) >= 0 || v.IndexOf('\u2026') >= 0 || v.IndexOf('\u2022') >= 0)
        {
            return true;
        }
        if (v.EndsWith("EXAMPLE", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var same = true;
        for (var i = 1; i < v.Length && same; i++)
        {
            same = v[i] == v[0];
        }
        if (same)
        {
            return true;
        }
        if (PlaceholderWords.Contains(v))
        {
            return true;
        }
        return v.StartsWith("your", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("change", StringComparison.OrdinalIgnoreCase) ||
            v.StartsWith("replace", StringComparison.OrdinalIgnoreCase)
                || v.StartsWith("insert", StringComparison.OrdinalIgnoreCase) ||
            v.StartsWith("enter-", StringComparison.OrdinalIgnoreCase)
                || v.StartsWith("enter_", StringComparison.OrdinalIgnoreCase) ||
            v.StartsWith("dummy", StringComparison.OrdinalIgnoreCase)
                || v.StartsWith("fake", StringComparison.OrdinalIgnoreCase) ||
            v.StartsWith("placeholder", StringComparison.OrdinalIgnoreCase)
                || v.StartsWith("example", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first characters of a value (at most 4, at most a quarter of it) and <c>****</c>.</summary>
    public static string Mask(string value)
    {
        var shown = Math.Min(4, (value ?? string.Empty).Length / 4);
        return (shown > 0 ? value!.Substring(0, shown) : string.Empty) + "****";
    }

    /// <summary>
    /// The masked form of a found value: at most the format's fixed prefix (<c>ghp_****</c>, <c>AKIA****</c>,
    /// <c>sk-****</c>), never a character of a password or key that has no fixed prefix (<c>****</c>).
    /// </summary>
    public static string MaskFor(string kind, string value)
    {
        value ??= string.Empty;
        switch (kind)
        {
            case SecretKinds.ConnectionStringPassword:
            case SecretKinds.UrlPassword:
            case SecretKinds.AzureAccountKey:
            case SecretKinds.AwsSecretAccessKey:
                return "****";
            case SecretKinds.OpenAIApiKey:
                // sk-proj-, sk-svcacct-, sk-admin- are fixed; after a bare sk- the characters are the key's own.
                return value.StartsWith("sk-proj-", StringComparison.Ordinal)
                    || value.StartsWith("sk-svcacct-", StringComparison.Ordinal) ||
                    value.StartsWith("sk-admin-", StringComparison.Ordinal)
                    ? Mask(value)
                    : "sk-****";
            default:
                return Mask(value);
        }
    }

    // ---- detectors ----

    private readonly struct Candidate
    {
        public Candidate(int start, int end, string kind, int priority, IReadOnlyList<string>? hosts = null)
        {
            Start = start;
            End = end;
            Kind = kind;
            Priority = priority;
            Hosts = hosts;
        }

        public int Start { get; }
        public int End { get; }
        public string Kind { get; }
        public int Priority { get; }
        public IReadOnlyList<string>? Hosts { get; }
    }

    /// <summary>AWS access key ids: <c>AKIA</c>/<c>ASIA</c> and 16 upper-case letters or digits.</summary>
    private static void FindAws(string text, string prefix, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, prefix, StringComparison.Ordinal))
        {
            if (!BoundaryBefore(text, at))
            {
                continue;
            }
            var end = at + prefix.Length + 16;
            if (end > text.Length || !All(text, at + prefix.Length, end, IsUpperAlphanumeric)
                || (end < text.Length && IsWordChar(text[end])))
            {
                continue;
            }
            if (!IsPlaceholder(text.Substring(at, end - at)))
            {
                found.Add(new Candidate(at, end, SecretKinds.AwsAccessKeyId, 1));
            }
        }
    }

    /// <summary>A prefix and exactly <paramref name="length"/> characters of a set, with word boundaries.</summary>
    private static void FindFixed(
        string text, string prefix, int length, Func<char, bool> body, string kind, int priority, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, prefix, StringComparison.Ordinal))
        {
            if (!BoundaryBefore(text, at))
            {
                continue;
            }
            var end = at + prefix.Length + length;
            if (end > text.Length || !All(text, at + prefix.Length, end, body)
                || (end < text.Length && IsWordChar(text[end])))
            {
                continue;
            }
            if (!IsPlaceholder(text.Substring(at + prefix.Length, length)))
            {
                found.Add(new Candidate(at, end, kind, priority));
            }
        }
    }

    /// <summary>Stripe live secret and restricted keys: <c>sk_live_</c>/<c>rk_live_</c> and at least 20 letters or
    /// digits.</summary>
    private static void FindStripe(string text, string prefix, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, prefix, StringComparison.Ordinal))
        {
            if (!BoundaryBefore(text, at))
            {
                continue;
            }
            var end = Run(text, at + prefix.Length, IsAlphanumeric);
            var length = end - at - prefix.Length;
            if (length < 20 || length > 247 || (end < text.Length && IsWordChar(text[end])))
            {
                continue;
            }
            if (!IsPlaceholder(text.Substring(at + prefix.Length, length)))
            {
                found.Add(new Candidate(at, end, SecretKinds.StripeLiveKey, 1));
            }
        }
    }

    /// <summary>Slack tokens: <c>xoxb-</c>, <c>xoxp-</c>, <c>xoxa-</c>, <c>xoxr-</c>, <c>xoxs-</c> and dash-separated
    /// parts, the first numeric.</summary>
    private static void FindSlack(string text, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, "xox", StringComparison.Ordinal))
        {
            if (!BoundaryBefore(text, at) || at + 5 > text.Length || "baprs".IndexOf(text[at + 3]) < 0
                || text[at + 4] != '-')
            {
                continue;
            }
            var bodyStart = at + 5;
            var end = Run(text, bodyStart, c => IsAlphanumeric(c) || c == '-');
            var length = end - bodyStart;
            if (length < 20 || length > 255 || (end < text.Length && IsWordChar(text[end])))
            {
                continue;
            }
            var firstDash = text.IndexOf('-', bodyStart, length);
            var dashes = 0;
            for (var i = bodyStart; i < end; i++)
            {
                dashes += text[i] == '-' ? 1 : 0;
            }
            if (firstDash <= bodyStart || dashes < 2 || !All(text, bodyStart, firstDash, IsDigit))
            {
                continue;
            }
            if (!IsPlaceholder(text.Substring(bodyStart, length)))
            {
                found.Add(new Candidate(at, end, SecretKinds.SlackToken, 1));
            }
        }
    }

    /// <summary>Slack incoming webhooks: <c>https://hooks.slack.com/services/T.../B.../secret</c>.</summary>
    private static void FindSlackWebhooks(string text, List<Candidate> found)
    {
        const string prefix = "hooks.slack.com/services/";
        foreach (var at in Occurrences(text, prefix, StringComparison.Ordinal))
        {
            var start = at + prefix.Length;
            var end = Run(text, start, c => IsAlphanumeric(c) || c == '/');
            var path = text.Substring(start, end - start);
            var parts = path.Split('/');
            if (parts.Length != 3 || parts[0].Length < 8 || parts[1].Length < 8 || parts[2].Length < 20
                || parts[0][0] != 'T' || parts[1][0] != 'B' ||
                IsPlaceholder(parts[2]))
            {
                continue;
            }
            var urlStart = at;
            if (urlStart >= 8 && string.CompareOrdinal(text, urlStart - 8, "https://", 0, 8) == 0)
            {
                urlStart -= 8;
            }
            found.Add(new Candidate(urlStart, end, SecretKinds.SlackWebhook, 1));
        }
    }

    /// <summary>
    /// <c>sk-</c> keys: OpenAI (<c>sk-proj-</c>, <c>sk-svcacct-</c>, <c>sk-admin-</c>, or any with the <c>T3BlbkFJ</c>
    /// marker)
    /// and Anthropic (<c>sk-ant-api03-</c>, <c>sk-ant-admin01-</c>). Other <c>sk-</c> strings are not claimed.
    /// </summary>
    private static void FindDashKeys(string text, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, "sk-", StringComparison.Ordinal))
        {
            if (!BoundaryBefore(text, at) || (at > 0 && text[at - 1] == '-'))
            {
                continue;
            }
            var bodyStart = at + 3;
            var end = Run(text, bodyStart, c => IsWordChar(c) || c == '-');
            var length = end - bodyStart;
            if (length < 20 || length > MaxTokenLength)
            {
                continue;
            }
            var body = text.Substring(bodyStart, length);
            string? kind = null;
            if (body.StartsWith("ant-api03-", StringComparison.Ordinal)
                || body.StartsWith("ant-admin01-", StringComparison.Ordinal))
            {
                kind = length >= 90 ? SecretKinds.AnthropicApiKey : null;
            }
            else if (body.IndexOf("T3BlbkFJ", StringComparison.Ordinal) >= 0 && length >= 40)
            {
                kind = SecretKinds.OpenAIApiKey;
            }
            else if ((body.StartsWith("proj-", StringComparison.Ordinal)
                || body.StartsWith("svcacct-", StringComparison.Ordinal) ||
                body.StartsWith("admin-", StringComparison.Ordinal)) && length >= 48)
            {
                kind = SecretKinds.OpenAIApiKey;
            }
            if (kind != null && !IsPlaceholder(body) && HasMixedCharacters(body))
            {
                found.Add(new Candidate(at, end, kind, 1));
            }
        }
    }

    /// <summary><c>AccountKey=</c> / <c>SharedAccessKey=</c> of Azure connection strings: base64 of at least 40
    /// characters.</summary>
    private static void FindAzureKeys(string text, string key, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, key, StringComparison.OrdinalIgnoreCase))
        {
            if (!ConnectionKeyBoundary(text, at))
            {
                continue;
            }
            var i = SkipSpaces(text, at + key.Length);
            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }
            var start = SkipSpaces(text, i + 1);
            var end = Run(text, start, c => IsAlphanumeric(c) || c == '+' || c == '/' || c == '=');
            if (end - start < 40 || end - start > MaxTokenLength)
            {
                continue;
            }
            var value = text.Substring(start, end - start);
            if (!IsPlaceholder(value) && !value.StartsWith(AzuriteAccountKeyStart, StringComparison.Ordinal))
            {
                found.Add(new Candidate(start, end, SecretKinds.AzureAccountKey, 2));
            }
        }
    }

    /// <summary><c>Password=</c> / <c>Pwd=</c> in a <c>key=value;</c> connection string (another connection-string key
    /// beside it).</summary>
    private static void FindConnectionStringPasswords(string text, string key, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, key, StringComparison.OrdinalIgnoreCase))
        {
            if (!ConnectionKeyBoundary(text, at))
            {
                continue;
            }
            var i = SkipSpaces(text, at + key.Length);
            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }
            var start = SkipSpaces(text, i + 1);
            if (StartsTemplate(text, start))
            {
                // {{ .Values.db.password }}, #{DbPassword}#, ${DB_PASSWORD}, $(DbPassword): filled in at deploy time.
                continue;
            }
            int end;
            if (start < text.Length && (text[start] == '\'' || text[start] == '{'))
            {
                // Quoted ('a;b') or ODBC-braced ({a;b}) values may hold ';'.
                var close = text[start] == '\'' ? '\'' : '}';
                end = start + 1;
                while (end < text.Length && end - start < MaxTokenLength && text[end] != close && text[end] != '\n'
                    && text[end] != '\r')
                {
                    end++;
                }
                if (end >= text.Length || text[end] != close)
                {
                    continue;
                }
                start++;
            }
            else
            {
                end = start;
                while (end < text.Length && end - start < MaxTokenLength && !IsValueTerminator(text[end]))
                {
                    end++;
                }
            }
            if (end == start || end - start >= MaxTokenLength)
            {
                continue;
            }
            var value = text.Substring(start, end - start);
            if (IsPlaceholder(value) || !LooksLikeConnectionString(text, at, end))
            {
                continue;
            }
            found.Add(
                new Candidate(
                start, end, SecretKinds.ConnectionStringPassword, 3, ConnectionStringHosts(text, at, end)));
        }
    }

    /// <summary><c>scheme://user:password@host</c>: the password, unless it is a placeholder or repeats the user
    /// name.</summary>
    private static void FindUrlPasswords(string text, List<Candidate> found)
    {
        foreach (var at in Occurrences(text, "://", StringComparison.Ordinal))
        {
            var schemeStart = at;
            while (schemeStart > 0 && at - schemeStart < 32 && IsSchemeChar(text[schemeStart - 1]))
            {
                schemeStart--;
            }
            if (schemeStart == at || !IsLetter(text[schemeStart]))
            {
                continue;
            }
            var userStart = at + 3;
            var i = userStart;
            var colon = -1;
            var atSign = -1;
            while (i < text.Length && i - userStart < 256)
            {
                var c = text[i];
                if (c == '@')
                {
                    atSign = i;
                    break;
                }
                if (c == '#' && colon >= 0)
                {
                    // An unencoded '#' in the password (p#ss@host): the user information goes on to the '@'.
                    i++;
                    continue;
                }
                if (c == '/' || c == '?' || c == '#' || c == '\\' || char.IsWhiteSpace(c) || c == '"' || c == '\''
                    || c == '`' || c == '<' || c == '>')
                {
                    break;
                }
                if (c == ':' && colon < 0)
                {
                    colon = i;
                }
                i++;
            }
            if (atSign < 0 || colon < 0 || atSign + 1 >= text.Length
                || !(IsAlphanumeric(text[atSign + 1]) || text[atSign + 1] == '['))
            {
                continue;
            }
            var user = text.Substring(userStart, colon - userStart);
            var password = text.Substring(colon + 1, atSign - colon - 1);
            if (IsPlaceholder(password) || string.Equals(user, password, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            found.Add(new Candidate(colon + 1, atSign, SecretKinds.UrlPassword, 3, UrlHosts(text, atSign + 1)));
        }
    }

    /// <summary>
    /// <c>-----BEGIN ... PRIVATE KEY-----</c> (and PGP private key blocks) with a body of real key material, up to
    /// the matching <c>-----END ...-----</c>. A header with "..." or a short body is an example, not a key.
    /// </summary>
    private static void FindPrivateKeys(string text, List<Candidate> found)
    {
        var nextEnd = -2;
        foreach (var at in Occurrences(text, "-----BEGIN ", StringComparison.Ordinal))
        {
            var labelStart = at + 11;
            var labelEnd = labelStart;
            while (labelEnd < text.Length && labelEnd - labelStart < 48
                && (IsUpperAlphanumeric(text[labelEnd]) || text[labelEnd] == ' '))
            {
                labelEnd++;
            }
            if (labelEnd + 5 > text.Length || string.CompareOrdinal(text, labelEnd, "-----", 0, 5) != 0)
            {
                continue;
            }
            var label = text.Substring(labelStart, labelEnd - labelStart);
            if (!label.EndsWith("PRIVATE KEY", StringComparison.Ordinal)
                && !label.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
            {
                continue;
            }
            var bodyStart = labelEnd + 5;
            if (nextEnd != -1 && nextEnd < bodyStart)
            {
                nextEnd = text.IndexOf("-----END ", bodyStart, StringComparison.Ordinal);
            }
            int blockEnd;
            int bodyEnd;
            if (nextEnd >= 0 && nextEnd - bodyStart <= MaxPrivateKeyLength)
            {
                bodyEnd = nextEnd;
                var close = nextEnd + 9;
                while (close < text.Length && close - nextEnd < 64
                    && (IsUpperAlphanumeric(text[close]) || text[close] == ' '))
                {
                    close++;
                }
                blockEnd = close + 5 <= text.Length
                    && string.CompareOrdinal(text, close, "-----", 0, 5) == 0 ? close + 5 : close;
            }
            else
            {
                bodyEnd = Math.Min(text.Length, bodyStart + 4096);
                blockEnd = bodyStart;
            }
            if (CountKeyMaterial(text, bodyStart, bodyEnd) >= 64)
            {
                found.Add(new Candidate(at, blockEnd, SecretKinds.PrivateKey, 0));
            }
        }
    }

    /// <summary>Base64 characters in a key body, skipping whitespace, escaped line breaks (<c>\n</c>) and PEM headers;
    /// a "..." body counts nothing.</summary>
    private static int CountKeyMaterial(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
            {
                return 0;
            }
            if (c == '\\' && i + 1 < end && (text[i + 1] == 'n' || text[i + 1] == 'r'))
            {
                i++;
                continue;
            }
            if (c == '<' || c == '$' || c == '{')
            {
                return 0;
            }
            if (IsAlphanumeric(c) || c == '+' || c == '/' || c == '=')
            {
                count++;
            }
        }
        return count;
    }

    private static bool LooksLikeConnectionString(string text, int keyStart, int valueEnd)
    {
        // The segment of the line around the password, at most ContextRadius either side.
        var from = keyStart;
        while (from > 0 && keyStart - from < ContextRadius && text[from - 1] != '\n' && text[from - 1] != '\r')
        {
            from--;
        }
        var to = valueEnd;
        while (to < text.Length && to - valueEnd < ContextRadius && text[to] != '\n' && text[to] != '\r')
        {
            to++;
        }
        var before = text.Substring(from, keyStart - from);
        var after = text.Substring(valueEnd, to - valueEnd);
        var semicolonBefore = before.TrimEnd().EndsWith(";", StringComparison.Ordinal);
        var semicolonAfter = after.TrimStart().StartsWith(";", StringComparison.Ordinal)
            || (after.Length > 0 && after[0] == '\''
            && after.TrimStart('\'').TrimStart().StartsWith(";", StringComparison.Ordinal));
        if (!semicolonBefore && !semicolonAfter && before.IndexOf(';') < 0)
        {
            return false;
        }
        return HasConnectionKey(before) || HasConnectionKey(after);
    }

    /// <summary>True when some <c>key=</c> of the <c>;</c>-separated segment is a connection-string key (Server, Host,
    /// User Id, ...).</summary>
    private static bool HasConnectionKey(string segment)
    {
        foreach (var part in segment.Split(';'))
        {
            var equals = part.LastIndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            // The key is the run of letters, digits, '_' and spaces before '=' ("Db": "Data Source=..." gives "Data
            // Source").
            var start = equals;
            while (start > 0 && (IsWordChar(part[start - 1]) || part[start - 1] == ' '))
            {
                start--;
            }
            if (start > 0 && (part[start - 1] == '?' || part[start - 1] == '&' || part[start - 1] == '/'))
            {
                // A URL query parameter (?user=x&...), not a connection-string key.
                continue;
            }
            var key = part.Substring(start, equals - start).Trim();
            if (ConnectionStringKeys.Contains(key))
            {
                return true;
            }
            var space = key.LastIndexOf(' ');
            if (space >= 0 && ConnectionStringKeys.Contains(key.Substring(space + 1)))
            {
                return true;
            }
        }
        return false;
    }

    // ---- character helpers ----

    /// <summary>True when a template or variable reference (<c>{{</c>, <c>#{</c>, <c>${</c>, <c>$(</c>) starts at
    /// <paramref name="at"/>.</summary>
    private static bool StartsTemplate(string text, int at)
    {
        if (at + 1 >= text.Length)
        {
            return false;
        }
        var c = text[at];
        var next = text[at + 1];
        return (c == '{' && next == '{') || (c == '#' && next == '{') || (c == '$' && (next == '{' || next == '('));
    }

    /// <summary>Every start offset of <paramref name="needle"/>, in order.</summary>
    private static IEnumerable<int> Occurrences(string text, string needle, StringComparison comparison)
    {
        var at = text.IndexOf(needle, 0, comparison);
        while (at >= 0)
        {
            yield return at;
            if (at + 1 >= text.Length)
            {
                yield break;
            }
            at = text.IndexOf(needle, at + 1, comparison);
        }
    }

    private static bool BoundaryBefore(string text, int at) => at == 0 || !IsWordChar(text[at - 1]);

    /// <summary>A connection-string key starts the text, or follows ';', a quote, a brace or white space.</summary>
    private static bool ConnectionKeyBoundary(string text, int at)
    {
        if (at == 0)
        {
            return true;
        }
        var c = text[at - 1];
        return c == ';' || c == '"' || c == '\'' || c == '{' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static bool IsValueTerminator(char c) =>
        c == ';' || c == '"' || c == '\'' || c == '`' || c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '&'
            || c == ',' || c == '}' || c == ')';

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }
        return i;
    }

    private static int Run(string text, int start, Func<char, bool> accept)
    {
        var i = start;
        while (i < text.Length && i - start <= MaxTokenLength && accept(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool All(string text, int start, int end, Func<char, bool> accept)
    {
        for (var i = start; i < end; i++)
        {
            if (!accept(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Real keys mix letters and digits; a word-only tail ("sk-proj-my-very-own-example-name...") is not
    /// one.</summary>
    private static bool HasMixedCharacters(string body)
    {
        bool upper = false, lower = false, digit = false;
        foreach (var c in body)
        {
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAlphanumeric(char c) => IsLetter(c) || IsDigit(c);

    private static bool IsUpperAlphanumeric(char c) => (c >= 'A' && c <= 'Z') || IsDigit(c);

    private static bool IsLowerHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f');

    private static bool IsWordChar(char c) => IsAlphanumeric(c) || c == '_';

    private static bool IsSchemeChar(char c) => IsAlphanumeric(c) || c == '+' || c == '.' || c == '-';
}
