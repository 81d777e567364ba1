namespace Preflight.Build.Checks;

/// <summary>Runs every file-system check for one project. Hosted by the MSBuild task and, later, the CLI.</summary>
public static class RepositoryChecks
{
    public static void Run(CheckContext context)
    {
        BuildContextCheck.Run(context);
        EmptyScriptCheck.Run(context);
        CommittedSecretCheck.Run(context);
        PreflightConfigCheck.Run(context);
        WorkflowSecretsCheck.Run(context);
        EnvironmentReadinessCheck.Run(context);
        KubernetesReferenceCheck.Run(context);
        PolicyCheck.Run(context);
        VercelPathCheck.Run(context);
        DockerUndefinedVariableCheck.Run(context);
        DockerSecretNameCheck.Run(context);
        DockerSyntaxCheck.Run(context);
        StageReferenceCheck.Run(context);
        EntrypointTargetCheck.Run(context);
        RestoreOrderCheck.Run(context);
        RuntimeImageVersionCheck.Run(context);
        ComposePathCheck.Run(context);
        ComposeVariableCheck.Run(context);
        ComposeImageCheck.Run(context);
        ComposePersistCheck.Run(context);
        ComposeReferenceCheck.Run(context);
        ComposeSchemaCheck.Run(context);
    }
}
