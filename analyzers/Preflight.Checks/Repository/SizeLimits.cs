using System;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Python;
using Preflight.Artifacts.Repository;
using Preflight.Artifacts.Vercel;

namespace Preflight.Checks.Repository;

/// <summary>
/// The parsers' own size limits below <see cref="FileSystem.MaxReadBytes"/>: a file above one is not checked, and a
/// note
/// (never a finding) says so. A size limit is Preflight's limit, not the user's error.
/// </summary>
public static class SizeLimits
{
    /// <summary>The number of characters above which the file's parser does not read it, or null.</summary>
    public static int? ParserLimit(string path)
    {
        if (path.EndsWith(".py", StringComparison.Ordinal))
        {
            return PythonModuleParser.MaxLength;
        }
        return ArtifactClassifier.Classify(path) switch
        {
            ArtifactKind.Dockerfile => DockerfileParser.MaxLength,
            ArtifactKind.VercelConfig => VercelConfigParser.MaxLength,
            _ => null,
        };
    }
}
