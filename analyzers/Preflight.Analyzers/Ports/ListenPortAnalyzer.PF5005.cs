using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Preflight.Analyzers.Deployment;
using Preflight.Analyzers.Infrastructure;
using Preflight.Analyzers.Routes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Text;

namespace Preflight.Analyzers.Ports;

/// <summary>
/// PF5005: a container port of the project's deployment (compose ports/expose and healthcheck URL, Kubernetes
/// containerPort and httpGet probe port, Dockerfile EXPOSE and HEALTHCHECK URL) that is not a port the app listens on
/// there. A compilation-end rule (UseUrls and Listen calls are code). Reported at the port in the deployment file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ListenPortAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PF5005);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var project = ProjectContext.Create(start.Options);
            if (!project.IsDeployable || project.Artifacts.IsEmpty ||
                start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder") == null)
            {
                return;
            }
            var collector = new ListenCodeCollector();
            collector.Register(start);
            var reader = new ArtifactReader(start);
            var assemblyName = start.Compilation.AssemblyName;
            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(
                "build_property.TargetFramework", out var targetFramework);
            start.RegisterCompilationEndAction(end =>
            {
                var code = collector.Build();
                if (!code.IsWebApp)
                {
                    return;
                }
                var check = new Check(
                    end, project, reader, code, ReadSettings(project, reader),
                    string.IsNullOrWhiteSpace(targetFramework) ? null : targetFramework);
                check.Run(ProjectDeployment.Find(project, reader, assemblyName));
            });
        });
    }

    private static AppSettingsPorts ReadSettings(ProjectContext project, ArtifactReader reader)
    {
        var endpoints = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? urls = null, http = null, https = null;
        var unknown = false;
        var files = new List<string>();
        // appsettings.json, then appsettings.Production.json (containers run as Production unless told otherwise).
        foreach (var name in new[] { "appsettings.json", "appsettings.Production.json" })
        {
            foreach (var file in project.OfKind(ArtifactKind.AppSettings))
            {
                if (!project.IsInProjectFolder(file)
                    || !string.Equals(file.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (reader.AppSettings(file) is not { Error: null } document)
                {
                    unknown = true;
                    continue;
                }
                files.Add(file.Name);
                foreach (var key in document.Keys)
                {
                    var parts = key.Key.Split(':');
                    if (parts.Length == 4 && parts[0].Equals("Kestrel", StringComparison.OrdinalIgnoreCase) &&
                        parts[1].Equals("Endpoints", StringComparison.OrdinalIgnoreCase)
                            && parts[3].Equals("Url", StringComparison.OrdinalIgnoreCase))
                    {
                        endpoints[parts[2]] = key.Value;
                    }
                    else if (parts.Length == 3 && parts[0].Equals("Kestrel", StringComparison.OrdinalIgnoreCase) &&
                             parts[1].Equals("Endpoints", StringComparison.OrdinalIgnoreCase)
                                 && !endpoints.ContainsKey(parts[2]))
                    {
                        endpoints[parts[2]] = null; // An endpoint whose Url is not (yet) seen: unknown unless a Url key
                                                    // follows.
                    }
                    else if (parts.Length == 1 && key.Key.Equals("Urls", StringComparison.OrdinalIgnoreCase))
                    {
                        urls = key.Value;
                    }
                    else if (parts.Length == 1 && key.Key.Equals("HTTP_PORTS", StringComparison.OrdinalIgnoreCase))
                    {
                        http = key.Value;
                    }
                    else if (parts.Length == 1 && key.Key.Equals("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase))
                    {
                        https = key.Value;
                    }
                }
            }
        }
        return new AppSettingsPorts(
            files.Count == 0 ? "appsettings.json" : string.Join(", ", files), endpoints, urls, http, https, unknown);
    }

    private sealed class Check
    {
        private readonly CompilationAnalysisContext _context;
        private readonly ProjectContext _project;
        private readonly ArtifactReader _reader;
        private readonly ListenCode _code;
        private readonly AppSettingsPorts _settings;
        private readonly string? _targetFramework;
        private readonly HashSet<(string, int)> _reported = new HashSet<(string, int)>();

        public Check(
            CompilationAnalysisContext context, ProjectContext project, ArtifactReader reader, ListenCode code,
            AppSettingsPorts settings, string? targetFramework)
        {
            _context = context;
            _project = project;
            _reader = reader;
            _code = code;
            _settings = settings;
            _targetFramework = targetFramework;
        }

        public void Run(ProjectDeployment deployment)
        {
            var probes = HttpProbe.Find(deployment);
            var overridden = new HashSet<DockerfileFacts>();
            foreach (var compose in deployment.Compose)
            {
                var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in compose.Service.Service.Environment)
                {
                    environment[entry.Name] = entry.Value;
                }
                var layer = new EnvLayer(compose.Service.Description, environment,
                    compose.Service.Service.EnvFiles.Count > 0 || compose.CommandSetsUrls);
                if (layer.SetsPorts && compose.Dockerfile != null)
                {
                    overridden.Add(compose.Dockerfile);
                }
                if (compose.Written == null || Listening(compose.Dockerfile, layer) is not { } listening)
                {
                    continue;
                }
                foreach (var port in compose.ContainerPorts())
                {
                    Compare(compose.Service.File, port.Port, port.Span,
                        compose.Service.Description + (port.IsExpose ? " expose" : " ports"), listening);
                }
                foreach (var probe in probes)
                {
                    if (probe.Owner == compose && probe.Port is { } probePort)
                    {
                        Compare(probe.File, probePort, probe.PortSpan, "the " + probe.Description, listening);
                    }
                }
            }
            var single = deployment.Dockerfiles.Count == 1 ? deployment.Dockerfiles[0] : null;
            foreach (var container in deployment.Containers)
            {
                var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                var envFromKnown = KubernetesEnvFrom.TryAdd(environment, container.Container, _project, _reader);
                foreach (var variable in container.Container.Env)
                {
                    environment[variable.Name] = variable.IsValueFrom ? null : variable.Value ?? "";
                }
                var layer = new EnvLayer(
                    container.Description, environment, !envFromKnown || CommandSetsUrls(container));
                if (layer.SetsPorts)
                {
                    foreach (var dockerfile in deployment.Dockerfiles)
                    {
                        overridden.Add(dockerfile);
                    }
                }
                if (deployment.Dockerfiles.Count > 1 || Listening(single, layer) is not { } listening)
                {
                    continue;
                }
                foreach (var port in container.Container.Ports)
                {
                    if (port.ContainerPort is { } number)
                    {
                        Compare(container.File, number, port.ContainerPortSpan,
                            container.Description + " containerPort", listening);
                    }
                }
                foreach (var probe in probes)
                {
                    if (probe.Owner == container && probe.Port is { } probePort)
                    {
                        Compare(probe.File, probePort, probe.PortSpan, "the " + probe.Description, listening);
                    }
                }
            }
            foreach (var dockerfile in deployment.Dockerfiles)
            {
                if (overridden.Contains(dockerfile) || Listening(dockerfile, null) is not { } listening)
                {
                    continue;
                }
                var display = _project.DisplayPath(dockerfile.File.Path);
                var exposed = new List<(int Port, SourceSpan Span)>();
                foreach (var expose in dockerfile.Exposes)
                {
                    var value = expose.Value;
                    var slash = value.IndexOf('/');
                    if (int.TryParse(
                        slash < 0 ? value : value.Substring(0, slash), NumberStyles.None, CultureInfo.InvariantCulture,
                        out var port))
                    {
                        exposed.Add((port, expose.Span));
                    }
                }
                var exposesListenedPort = exposed.Exists(e => System.Linq.Enumerable.Contains(listening.Ports, e.Port));
                foreach (var (port, span) in exposed)
                {
                    if (exposesListenedPort && IsTemplateHttpsPort(port))
                    {
                        continue; // the Visual Studio template's HTTPS port (EXPOSE 8080 + 8081, 80 + 443), listened on
                                  // when HTTPS is set up
                    }
                    Compare(dockerfile.File, port, span, display + " EXPOSE", listening);
                }
                foreach (var probe in probes)
                {
                    if (probe.Owner == dockerfile && probe.Port is { } probePort)
                    {
                        Compare(probe.File, probePort, probe.PortSpan, "the HEALTHCHECK of " + display, listening);
                    }
                }
            }
        }

        /// <summary>The HTTPS port the Visual Studio Dockerfile template exposes beside the HTTP one (8081 beside 8080,
        /// 443 beside 80).</summary>
        private static bool IsTemplateHttpsPort(int port) => port == 8081 || port == 443;

        /// <summary>The container entry's text mentions --urls / --http_ports (in command or args).</summary>
        private bool CommandSetsUrls(KubernetesDeployment container)
        {
            var text = _reader.Text(container.File);
            var span = container.Container.Span;
            return text == null || span.Start < 0 || span.End > text.Length
                || ListenArguments.SetsUrls(text.Substring(span.Start, span.Length));
        }

        private ListenPorts? Listening(DockerfileFacts? dockerfile, EnvLayer? deployment)
        {
            if (dockerfile?.CommandSetsUrls == true)
            {
                return null;
            }
            var layers = new List<EnvLayer>();
            var defaults = dockerfile?.BaseImage != null
                ? ListenPortResolver.ImageDefaults(dockerfile.BaseImage, null)
                : ListenPortResolver.ImageDefaults(null, _targetFramework);
            if (defaults != null)
            {
                layers.Add(defaults);
            }
            if (dockerfile != null)
            {
                var env = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                foreach (var variable in dockerfile.Env)
                {
                    env[variable.Key] = variable.Value.Value;
                }
                layers.Add(new EnvLayer(_project.DisplayPath(dockerfile.File.Path), env, false));
            }
            if (deployment != null)
            {
                layers.Add(deployment);
            }
            return ListenPortResolver.Resolve(_code, _settings, layers);
        }

        private void Compare(ArtifactFile file, int port, SourceSpan span, string where, ListenPorts listening)
        {
            if (System.Linq.Enumerable.Contains(listening.Ports, port) || !_reported.Add((file.Path, span.Start)))
            {
                return;
            }
            _context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PF5005, Locations.InFile(file.File.Path, span), where,
                    port.ToString(CultureInfo.InvariantCulture), listening.Text, listening.Source));
        }
    }
}
