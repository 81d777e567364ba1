using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// One way the compose files of a folder are combined: a base (the spec's main file with its override, or a file of its
/// own) or an overlay (<c>docker-compose.prod.yml</c>, <c>docker-compose.override.windows.yml</c>) loaded on top of the
/// files it changes, as <c>docker compose -f base -f overlay</c> would load them.
/// </summary>
public sealed class ComposeSet
{
    internal ComposeSet(
        string path, IReadOnlyList<string> files, bool isOverlay, string? overlay,
        IReadOnlyCollection<string> definedElsewhere,
        bool baseUnknown = false)
    {
        BaseUnknown = baseUnknown;
        Path = path;
        Files = files;
        IsOverlay = isOverlay;
        Overlay = overlay;
        DefinedElsewhere = definedElsewhere;
    }

    /// <summary>The file this set describes: the base's first file, or the overlay itself.</summary>
    public string Path { get; }

    /// <summary>The files in load order (for an overlay: its base's files, then the overlay).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>True when <see cref="Path"/> only changes services of the files before it.</summary>
    public bool IsOverlay { get; }

    /// <summary>The file whose services must be defined by the files before it (the overlay, or the spec's override
    /// file); null for a lone base.</summary>
    internal string? Overlay { get; }

    /// <summary>
    /// True for a compose file outside the spec's names with no base in its folder (and for its overlays): it may be
    /// chained with a base elsewhere (a devcontainer's <c>dockerComposeFile</c> list, <c>-f ../docker-compose.yml</c>),
    /// so what it references may be defined there; its references are not checked.
    /// </summary>
    public bool BaseUnknown { get; }

    /// <summary>Services that another compose file of the folder defines with an image, a build or an
    /// extends.</summary>
    internal IReadOnlyCollection<string> DefinedElsewhere { get; }

    public override string ToString() => string.Join(" + ", Files.Select(PathText.GetFileName));
}

/// <summary>
/// The compose sets of a repository, found from its compose files: per folder, the spec's main file and its override
/// (as
/// <c>docker compose</c> loads them by default) and every other compose file as a base of its own or as an overlay of
/// the
/// file whose name it extends (<c>docker-compose.prod.yml</c> → <c>docker-compose.yml</c>;
/// <c>x.override.windows.yml</c> →
/// <c>x.override.yml</c>), else of the folder's main file: it changes the base's services or adds services that may use
/// the base's networks and volumes. A file with no base in its folder is a base of its own whose references are not
/// checked (its base may be elsewhere). A file of a name outside the spec is taken only when its content is compose (a
/// top-level <c>services:</c> mapping, not a Kubernetes manifest or a CI pipeline). Reads only through the given
/// function.
/// </summary>
public static class ComposeSets
{
    /// <summary>Top-level keys of YAML files that have a <c>services:</c> key but are not compose files.</summary>
    private static readonly string[] ForeignTopLevelKeys = { "apiVersion", "kind", "jobs", "on", "steps", "stages",
        "trigger", "pool", "pipeline", "workflows" };

