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

    /// <summary>Every rule, by id.</summary>
    public static IReadOnlyDictionary<string, RuleInfo> All { get; } = new Dictionary<string, RuleInfo>
    {
        [PF1001.Id] = new RuleInfo(PF1001.Id, PF1001.Title, PF1001.Message, PF1001.Category, PF1001.Severity, PF1001.Description),
        [PF1002.Id] = new RuleInfo(PF1002.Id, PF1002.Title, PF1002.Message, PF1002.Category, PF1002.Severity, PF1002.Description),
        [PF1003.Id] = new RuleInfo(PF1003.Id, PF1003.Title, PF1003.Message, PF1003.Category, PF1003.Severity, PF1003.Description),
        [PF2001.Id] = new RuleInfo(PF2001.Id, PF2001.Title, PF2001.Message, PF2001.Category, PF2001.Severity, PF2001.Description),
        [PF6004.Id] = new RuleInfo(PF6004.Id, PF6004.Title, PF6004.Message, PF6004.Category, PF6004.Severity, PF6004.Description),
    };
}
