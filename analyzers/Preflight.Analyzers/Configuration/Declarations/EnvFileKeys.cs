using System.Collections.Generic;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>The variable names a <c>.env</c>-format file sets (<c>KEY=value</c>, <c>export KEY=value</c>, bare <c>KEY</c>).</summary>
internal static class EnvFileKeys
{
    public static IEnumerable<string> Read(string text)
    {
        var start = 0;
        var inQuote = '\0';
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            var line = text.Substring(start, end - start).Trim('\uFEFF', ' ', '\t', '\r');
            start = end + 1;
            if (inQuote != '\0')
            {
                // Inside a multi-line quoted value: it ends at the line that closes the quote.
                if (line.IndexOf(inQuote) >= 0)
                {
                    inQuote = '\0';
                }
                continue;
            }
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line.StartsWith("export ", System.StringComparison.Ordinal))
            {
                line = line.Substring(7).TrimStart();
            }
            var equals = line.IndexOf('=');
            var name = (equals < 0 ? line : line.Substring(0, equals)).Trim();
            if (!IsName(name))
            {
                continue;
            }
            if (equals >= 0)
            {
                var value = line.Substring(equals + 1).TrimStart();
                if (value.Length > 0 && (value[0] == '"' || value[0] == '\'') && value.IndexOf(value[0], 1) < 0)
                {
                    inQuote = value[0];
                }
            }
            yield return name;
        }
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
