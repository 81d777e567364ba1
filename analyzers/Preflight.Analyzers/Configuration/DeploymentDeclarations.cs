using Preflight.Analyzers.Configuration.Declarations;
using Preflight.Analyzers.Infrastructure;

namespace Preflight.Analyzers.Configuration;

/// <summary>
/// What a project's deployment declares: configuration keys (its appsettings*.json, and every environment source
/// mapped the .NET way, <c>A__B</c> is <c>A:B</c>, and <c>Prefix_A__B</c> too when the code calls
/// <c>AddEnvironmentVariables("Prefix_")</c>) and environment variables (the environment sources, raw names).
/// Environment sources: the compose services that build the project (<c>environment</c>, <c>env_file</c>), the
/// <c>.env</c> files beside the project, the compose file or at the repository root, the <c>ENV</c> of the Dockerfile
/// that builds it, the Kubernetes containers that run its image, and preflight.yaml <c>secrets:</c>/<c>variables:</c>.
/// </summary>
internal sealed class DeploymentDeclarations
{
    /// <summary>The prefixes of the code's <c>AddEnvironmentVariables("Prefix_")</c> calls.</summary>
    private readonly System.Collections.Generic.IReadOnlyList<string> _environmentPrefixes;

    private DeploymentDeclarations(System.Collections.Generic.IReadOnlyList<string> environmentPrefixes)
    {
        _environmentPrefixes = environmentPrefixes;
    }

    public DeclarationSet ConfigurationKeys { get; } = DeclarationSet.ForConfigurationKeys();
    public DeclarationSet EnvironmentVariables { get; } = DeclarationSet.ForEnvironmentVariables();

    private static readonly PerCompilation<DeploymentDeclarations> Cache = new();

    private static readonly PerCompilation<CompilationFacts> CodeFacts = new();

    /// <summary>
    /// What the declarations take from the code, which depends on the compilation only (not on the host): found once
    /// per
    /// compilation, as a library's hosts each collect their declarations with the library's compilation (both walk
    /// every tree).
    /// </summary>
    private sealed class CompilationFacts
    {
        private CompilationFacts(
            System.Collections.Generic.IReadOnlyList<string> environmentPrefixes, bool hasExternalSource)
        {
            EnvironmentPrefixes = environmentPrefixes;
            HasExternalSource = hasExternalSource;
        }

        public System.Collections.Generic.IReadOnlyList<string> EnvironmentPrefixes { get; }
        public bool HasExternalSource { get; }

        public static CompilationFacts Get(ArtifactReader reader) =>
            CodeFacts.Get(reader.Compilation, projectFile: null, artifactCount: 0, () => new CompilationFacts(
                Configuration.EnvironmentPrefixes.Find(reader.Compilation, reader.CancellationToken),
                ExternalConfigurationSources.Find(reader.Compilation, reader.CancellationToken) != null));
    }

    /// <summary>Collected once per compilation for the analyzers that ask (configuration keys, environment
    /// variables).</summary>
    public static DeploymentDeclarations Collect(ProjectContext project, ArtifactReader reader) =>
        Cache.Get(project, reader, () => CollectUncached(project, reader));

    /// <summary>Collected for another project of the repository (a library's host); not cached.</summary>
    public static DeploymentDeclarations CollectFor(ProjectContext project, ArtifactReader reader) =>
        CollectUncached(project, reader);

    private static DeploymentDeclarations CollectUncached(ProjectContext project, ArtifactReader reader)
    {
        var code = CompilationFacts.Get(reader);
        var declarations = new DeploymentDeclarations(code.EnvironmentPrefixes);
        var services = ProjectService.Find(project, reader);
        AppSettingsDeclarations.Add(declarations, project, reader);
        ComposeDeclarations.Add(declarations, project, reader, services);
        EnvFileDeclarations.Add(declarations, project, reader, services);
        DockerfileDeclarations.Add(declarations, project, reader, services);
        KubernetesDeclarations.Add(declarations, project, reader, services);
        PreflightConfigDeclarations.Add(declarations, project, reader);
        AspireDeclarations.Add(declarations, project, reader);
        TyeDeclarations.Add(declarations, project, reader);
        LaunchSettingsDeclarations.Add(declarations, project, reader); // Last: it only adds to sets other sources made.
        if (code.HasExternalSource)
        {
            declarations.ConfigurationKeys.MarkOpen(); // A secret store or configuration service may set any key.
        }
        return declarations;
    }

    /// <summary>A configuration-only source (appsettings): declares keys, not environment variables.</summary>
    public void AddConfigurationSource(string description) => ConfigurationKeys.AddSource(description);

    public void AddConfigurationKey(string key) => ConfigurationKeys.AddName(key);

    /// <summary>An environment source: what it sets is an environment variable and, mapped, a configuration
    /// key.</summary>
    public void AddEnvironmentSource(string description)
    {
        ConfigurationKeys.AddSource(description);
        EnvironmentVariables.AddSource(description);
    }

    public void AddVariable(string name)
    {
        EnvironmentVariables.AddName(name);
        ConfigurationKeys.AddName(Artifacts.Configuration.ConfigurationKeys.FromEnvironmentVariable(name));
        if (EnvironmentPrefixes.Strip(_environmentPrefixes, name) is { } unprefixed)
        {
            ConfigurationKeys.AddName(
                Artifacts.Configuration.ConfigurationKeys.FromEnvironmentVariable(unprefixed)); // Prefix_A__B is A:B.
        }
    }

    /// <summary>Every variable whose name starts with the prefix (and the configuration keys they map to) is
    /// set.</summary>
    public void AddVariablePrefix(string prefix)
    {
        EnvironmentVariables.AddPrefix(prefix);
        ConfigurationKeys.AddPrefix(Artifacts.Configuration.ConfigurationKeys.FromEnvironmentVariable(prefix));
    }

    /// <summary>The AppHost line that adds this project (<c>AppHost/Program.cs:12</c>), when an Aspire AppHost of the
    /// repository runs it.</summary>
    public string? AppHostLine { get; set; }

    /// <summary>The names a .env-format file sets (a name that starts with a digit is no environment
    /// variable).</summary>
    public void AddVariables(Artifacts.Env.EnvFile file)
    {
        foreach (var entry in file.Entries)
        {
            if (!char.IsDigit(entry.Key[0]))
            {
                AddVariable(entry.Key);
            }
        }
    }

    /// <summary>An environment source whose names cannot be known: nothing is reported for this project.</summary>
    public void MarkOpen()
    {
        ConfigurationKeys.MarkOpen();
        EnvironmentVariables.MarkOpen();
    }
}
