using System;
using System.Collections.Generic;
using Preflight.Artifacts.Deployment;

namespace Preflight.Artifacts.Secrets;

public static partial class SecretScanner
{
    private const int MaxHosts = 16;

    /// <summary>
    /// The hosts of the connection string around a password (from the start of its quoted value or line to its end):
    /// the values of <c>Server=</c>, <c>Host=</c>, <c>Data Source=</c>, ... Null when it names none.
    /// </summary>
    private static IReadOnlyList<string>? ConnectionStringHosts(string text, int keyStart, int valueEnd)
    {
        var from = keyStart;
        while (from > 0 && keyStart - from < ContextRadius && !EndsConnectionString(text[from - 1]))
        {
            from--;
        }
        var to = valueEnd;
        while (to < text.Length && to - valueEnd < ContextRadius && !EndsConnectionString(text[to]))
        {
            to++;
        }
        var hosts = new List<string>();
        foreach (var segment in new[] { text.Substring(from, keyStart - from),
            text.Substring(valueEnd, to - valueEnd) })
        {
            foreach (var part in segment.Split(';'))
            {
                // "ConnectionStrings__Db=Server=x": each '=' of the part, with the key before it.
                for (var equals = part.IndexOf('='); equals > 0; equals = part.IndexOf('=', equals + 1))
                {
                    var start = equals;
                    while (start > 0 && (IsWordChar(part[start - 1]) || part[start - 1] == ' '))
                    {
                        start--;
                    }
                    if (LocalHosts.IsHostKey(part.Substring(start, equals - start).Trim()))
                    {
                        AddHostNames(part.Substring(equals + 1), hosts);
                        break;
                    }
                }
            }
        }
        return hosts.Count == 0 ? null : hosts;
    }

    /// <summary>A double quote or back quote (a JSON or shell string) or the end of the line; single quotes may quote
    /// values inside (<c>Password = 'x'</c>).</summary>
    private static bool EndsConnectionString(char c) => c == '"' || c == '`' || c == '\n' || c == '\r';

    /// <summary>The hosts after the <c>@</c> of a URL's user information: <c>h1:27017,h2:27017</c> gives
    /// both.</summary>
    private static IReadOnlyList<string>? UrlHosts(string text, int start)
    {
        var end = start;
        var bracket = false;
        while (end < text.Length && end - start < 256)
        {
            var c = text[end];
            bracket = c == '[' || (bracket && c != ']');
            if (!bracket
                && (c == '/' || c == '?' || c == '#' || c == '\\' || c == ';' || c == ')' || c == '"' || c == '\''
                || c == '`' || c == '<' || c == '>' || char.IsWhiteSpace(c)))
            {
                break;
            }
            end++;
        }
        var hosts = new List<string>();
        AddHostNames(text.Substring(start, end - start), hosts);
        return hosts.Count == 0 ? null : hosts;
    }

    /// <summary>
    /// Host names of a server value, lower case: <c>tcp:sqldata,1433</c> is <c>sqldata</c>; <c>localhost\SQLEXPRESS</c>
    /// is <c>localhost</c>; <c>(localdb)\MSSQLLocalDB</c> is <c>(localdb)</c>; <c>db1:5432,db2</c> is both;
    /// <c>[::1]:5432</c> is <c>::1</c>.
    /// </summary>
    internal static void AddHostNames(string value, List<string> hosts)
    {
        foreach (var raw in value.Split(','))
        {
            var host = raw.Trim().Trim('"', '\'', '{', '}').Trim();
            foreach (var prefix in new[] { "tcp:", "np:", "lpc:", "admin:" })
            {
                if (host.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    host = host.Substring(prefix.Length);
                    break;
                }
            }
            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var close = host.IndexOf(']');
                host = close > 0 ? host.Substring(1, close - 1) : host.Substring(1);
            }
            else
            {
                var backslash = host.IndexOf('\\');
                if (backslash >= 0)
                {
                    host = host.Substring(0, backslash);
                }
                var colon = host.IndexOf(':');
                if (colon >= 0 && host.IndexOf(':', colon + 1) < 0)
                {
                    host = host.Substring(0, colon);
                }
            }
            host = host.Trim();
            if (host.Length == 0 || All(host, 0, host.Length, IsDigit))
            {
                continue; // a port after a SQL Server comma
            }
            if (hosts.Count < MaxHosts)
            {
                hosts.Add(host.ToLowerInvariant());
            }
        }
    }
}
