using System;
using System.Collections.Generic;
using System.Text.Json;
using Preflight.Artifacts;

namespace Preflight.Checks.Reporting;

/// <summary>Reads the Preflight results out of the compiler's SARIF log (<c>ErrorLog</c>, version 2.1). Never
/// throws.</summary>
public static class CompilerSarif
{
    public static IReadOnlyList<SarifResult> PreflightResults(string? json)
    {
        var results = new List<SarifResult>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return results;
        }
        try
        {
            using var document = JsonDocument.Parse(
                json!, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                return results;
            }
            foreach (var run in runs.EnumerateArray())
            {
                if (run.ValueKind == JsonValueKind.Object && run.TryGetProperty("results", out var items)
                    && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        if (Read(item) is { } result)
                        {
                            results.Add(result);
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is UriFormatException)
        {
            // a log cut short (the compiler stopped): what was read is kept
        }
        return results;
    }

    private static SarifResult? Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || String(item, "ruleId") is not { } ruleId ||
            !ruleId.StartsWith("PF", StringComparison.Ordinal) ||
            !item.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array
                || locations.GetArrayLength() == 0 ||
            locations[0].ValueKind != JsonValueKind.Object
                || !locations[0].TryGetProperty("physicalLocation", out var physical)
                || physical.ValueKind != JsonValueKind.Object ||
            !physical.TryGetProperty("artifactLocation", out var artifact) || artifact.ValueKind != JsonValueKind.Object
                || String(artifact, "uri") is not { } uri ||
            !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }
        var message = item.TryGetProperty("message", out var m) ? String(m, "text") ?? string.Empty : string.Empty;
        physical.TryGetProperty("region", out var region);
        var line = Number(region, "startLine", 1);
        var column = Number(region, "startColumn", 1);
        var suppressions = item.TryGetProperty("suppressions", out var s)
            && s.ValueKind == JsonValueKind.Array ? s.GetRawText() : null;
        return new SarifResult(
            ruleId, String(item, "level") ?? "warning", message, PathText.Normalize(parsed.LocalPath),
            line, column, Number(region, "endLine", line), Number(region, "endColumn", column), suppressions);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name, int fallback) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 1
            ? number
            : fallback;
}
