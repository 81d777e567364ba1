using System;
using System.Linq;
using Preflight.Artifacts;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Repository;

namespace Preflight.Checks.PreflightYaml;

/// <summary>The repository's preflight.yaml (or preflight.yml) at the root, parsed.</summary>
internal sealed class PreflightConfigFile
{
    private PreflightConfigFile(string path, PreflightConfig config)
    {
        Path = path;
        Config = config;
    }

    public string Path { get; }
    public PreflightConfig Config { get; }

    /// <summary>True when the file could not be read as YAML: its declarations are then unknown.</summary>
    public bool IsUnreadable => Config.Errors.Any(e => e.Kind == PreflightConfigErrorKind.Syntax);

    /// <summary>
    /// The root preflight.yaml among the artifacts (the targets glob it, so creating it re-runs the checks), or null.
    /// Looked up among the artifacts rather than on disk so that its absence is not watched (a missing watched path
    /// would make every build re-run the checks).
    /// </summary>
    public static PreflightConfigFile? Load(CheckContext context)
    {
        var path = context.OfKind(ArtifactKind.PreflightConfig)
            .Where(p => PathText.Equal(PathText.GetDirectory(p), context.Layout.Root))
            .OrderBy(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        if (path == null || context.ReadText(path) is not { } text)
        {
            return null;
        }
        return new PreflightConfigFile(path, PreflightConfigParser.Parse(text));
    }
}
