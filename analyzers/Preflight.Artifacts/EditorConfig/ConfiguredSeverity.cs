using System;

namespace Preflight.Artifacts.EditorConfig;

/// <summary>A severity as .editorconfig writes it (<c>dotnet_diagnostic.PF3001.severity = warning</c>).</summary>
public enum ConfiguredSeverity
{
    Default,
    Error,
    Warning,
    Suggestion,
    Silent,
    None,
}

public static class ConfiguredSeverities
{
    /// <summary>The values Roslyn accepts (case-insensitive); false for anything else (then the entry is
    /// ignored).</summary>
    public static bool TryParse(string? value, out ConfiguredSeverity severity)
    {
        switch ((value ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "default": severity = ConfiguredSeverity.Default; return true;
            case "error": severity = ConfiguredSeverity.Error; return true;
            case "warning": severity = ConfiguredSeverity.Warning; return true;
            case "suggestion": severity = ConfiguredSeverity.Suggestion; return true;
            case "silent":
            case "refactoring": severity = ConfiguredSeverity.Silent; return true;
            case "none": severity = ConfiguredSeverity.None; return true;
            default: severity = ConfiguredSeverity.Default; return false;
        }
    }
}
