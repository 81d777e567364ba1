using System;
using System.Collections.Generic;
using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3001: a compose build context, dockerfile, <c>env_file</c> (unless <c>required: false</c>) or bind-mount source
/// that does not exist. Relative paths resolve from the compose file's folder (the project directory; the extended
/// file's folder for what <c>extends</c> brings). Paths with unresolved variables (<c>${HOME}/x</c>), remote contexts,
/// <c>~</c> sources, bind mounts with <c>create_host_path: true</c> and bind sources that are host paths (absolute, or
/// outside the repository) are not checked: the analysing machine is not the host. A missing env_file or bind source
/// with a documented example beside it (<c>.env.sample</c>, <c>x.conf.example</c>) and a git-ignored bind source (a
/// data folder or local certificate made by a set-up step) are not reported. Each service is checked by the project it
/// builds.
/// </summary>
public static class ComposePathCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3001.Id];

    public static void Run(CheckContext context)
    {
        GitIgnore? ignore = null;
        IReadOnlyList<string>? created = null;
        foreach (var (path, _, service) in ComposeCheckSupport.OwnedServices(context))
        {
            var owner = $"service '{service.Name}'";
            CheckBuild(context, path, service, owner);
            foreach (var envFile in service.EnvFiles)
            {
                if (!envFile.Required || envFile.Path.Length == 0 || HasVariable(envFile.Node)
                    || envFile.BaseDirectory == null)
                {
                    continue;
                }
                var resolved = envFile.ResolvePath();
                if (!context.Exists(resolved) && ComposeEnvExamples.FindExample(context, resolved) == null)
                {
                    Report(context, envFile.SourceFile, path, envFile.Span, "env_file", envFile.Path, owner,
                        $" (looked for {context.Display(resolved)}; add 'required: false' if it is optional)");
                }
            }
            foreach (var mount in service.Volumes)
            {
                if (!mount.IsBind || mount.IsHomeRelative || mount.CreateHostPath == true
                    || string.IsNullOrEmpty(mount.Source) ||
                    HasVariable(mount.Node) || mount.BaseDirectory == null || IsHostPath(mount.Source!))
                {
                    continue;
                }
                var source = mount.ResolveSource();
                // A source outside the repository (../../shared) is on the host that runs compose: not this machine's
                // to check.
                if (source != null && PathText.IsUnder(source, context.Layout.Root) && !context.Exists(source)
                    && ComposeEnvExamples.FindExample(context, source) == null &&
                    !(ignore ??= new GitIgnore(context)).IsIgnored(source + "/_") &&
                    !DevContainerCreatedFolders.IsCreated(source, created ??= CreatedByDevContainers(context)))
                {
                    Report(context, mount.SourceFile, path, mount.SourceSpan.IsEmpty ? mount.Span : mount.SourceSpan,
                        "bind-mount source", mount.Source!, owner,
                        $" (looked for {context.Display(source)}; Docker would mount an empty folder in its place)");
                }
            }
        }
    }

    /// <summary>Folders the repository's dev containers create before compose starts (their initializeCommand's
    /// mkdir).</summary>
    private static IReadOnlyList<string> CreatedByDevContainers(CheckContext context)
    {
        var folders = new List<string>();
        foreach (var file in context.Artifacts)
        {
            if (DeploymentFiles.Classify(file) == DockerBuildSource.DevContainer && context.ReadText(file) is { } text)
            {
                folders.AddRange(DevContainerCreatedFolders.Read(file, text));
            }
        }
        return folders;
    }

    private static void CheckBuild(CheckContext context, string path, ComposeService service, string owner)
    {
        var build = service.Build;
        if (build == null || build.IsInterpolated || build.IsRemote || build.BaseDirectory == null)
        {
            return;
        }
        var buildContext = build.ResolveContext();
        if (!context.Exists(buildContext))
        {
            Report(context, build.SourceFile, path, build.ContextSpan, "build context", build.Context, owner,
                $" (looked for {context.Display(buildContext)})");
            return;
        }
        if (build.DockerfileInline != null
            || (build.Dockerfile != null && ComposeReferences.IsRemote(build.Dockerfile)))
        {
            return;
        }
        var dockerfile = build.ResolveDockerfile();
        if (!context.Exists(dockerfile))
        {
            Report(context, build.SourceFile, path, build.Dockerfile != null ? build.DockerfileSpan : build.ContextSpan,
                "dockerfile",
                build.Dockerfile ?? "Dockerfile", owner,
                    $" (looked for {context.Display(dockerfile)} in the build context)");
        }
    }

    /// <summary>
    /// An absolute host path (<c>/var/run/docker.sock</c>, <c>/etc/localtime</c>, <c>C:\data</c>,
    /// <c>\\server\share</c>):
    /// it exists (or not) on the machine that runs compose, which is not the machine that analyses the repository.
    /// </summary>
    internal static bool IsHostPath(string source) =>
        source.StartsWith("/", StringComparison.Ordinal) || source.StartsWith("\\", StringComparison.Ordinal) ||
        (source.Length >= 2 && char.IsLetter(source[0]) && source[1] == ':');

    private static bool HasVariable(ComposeNode node) => node is ComposeScalar scalar
        ? scalar.RawValue.IndexOf('$') >= 0 :
        node is ComposeMapping mapping
            && mapping["source"] is ComposeScalar source ? source.RawValue.IndexOf('$') >= 0 :
        node is ComposeMapping envFile && envFile["path"] is ComposeScalar envPath
            && envPath.RawValue.IndexOf('$') >= 0;

    private static void Report(
        CheckContext context, string? file, string fallback, Artifacts.Text.SourceSpan span, string what, string value,
        string owner, string detail) =>
        context.Report(Finding.At(Rule, ComposeCheckSupport.FileOf(file, fallback), span, what, value, owner, detail));
}
