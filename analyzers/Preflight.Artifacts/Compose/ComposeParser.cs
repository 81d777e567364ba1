using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>Reads one compose file (compose-spec) into a <see cref="ComposeFile"/>. Never throws.</summary>
public static class ComposeParser
{
    /// <summary>A text without path or variables: values stay as written (<see cref="ComposeFile.Variables"/> lists the
    /// references).</summary>
    public static ComposeFile Parse(string text) => Parse(text, null, null);

    /// <summary>
    /// A text with its path (relative paths in the model resolve from its folder) and, when
    /// <paramref name="variables"/>
    /// is given, interpolated with it (a variable it returns null for is unset). <c>extends</c> within the file is
    /// resolved;
    /// other files are never read.
    /// </summary>
    public static ComposeFile Parse(string text, string? path, Func<string, string?>? variables)
    {
        var errors = new List<ComposeError>();
        try
        {
            return new ComposeLoader(null, new ComposeBudget(), errors).LoadText(
                text ?? string.Empty, path == null ? null : PathText.Normalize(path), variables);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            errors.Add(
                new ComposeError(
                "the compose file could not be read (" + ex.GetType().Name + ")", default,
                ComposeErrorKind.Syntax, path));
            return new ComposeFile(path, null, null, Array.Empty<ComposeService>(), errors);
        }
    }
}
