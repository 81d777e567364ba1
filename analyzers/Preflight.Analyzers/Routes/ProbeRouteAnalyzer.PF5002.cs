using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Analyzers.Deployment;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Routes;

/// <summary>
/// PF5002: an HTTP probe of the project's container (Kubernetes httpGet, compose healthcheck, Dockerfile HEALTHCHECK)
/// requests a path that no route of the app maps. A compilation-end rule: the routes are known once the whole project
/// has
/// been seen. Reported at the path in the deployment file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProbeRouteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF5002);

    public override void Initialize(AnalysisContext context)
    {
        // Routes mapped by generated code count, so generated code is analyzed; nothing is reported in it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var project = ProjectContext.Create(start.Options);
            if (!project.IsDeployable || project.Artifacts.IsEmpty
                || RouteCollector.Create(start.Compilation) is not { } collector)
            {
                return;
            }
            collector.Register(start);
            var reader = new ArtifactReader(start);
            var assemblyName = start.Compilation.AssemblyName;
            start.RegisterCompilationEndAction(end =>
            {
                var routes = collector.Build();
                if (!routes.IsWebApp || routes.UnknownReason != null)
                {
                    return;
                }
                var reported = new HashSet<(string, int)>();
                foreach (var probe in HttpProbe.Find(ProjectDeployment.Find(project, reader, assemblyName)))
                {
                    if (routes.IsUnmapped(probe.Path, "GET") && reported.Add((probe.File.Path, probe.Span.Start)))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.PF5002, Locations.InFile(probe.File.File.Path, probe.Span), probe.Path,
                                probe.Description, routes.Describe()));
                    }
                }
            });
        });
    }
}