    /// <summary>Every compose set of <paramref name="composeFiles"/>, folder by folder (bases before their
    /// overlays).</summary>
    public static IReadOnlyList<ComposeSet> Find(IEnumerable<string> composeFiles, Func<string, string?> readText)
    {
        var byFolder = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in new SortedSet<string>(composeFiles.Select(PathText.Normalize), StringComparer.Ordinal))
        {
            var directory = PathText.GetDirectory(path);
            if (!byFolder.TryGetValue(directory, out var files))
            {
                byFolder[directory] = files = new List<string>();
            }
            files.Add(path);
        }
        var result = new List<ComposeSet>();
        foreach (var folder in byFolder)
        {
            result.AddRange(FindInFolder(folder.Key, folder.Value, readText));
        }
        return result;
    }

    /// <summary>
    /// Loads a set as one project (<see cref="ComposeProject.Load"/>) and, for an overlay, adds a PF3005 reference
    /// error
    /// for each service the overlay configures that no file of its folder defines and that has neither image nor build.
    /// </summary>
    public static ComposeFile Load(
        ComposeSet set, Func<string, string?> readText, ComposeProjectOptions? options = null)
    {
        if (set.BaseUnknown)
        {
            options = new ComposeProjectOptions
            {
                ProjectDirectory = options?.ProjectDirectory, EnvFiles = options?.EnvFiles,
                    Environment = options?.Environment, ValidateReferences = false,
            };
        }
        var file = ComposeProject.Load(set.Files, readText, options);
        if (set.Overlay != null)
        {
            AddUndefinedOverlayServices(set, file);
        }
        return file;
    }

    /// <summary>
    /// The loaded sets without those another set includes (<c>include:</c>, from its folder or another): such a file is
    /// checked as part of the project that loads it. In an include cycle (each loads the other) the first set in path
    /// order is kept, so the cycle and the files' findings are reported once. The path of each is the set's own file.
    /// </summary>
    public static List<(string Path, ComposeFile File)> WithoutIncluded(
        IReadOnlyList<(ComposeSet Set, ComposeFile File)> projects)
    {
        // Which projects load each file by include (a file of the project that is not one of its set's files).
        var loaders = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var j = 0; j < projects.Count; j++)
        {
            var own = new HashSet<string>(projects[j].Set.Files.Select(PathText.Normalize), StringComparer.Ordinal);
            foreach (var loaded in projects[j].File.Files)
            {
                var key = PathText.Normalize(loaded);
                if (!own.Contains(key))
                {
                    if (!loaders.TryGetValue(key, out var set))
                    {
                        loaders[key] = set = new HashSet<int>();
                    }
                    set.Add(j);
                }
            }
        }
        var kept = new List<(string Path, ComposeFile File)>();
        for (var i = 0; i < projects.Count; i++)
        {
            var removed = false;
            if (loaders.TryGetValue(PathText.Normalize(projects[i].Set.Path), out var loadedBy))
            {
                foreach (var j in loadedBy)
                {
                    // j loads i; when i loads j too (a cycle) the earlier of the two stays.
                    var mutual = loaders.TryGetValue(PathText.Normalize(projects[j].Set.Path), out var back)
                        && back.Contains(i);
                    if (j != i && !(mutual && i < j))
                    {
                        removed = true;
                        break;
                    }
                }
            }
            if (!removed)
            {
                kept.Add((projects[i].Set.Path, projects[i].File));
            }
        }
        return kept;
    }

    /// <summary>True for a compose-spec file name (<c>compose.yaml</c>, <c>docker-compose.override.yml</c>,
    /// ...).</summary>
    public static bool IsSpecName(string fileName)
    {
        if (ComposeProject.IsMainFileName(fileName))
        {
            return true;
        }
        foreach (var main in ComposeProject.MainFileNames)
        {
            foreach (var overrideName in ComposeProject.OverrideFileNames(main))
            {
                if (string.Equals(overrideName, fileName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>True when the parsed text is a compose file: a top-level <c>services:</c> mapping and no key of a
    /// Kubernetes manifest or CI pipeline.</summary>
    public static bool LooksLikeCompose(ComposeFile parsed)
    {
        if (parsed.Root is not { } root || root["services"] is not ComposeMapping)
        {
            return false;
        }
        foreach (var key in ForeignTopLevelKeys)
        {
            if (root[key] != null)
            {
                return false;
            }
        }
        return true;
    }

    private sealed class Candidate
    {
        public Candidate(string path, ComposeFile parsed)
        {
            Path = path;
            var name = PathText.GetFileName(path);
            var dot = name.LastIndexOf('.');
            Stem = dot < 0 ? name : name.Substring(0, dot);
            foreach (var service in parsed.Services)
            {
                Names.Add(service.Name);
                if (StandsAlone(service))
                {
                    Defined.Add(service.Name);
                }
            }
        }

        public string Path { get; }
        public string Stem { get; }
        public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);
        public HashSet<string> Defined { get; } = new HashSet<string>(StringComparer.Ordinal);
        public List<string>? Files { get; set; }
        public bool BaseUnknown { get; set; }
    }

    private static IEnumerable<ComposeSet> FindInFolder(
        string directory, List<string> files, Func<string, string?> readText)
    {
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        var main = ComposeProject.FindFiles(directory, present.Contains);
        var candidates = new List<Candidate>();
        foreach (var path in files)
        {
            var text = SafeRead(readText, path);
            if (main.Contains(path))
            {
                candidates.Add(
                    new Candidate(
                    path, text == null ? ComposeParser.Parse(string.Empty) : ComposeParser.Parse(text, path, null)));
                continue;
            }
            if (text == null)
            {
                continue;
            }
            var parsed = ComposeParser.Parse(text, path, null);
            // A spec name is compose by its name (a broken one is reported); any other name only by its content.
            if (IsSpecName(PathText.GetFileName(path)) || LooksLikeCompose(parsed))
            {
                candidates.Add(new Candidate(path, parsed));
            }
        }
        var mainCandidates = candidates.Where(c => main.Contains(c.Path)).ToList();
        if (mainCandidates.Count > 0)
        {
            var files0 = main.ToList();
            foreach (var candidate in mainCandidates)
            {
                // An overlay of the main file is chained without the override (-f main -f overlay); one of the override
                // with it.
                candidate.Files = PathText.Equal(candidate.Path, main[0]) ? new List<string> { main[0] } : files0;
            }
            var overrideFile = mainCandidates.Find(c => !PathText.Equal(c.Path, main[0]));
            yield return new ComposeSet(main[0], files0, false, overrideFile?.Path,
                DefinedOutside(candidates, overrideFile == null ? Array.Empty<Candidate>() : new[] { overrideFile }));
        }
        // Shorter names first: a file's base by name ("docker-compose.prod" → "docker-compose") is placed before it.
        foreach (var candidate in candidates.Where(c => !main.Contains(c.Path)).OrderBy(c => c.Stem.Length).ThenBy(
            c => c.Path, StringComparer.Ordinal))
        {
            var parent = ParentByName(candidate, candidates)
                ?? mainCandidates.Find(c => PathText.Equal(c.Path, main[0]));
            var parentFiles = parent?.Files;
            // Any other file of a folder with a base is loaded on it: an overlay changes the base's services, and a
            // file
            // that only adds services (-f docker-compose.yml -f docker-compose.elk.yml) may use its networks and
            // volumes.
            var isOverlay = parentFiles != null;
            candidate.Files = isOverlay ? new List<string>(parentFiles!) { candidate.Path }
                : new List<string> { candidate.Path };
            // A file with no base in its folder (and its own overlays) may be chained with one elsewhere (a
            // devcontainer's
            // dockerComposeFile, -f ../docker-compose.yml): what it references or changes may be defined there.
            candidate.BaseUnknown = !isOverlay || parent!.BaseUnknown;
            yield return new ComposeSet(
                candidate.Path, candidate.Files, isOverlay, isOverlay && !candidate.BaseUnknown ? candidate.Path : null,
                DefinedOutside(candidates, new[] { candidate }), candidate.BaseUnknown);
        }
    }

    /// <summary>The file whose name this one extends (longest stem followed by '.', '-' or '_'), already
    /// placed.</summary>
    private static Candidate? ParentByName(Candidate candidate, List<Candidate> candidates)
    {
        Candidate? best = null;
        foreach (var other in candidates)
        {
            if (other == candidate || other.Files == null || other.Stem.Length >= candidate.Stem.Length ||
                !candidate.Stem.StartsWith(other.Stem, StringComparison.OrdinalIgnoreCase)
                    || "._-".IndexOf(candidate.Stem[other.Stem.Length]) < 0)
            {
                continue;
            }
            if (best == null || other.Stem.Length > best.Stem.Length)
            {
                best = other;
            }
        }
        return best;
    }

    private static HashSet<string> DefinedOutside(List<Candidate> candidates, IReadOnlyCollection<Candidate> own)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!own.Contains(candidate))
            {
                names.UnionWith(candidate.Defined);
            }
        }
        return names;
    }

    private static bool StandsAlone(ComposeService service) => service.Image != null || service.Build != null
        || service.Extends != null;

    private static void AddUndefinedOverlayServices(ComposeSet set, ComposeFile file)
    {
        var overlay = set.Overlay!;
        var bases = string.Join(", ", set.Files.Where(f => !PathText.Equal(f, overlay)).Select(PathText.GetFileName));
        List<ComposeError>? added = null;
        foreach (var service in file.Services)
        {
            // Services under profiles are left alone (compose may never load them); a name another file defines is
            // fine.
            if (service.NameSourceFile == null || !PathText.Equal(service.NameSourceFile, overlay)
                || service.Image != null || service.Build != null ||
                service.HasProfiles || set.DefinedElsewhere.Contains(service.Name)
                    || file.Services.Any(s => s != service && s.Name == service.Name))
            {
                continue;
            }
            added ??= new List<ComposeError>(file.Errors);
            added.Add(new ComposeError(
                $"service \"{service.Name}\" of overlay {PathText.GetFileName(overlay)} has neither an image nor a " +
                    $"build context, and no base compose file of its folder ({bases}) defines it; compose fails with " +
                    $"\"has neither an image nor a build context specified\"",
                service.NameSpan, ComposeErrorKind.Reference, overlay));
        }
        if (added != null)
        {
            file.Errors = added;
        }
    }

    private static string? SafeRead(Func<string, string?> readText, string path)
    {
        try
        {
            return readText(path);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return null;
        }
    }
}
