using System;

namespace Preflight.Artifacts.Repository;

/// <summary>Tells an artifact's kind from its path, by the names and folders teams already use.</summary>
public static class ArtifactClassifier
{
    public static readonly string[] ComposeFileNames =
    {
        "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
        "compose.override.yaml", "compose.override.yml", "docker-compose.override.yml", "docker-compose.override.yaml",
    };

    public static readonly string[] EnvFileNames = { ".env.example", ".env.template", ".env.sample", ".env" };

    /// <summary>Folders whose YAML files are taken as Kubernetes manifests.</summary>
    public static readonly string[] KubernetesFolders = { "k8s", "kubernetes", "deploy", "deployment", "deployments",
        "manifests", ".k8s", "charts", "helm" };

    /// <summary>Kustomize's file names: Kubernetes manifests wherever they are.</summary>
    public static readonly string[] KustomizationFileNames = { "kustomization.yaml", "kustomization.yml",
        "Kustomization" };

    public static ArtifactKind Classify(string path)
    {
        var normalized = path.Replace('\\', '/');
        var name = PathText.GetFileName(normalized);
        if (IsAppSettings(name))
        {
            return ArtifactKind.AppSettings;
        }
        if (IsEnvFile(name))
        {
            return ArtifactKind.EnvFile;
        }
        if (IsDockerfile(name))
        {
            return ArtifactKind.Dockerfile;
        }
        if (string.Equals(name, ".dockerignore", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase))
        {
            return ArtifactKind.DockerIgnore;
        }
        if (IsComposeFile(name) && normalized.IndexOf("/.github/workflows/", StringComparison.OrdinalIgnoreCase) < 0)
        {
            // A workflow named docker-compose.yml is a workflow; a compose file of another name is told by its content
            // when it is loaded (ComposeSets.LooksLikeCompose).
            return ArtifactKind.Compose;
        }
        if (string.Equals(name, "preflight.yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "preflight.yml", StringComparison.OrdinalIgnoreCase))
        {
            return ArtifactKind.PreflightConfig;
        }
        if (string.Equals(name, "vercel.json", StringComparison.OrdinalIgnoreCase))
        {
            return ArtifactKind.VercelConfig;
        }
        if (string.Equals(name, "tye.yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "tye.yml", StringComparison.OrdinalIgnoreCase))
        {
            return ArtifactKind.TyeConfig;
        }
        if (LaunchSettings.LaunchSettingsFile.IsLaunchSettings(normalized))
        {
            return ArtifactKind.LaunchSettings;
        }
        var isYaml = name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        if (isYaml && normalized.IndexOf("/.github/workflows/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return ArtifactKind.Workflow;
        }
        if (Deployment.DeploymentFiles.Classify(normalized) != null)
        {
            return ArtifactKind.BuildDefinition;
        }
        if (Array.Exists(KustomizationFileNames, n => string.Equals(n, name, StringComparison.Ordinal)))
        {
            return ArtifactKind.KubernetesManifest;
        }
        var rooted = normalized.StartsWith("/", StringComparison.Ordinal) ? normalized : "/" + normalized;
        if (isYaml
            && Array.Exists(
            KubernetesFolders, f => rooted.IndexOf("/" + f + "/", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return ArtifactKind.KubernetesManifest;
        }
        return ArtifactKind.Unknown;
    }

    /// <summary><c>.env</c>, <c>.env.example</c>, <c>.env.production</c>, <c>api.env</c>: the dotenv format compose
    /// reads.</summary>
    public static bool IsEnvFile(string fileName) =>
        string.Equals(fileName, ".env", StringComparison.OrdinalIgnoreCase) ||
        fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) ||
        fileName.Length > 4 && fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase);

    public static bool IsAppSettings(string fileName) =>
        fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>api.Dockerfile</c>, <c>api.dockerfile</c>; not
    /// <c>dockerfile.yaml</c>,
    /// <c>Dockerfile.md</c> and the like, whose extension says they are another format (a manifest, notes, a script).
    /// </summary>
    public static bool IsDockerfile(string fileName) =>
        string.Equals(fileName, "Dockerfile", StringComparison.OrdinalIgnoreCase) ||
        fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            && !fileName.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase) &&
            !HasOtherFormatExtension(fileName) ||
        fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] OtherFormatExtensions =
    {
        ".yaml", ".yml", ".json", ".md", ".txt", ".xml", ".toml", ".ini", ".sh", ".ps1", ".bat", ".cmd", ".cs", ".py",
            ".js", ".ts",
        ".csproj", ".props", ".targets", ".sln", ".png", ".svg", ".jpg", ".gif", ".zip", ".gz", ".tar",
    };

    private static bool HasOtherFormatExtension(string fileName) =>
        Array.Exists(
            OtherFormatExtensions, extension => fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The compose-spec names, any <c>*compose*.y(a)ml</c> (<c>docker-compose.prod.yml</c>,
    /// <c>docker-compose-tests.yml</c>,
    /// <c>docker-compose.override.windows.yml</c>) and <c>*.services.y(a)ml</c>.
    /// </summary>
    public static bool IsComposeFile(string fileName)
    {
        if (Array.Exists(ComposeFileNames, n => string.Equals(n, fileName, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }
        var extension = fileName.Substring(dot);
        if (!string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var stem = fileName.Substring(0, dot);
        return stem.IndexOf("compose", StringComparison.OrdinalIgnoreCase) >= 0
            || stem.EndsWith(".services", StringComparison.OrdinalIgnoreCase);
    }
}
