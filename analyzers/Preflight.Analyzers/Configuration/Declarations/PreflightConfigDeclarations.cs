using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>preflight.yaml at the repository root: its <c>secrets:</c> and <c>variables:</c> are set by the
/// platform.</summary>
internal static class PreflightConfigDeclarations
{
    public static void Add(DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader)
    {
        foreach (var file in project.OfKind(ArtifactKind.PreflightConfig))
        {
            if (project.RepositoryRoot == null || !PathText.Equal(file.Directory, project.RepositoryRoot) ||
                reader.PreflightConfig(file) is not { } config || config.Secrets.Count + config.Variables.Count == 0)
            {
                continue;
            }
            declarations.AddEnvironmentSource(file.Name);
            foreach (var secret in config.Secrets)
            {
                declarations.AddVariable(secret.Name);
            }
            foreach (var variable in config.Variables)
            {
                declarations.AddVariable(variable.Name);
            }
        }
    }
}
