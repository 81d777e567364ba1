using System.Collections.Generic;
using System.Threading;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Configuration;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// The configuration keys a project's deployment provides: its appsettings*.json files and the environment of the
/// compose services that build it (<c>A__B</c> is <c>A:B</c>), with the list of places searched for messages.
/// </summary>
internal sealed class ConfigurationDeclarations
{
    private readonly List<string> _keys = new List<string>();

    private ConfigurationDeclarations()
    {
    }

    /// <summary>The places searched, as shown in messages ("appsettings.json", "docker-compose.yml (service api)").</summary>
    public List<string> Sources { get; } = new List<string>();

    public bool Provides(string key)
    {
        foreach (var declared in _keys)
        {
            if (ConfigurationKeys.Provides(declared, key))
            {
                return true;
            }
        }
        return false;
    }

    public static ConfigurationDeclarations Collect(ProjectContext project, System.Func<Microsoft.CodeAnalysis.Text.SourceText, Artifacts.Json.AppSettingsDocument?> parseSettings,
        System.Func<Microsoft.CodeAnalysis.Text.SourceText, Artifacts.Compose.ComposeFile?> parseCompose, CancellationToken cancellationToken)
    {
        var declarations = new ConfigurationDeclarations();
        foreach (var file in project.OfKind(ArtifactKind.AppSettings))
        {
            if (!project.IsInProjectFolder(file) || file.File.GetText(cancellationToken) is not { } text || parseSettings(text) is not { } document)
            {
                continue;
            }
            declarations.Sources.Add(file.Name);
            foreach (var key in document.Keys)
            {
                declarations._keys.Add(key.Key);
            }
        }

        if (project.ProjectFile != null && project.ProjectDirectory != null)
        {
            var projectFileName = PathText.GetFileName(project.ProjectFile);
            foreach (var file in project.OfKind(ArtifactKind.Compose))
            {
                if (file.File.GetText(cancellationToken) is not { } text || parseCompose(text) is not { } compose)
                {
                    continue;
                }
                foreach (var service in compose.Services)
                {
                    if (!ServiceProjectMatcher.Builds(service, file.Directory, project.ProjectDirectory, projectFileName, path => project.ReadText(path, cancellationToken)))
                    {
                        continue;
                    }
                    declarations.Sources.Add($"{RelativeName(project, file)} (service {service.Name})");
                    foreach (var variable in service.Environment)
                    {
                        declarations._keys.Add(ConfigurationKeys.FromEnvironmentVariable(variable.Name));
                    }
                }
            }
        }
        return declarations;
    }

    private static string RelativeName(ProjectContext project, ArtifactFile file) =>
        project.RepositoryRoot != null && PathText.IsUnder(file.Path, project.RepositoryRoot)
            ? PathText.Relative(project.RepositoryRoot, file.Path)
            : file.Name;
}
