using System;

namespace Preflight.Artifacts.Configuration;

/// <summary>.NET's mapping between environment variable names and configuration keys.</summary>
public static class ConfigurationKeys
{
    /// <summary>Configuration keys compare case-insensitively.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    private static readonly string[] ConnectionStringPrefixes = { "SQLCONNSTR_", "MYSQLCONNSTR_", "SQLAZURECONNSTR_",
        "CUSTOMCONNSTR_", "POSTGRESQLCONNSTR_" };

    /// <summary>
    /// The configuration key an environment variable sets: <c>A__B</c> is <c>A:B</c>, and the Azure App Service
    /// connection-string prefixes (<c>SQLCONNSTR_X</c>, ...) become <c>ConnectionStrings:X</c>.
    /// </summary>
    public static string FromEnvironmentVariable(string name)
    {
        foreach (var prefix in ConnectionStringPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                return "ConnectionStrings:" + name.Substring(prefix.Length).Replace("__", ":");
            }
        }
        return name.Replace("__", ":");
    }

    /// <summary>True when <paramref name="declared"/> provides <paramref name="read"/>: the same key, or a section
    /// under it.</summary>
    public static bool Provides(string declared, string read) =>
        string.Equals(declared, read, StringComparison.OrdinalIgnoreCase) ||
        (declared.Length > read.Length && declared[read.Length] == ':'
            && declared.StartsWith(read, StringComparison.OrdinalIgnoreCase));
}
