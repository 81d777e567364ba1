namespace Preflight.Build.Checks;

/// <summary>Runs every file-system check for one project. Hosted by the MSBuild task and, later, the CLI.</summary>
public static class RepositoryChecks
{
    public static void Run(CheckContext context)
    {
        BuildContextCheck.Run(context);
        EmptyScriptCheck.Run(context);
        PythonImportCheck.Run(context);
    }
}
