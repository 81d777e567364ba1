using System;
using Preflight.Artifacts;
using Preflight.Artifacts.Kubernetes;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Platforms;

/// <summary>
/// PF5006: a <c>kustomization.yaml</c> names a local file or folder that does not exist (<c>resources</c>,
/// <c>bases</c>,
/// <c>components</c>, patches, generator <c>files</c>/<c>envs</c>); <c>kustomize build</c> (and <c>kubectl apply
/// -k</c>, Argo CD,
/// Flux) then fails and nothing is deployed. Paths resolve from the kustomization's folder; remote references and paths
/// that leave the repository are not checked. Repository-level: checked by the owner project only.
/// </summary>
public static class KustomizationPathCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF5006.Id];

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        foreach (var path in context.OfKind(ArtifactKind.KubernetesManifest))
        {
            if (Array.IndexOf(ArtifactClassifier.KustomizationFileNames, PathText.GetFileName(path)) < 0
                || context.ReadText(path) is not { } text)
            {
                continue;
            }
            var folder = PathText.GetDirectory(path);
            foreach (var reference in KustomizationReferences.Parse(text))
            {
                var target = PathText.Normalize(PathText.Combine(folder, reference.Path));
                if (!PathText.IsUnder(target, context.Layout.Root) || context.Exists(target))
                {
                    continue;
                }
                context.Report(
                    Finding.At(Rule, path, reference.Span, reference.Field, reference.Path, context.Display(target)));
            }
        }
    }
}
