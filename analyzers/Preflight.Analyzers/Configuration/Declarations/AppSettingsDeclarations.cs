using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>The project's own appsettings.json and appsettings.*.json declare configuration keys.</summary>
internal static class AppSettingsDeclarations
{
    public static void Add(DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader)
    {
        foreach (var file in project.OfKind(ArtifactKind.AppSettings))
        {
            if (project.IsInProjectFolder(file) && reader.AppSettings(file) is { } document)
            {
                declarations.AddConfigurationSource(file.Name);
                if (document.IsUnread)
                {
                    // Too large to read: its keys are unknown, so no key may be reported as undeclared.
                    declarations.MarkOpen();
                }
                foreach (var key in document.Keys)
                {
                    declarations.AddConfigurationKey(key.Key);
                }
            }
        }
    }
}
