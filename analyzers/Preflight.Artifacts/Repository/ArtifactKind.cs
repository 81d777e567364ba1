namespace Preflight.Artifacts.Repository;

/// <summary>The kinds of deployment artifact Preflight reads.</summary>
public enum ArtifactKind
{
    Unknown,
    AppSettings,
    EnvFile,
    Dockerfile,
    DockerIgnore,
    Compose,
    KubernetesManifest,
    Workflow,
    PreflightConfig,
    VercelConfig,
    /// <summary>CI definitions, tool configurations and scripts that build images (Azure Pipelines, GitLab CI,
    /// azds.yaml,
    /// skaffold.yaml, devcontainer.json, *.sh, *.ps1, Makefile): read for the build contexts they name.</summary>
    BuildDefinition,
    /// <summary>Project Tye's tye.yaml: the services it runs and the variables it gives them.</summary>
    TyeConfig,
    /// <summary>A project's Properties/launchSettings.json: the environment variables its local launch profiles
    /// set.</summary>
    LaunchSettings,
}
