using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3005: depends_on, links, extends, volumes_from, named volumes, networks, secrets and configs that name nothing
/// defined in the compose project, a missing extends/include file, and depends_on, extends and include cycles.
/// Repository-level: reported by the owner project.
/// </summary>
public static class ComposeReferenceCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3005.Id];

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
                if (error.Kind == ComposeErrorKind.Reference || error.Kind == ComposeErrorKind.Cycle
                    || error.Kind == ComposeErrorKind.MissingFile && !error.Span.IsEmpty)
                {
                    context.Report(
                        Finding.At(
                        Rule, ComposeCheckSupport.FileOf(error.SourceFile, path), error.Span, error.Message));
                }
            }
        }
    }
}
