namespace Preflight.Artifacts.Rules;

/// <summary>Default severity of a rule, as MSBuild and Roslyn understand it.</summary>
public enum RuleSeverity
{
    Info,
    Warning,
    Error,
}
