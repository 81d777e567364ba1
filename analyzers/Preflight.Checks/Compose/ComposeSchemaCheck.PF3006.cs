using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3006: a compose file that is not valid YAML (or exceeds Preflight's size and alias limits), has an unknown
/// top-level, service, build, healthcheck or resource key, a value of the wrong type, or invalid <c>$</c> syntax.
/// Repository-level: reported by the owner project.
/// </summary>
public static class ComposeSchemaCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3006.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        foreach (var (path, file) in context.ComposeFiles)
        {
            foreach (var error in file.Errors)
            {
                var isSchema = error.Kind == ComposeErrorKind.Syntax || error.Kind == ComposeErrorKind.Schema
                    || error.Kind == ComposeErrorKind.Limit ||
                    error.Kind == ComposeErrorKind.Merge
                        || (error.Kind == ComposeErrorKind.Interpolation && error.Variable == null);
                if (isSchema)
                {
                    context.Report(
                        Finding.At(
                        Rule, ComposeCheckSupport.FileOf(error.SourceFile, path), error.Span, error.Message));
                }
            }
        }
    }
}
