using Preflight.Artifacts;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3004: a variable the catalogue or preflight.yaml marks <c>persist</c> holds an absolute container path, and no
/// volume (named, bind or anonymous; not tmpfs) is mounted at or above it. Reported at the service's name. Unknown
/// values (provided at deploy time) are not checked.
/// </summary>
public static class ComposePersistCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3004.Id];

    public static void Run(CheckContext context)
    {
        var catalogue = ImageCatalogue.BuiltIn.With(context.PreflightConfig);
        var findings = new ComposeServiceFindings();
        foreach (var (path, file, service) in ComposeCheckSupport.OwnedServices(context))
        {
            findings.Seen(path, service);
            if (service.Image == null || service.Image.IndexOf('$') >= 0)
            {
                continue;
            }
            var images = catalogue.Find(service.Image);
            if (images.Count == 0)
            {
                continue;
            }
            var environment = ComposeCheckSupport.ContainerEnvironment(context, file, service);
            foreach (var image in images)
            {
                foreach (var name in image.Persist)
                {
                    if (!environment.TryGetValue(name, out var value) || value == null
                        || !value.StartsWith("/", System.StringComparison.Ordinal))
                    {
                        continue;
                    }
                    if (!HasVolumeAbove(service, value))
                    {
                        findings.Add(
                            path, service,
                            Finding.At(Rule, ComposeCheckSupport.FileOf(service.NameSourceFile, path), service.NameSpan,
                            service.Name, service.Image, name, value));
                    }
                }
            }
        }
        findings.ReportTo(context);
    }

    private static bool HasVolumeAbove(ComposeService service, string containerPath)
    {
        foreach (var mount in service.Volumes)
        {
            if (mount.Type == ComposeVolumeType.Tmpfs || string.IsNullOrEmpty(mount.Target))
            {
                continue;
            }
            if (PathText.IsUnder(containerPath, mount.Target!))
            {
                return true;
            }
        }
        return false;
    }
}
