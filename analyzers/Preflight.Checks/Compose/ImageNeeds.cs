using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Compose;

namespace Preflight.Checks.Compose;

/// <summary>A variable a compose service's image needs (known-image catalogue, or preflight.yaml <c>images:</c>) and
/// the service does not set.</summary>
public sealed class ImageNeed
{
    public ImageNeed(string variable, string image, string service, string file, int line, int column)
    {
        Variable = variable;
        Image = image;
        Service = service;
        File = file;
        Line = line;
        Column = column;
    }

    public string Variable { get; }

    /// <summary>The image as the service names it (<c>postgres:16</c>).</summary>
    public string Image { get; }
    public string Service { get; }

    /// <summary>The compose file and position of the service's name.</summary>
    public string File { get; }
    public int Line { get; }
    public int Column { get; }
}

/// <summary>
/// The needs of the repository's compose services' images that the deploy must meet: for each service with a catalogue
/// image (not built here), each variable the image requires (or one of a one-of group) that the service passes through
/// from the deploy's environment (a bare <c>- POSTGRES_PASSWORD</c> in <c>environment</c>) and that nothing in the
/// repository sets (the .env, an example env file, preflight.yaml). A variable the service does not list at all is
/// PF3003's finding, not a need of the deploy (compose would not pass it on); one set from <c>${X}</c> is the
/// variable X's need; one the image needs written literally (<c>ACCEPT_EULA=Y</c>) is left out.
/// What <c>preflight init</c> declares so that the deploy knows to provide them; names only, never values.
/// </summary>
public static class ImageNeeds
{
    public static IReadOnlyList<ImageNeed> Collect(CheckContext context)
    {
        var catalogue = ImageCatalogue.BuiltIn.With(context.PreflightConfig);
        var result = new List<ImageNeed>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var (path, file) in context.ComposeFiles)
        {
            foreach (var service in file.Services)
            {
                var (reference, images) = ComposeCheckSupport.CatalogueImages(catalogue, service);
                if (images.Count == 0)
                {
                    continue;
                }
                var environment = ComposeCheckSupport.ContainerEnvironment(context, file, service);
                var where = ComposeCheckSupport.FileOf(service.NameSourceFile, path);
                foreach (var image in images)
                {
                    foreach (var violation in ImageRequirementEvaluator.Evaluate(
                        image, environment, reference, service.Command))
                    {
                        if (!violation.IsUnset)
                        {
                            continue;
                        }
                        // The names that would meet the need (one, or a one-of group); the one the service passes
                        // through.
                        var names = image.AnyOf.FirstOrDefault(g => g.Count > 0 && g[0] == violation.Variable)
                            ?? new[] { violation.Variable };
                        var passed = service.Environment.FirstOrDefault(
                            e => e.Value == null && names.Contains(e.Name, StringComparer.Ordinal));
                        if (passed == null || environment.ContainsKey(passed.Name)
                            || !seen.Add((where, service.Name, passed.Name)))
                        {
                            continue;
                        }
                        var span = passed.Span.IsEmpty ? service.NameSpan : passed.Span;
                        result.Add(
                            new ImageNeed(
                            passed.Name, reference, service.Name,
                            ComposeCheckSupport.FileOf(passed.SourceFile, where), span.Line, span.Column));
                    }
                }
            }
        }
        return result;
    }
}
