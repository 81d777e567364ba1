using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Preflight.Cli.Projects;

/// <summary>An MSBuild-style file glob (<c>**</c>, <c>*</c>, <c>?</c>) matched against '/'-separated relative paths.</summary>
internal sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        var text = pattern.Replace('\\', '/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text.Substring(2);
        }
        var builder = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i++;
                if (i + 1 < text.Length && text[i + 1] == '/')
                {
                    i++;
                    builder.Append("(?:.*/)?");
                }
                else
                {
                    builder.Append(".*");
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }
        builder.Append('$');
        _regex = new Regex(builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
