using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.LaunchSettings;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// The project's own <c>Properties/launchSettings.json</c>: the <c>environmentVariables</c> of its profiles, which
/// <c>dotnet run</c>, Visual Studio and an Aspire AppHost set when they start the project locally. A local run gets
/// them,
/// a deployment does not; the file only adds names to a project that already has a declaration source (a project whose
/// only source is the launchSettings every template writes is not checked, as before).
/// </summary>
internal static class LaunchSettingsDeclarations
{
    private static readonly TextValueProvider<LaunchSettingsFile> Provider =
        new TextValueProvider<LaunchSettingsFile>(text => LaunchSettingsFile.Parse(text.ToString()));

    public static void Add(DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader)
    {
        if (project.ProjectDirectory == null)
        {
            return;
        }
        var own = PathText.Combine(project.ProjectDirectory, "Properties/launchSettings.json");
        foreach (var file in project.OfKind(ArtifactKind.LaunchSettings))
        {
            if (!PathText.Equal(file.Path, own)
                || reader.Parse(file, Provider) is not { Variables.Count: > 0 } settings)
            {
                continue;
            }
            const string description = "Properties/launchSettings.json";
            if (!declarations.ConfigurationKeys.IsEmpty)
            {
                declarations.ConfigurationKeys.AddSource(description);
            }
            if (!declarations.EnvironmentVariables.IsEmpty)
            {
                declarations.EnvironmentVariables.AddSource(description);
            }
            foreach (var variable in settings.Variables)
            {
                declarations.AddVariable(
                    variable); // Names alone do not make an empty set checked (IsEmpty counts sources).
            }
        }
    }
}
