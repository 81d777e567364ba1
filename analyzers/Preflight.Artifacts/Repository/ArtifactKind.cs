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
    /// <summary>Project Tye's tye.yaml: the services it runs and the variables it gives them.</summary>
    TyeConfig,
}
