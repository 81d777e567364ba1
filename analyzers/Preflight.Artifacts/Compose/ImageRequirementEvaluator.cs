using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>One unmet requirement of an image: a sentence for the message, and the variable it is about.</summary>
public sealed class ImageRequirementViolation
{
    internal ImageRequirementViolation(string message, string variable)
    {
        Message = message;
        Variable = variable;
    }

    /// <summary>E.g. "lacks POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE)"; never holds a value.</summary>
    public string Message { get; }
    public string Variable { get; }
}

/// <summary>
/// Checks a container environment against <see cref="ImageRequirements"/>. The environment maps each variable set
/// for the container to its value, or to null when the value is provided but unknown (a secret at deploy time, a
/// variable interpolated from a value Preflight cannot see): unknown values count as set and non-empty.
/// </summary>
public static class ImageRequirementEvaluator
{
    public static IReadOnlyList<ImageRequirementViolation> Evaluate(ImageRequirements image, IReadOnlyDictionary<string, string?> environment)
    {
        var violations = new List<ImageRequirementViolation>();
        foreach (var condition in image.When)
        {
            if (!Holds(condition, environment))
            {
                return violations;
            }
        }
        foreach (var condition in image.Unless)
        {
            if (Holds(condition, environment))
            {
                return violations;
            }
        }
        foreach (var requirement in image.Requires)
        {
            var (name, value) = Split(requirement);
            if (!IsSet(name, image, environment, out var actual))
            {
                violations.Add(new ImageRequirementViolation("lacks " + Describe(name, image) + (value != null ? $" (set to {value})" : string.Empty), name));
            }
            else if (value != null && actual != null && !string.Equals(actual, value, StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(new ImageRequirementViolation($"needs {name} set to {value}", name));
            }
        }
        foreach (var group in image.AnyOf)
        {
            var any = false;
            foreach (var name in group)
            {
                any |= IsSet(name, image, environment, out _);
            }
            if (!any)
            {
                violations.Add(new ImageRequirementViolation("lacks one of " + string.Join(", ", group) + (image.FileAliases ? " (or their _FILE variants)" : string.Empty), group[0]));
            }
        }
        foreach (var group in image.BothOrNeither)
        {
            var set = new List<string>();
            var missing = new List<string>();
            foreach (var name in group)
            {
                (IsSet(name, image, environment, out _) ? set : missing).Add(name);
            }
            if (set.Count > 0 && missing.Count > 0)
            {
                violations.Add(new ImageRequirementViolation($"sets {string.Join(", ", set)} but lacks {string.Join(", ", missing)} (all or none of them must be set)", missing[0]));
            }
        }
        foreach (var pattern in image.Forbid)
        {
            foreach (var name in environment.Keys)
            {
                if (Matches(pattern, name))
                {
                    violations.Add(new ImageRequirementViolation($"sets {name}, which the image refuses", name));
                }
            }
        }
        return violations;
    }

    private static string Describe(string name, ImageRequirements image) => image.FileAliases ? $"{name} (or {name}_FILE)" : name;

    private static bool IsSet(string name, ImageRequirements image, IReadOnlyDictionary<string, string?> environment, out string? value)
    {
        if (environment.TryGetValue(name, out value) && (value == null || value.Length > 0))
        {
            return true;
        }
        if (image.FileAliases && environment.TryGetValue(name + "_FILE", out var file) && (file == null || file.Length > 0))
        {
            value = null;
            return true;
        }
        value = null;
        return false;
    }

    private static bool Holds(string condition, IReadOnlyDictionary<string, string?> environment)
    {
        var (name, expected) = Split(condition);
        if (!environment.TryGetValue(name, out var actual))
        {
            return false;
        }
        // An unknown value (provided at deploy time) might hold: assume it does, so nothing is reported on a guess.
        return expected == null || actual == null || string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Name, string? Value) Split(string requirement)
    {
        var equals = requirement.IndexOf('=');
        return equals < 0 ? (requirement.Trim(), null) : (requirement.Substring(0, equals).Trim(), requirement.Substring(equals + 1).Trim());
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith("*", StringComparison.Ordinal)
            ? name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);
}
