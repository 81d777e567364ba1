using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// What a project's deployment declares: configuration keys (its appsettings*.json, and every environment source
/// mapped the .NET way, <c>A__B</c> is <c>A:B</c>) and environment variables (the environment sources, raw names).
/// Environment sources: the <c>environment</c> of the compose services that build the project.
/// </summary>
internal sealed class DeploymentDeclarations
{
    private DeploymentDeclarations()
    {
    }

    public DeclarationSet ConfigurationKeys { get; } = DeclarationSet.ForConfigurationKeys();
    public DeclarationSet EnvironmentVariables { get; } = DeclarationSet.ForEnvironmentVariables();

    public static DeploymentDeclarations Collect(ProjectContext project, ArtifactReader reader)
    {
        var declarations = new DeploymentDeclarations();
        foreach (var file in project.OfKind(ArtifactKind.AppSettings))
        {
            if (project.IsInProjectFolder(file) && reader.AppSettings(file) is { } document)
            {
                declarations.ConfigurationKeys.AddSource(file.Name);
                foreach (var key in document.Keys)
                {
                    declarations.ConfigurationKeys.AddName(key.Key);
                }
            }
        }
        foreach (var service in ProjectService.Find(project, reader))
        {
            declarations.AddEnvironmentSource(service.Description);
            foreach (var variable in service.Service.Environment)
            {
                declarations.AddVariable(variable.Name);
            }
        }
        return declarations;
    }

    private void AddEnvironmentSource(string description)
    {
        ConfigurationKeys.AddSource(description);
        EnvironmentVariables.AddSource(description);
    }

    private void AddVariable(string name)
    {
        EnvironmentVariables.AddName(name);
        ConfigurationKeys.AddName(Artifacts.Configuration.ConfigurationKeys.FromEnvironmentVariable(name));
    }
}
