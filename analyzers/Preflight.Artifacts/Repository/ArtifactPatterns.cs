using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Repository;

/// <summary>
/// The one list of what Preflight looks for in a repository, as patterns relative to its root
/// (<see cref="RepositoryGlob"/>):
/// the deployment artifacts and project files the file checks read, the sources of non-.NET services (empty-file
/// check),
/// and which artifacts also go to the analyzers as AdditionalFiles. These were the Preflight targets' item globs; the
/// build's discovery task (PreflightDiscover) walks the repository once per build and applies them.
/// </summary>
public static class ArtifactPatterns
{
    /// <summary>Folders never entered (build output, dependencies, tool state), at any depth.</summary>
    public static readonly string[] ExcludedFolders = { "bin", "obj", "node_modules", ".git", ".vs", ".idea" };

    /// <summary>Further folders whose scripts are generated or vendored: no source file is taken from under
    /// them.</summary>
    public static readonly string[] ExcludedSourceFolders = { "dist", "build", ".venv", "venv", "__pycache__", ".next",
        "coverage" };

    /// <summary>Every deployment artifact and project file of the repository (read by the file checks).</summary>
    public static readonly string[] Artifacts =
    {
        // Dockerfiles and their ignore files.
        "**/Dockerfile", "**/Dockerfile.*", "**/*.Dockerfile", "**/*.dockerignore",
        // Compose files and dotenv files.
        "**/compose.y*ml", "**/compose.override.y*ml", "**/docker-compose.y*ml", "**/docker-compose.override.y*ml",
            "**/*compose*.y*ml",
        "**/*.services.y*ml", "**/.env*", "**/*.env",
        // Preflight's own configuration (at the root), Vercel, Tye, GitHub workflows.
        "preflight.y*ml", "**/vercel.json", "**/tye.y*ml", ".github/workflows/*.y*ml",
        // Kubernetes manifests: YAML under the usual folders at any depth, and kustomizations wherever they are (Helm
        // templates are found too; the checks skip them).
        "**/k8s/**/*.y*ml", "**/kubernetes/**/*.y*ml", "**/deploy/**/*.y*ml", "**/deployment/**/*.y*ml",
            "**/deployments/**/*.y*ml",
        "**/manifests/**/*.y*ml", "**/.k8s/**/*.y*ml", "**/charts/**/*.y*ml", "**/helm/**/*.y*ml",
            "**/kustomization.y*ml", "**/Kustomization",
        // Project files.
        "**/*.csproj", "**/Directory.Build.props", "**/Directory.Build.targets", "**/Directory.Packages.props",
        // What builds images and names their build contexts (DockerBuildFinder): read by the task only.
        "**/azure-pipelines*.y*ml", "**/.azure*/**/*.y*ml", "**/pipelines/**/*.y*ml", "**/.pipelines/**/*.y*ml",
            "**/.gitlab-ci.yml",
        "**/*.gitlab-ci.yml", "**/azds.yaml", "**/skaffold.y*ml", "**/.devcontainer/**/devcontainer.json",
            "**/.devcontainer.json",
        "**/*.sh", "**/*.bash", "**/*.ps1", "**/Makefile", "**/makefile", "**/GNUmakefile",
        // Settings files of every project (committed secrets, PF1004), their launch profiles (PF1001/PF1002: what a
        // local run
        // sets) and the .gitignore files that say what is not committed.
        "**/appsettings*.json", "**/Properties/launchSettings.json", "**/.gitignore",
        // Files that may hold a private key (PF1004; the task reads them, the analyzers do not).
        "**/id_rsa", "**/id_dsa", "**/id_ecdsa", "**/id_ed25519", "**/*.pem", "**/*.key",
    };

    /// <summary>Artifacts that are not given to the analyzers: build files, .gitignore, key files, and what only the
    /// task reads.</summary>
    public static readonly string[] NotForAnalyzers =
    {
        "**/Directory.Build.props", "**/Directory.Build.targets", "**/Directory.Packages.props", "**/.gitignore",
        "**/id_rsa", "**/id_dsa", "**/id_ecdsa", "**/id_ed25519", "**/*.pem", "**/*.key",
        "**/azure-pipelines*.y*ml", "**/.azure*/**/*.y*ml", "**/pipelines/**/*.y*ml", "**/.pipelines/**/*.y*ml",
            "**/.gitlab-ci.yml",
        "**/*.gitlab-ci.yml", "**/azds.yaml", "**/skaffold.y*ml", "**/.devcontainer/**/devcontainer.json",
            "**/.devcontainer.json",
        "**/*.sh", "**/*.bash", "**/*.ps1", "**/Makefile", "**/makefile", "**/GNUmakefile",
    };

    /// <summary>Sources of the repository's non-.NET services (empty-file check), outside
    /// <see cref="ExcludedSourceFolders"/>.</summary>
    public static readonly string[] SourceFiles = { "**/*.py", "**/*.ts", "**/*.js" };

    /// <summary>Source files that are not sources (TypeScript declarations).</summary>
    public static readonly string[] NotSourceFiles = { "**/*.d.ts" };

    private static readonly RepositoryGlob[] ArtifactGlobs = Artifacts.Select(p => new RepositoryGlob(p)).ToArray();
    private static readonly RepositoryGlob[] NotForAnalyzersGlobs = NotForAnalyzers.Select(p => new RepositoryGlob(p))
        .ToArray();
    private static readonly RepositoryGlob[] SourceGlobs = SourceFiles.Select(p => new RepositoryGlob(p)).ToArray();
    private static readonly RepositoryGlob[] NotSourceGlobs = NotSourceFiles.Select(p => new RepositoryGlob(p))
        .ToArray();

    /// <summary>True for a folder name that is never entered.</summary>
    public static bool IsExcludedFolder(string name) =>
        ExcludedFolders.Any(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a folder name under which no source file is taken.</summary>
    public static bool IsExcludedSourceFolder(string name) =>
        ExcludedSourceFolders.Any(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What a file is for, by its path relative to the root (names split at '/', none of them an excluded
    /// folder).</summary>
    public static RepositoryFileRole Classify(IReadOnlyList<string> relativeParts)
    {
        var role = RepositoryFileRole.None;
        if (Array.Exists(ArtifactGlobs, g => g.IsMatch(relativeParts)))
        {
            role |= RepositoryFileRole.Artifact;
            if (!Array.Exists(NotForAnalyzersGlobs, g => g.IsMatch(relativeParts)))
            {
                role |= RepositoryFileRole.AnalyzerFile;
            }
        }
        if (Array.Exists(SourceGlobs, g => g.IsMatch(relativeParts))
            && !Array.Exists(NotSourceGlobs, g => g.IsMatch(relativeParts)))
        {
            var inExcluded = false;
            for (var i = 0; i < relativeParts.Count - 1 && !inExcluded; i++)
            {
                inExcluded = IsExcludedSourceFolder(relativeParts[i]);
            }
            if (!inExcluded)
            {
                role |= RepositoryFileRole.SourceFile;
            }
        }
        return role;
    }

    public static RepositoryFileRole Classify(string relativePath) =>
        Classify(relativePath.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>What a file of the repository is for Preflight (flags: an artifact may also be an analyzer file).</summary>
[Flags]
public enum RepositoryFileRole
{
    None = 0,
    /// <summary>A deployment artifact or project file (PreflightArtifact: the file checks read it).</summary>
    Artifact = 1,
    /// <summary>An artifact the analyzers get as an AdditionalFile.</summary>
    AnalyzerFile = 2,
    /// <summary>A Python, TypeScript or JavaScript source (PreflightSourceFile).</summary>
    SourceFile = 4,
}
