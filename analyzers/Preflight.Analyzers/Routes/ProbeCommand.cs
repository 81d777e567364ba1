using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Preflight.Analyzers.Routes;

/// <summary>A URL of a health-check command (curl/wget) that targets the container itself.</summary>
internal sealed class ProbeUrl
{
    public ProbeUrl(string url, string path, int? port, int index)
    {
        Url = url;
        Path = path;
        Port = port;
        Index = index;
    }

    public string Url { get; }
    /// <summary>The path ("/" when the URL has none), query string included.</summary>
    public string Path { get; }
    public int? Port { get; }
    /// <summary>Offset of the URL in the text it was found in.</summary>
    public int Index { get; }
}

/// <summary>Finds the localhost URLs that curl or wget request in a health-check command.</summary>
internal static class ProbeCommand
{
    private static readonly Regex Url = new Regex(
        @"https?://(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(?<port>\d{1,5}))?(?<path>/[^\s'""|;&)`\\]*)?(?=$|[\s'""|;&)`\\])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Client = new Regex(
        @"(^|[\s/""'\[,])(curl|wget)($|[\s""',\]])", RegexOptions.CultureInvariant);

    /// <summary>True when the command runs curl or wget with a GET (or HEAD) request.</summary>
    public static bool IsHttpGet(string command)
    {
        if (!Client.IsMatch(command))
        {
            return false;
        }
        // An explicit method other than GET/HEAD, or a request body: not a plain GET probe.
        var method = Regex.Match(command, @"(?:-X|--request|--method)[\s=]*['""]?(?<m>[A-Za-z]+)");
        if (method.Success && !string.Equals(method.Groups["m"].Value, "GET", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(method.Groups["m"].Value, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return command.IndexOf("--data", StringComparison.Ordinal) < 0
            && command.IndexOf("--post-", StringComparison.Ordinal) < 0 &&
            !Regex.IsMatch(command, @"(^|\s)-d(\s|$)");
    }

    /// <summary>The localhost URLs in <paramref name="text"/> whose path holds no variable.</summary>
    public static IEnumerable<ProbeUrl> Urls(string text)
    {
        foreach (Match match in Url.Matches(text))
        {
            var path = match.Groups["path"].Success ? match.Groups["path"].Value : "/";
            if (path.IndexOf('$') >= 0 || path.IndexOf('{') >= 0 || path.IndexOf('%') >= 0 && !IsEscapedPath(path))
            {
                continue;
            }
            int? port = match.Groups["port"].Success
                && int.TryParse(match.Groups["port"].Value, out var value) ? value : null;
            yield return new ProbeUrl(match.Value, path, port, match.Index);
        }
    }

    private static bool IsEscapedPath(string path) => Regex.IsMatch(path, "^(?:[^%]|%[0-9A-Fa-f]{2})*$");
}
