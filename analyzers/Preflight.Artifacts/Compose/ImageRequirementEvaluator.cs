using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>One unmet requirement of an image: a sentence for the message, and the variable it is about.</summary>
public sealed class ImageRequirementViolation
{
    internal ImageRequirementViolation(string message, string variable, bool isUnset = false)
    {
        Message = message;
        Variable = variable;
        IsUnset = isUnset;
    }

    /// <summary>E.g. "lacks POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE)"; never holds a value.</summary>
    public string Message { get; }
    public string Variable { get; }

    /// <summary>
    /// True when the need is a variable (or one of a one-of group) that is not set at all and that any value meets:
    /// what the deploy must provide. False for a required literal value, a wrong or too short value, a partial group
    /// and a refused variable.
    /// </summary>
    public bool IsUnset { get; }
}

/// <summary>
/// Checks a container environment against <see cref="ImageRequirements"/>. The environment maps each variable set
/// for the container to its value, or to null when the value is provided but unknown (a secret at deploy time, a
/// variable interpolated from a value Preflight cannot see): unknown values count as set and non-empty.
/// </summary>
public static class ImageRequirementEvaluator
{
    public static IReadOnlyList<ImageRequirementViolation> Evaluate(
        ImageRequirements image, IReadOnlyDictionary<string, string?> environment) =>
        Evaluate(image, environment, null, null);

    /// <summary>
    /// Like <see cref="Evaluate(ImageRequirements, IReadOnlyDictionary{string, string})"/>, with the image reference
    /// (for
    /// <see cref="ImageRequirements.Since"/>) and the service's command (for <see cref="ImageRequirements.Command"/>);
    /// when either is needed and unknown, the requirements that depend on it are not applied.
    /// </summary>
    public static IReadOnlyList<ImageRequirementViolation> Evaluate(
        ImageRequirements image, IReadOnlyDictionary<string, string?> environment,
        string? imageReference, IReadOnlyList<string>? command)
    {
        var violations = new List<ImageRequirementViolation>();
        if (image.Since != null && (imageReference == null || !IsAtLeast(imageReference, image.Since)))
        {
            return violations;
        }
        if (image.Command.Count > 0 && (command == null || command.Count == 0 || !Contains(image.Command, command[0])))
        {
            return violations;
        }
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
                violations.Add(
                    new ImageRequirementViolation(
                    "lacks " + Describe(name, image) + (value != null ? $" (set to {value})" : string.Empty), name,
                    isUnset: value == null));
            }
            else if (value != null && actual != null
                && !string.Equals(actual, value, StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(new ImageRequirementViolation($"needs {name} set to {value}", name));
            }
        }
        foreach (var group in image.AnyOf)
        {
            if (group.Count == 0)
            {
                continue;
            }
            var any = false;
            foreach (var entry in group)
            {
                var (name, expected) = Split(entry);
                any |= IsSet(name, image, environment, out var actual)
                    && (expected == null || actual == null
                    || string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase));
            }
            if (!any)
            {
                violations.Add(
                    new ImageRequirementViolation(
                    "lacks one of " + string.Join(", ", group)
                    + (image.FileAliases ? " (or their _FILE variants)" : string.Empty), group[0], isUnset: true));
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
                violations.Add(new ImageRequirementViolation(
                    $"sets {string.Join(", ", set)} but lacks {string.Join(", ", missing)} " +
                    $"(all or none of them must be set)", missing[0]));
            }
        }
        foreach (var pair in image.MinLength)
        {
            if (environment.TryGetValue(pair.Key, out var value) && value != null && value.Length > 0
                && value.Length < pair.Value)
            {
                violations.Add(
                    new ImageRequirementViolation(
                    $"sets {pair.Key} shorter than the {pair.Value} characters the image requires", pair.Key));
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

    private static bool Contains(IReadOnlyList<string> words, string word)
    {
        foreach (var candidate in words)
        {
            if (string.Equals(candidate, word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the image's tag is <c>latest</c>, absent, or a version at least <paramref name="since"/>;
    /// false for tags that are not versions.</summary>
    internal static bool IsAtLeast(string imageReference, string since)
    {
        var reference = imageReference;
        var at = reference.IndexOf('@');
        if (at >= 0)
        {
            reference = reference.Substring(0, at);
        }
        var colon = reference.LastIndexOf(':');
        if (colon < 0 || colon < reference.LastIndexOf('/'))
        {
            return true;
        }
        var tag = reference.Substring(colon + 1);
        if (tag == "latest")
        {
            return true;
        }
        var actual = Version(tag);
        var wanted = Version(since);
        if (actual == null || wanted == null)
        {
            return false;
        }
        for (var i = 0; i < wanted.Length; i++)
        {
            var part = i < actual.Length ? actual[i] : 0;
            if (part != wanted[i])
            {
                return part > wanted[i];
            }
        }
        return true;
    }

    /// <summary>The leading dotted numbers of a tag (<c>2.12.0-alpine</c> is 2, 12, 0); null when it does not start
    /// with a digit.</summary>
    private static int[]? Version(string text)
    {
        var parts = new List<int>();
        var current = -1;
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                current = (current < 0 ? 0 : current * 10) + (c - '0');
                if (current > 100000)
                {
                    return null;
                }
            }
            else if (c == '.' && current >= 0)
            {
                parts.Add(current);
                current = -1;
            }
            else
            {
                break;
            }
        }
        if (current >= 0)
        {
            parts.Add(current);
        }
        return parts.Count == 0 ? null : parts.ToArray();
    }

    private static string Describe(string name, ImageRequirements image) => image.FileAliases
        ? $"{name} (or {name}_FILE)" : name;

    private static bool IsSet(
        string name, ImageRequirements image, IReadOnlyDictionary<string, string?> environment, out string? value)
    {
        if (environment.TryGetValue(name, out value) && (value == null || value.Length > 0))
        {
            return true;
        }
        if (image.FileAliases && environment.TryGetValue(name + "_FILE", out var file)
            && (file == null || file.Length > 0))
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
        return expected == null || actual == null
            || string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Name, string? Value) Split(string requirement)
    {
        var equals = requirement.IndexOf('=');
        return equals < 0 ? (requirement.Trim(), null)
            : (requirement.Substring(0, equals).Trim(), requirement.Substring(equals + 1).Trim());
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith("*", StringComparison.Ordinal)
            ? name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);
}
