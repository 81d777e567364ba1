using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3003: a compose service whose image (built-in catalogue, extended by preflight.yaml <c>images:</c>) needs
/// variables
/// the service does not set. The environment is the service's <c>env_file</c>s and <c>environment</c>; a bare
/// <c>KEY</c> or <c>${VAR}</c> that the .env or preflight.yaml provides counts as set. Services under profiles are
/// checked too. Reported at the service's name, only when every compose set holding the service (a base alone, with
/// each overlay that changes it) lacks the variable.
/// </summary>
public static class ComposeImageCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3003.Id];

    public static void Run(CheckContext context)
    {
        var catalogue = ImageCatalogue.BuiltIn.With(context.PreflightConfig);
        var findings = new ComposeServiceFindings();
        foreach (var (path, file, service) in ComposeCheckSupport.OwnedServices(context))
        {
            findings.Seen(path, service);
            var (reference, images) = ComposeCheckSupport.CatalogueImages(catalogue, service);
            if (images.Count == 0)
            {
                continue;
            }
            var environment = ComposeCheckSupport.ContainerEnvironment(context, file, service);
            foreach (var image in images)
            {
                foreach (var violation in ImageRequirementEvaluator.Evaluate(
                    image, environment, reference, service.Command))
                {
                    var source = image.FromConfig ? "; required by preflight.yaml images:" : string.Empty;
                    findings.Add(
                        path, service,
                        Finding.At(Rule, ComposeCheckSupport.FileOf(service.NameSourceFile, path), service.NameSpan,
                        service.Name, reference, violation.Message + source));
                }
            }
        }
        findings.ReportTo(context);
    }
}
