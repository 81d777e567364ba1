using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Preflight.Artifacts.LaunchSettings;

/// <summary>
/// A project's <c>Properties/launchSettings.json</c>: the environment variables its profiles set (<c>dotnet run</c>,
/// Visual Studio and an Aspire AppHost apply a profile's <c>environmentVariables</c> when they start the project
/// locally).
/// Comments and trailing commas are allowed, as the SDK reads it; a file that is not such JSON sets nothing.
/// </summary>
public sealed class LaunchSettingsFile
{
    public const int MaxLength = 1024 * 1024;

    private LaunchSettingsFile(IReadOnlyList<string> variables) => Variables = variables;

    /// <summary>The names of every profile's <c>environmentVariables</c>, in order, without repeats.</summary>
    public IReadOnlyList<string> Variables { get; }

    public static LaunchSettingsFile Parse(string text)
    {
        var variables = new List<string>();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return new LaunchSettingsFile(variables);
        }
        try
        {
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("profiles", out var profiles)
                    || profiles.ValueKind != JsonValueKind.Object)
            {
                return new LaunchSettingsFile(variables);
            }
            foreach (var profile in profiles.EnumerateObject())
            {
                if (profile.Value.ValueKind != JsonValueKind.Object ||
                    !profile.Value.TryGetProperty("environmentVariables", out var environment)
                        || environment.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var variable in environment.EnumerateObject())
                {
                    if (variable.Name.Length > 0 && !variables.Contains(variable.Name))
                    {
                        variables.Add(variable.Name);
                    }
                }
            }
        }
        catch (Exception ex)
            when (ex is JsonException or ArgumentException) // malformed JSON, or text that is no valid UTF-16
        {
            variables.Clear();
        }
        return new LaunchSettingsFile(variables);
    }

    /// <summary><c>Properties/launchSettings.json</c> (the SDK's only place for it).</summary>
    public static bool IsLaunchSettings(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.EndsWith("/Properties/launchSettings.json", StringComparison.OrdinalIgnoreCase) ||
               string.Equals(normalized, "Properties/launchSettings.json", StringComparison.OrdinalIgnoreCase);
    }
}
