using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Preflight.Artifacts;
using Preflight.Cli.Output;

namespace Preflight.Cli.Baselines;

/// <summary>
/// <c>.preflight-baseline.json</c>: the findings a team accepted when it adopted Preflight. A finding is known by a
/// fingerprint of its rule, file, message and the text of its line (not the line number), so findings survive lines
/// moving; each baseline entry absorbs one finding.
/// </summary>
internal static class Baseline
{
    public const string FileName = ".preflight-baseline.json";

    public static string Fingerprint(ReportedFinding finding, string root)
    {
        var lineText = LineText(finding.File, finding.Line);
        var key = string.Join(
            "\u001f", finding.RuleId, PathText.Relative(root, finding.File), finding.Message, Squash(lineText));
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    public static void Write(string path, IReadOnlyList<ReportedFinding> findings, string root)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("file", PathText.Relative(root, finding.File));
            writer.WriteString("message", finding.Message);
            writer.WriteString("fingerprint", Fingerprint(finding, root));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The fingerprints of a baseline file (with their counts); empty when the file is absent or
    /// unreadable.</summary>
    public static Dictionary<string, int> Read(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(path))
            {
                return counts;
            }
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.TryGetProperty("findings", out var findings)
                && findings.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in findings.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object
                        && entry.TryGetProperty("fingerprint", out var fingerprint)
                        && fingerprint.GetString() is { } value)
                    {
                        counts[value] = counts.TryGetValue(value, out var count) ? count + 1 : 1;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            counts.Clear();
        }
        return counts;
    }

    /// <summary>The findings not absorbed by the baseline.</summary>
    public static IReadOnlyList<ReportedFinding> Filter(
        IReadOnlyList<ReportedFinding> findings, Dictionary<string, int> baseline, string root)
    {
        if (baseline.Count == 0)
        {
            return findings;
        }
        var remaining = new Dictionary<string, int>(baseline, StringComparer.Ordinal);
        var fresh = new List<ReportedFinding>();
        foreach (var finding in findings)
        {
            var fingerprint = Fingerprint(finding, root);
            if (remaining.TryGetValue(fingerprint, out var count) && count > 0)
            {
                remaining[fingerprint] = count - 1;
            }
            else
            {
                fresh.Add(finding);
            }
        }
        return fresh;
    }

    private static string LineText(string path, int line)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 16 * 1024 * 1024 || line < 1)
            {
                return string.Empty;
            }
            return File.ReadLines(path).Skip(line - 1).FirstOrDefault() ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static string Squash(string text) => new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
