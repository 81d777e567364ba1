using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2002: <c>COPY --from=X</c> or <c>RUN --mount=...,from=X</c> where X is no earlier stage (name, case-insensitive,
/// or
/// index) and does not look like an image reference (no '/', ':' or '@'). Values with variables that cannot be resolved
/// are not checked.
/// </summary>
public static class StageReferenceCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2002.Id];

    public static void Run(CheckContext context)
    {
        foreach (var dockerfile in DockerfileSet.Of(context))
        {
            // The variables in scope do not depend on the context; the Dockerfile's folder stands in when none is
            // known.
            var image = dockerfile.Image(context, dockerfile.ContextsOrFolder[0].Context);
            var namedContexts = DockerfileContexts.NamedContexts(context, dockerfile.Path);
            foreach (var instruction in dockerfile.Model.Instructions)
            {
                if (instruction.StageIndex < 0)
                {
                    continue;
                }
                foreach (var (flag, reference) in References(instruction))
                {
                    var value = image.VariablesAt.TryGetValue(instruction, out var variables)
                        ? variables.Expand(reference) : null;
                    if (value == null || value.Length == 0 || IsValid(dockerfile.Model, value, instruction.StageIndex)
                        || namedContexts.Contains(value))
                    {
                        continue;
                    }
                    context.Findings.Add(
                        Finding.At(
                        Rule, dockerfile.Path, flag.Span, value,
                        Hint(dockerfile.Model, value, instruction.StageIndex)));
                }
            }
        }
    }

    /// <summary>The stage references of an instruction: <c>COPY --from</c>, and <c>from=</c> of each RUN
    /// <c>--mount</c>.</summary>
    private static IEnumerable<(DockerFlag Flag, string Reference)> References(DockerInstruction instruction)
    {
        foreach (var flag in instruction.Flags)
        {
            if (flag.Value == null)
            {
                continue;
            }
            if (instruction.Keyword == "COPY" && string.Equals(flag.Name, "from", StringComparison.OrdinalIgnoreCase))
            {
                yield return (flag, flag.Value);
            }
            else if (instruction.Keyword == "RUN"
                && string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var part in flag.Value.Split(','))
                {
                    var equals = part.IndexOf('=');
                    if (equals > 0
                        && string.Equals(part.Substring(0, equals).Trim(), "from", StringComparison.OrdinalIgnoreCase))
                    {
                        yield return (flag, part.Substring(equals + 1).Trim().Trim('"', '\''));
                    }
                }
            }
        }
    }

    private static bool IsValid(Dockerfile dockerfile, string reference, int currentStage)
    {
        if (DockerImage.EarlierStage(dockerfile, reference, currentStage) != null)
        {
            return true;
        }
        if (reference.All(char.IsDigit))
        {
            return false;
        }
        var isStageName = dockerfile.Stages.Any(s => s.Name == reference.ToLowerInvariant());
        return !isStageName && reference.IndexOfAny(new[] { '/', ':', '@' }) >= 0;
    }

    private static string Hint(Dockerfile dockerfile, string reference, int currentStage)
    {
        var lower = reference.ToLowerInvariant();
        var later = dockerfile.Stages.FirstOrDefault(
            s => s.Index >= currentStage
            && (s.Name == lower || s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) == lower));
        if (later != null)
        {
            return later.Index == currentStage
                ? $"; it is the stage this instruction belongs to (line {later.From.Span.Line}), which cannot copy " +
                    $"from itself"
                : $"; stage '{later.Name ?? later.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is defined later, at line {later.From.Span.Line}";
        }
        var earlier = dockerfile.Stages.Where(s => s.Index < currentStage && s.Name != null).Select(s => s.Name!)
            .ToList();
        var suggestion = earlier
            .Select(name => (Name: name, Distance: EditDistance.Between(lower, name)))
            .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        if (suggestion != null)
        {
            return $"; did you mean '{suggestion}'?";
        }
        return earlier.Count == 0
            ? "; no named stage precedes it (an image needs a tag, e.g. 'name:latest')"
            : $"; earlier stages: {string.Join(", ", earlier.Select(n => "'" + n + "'"))} (an image needs a tag, e.g. 'name:latest')";
    }
}
