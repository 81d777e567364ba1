using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Preflight.Build.Tasks;

/// <summary>
/// Runs the checks that need the file system for one project and writes what it found to <see cref="FindingsFile"/>
/// and what it read to <see cref="WatchFile"/> (the next build's inputs). It logs nothing itself:
/// <see cref="PreflightReport"/>
/// replays the findings on every build, so a skipped (up-to-date) check still shows its findings.
/// </summary>
public sealed class PreflightCheck : Task
{
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    [Required]
    public string RepositoryRoot { get; set; } = string.Empty;

    /// <summary>The deployment artifacts and project files of the repository, as the targets' globs found
    /// them.</summary>
    public ITaskItem[] Artifacts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The Python, TypeScript and JavaScript sources of the repository.</summary>
    public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string FindingsFile { get; set; } = string.Empty;

    [Required]
    public string WatchFile { get; set; } = string.Empty;

    /// <summary>
    /// Where to list the paths the checks found missing. The targets re-run the checks when one of them appears; they
    /// are
    /// not inputs themselves (a missing input would make every build run the checks).
    /// </summary>
    public string? AbsentFile { get; set; }

    /// <summary>PF4002 readiness (<c>$(PreflightCheckEnvironment)</c>): preflight.yaml's declarations must be set in
    /// this build's environment.</summary>
    public bool CheckEnvironment { get; set; }

    /// <summary>The deployment environment (<c>$(PreflightEnvironment)</c>) selecting preflight.yaml entries limited by
    /// <c>environments:</c>.</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>Where the owner project writes the secrets inventory as Markdown (<c>obj/preflight/secrets.md</c>);
    /// nothing is written when empty.</summary>
    public string? SecretsInventoryFile { get; set; }

    /// <summary>Where the owner project writes the secrets inventory as JSON (<c>obj/preflight/secrets.json</c>);
    /// nothing is written when empty.</summary>
    public string? SecretsInventoryJsonFile { get; set; }

    /// <summary>Reads the build's environment; tests replace it (the process environment by default).</summary>
    internal Func<string, string?>? EnvironmentVariable { get; set; }

    public override bool Execute()
    {
        var context = new CheckContext(
            RepositoryRoot, ProjectFile, Artifacts.Select(a => a.GetMetadata("FullPath")),
            SourceFiles.Select(a => a.GetMetadata("FullPath")))
        {
            CheckEnvironment = CheckEnvironment,
            EnvironmentName = EnvironmentName,
        };
        if (EnvironmentVariable != null)
        {
            context.EnvironmentVariable = EnvironmentVariable;
        }
        // Never fail the build because of Preflight itself: a check that fails is said, the others' findings are kept.
        foreach (var failure in RepositoryChecks.Run(context))
        {
            Log.LogMessage(
                MessageImportance.High, $"Preflight: a file check stopped early ({failure}). Please report this.");
        }
        foreach (var note in context.Notes)
        {
            Log.LogMessage(MessageImportance.Low, $"Preflight: '{note.Key}' {note.Value}.");
        }
        WriteSecretsInventory(context);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FindingsFile))!);
            var watched = context.Watched.Concat(context.Artifacts).Distinct(StringComparer.Ordinal).ToList();
            File.WriteAllLines(WatchFile, watched.Where(FileSystem.Exists));
            if (!string.IsNullOrEmpty(AbsentFile))
            {
                File.WriteAllLines(AbsentFile, watched.Where(path => !FileSystem.Exists(path)));
            }
            File.WriteAllLines(FindingsFile, context.Findings.Distinct().Select(f => f.Serialize()));
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(MessageImportance.High, $"Preflight: could not write '{FindingsFile}' ({ex.Message}).");
        }
        return true;
    }

    /// <summary>
    /// The owner project writes the repository's secrets inventory; the others write where to find it (so that the
    /// target's Outputs exist for every project). Written on every run, so the outputs are newer than the inputs.
    /// </summary>
    private void WriteSecretsInventory(CheckContext context)
    {
        if (string.IsNullOrEmpty(SecretsInventoryFile) && string.IsNullOrEmpty(SecretsInventoryJsonFile))
        {
            return;
        }
        string markdown;
        string json;
        try
        {
            if (context.Layout.CurrentIsOwner)
            {
                var inventory = SecretsInventory.Collect(context);
                markdown = inventory.ToMarkdown(Path.GetFileName(context.Layout.Root.TrimEnd('/')));
                json = inventory.ToJson();
            }
            else
            {
                var owner = context.Display(context.Layout.OwnerProject);
                markdown = SecretsInventory.PointerMarkdown(owner);
                json = SecretsInventory.PointerJson(owner);
            }
        }
        catch (Exception ex)
        {
            Log.LogMessage(
                MessageImportance.High,
                $"Preflight: the secrets inventory stopped early ({ex.GetType().Name}: {ex.Message}). Please report " +
                $"this.");
            markdown = "# Secrets inventory\n\nPreflight could not collect the inventory in this build.\n";
            json = "{\n  \"items\": null\n}\n";
        }
        Write(SecretsInventoryFile, markdown);
        Write(SecretsInventoryJsonFile, json);
    }

    private void Write(string? path, string text)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            Log.LogMessage(MessageImportance.High, $"Preflight: could not write '{path}' ({ex.Message}).");
        }
    }
}
