using System;
using System.Collections.Generic;
using Preflight.Artifacts.Env;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Compose;

/// <summary>
/// Loads compose files into one model: reads each file (anchors, merge keys), validates its structure, interpolates it,
/// merges the files in order, resolves <c>extends</c> (same file and other files) and <c>include</c> (each its own
/// project), then checks references. All work is bounded by one <see cref="ComposeBudget"/>. Never throws.
/// </summary>
internal sealed partial class ComposeLoader
{
    /// <summary>Includes nested deeper than this are not followed (a cycle is reported before that).</summary>
    private const int MaxIncludeDepth = 16;

    private readonly Func<string, string?>? _readText;
    private readonly ComposeBudget _budget;
    private readonly List<ComposeError> _errors;
    private readonly ComposeMerger _merger;
    private readonly Dictionary<string, ComposeMapping?> _extendedFiles = new Dictionary<string,
        ComposeMapping?>(StringComparer.Ordinal);
    private readonly HashSet<ComposeScalar> _unresolved = new HashSet<ComposeScalar>();
    private readonly List<ComposeVariableReference> _references = new List<ComposeVariableReference>();
    private readonly List<ComposeVariableReference> _unset = new List<ComposeVariableReference>();
    private readonly List<string> _files = new List<string>();
    private Func<string, string?>? _lookup;

    /// <summary>False for an included project: its references are checked with the including project's model.</summary>
    public bool ValidateReferences { get; set; } = true;

    public ComposeLoader(Func<string, string?>? readText, ComposeBudget budget, List<ComposeError> errors)
    {
        _readText = readText;
        _budget = budget;
        _errors = errors;
        _merger = new ComposeMerger(budget);
    }

    /// <summary>One text: the whole model (extends to other files are followed only when a reader is given).</summary>
    public ComposeFile LoadText(string text, string? path, Func<string, string?>? variables)
    {
        _lookup = variables;
        var baseDirectory = path == null ? null : PathText.GetDirectory(path);
        var root = LoadDocument(path, baseDirectory, text);
        return Finish(path, root, null, null);
    }

    /// <summary>A project: its files merged in order, with the project's .env for interpolation.</summary>
    public ComposeFile LoadProject(
        IReadOnlyList<string> files, string projectDirectory, IReadOnlyList<string>? envFiles,
        Func<string, string?>? environment, List<string> includeStack)
    {
        var (env, envPath) = ReadEnvFiles(projectDirectory, envFiles, environment);
        _lookup = name => SafeLookup(environment, name)
            ?? (env != null && env.TryGetValue(name, out var value) ? value : null);
        ComposeMapping? merged = null;
        foreach (var file in files)
        {
            var path = PathText.Normalize(file);
            var text = _readText?.Invoke(path);
            if (text == null)
            {
                _errors.Add(
                    new ComposeError(
                    $"the compose file {PathText.GetFileName(path)} could not be read", default,
                    ComposeErrorKind.MissingFile, path));
                continue;
            }
            _files.Add(path);
            var root = LoadDocument(path, projectDirectory, text);
            if (root != null)
            {
                merged = merged == null ? root : _merger.MergeMappings(merged, root);
            }
        }
        var result = Finish(
            files.Count > 0 ? PathText.Normalize(files[0]) : null, merged, projectDirectory, includeStack);
        result.EnvFilePath = envPath;
        result.DotEnv = env;
        return result;
    }

    private (IReadOnlyDictionary<string, string>? Values, string? Path) ReadEnvFiles(
        string projectDirectory, IReadOnlyList<string>? envFiles, Func<string, string?>? environment)
    {
        var paths = envFiles ?? new[] { PathText.Combine(projectDirectory, ".env") };
        Dictionary<string, string>? values = null;
        string? first = null;
        foreach (var path in paths)
        {
            var text = _readText?.Invoke(PathText.Normalize(path));
            if (text == null)
            {
                continue;
            }
            first ??= PathText.Normalize(path);
            values ??= new Dictionary<string, string>(StringComparer.Ordinal);
            var current = values;
            var parsed = EnvFileParser.Parse(
                text, name => SafeLookup(environment, name) ?? (current.TryGetValue(name, out var v) ? v : null));
            foreach (var pair in parsed.ToDictionary())
            {
                values[pair.Key] = pair.Value;
            }
        }
        return (values, first);
    }

    /// <summary>Reads, validates and interpolates one file; null when it is empty or not a mapping.</summary>
    private ComposeMapping? LoadDocument(string? path, string? baseDirectory, string text)
    {
        var source = new ComposeSource(path, baseDirectory, text);
        var documents = ComposeYamlReader.Read(source, _budget, _errors);
        if (documents.Count == 0)
        {
            return null;
        }
        if (documents.Count > 1)
        {
            _errors.Add(
                new ComposeError(
                "a compose file must hold a single YAML document", documents[1].Span, ComposeErrorKind.Schema, path));
        }
        var document = documents[0];
        ComposeSchemaValidator.Validate(document, _errors);
        if (document is not ComposeMapping)
        {
            return null;
        }
        var interpolator = new ComposeTreeInterpolator(_lookup, _budget, _errors);
        var interpolated = interpolator.Apply(document) as ComposeMapping;
        _references.AddRange(interpolator.References);
        _unset.AddRange(interpolator.Unset);
        foreach (var scalar in interpolator.Unresolved)
        {
            _unresolved.Add(scalar);
        }
        return interpolated;
    }

    private ComposeFile Finish(string? path, ComposeMapping? root, string? projectDirectory, List<string>? includeStack)
    {
        if (root != null && root["services"] is ComposeMapping services)
        {
            root = Replace(root, "services", ResolveExtends(services, path));
        }
        var reader = new ComposeModelReader(IsUnresolved);
        var file = reader.Read(path, root, _errors);
        if (projectDirectory != null && includeStack != null)
        {
            ApplyIncludes(file, projectDirectory, includeStack);
        }
        file.Variables = _references;
        file.UnsetVariables = _unset;
        file.Files = _files;
        if (ValidateReferences)
        {
            ComposeReferenceValidator.Validate(file, _errors);
        }
        return file;
    }

    private bool IsUnresolved(ComposeScalar scalar) =>
        _lookup == null ? ComposeInterpolation.FindReferences(scalar.RawValue).Count > 0 : _unresolved.Contains(scalar);

    private static ComposeMapping Replace(ComposeMapping mapping, string key, ComposeNode value)
    {
        var entries = new List<ComposeMappingEntry>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            entries.Add(entry.Name == key ? new ComposeMappingEntry(entry.Key, value) : entry);
        }
        return mapping.WithEntries(entries, mapping.Tag);
    }

    private static string? SafeLookup(Func<string, string?>? lookup, string name)
    {
        if (lookup == null)
        {
            return null;
        }
        try
        {
            return lookup(name);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return null;
        }
    }
}
