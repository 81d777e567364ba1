using System;
using System.Collections.Generic;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Repository;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// The <c>ENV</c> of the Dockerfiles that build the project (named by a compose service that builds it, or owned by it:
/// <see cref="ProjectContext.OwnsDockerfile"/>): the final stage's and those of the stages it is built <c>FROM</c>.
/// </summary>
internal static class DockerfileDeclarations
{
    public static void Add(
        DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader,
        IReadOnlyList<ProjectService> services)
    {
        if (project.ProjectFile == null || project.ProjectDirectory == null)
        {
            return;
        }
        var named = new List<string>();
        foreach (var service in services)
        {
            if (service.Service.Build is { IsInterpolated: false, IsRemote: false } build)
            {
                named.Add(build.ResolveDockerfile(service.File.Directory));
            }
        }
        foreach (var file in project.OfKind(ArtifactKind.Dockerfile))
        {
            var dockerfile = reader.Dockerfile(file);
            if (!named.Exists(path => PathText.Equal(path, file.Path)) && !project.OwnsDockerfile(file, dockerfile))
            {
                continue;
            }
            if (dockerfile is not { Stages.Count: > 0 })
            {
                continue;
            }
            declarations.AddEnvironmentSource(project.DisplayPath(file.Path) + " (ENV)");
            var stages = FinalStageChain(dockerfile);
            foreach (var instruction in dockerfile.Instructions)
            {
                if (string.Equals(instruction.Keyword, "ENV", StringComparison.OrdinalIgnoreCase)
                    && stages.Contains(instruction.StageIndex))
                {
                    foreach (var pair in instruction.KeyValues())
                    {
                        declarations.AddVariable(pair.Key);
                    }
                }
            }
        }
    }

    /// <summary>The final stage and every stage it is built from (<c>FROM build AS final</c>), by index.</summary>
    private static HashSet<int> FinalStageChain(Dockerfile dockerfile)
    {
        var chain = new HashSet<int>();
        for (var stage = dockerfile.Stages[dockerfile.Stages.Count - 1]; stage != null
            && chain.Add(stage.Index); stage = stage.BaseStage)
        {
        }
        return chain;
    }
}
