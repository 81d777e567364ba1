using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Tye;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// A tye.yaml that runs the project (a service whose <c>project:</c> is the project file): the service's <c>env</c>,
/// and
/// what tye gives every project of the file: <c>CONNECTIONSTRINGS__{service}</c> for each binding with a connection
/// string (<c>__{binding}</c> for named ones) and <c>SERVICE__{service}__HOST</c>/<c>PORT</c>/<c>PROTOCOL</c>.
/// </summary>
internal static class TyeDeclarations
{
    /// <summary>What tye sets for every project it runs (the replica's instance name, its port and URLs).</summary>
    private static readonly string[] TyeSets = { "APP_INSTANCE", "PORT", "ASPNETCORE_URLS" };

    private static readonly TextValueProvider<TyeConfig> Provider = new TextValueProvider<TyeConfig>(
        text => TyeConfig.Parse(text.ToString()));

    public static void Add(DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader)
    {
        if (project.ProjectFile == null)
        {
            return;
        }
        foreach (var file in project.OfKind(ArtifactKind.TyeConfig))
        {
            if (reader.Parse(file, Provider) is not { } tye)
            {
                continue;
            }
            var own = System.Linq.Enumerable.FirstOrDefault(
                tye.Services, service => service.Project != null && service.Project.IndexOf('$') < 0 &&
                PathText.Equal(PathText.Combine(file.Directory, service.Project), project.ProjectFile));
            if (own == null)
            {
                continue;
            }
            declarations.AddEnvironmentSource($"{project.DisplayPath(file.Path)} (service {own.Name})");
            if (own.SetsUnknownVariables)
            {
                declarations.MarkOpen();
            }
            foreach (var variable in own.Environment)
            {
                declarations.AddVariable(variable);
            }
            foreach (var variable in TyeSets)
            {
                declarations.AddVariable(variable);
            }
            foreach (var service in tye.Services)
            {
                foreach (var binding in service.Bindings)
                {
                    var suffix = binding.Name == null ? "" : "__" + binding.Name;
                    if (binding.HasConnectionString)
                    {
                        declarations.AddVariable("CONNECTIONSTRINGS__" + service.Name + suffix);
                    }
                    foreach (var part in new[] { "HOST", "PORT", "PROTOCOL" })
                    {
                        declarations.AddVariable(
                            "SERVICE__" + service.Name.ToUpperInvariant() + suffix.ToUpperInvariant() + "__" + part);
                    }
                }
            }
        }
    }
}
