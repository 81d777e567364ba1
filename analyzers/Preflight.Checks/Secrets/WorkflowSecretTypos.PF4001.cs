using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Secrets;

/// <summary>
/// PF4001 without a contract (no preflight.yaml), at warning: a workflow secret used exactly once whose name is a near
/// miss of a secret the repository's workflows use at least twice: one edit apart (insertion, deletion, substitution or
/// swap of neighbours; not a digit against a digit, as in KEY_1/KEY_2), or the same words but one of them shortened
/// (REGISTRY_HOSTNAME against REGISTRY_HOST, DB_PASS against DB_PASSWORD). Names of fewer than six characters, and
/// names a
/// reusable workflow declares (its caller passes them), are never suggested nor reported.
/// </summary>
public static class WorkflowSecretTypos
{
    private const int MinimumLength = 6;

    public static void Run(CheckContext context)
    {
        var uses = new List<(string Path, Preflight.Artifacts.Workflows.WorkflowSecretReference Reference)>();
        var declaredByCalls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, workflow) in WorkflowSecretsCheck.Workflows(context))
        {
            foreach (var declared in workflow.DeclaredSecrets)
            {
                declaredByCalls.Add(declared.Name);
            }
            foreach (var reference in workflow.SecretReferences)
            {
                if (!reference.IsBuiltIn)
                {
                    uses.Add((path, reference));
                }
            }
        }
        var counts = uses.GroupBy(u => u.Reference.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var common = counts.Where(c => c.Value >= 2 && c.Key.Length >= MinimumLength).Select(c => c.Key).OrderBy(
            n => n, StringComparer.Ordinal).ToList();
        foreach (var (path, reference) in uses)
        {
            var name = reference.Name;
            if (counts[name] != 1 || name.Length < MinimumLength || reference.IsDeclaredByWorkflowCall
                || declaredByCalls.Contains(name))
            {
                continue;
            }
            var matches = common.Where(c => IsNearMiss(name, c)).ToList();
            if (matches.Count != 1)
            {
                // No candidate, or two: the model cannot know which was meant.
                continue;
            }
            var meant = matches[0];
            var message =
                $"Secret '{name}' is used only here, while the workflows use '{meant}' {counts[meant]} times: did " +
                $"you mean '{meant}'? " +
                "An unset secret is silently an empty string at run time ('preflight init' writes the contract that " +
                    "checks every name)";
            context.Findings.Add(
                new Finding(
                RuleCatalog.PF4001.Id, path, reference.Span.Line, reference.Span.Column, reference.Span.EndLine,
                reference.Span.EndColumn,
                message, RuleSeverity.Warning));
        }
    }

    /// <summary>True when <paramref name="name"/> is probably a mistyped <paramref name="meant"/>
    /// (case-insensitive).</summary>
    public static bool IsNearMiss(string name, string meant)
    {
        var a = name.ToUpperInvariant();
        var b = meant.ToUpperInvariant();
        if (a == b)
        {
            return false;
        }
        return IsOneEdit(a, b) || IsShortenedWord(a, b);
    }

    /// <summary>One insertion, deletion, substitution or swap of neighbouring characters; a digit replaced by a digit
    /// does not count.</summary>
    private static bool IsOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        if (a.Length == b.Length)
        {
            if (i == a.Length)
            {
                return false;
            }
            // Substitution.
            if (a.Substring(i + 1) == b.Substring(i + 1))
            {
                return !(char.IsDigit(a[i]) && char.IsDigit(b[i]));
            }
            // Swap of neighbours.
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.Substring(i + 2) == b.Substring(i + 2);
        }
        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        // Insertion or deletion of longer[i]; a trailing or inserted digit (KEY, KEY2) is a numbered variant, not a
        // typo.
        return longer.Substring(i + 1) == shorter.Substring(i) && !char.IsDigit(longer[i]);
    }

    /// <summary>The same '_'-separated words but one, which is a prefix (of at least three characters) of the other:
    /// HOST/HOSTNAME.</summary>
    private static bool IsShortenedWord(string a, string b)
    {
        var wordsA = a.Split('_');
        var wordsB = b.Split('_');
        if (wordsA.Length != wordsB.Length || wordsA.Length < 2)
        {
            return false;
        }
        var differing = Enumerable.Range(0, wordsA.Length).Where(k => wordsA[k] != wordsB[k]).ToList();
        if (differing.Count != 1)
        {
            return false;
        }
        var x = wordsA[differing[0]];
        var y = wordsB[differing[0]];
        var (shortWord, longWord) = x.Length < y.Length ? (x, y) : (y, x);
        return shortWord.Length >= 3 && longWord.StartsWith(shortWord, StringComparison.Ordinal)
            && !longWord.Substring(shortWord.Length).Any(char.IsDigit);
    }
}
