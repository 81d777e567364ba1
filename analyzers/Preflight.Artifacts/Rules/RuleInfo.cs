namespace Preflight.Artifacts.Rules;

/// <summary>What every host (analyzers, the MSBuild task, the CLI) needs to know of a rule.</summary>
public sealed class RuleInfo
{
    public RuleInfo(
        string id, string title, string messageFormat, string category, RuleSeverity defaultSeverity,
        string description)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
    }

    public string Id { get; }
    public string Title { get; }
    /// <summary>A composite format string ({0}, {1}, ...).</summary>
    public string MessageFormat { get; }
    public string Category { get; }
    public RuleSeverity DefaultSeverity { get; }
    public string Description { get; }
    public string HelpLink => RuleCatalog.HelpLink(Id);

    public string FormatMessage(params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}
