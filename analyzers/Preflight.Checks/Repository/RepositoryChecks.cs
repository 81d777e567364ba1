using System;
using System.Collections.Generic;

namespace Preflight.Checks.Repository;

/// <summary>
/// Every file-system check, in rule order, for one project. Hosted by the MSBuild task and by the CLI. Each check runs
/// on its own: one that fails (never expected) is reported as a failure and does not keep the others from running.
/// </summary>
public static class RepositoryChecks
{
    private static readonly (string Name, Action<CheckContext> Run)[] Checks =
    {
        (nameof(CommittedSecretCheck), CommittedSecretCheck.Run),
        (nameof(PreflightConfigCheck), PreflightConfigCheck.Run),
        (nameof(BuildContextCheck), BuildContextCheck.Run),
        (nameof(StageReferenceCheck), StageReferenceCheck.Run),
        (nameof(EntrypointTargetCheck), EntrypointTargetCheck.Run),
        (nameof(RestoreOrderCheck), RestoreOrderCheck.Run),
        (nameof(RuntimeImageVersionCheck), RuntimeImageVersionCheck.Run),
        (nameof(DockerUndefinedVariableCheck), DockerUndefinedVariableCheck.Run),
        (nameof(DockerSecretNameCheck), DockerSecretNameCheck.Run),
        (nameof(DockerSyntaxCheck), DockerSyntaxCheck.Run),
        (nameof(ComposePathCheck), ComposePathCheck.Run),
        (nameof(ComposeVariableCheck), ComposeVariableCheck.Run),
        (nameof(ComposeImageCheck), ComposeImageCheck.Run),
        (nameof(ComposePersistCheck), ComposePersistCheck.Run),
        (nameof(ComposeReferenceCheck), ComposeReferenceCheck.Run),
        (nameof(ComposeSchemaCheck), ComposeSchemaCheck.Run),
        (nameof(ComposeHealthDependencyCheck), ComposeHealthDependencyCheck.Run),
        (nameof(ContainerLocalhostCheck), ContainerLocalhostCheck.Run),
        (nameof(KubernetesLocalhostCheck), KubernetesLocalhostCheck.Run),
        (nameof(WorkflowSecretsCheck), WorkflowSecretsCheck.Run),
        (nameof(EnvironmentReadinessCheck), EnvironmentReadinessCheck.Run),
        (nameof(KubernetesReferenceCheck), KubernetesReferenceCheck.Run),
        (nameof(PolicyCheck), PolicyCheck.Run),
        (nameof(VercelPathCheck), VercelPathCheck.Run),
        (nameof(KustomizationPathCheck), KustomizationPathCheck.Run),
        (nameof(EmptyScriptCheck), EmptyScriptCheck.Run),
        (nameof(PythonImportCheck), PythonImportCheck.Run),
    };

    /// <summary>Runs every check; returns a description of each check that failed (empty when none did).</summary>
    public static IReadOnlyList<string> Run(CheckContext context)
    {
        var failures = new List<string>();
        foreach (var (name, run) in Checks)
        {
            try
            {
                run(context);
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
            }
        }
        InlineSuppressions.Apply(context);
        return failures;
    }
}
