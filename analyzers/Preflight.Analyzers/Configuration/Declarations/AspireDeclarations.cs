using Preflight.Analyzers.Configuration.Aspire;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration.Declarations;

/// <summary>
/// An Aspire AppHost of the repository that runs the project (<c>AddProject&lt;Projects.X&gt;("x")</c>) is an
/// environment
/// source: what its chain gives the project (<c>WithEnvironment</c>, <c>WithReference</c>, <c>env:</c> of an endpoint)
/// and
/// what Aspire sets for every project it runs. When the AppHost does something with the project that is not followed,
/// any name may be set.
/// </summary>
internal static class AspireDeclarations
{
    /// <summary>What Aspire sets in every project it runs (telemetry, endpoints, launch profile).</summary>
    private static readonly string[] AlwaysSet =
    {
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME",
        "OTEL_RESOURCE_ATTRIBUTES", "OTEL_BLRP_SCHEDULE_DELAY", "OTEL_BSP_SCHEDULE_DELAY",
            "OTEL_METRIC_EXPORT_INTERVAL",
        "OTEL_TRACES_SAMPLER", "OTEL_METRICS_EXEMPLAR_FILTER", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS",
            "ASPNETCORE_HTTPS_PORTS",
        "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_LAUNCH_PROFILE",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION",
        "LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT",
    };

    private static readonly string[] AlwaysSetPrefixes = { "OTEL_DOTNET_EXPERIMENTAL_OTLP_" };

    public static void Add(DeploymentDeclarations declarations, ProjectContext project, ArtifactReader reader)
    {
        if (project.ProjectFile == null || project.ProjectSources.IsEmpty)
        {
            return;
        }
        foreach (var run in AppHosts.Find(project, reader).RunsOf(project.ProjectFile))
        {
            var line = project.DisplayPath(run.File) + ":" + run.Project.Line;
            declarations.AppHostLine ??= line;
            declarations.AddEnvironmentSource(
                line + (run.Project.ResourceName != null ? " (AddProject \"" + run.Project.ResourceName + "\")"
                : " (AddProject)"));
            if (run.IsOpen)
            {
                declarations.MarkOpen();
                continue;
            }
            foreach (var variable in AlwaysSet)
            {
                declarations.AddVariable(variable);
            }
            foreach (var prefix in AlwaysSetPrefixes)
            {
                declarations.AddVariablePrefix(prefix);
            }
            foreach (var variable in run.SharedVariables)
            {
                declarations.AddVariable(variable);
            }
            foreach (var variable in run.Project.Variables)
            {
                declarations.AddVariable(variable);
            }
            foreach (var prefix in run.Project.VariablePrefixes)
            {
                declarations.AddVariablePrefix(prefix);
            }
        }
    }
}
