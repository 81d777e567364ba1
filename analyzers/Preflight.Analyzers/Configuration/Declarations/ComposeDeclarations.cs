using System.Collections.Generic;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Env;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// The compose services that build the project: their <c>environment</c> (map, list, bare names) and the contents of
/// their <c>env_file</c>s. An env_file Preflight was not given (a name the build does not pass in) may set anything.
/// </summary>
internal static class ComposeDeclarations
{
    public static void Add(
        DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader,
        IReadOnlyList<ProjectService> services)
    {
        foreach (var service in services)
        {
            declarations.AddEnvironmentSource(service.Description);
            foreach (var variable in service.Service.Environment)
            {
                declarations.AddVariable(variable.Name);
            }
            foreach (var envFile in service.Service.EnvFiles)
            {
                AddEnvFile(declarations, project, reader, PathText.Combine(service.File.Directory, envFile.Path));
            }
        }
    }

    private static void AddEnvFile(
        DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader, string path)
    {
        if (path.IndexOf('$') >= 0)
        {
            declarations.MarkOpen();
            return;
        }
        if (project.Find(path) is { } file)
        {
            if (reader.Text(file) is { } text)
            {
                declarations.AddEnvironmentSource(project.DisplayPath(file.Path));
                declarations.AddVariables(EnvFileParser.Parse(text));
            }
            return;
        }
        // A file of a kind the build passes in that is not there does not exist (PF3001 reports it); any other file
        // was not passed in, and what it sets is unknown.
        if (ArtifactClassifier.Classify(path) != ArtifactKind.EnvFile)
        {
            declarations.MarkOpen();
        }
    }
}
