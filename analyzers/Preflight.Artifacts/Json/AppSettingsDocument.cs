using System.Collections.Generic;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Json;

/// <summary>A settings key as the JSON configuration provider would produce it ("Logging:LogLevel:Default").</summary>
public sealed class AppSettingsKey
{
    public AppSettingsKey(string key, string? value, SourceSpan span)
    {
        Key = key;
        Value = value;
        Span = span;
    }

    public string Key { get; }
    /// <summary>The primitive value as text; null for null, objects and arrays.</summary>
    public string? Value { get; }
    /// <summary>Where the property name (or array element) is.</summary>
    public SourceSpan Span { get; }
}

/// <summary>An error the JSON configuration provider would throw at start.</summary>
public sealed class AppSettingsError
{
    public AppSettingsError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
}

/// <summary>An appsettings*.json file flattened the way Microsoft.Extensions.Configuration.Json does it.</summary>
public sealed class AppSettingsDocument
{
    internal AppSettingsDocument(IReadOnlyList<AppSettingsKey> keys, AppSettingsError? error, bool isUnread = false)
    {
        Keys = keys;
        Error = error;
        IsUnread = isUnread;
    }

    /// <summary>
    /// True when the text was not read at all (larger than <see cref="AppSettingsParser.MaxLength"/>): its keys are
    /// unknown, not absent, and it has no error (the configuration provider would load it).
    /// </summary>
    public bool IsUnread { get; }

    /// <summary>Every key, including the keys of objects and arrays (which configuration treats as sections).</summary>
    public IReadOnlyList<AppSettingsKey> Keys { get; }

    /// <summary>The first error that makes the file fail to load, or null.</summary>
    public AppSettingsError? Error { get; }
}
