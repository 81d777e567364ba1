using System;
using System.Collections.Generic;
using System.Text.Json;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Deployment;

/// <summary>
/// Folders a dev container's <c>initializeCommand</c> creates with <c>mkdir</c> before compose starts (a bind-mount
/// source that is not committed but made on the host, e.g. <c>mkdir -p dev/.data dev/helpers/mssql</c>). The command
/// runs
/// on the host in the workspace folder: the folder that holds <c>.devcontainer/</c>, or the one holding a
/// <c>.devcontainer.json</c>. Paths with variables or outside the workspace are left out.
/// </summary>
public static class DevContainerCreatedFolders
{
    /// <summary>The folders (normalized, rooted at the workspace folder) that <paramref name="file"/>'s
    /// initializeCommand creates.</summary>
    public static IReadOnlyList<string> Read(string file, string text)
    {
        var folders = new List<string>();
        if (DeploymentFiles.Classify(file) != DockerBuildSource.DevContainer)
        {
            return folders;
        }
        try
        {
            using var document = JsonDocument.Parse(text, DeploymentFiles.DevContainerJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("initializeCommand", out var command))
            {
                var workspace = Workspace(file);
                foreach (var words in Commands(command))
                {
                    AddCreated(words, workspace, folders);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing is known to be created.
        }
        return folders;
    }

    /// <summary>True when <paramref name="path"/> is one of <paramref name="folders"/> or under one.</summary>
    public static bool IsCreated(string path, IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            if (PathText.Equal(path, folder) || PathText.IsUnder(path, folder))
            {
                return true;
            }
        }
        return false;
    }

    private static string Workspace(string file)
    {
        var folder = PathText.GetDirectory(PathText.Normalize(file));
        // .devcontainer/devcontainer.json or .devcontainer/<name>/devcontainer.json: the workspace holds .devcontainer.
        var marker = folder.LastIndexOf("/.devcontainer", StringComparison.OrdinalIgnoreCase);
        return marker >= 0 ? folder.Substring(0, marker) : folder;
    }

    /// <summary>A string is a shell line, an array one command's words, an object several commands run in
    /// parallel.</summary>
    private static IEnumerable<List<string>> Commands(JsonElement command)
    {
        switch (command.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var words in ShellWords.Split(command.GetString() ?? ""))
                {
                    yield return words;
                }
                break;
            case JsonValueKind.Array:
                var list = new List<string>();
                foreach (var item in command.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        yield break;
                    }
                    list.Add(item.GetString() ?? "");
                }
                yield return list;
                break;
            case JsonValueKind.Object:
                foreach (var property in command.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        foreach (var words in Commands(property.Value))
                        {
                            yield return words;
                        }
                    }
                }
                break;
        }
    }

    private static void AddCreated(List<string> words, string workspace, List<string> folders)
    {
        if (words.Count < 2 || !string.Equals(words[0], "mkdir", StringComparison.Ordinal))
        {
            return;
        }
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith("-", StringComparison.Ordinal))
            {
                if (word == "-m" || word == "--mode")
                {
                    i++; // The mode's value.
                }
                continue;
            }
            if (word.Length == 0 || word.IndexOf('$') >= 0 || word.IndexOf('`') >= 0
                || word.StartsWith("~", StringComparison.Ordinal) || PathText.IsRooted(word))
            {
                continue;
            }
            var path = PathText.Combine(workspace, word);
            if (PathText.Equal(path, workspace) || PathText.IsUnder(path, workspace))
            {
                folders.Add(PathText.Normalize(path).TrimEnd('/'));
            }
        }
    }
}
