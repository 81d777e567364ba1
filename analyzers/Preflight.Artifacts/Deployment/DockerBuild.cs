using System.Collections.Generic;

namespace Preflight.Artifacts.Deployment;

/// <summary>What names a Dockerfile's build context.</summary>
public enum DockerBuildSource
{
    Compose,
    GitHubWorkflow,
    AzurePipeline,
    GitLabCi,
    Script,
    Azds,
    Skaffold,
    DevContainer,
}

/// <summary>One way the repository builds a Dockerfile: the Dockerfile, its context and what says so (absolute,
/// normalised paths).</summary>
public sealed class DockerBuild
{
    public DockerBuild(
        string dockerfile, string context, DockerBuildSource source, string definedIn, string description,
        IReadOnlyDictionary<string, string>? namedContexts = null)
    {
        Dockerfile = PathText.Normalize(dockerfile);
        Context = PathText.Normalize(context);
        Source = source;
        DefinedIn = PathText.Normalize(definedIn);
        Description = description;
        NamedContexts = namedContexts ?? new Dictionary<string, string>();
    }

    public string Dockerfile { get; }
    public string Context { get; }
    public DockerBuildSource Source { get; }
    /// <summary>The file that says so (compose file, workflow, script...).</summary>
    public string DefinedIn { get; }
    /// <summary>What builds it, for messages, without the context: "the build-push-action step in
    /// .github/workflows/ci.yml".</summary>
    public string Description { get; }
    /// <summary><c>--build-context name=path</c> / <c>build-contexts:</c> / compose <c>additional_contexts</c>: name to
    /// absolute path.</summary>
    public IReadOnlyDictionary<string, string> NamedContexts { get; }
}

/// <summary>A <c>docker compose -f a -f b</c> chain found in a script or CI step: the files it combines, in
/// order.</summary>
public sealed class ComposeChain
{
    public ComposeChain(IReadOnlyList<string> files, string definedIn, string description)
    {
        Files = files;
        DefinedIn = definedIn;
        Description = description;
    }

    public IReadOnlyList<string> Files { get; }
    public string DefinedIn { get; }
    public string Description { get; }
}
