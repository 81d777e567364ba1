using System;
using System.Text.Json;

namespace Preflight.Artifacts.Deployment;

/// <summary>Tells, from its path inside the repository, which files may build images: CI definitions, tool
/// configurations and scripts.</summary>
public static class DeploymentFiles
{
    /// <summary>How a devcontainer.json is read: JSON with comments and trailing commas, nesting bounded.</summary>
    public static readonly JsonDocumentOptions DevContainerJson = new JsonDocumentOptions
    {
        AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64,
    };

    /// <summary>The source a file is read as; null when it is none of them.</summary>
    public static DockerBuildSource? Classify(string path)
    {
        var normalized = "/" + path.Replace('\\', '/').TrimStart('/');
        var name = PathText.GetFileName(normalized);
        var isYaml = name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        if (isYaml && normalized.IndexOf("/.github/workflows/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return DockerBuildSource.GitHubWorkflow;
        }
        if (isYaml
            && (name.StartsWith("azure-pipelines", StringComparison.OrdinalIgnoreCase) || InPipelineFolder(normalized)))
        {
            return DockerBuildSource.AzurePipeline;
        }
        if (isYaml
            && (name.Equals(".gitlab-ci.yml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".gitlab-ci.yml", StringComparison.OrdinalIgnoreCase)))
        {
            return DockerBuildSource.GitLabCi;
        }
        if (name.Equals("azds.yaml", StringComparison.OrdinalIgnoreCase))
        {
            return DockerBuildSource.Azds;
        }
        if (name.Equals("skaffold.yaml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("skaffold.yml", StringComparison.OrdinalIgnoreCase))
        {
            return DockerBuildSource.Skaffold;
        }
        if (name.Equals(".devcontainer.json", StringComparison.OrdinalIgnoreCase) ||
            (name.Equals("devcontainer.json", StringComparison.OrdinalIgnoreCase)
                && normalized.IndexOf("/.devcontainer/", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return DockerBuildSource.DevContainer;
        }
        if (IsScript(name))
        {
            return DockerBuildSource.Script;
        }
        return null;
    }

    /// <summary>Shell and PowerShell scripts and Makefiles.</summary>
    public static bool IsScript(string fileName) =>
        fileName.EndsWith(".sh", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".bash", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || IsMakefile(fileName);

    public static bool IsMakefile(string fileName) =>
        fileName == "Makefile" || fileName == "makefile" || fileName == "GNUmakefile";

    /// <summary>YAML under <c>.azure*/</c>, <c>.azuredevops/</c>, <c>pipelines/</c> or <c>.pipelines/</c>.</summary>
    private static bool InPipelineFolder(string normalized)
    {
        var parts = normalized.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            if (part.StartsWith(".azure", StringComparison.OrdinalIgnoreCase)
                || part.Equals("pipelines", StringComparison.OrdinalIgnoreCase) ||
                part.Equals(".pipelines", StringComparison.OrdinalIgnoreCase)
                    || part.Equals("azure-pipelines", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
