using System.Collections.Generic;

namespace Preflight.Artifacts.Rules;

/// <summary>
/// The one table of Preflight's rules. Ids, titles, messages, categories and severities are constants so that
/// the analyzers' <c>DiagnosticDescriptor</c>s (and their release tracking) and the MSBuild task read the same text.
/// </summary>
public static class RuleCatalog
{
    public const string HelpLinkBase = "https://github.com/preflight-dotnet/preflight/blob/main/docs/rules/";

    public const string ConfigurationCategory = "Preflight.Configuration";
    public const string DockerfileCategory = "Preflight.Dockerfile";
    public const string ComposeCategory = "Preflight.Compose";
    public const string SecretsCategory = "Preflight.Secrets";
    public const string PlatformCategory = "Preflight.Platform";
    public const string WiringCategory = "Preflight.Wiring";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    public static class PF1001
    {
        public const string Id = "PF1001";
        public const string Title = "Configuration key is read but declared nowhere";
        public const string Message = "Configuration key '{0}' is read here but declared in none of: {1}";
        public const string Description = "The code reads a configuration key without a fallback, and no appsettings*.json of the project nor the environment of the compose service that builds it provides the key. The service fails or misbehaves at start when the key is missing.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF1002
    {
        public const string Id = "PF1002";
        public const string Title = "Environment variable is read but provided nowhere";
        public const string Message = "Environment variable '{0}' is read here but set in none of: {1}";
        public const string Description = "The code reads an environment variable without a fallback, and none of the places the deployment sets environment variables provides it. The service fails or misbehaves at start when it is missing.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF1003
    {
        public const string Id = "PF1003";
        public const string Title = "Settings file is empty or not JSON";
        public const string Message = "'{0}' cannot be loaded by the .NET JSON configuration provider: {1}";
        public const string Description = "An appsettings*.json file that is empty, is not JSON, has a top-level value that is not an object, or nests deeper than 64 levels makes the host throw at start. Comments and trailing commas are allowed, as .NET allows them.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2001
    {
        public const string Id = "PF2001";
        public const string Title = "COPY/ADD source is missing from the build context";
        public const string Message = "{0} source '{1}' does not exist in the build context '{2}'{3}";
        public const string Description = "A COPY or ADD source that is not a wildcard must exist in the Docker build context, otherwise the image build fails with 'failed to compute cache key: \"/x\": not found'.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF6004
    {
        public const string Id = "PF6004";
        public const string Title = "Source file is empty or declares nothing";
        public const string Message = "'{0}' {1}";
        public const string Description = "A source file that is empty or declares nothing is often a file whose content was lost (a bad merge, a truncated save). Code that expects its types fails to build or, in dynamic languages, fails at import in production.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF6005
    {
        public const string Id = "PF6005";
        public const string Title = "Python import names a module or name the repository does not have";
        public const string Message = "'{0}' cannot be imported: {1}";
        public const string Description = "A Python import that resolves inside the repository to a module that is missing, empty, or does not define the imported name fails with ImportError or ModuleNotFoundError when the service starts, long after the build.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF6001
    {
        public const string Id = "PF6001";
        public const string Title = "Dependency is never registered";
        public const string Message = "'{0}' is required by '{1}' but no service registration provides it{2} (looked for AddScoped/AddSingleton/AddTransient, TryAdd*, AddKeyed*, ServiceDescriptor, AddHostedService, AddHttpClient, AddDbContext and the project's own extension methods in this project)";
        public const string Description = "A constructor parameter of a controller, Razor Page model, SignalR hub, middleware, hosted service or registered implementation (or an extra parameter of a middleware's Invoke/InvokeAsync) has a type declared in this project that no service registration provides. The container throws 'Unable to resolve service for type' when the consumer is first activated: at start for hosted services, on the first request for the others. A whole-compilation rule: it fails 'dotnet build', but the IDE shows it only with full solution analysis.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF6002
    {
        public const string Id = "PF6002";
        public const string Title = "Registered service member is not implemented";
        public const string Message = "{0} '{1}' of '{2}' throws NotImplementedException, but '{2}' is {3}; calling it fails at run time";
        public const string Description = "A member of a type that the service container builds (a registered implementation, hosted service or typed HTTP client) or of a controller only throws NotImplementedException: a stub that was deployed. The call fails in production with 'The method or operation is not implemented'. A whole-compilation rule: it fails 'dotnet build', but the IDE shows it only with full solution analysis.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF6003
    {
        public const string Id = "PF6003";
        public const string Title = "Type name resolves to no type";
        public const string Message = "Type '{0}' does not exist in {1}; {2} will not find it at run time";
        public const string Description = "A constant type name passed to Type.GetType, Activator.CreateInstance(assemblyName, typeName) or Assembly.GetType names no type of this project or of the assembly it points at. The call returns null (or throws) at run time, typically at start where plugins, handlers or serializers are wired by name.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    /// <summary>Every rule, by id.</summary>
    public static IReadOnlyDictionary<string, RuleInfo> All { get; } = new Dictionary<string, RuleInfo>
    {
        [PF1001.Id] = new RuleInfo(PF1001.Id, PF1001.Title, PF1001.Message, PF1001.Category, PF1001.Severity, PF1001.Description),
        [PF1002.Id] = new RuleInfo(PF1002.Id, PF1002.Title, PF1002.Message, PF1002.Category, PF1002.Severity, PF1002.Description),
        [PF1003.Id] = new RuleInfo(PF1003.Id, PF1003.Title, PF1003.Message, PF1003.Category, PF1003.Severity, PF1003.Description),
        [PF2001.Id] = new RuleInfo(PF2001.Id, PF2001.Title, PF2001.Message, PF2001.Category, PF2001.Severity, PF2001.Description),
        [PF6004.Id] = new RuleInfo(PF6004.Id, PF6004.Title, PF6004.Message, PF6004.Category, PF6004.Severity, PF6004.Description),
        [PF6001.Id] = new RuleInfo(PF6001.Id, PF6001.Title, PF6001.Message, PF6001.Category, PF6001.Severity, PF6001.Description),
        [PF6002.Id] = new RuleInfo(PF6002.Id, PF6002.Title, PF6002.Message, PF6002.Category, PF6002.Severity, PF6002.Description),
        [PF6003.Id] = new RuleInfo(PF6003.Id, PF6003.Title, PF6003.Message, PF6003.Category, PF6003.Severity, PF6003.Description),
        [PF6005.Id] = new RuleInfo(PF6005.Id, PF6005.Title, PF6005.Message, PF6005.Category, PF6005.Severity, PF6005.Description),
    };
}
