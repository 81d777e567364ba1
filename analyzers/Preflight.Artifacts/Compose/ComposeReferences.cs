using System;

namespace Preflight.Artifacts.Compose;

/// <summary>Recognises references compose would fetch remotely (and Preflight never does).</summary>
public static class ComposeReferences
{
    /// <summary>
    /// True for URLs (<c>https://</c>, <c>git://</c>, <c>oci://</c>, ...), <c>git@host:</c>, and other <c>scheme:</c>
    /// references (compose's remote resource loaders); a Windows drive (<c>C:\</c>) is a local path.
    /// </summary>
    public static bool IsRemote(string reference)
    {
        if (reference.IndexOf("://", StringComparison.Ordinal) >= 0
            || reference.StartsWith("git@", StringComparison.Ordinal))
        {
            return true;
        }
        var colon = reference.IndexOf(':');
        if (colon < 2)
        {
            return false;
        }
        for (var i = 0; i < colon; i++)
        {
            var c = reference[i];
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }
        return char.IsLetter(reference[0]) && (colon + 1 >= reference.Length || reference[colon + 1] != '\\');
    }
}
