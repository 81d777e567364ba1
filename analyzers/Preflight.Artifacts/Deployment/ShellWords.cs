using System;
using System.Collections.Generic;
using System.Text;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// Splits shell text into simple commands (at &amp;&amp;, ||, ;, |, &amp;, parentheses and line breaks) made of words
/// with
/// quotes removed. Used for Dockerfile RUN lines and for the docker commands of scripts and CI steps.
/// </summary>
public static class ShellWords
{
    public static List<List<string>> Split(string text)
    {
        var commands = new List<List<string>>();
        var current = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        void EndWord()
        {
            if (inWord)
            {
                current.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
        void EndCommand()
        {
            EndWord();
            if (current.Count > 0)
            {
                commands.Add(current);
                current = new List<string>();
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                case '\'':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case ';':
                case '|':
                case '&':
                case '\n':
                case '\r':
                case '(':
                case ')':
                    EndCommand();
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        EndWord();
                    }
                    else
                    {
                        word.Append(c);
                        inWord = true;
                    }
                    break;
            }
        }
        EndCommand();
        return commands;
    }

    /// <summary>
    /// The logical lines of a script: continuation lines joined (a trailing <c>\</c>, or <c>`</c> for PowerShell),
    /// comment
    /// lines and trailing comments dropped.
    /// </summary>
    public static List<string> LogicalLines(string text, bool powerShell)
    {
        var lines = new List<string>();
        var pending = new StringBuilder();
        var continuation = powerShell ? '`' : '\\';
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ', '\t');
            if (powerShell)
            {
                // PowerShell escapes with a backtick: a backslash is a Windows path separator.
                line = line.Replace('\\', '/');
            }
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                if (pending.Length == 0)
                {
                    continue;
                }
                line = string.Empty;
            }
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0 && line.IndexOf('"') < 0 && line.IndexOf('\'') < 0)
            {
                line = line.Substring(0, hash).TrimEnd();
            }
            if (line.EndsWith(continuation.ToString(), StringComparison.Ordinal))
            {
                pending.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }
            pending.Append(line);
            lines.Add(pending.ToString());
            pending.Clear();
        }
        if (pending.Length > 0)
        {
            lines.Add(pending.ToString());
        }
        return lines;
    }
}
