using System;
using System.Collections.Generic;
using System.IO;
using Preflight.Artifacts.PreflightYaml;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Compose;

/// <summary>What an image needs in its environment to start (see Compose/Catalogue/images.yaml for the meaning of each
/// list).</summary>
public sealed class ImageRequirements
{
    internal ImageRequirements(string image)
    {
        Image = image;
        Repository = ImageCatalogue.RepositoryOf(image);
    }

    /// <summary>The image as written in the catalogue or preflight.yaml.</summary>
    public string Image { get; }

    /// <summary>The repository name it matches (no registry, tag, digest or <c>library/</c>).</summary>
    public string Repository { get; }

    public IReadOnlyList<string> Requires { get; internal set; } = Array.Empty<string>();
    public IReadOnlyList<IReadOnlyList<string>> AnyOf { get; internal set; } = Array.Empty<IReadOnlyList<string>>();
    public IReadOnlyList<IReadOnlyList<string>> BothOrNeither { get; internal set; } =
        Array.Empty<IReadOnlyList<string>>();
    public IReadOnlyList<string> Forbid { get; internal set; } = Array.Empty<string>();
    public IReadOnlyList<string> Persist { get; internal set; } = Array.Empty<string>();
    public IReadOnlyList<string> Unless { get; internal set; } = Array.Empty<string>();
    public IReadOnlyList<string> When { get; internal set; } = Array.Empty<string>();
    public bool FileAliases { get; internal set; }

    /// <summary><c>min_length</c>: when set, these variables' values must have at least this many characters.</summary>
    public IReadOnlyDictionary<string, int> MinLength { get; internal set; } = new Dictionary<string, int>();

    /// <summary><c>since</c>: the requirements apply from this image version on (and to <c>latest</c> or no tag); null:
    /// every version.</summary>
    public string? Since { get; internal set; }

    /// <summary><c>command</c>: the requirements apply only when the service's command starts with one of these
    /// words.</summary>
    public IReadOnlyList<string> Command { get; internal set; } = Array.Empty<string>();

    /// <summary>True when this entry comes from preflight.yaml.</summary>
    public bool FromConfig { get; internal set; }
}

/// <summary>
/// The built-in catalogue of images that need variables to start (an embedded YAML resource), extended by
/// preflight.yaml <c>images:</c>. Matching is by repository name, ignoring registry, tag and digest.
/// </summary>
public sealed class ImageCatalogue
{
    private static readonly Lazy<ImageCatalogue> BuiltInCatalogue = new Lazy<ImageCatalogue>(LoadBuiltIn);

    private readonly List<ImageRequirements> _entries;

    private ImageCatalogue(List<ImageRequirements> entries) => _entries = entries;

    /// <summary>The catalogue shipped with Preflight.</summary>
    public static ImageCatalogue BuiltIn => BuiltInCatalogue.Value;

    public IReadOnlyList<ImageRequirements> Entries => _entries;

    /// <summary>This catalogue plus the <c>images:</c> of a preflight.yaml (both apply when both match).</summary>
    public ImageCatalogue With(PreflightConfig? config)
    {
        if (config == null || config.Images.Count == 0)
        {
            return this;
        }
        var entries = new List<ImageRequirements>(_entries);
        foreach (var image in config.Images)
        {
            entries.Add(new ImageRequirements(image.Image)
            {
                Requires = Values(image.Requires),
                AnyOf = Groups(image.AnyOf),
                BothOrNeither = Groups(image.BothOrNeither),
                Forbid = Values(image.Forbid),
                Persist = Values(image.Persist),
                FromConfig = true,
            });
        }
        return new ImageCatalogue(entries);
    }

    /// <summary>Every entry whose repository is the image's repository.</summary>
    public IReadOnlyList<ImageRequirements> Find(string image)
    {
        var repository = RepositoryOf(image);
        var found = new List<ImageRequirements>();
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Repository, repository, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(entry);
            }
        }
        return found;
    }

    /// <summary>
    /// The repository of an image reference: <c>registry.example.com:5000/library/postgres:16@sha256:..</c> is
    /// <c>postgres</c>,
    /// <c>mcr.microsoft.com/mssql/server:2022-latest</c> is <c>mssql/server</c>.
    /// </summary>
    public static string RepositoryOf(string image)
    {
        var text = image.Trim();
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            text = text.Substring(0, at);
        }
        var slash = text.IndexOf('/');
        if (slash > 0)
        {
            var first = text.Substring(0, slash);
            if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
            {
                text = text.Substring(slash + 1);
            }
        }
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            text = text.Substring(0, colon);
        }
        if (text.StartsWith("library/", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(8);
        }
        return text.ToLowerInvariant();
    }

    /// <summary>Parses a catalogue text (the built-in format); malformed entries are skipped.</summary>
    public static ImageCatalogue Parse(string text)
    {
        var entries = new List<ImageRequirements>();
        var loaded = YamlDocumentLoader.Load(text);
        if (loaded.Documents.Count == 0 || loaded.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new ImageCatalogue(entries);
        }
        foreach (var pair in root.Children)
        {
            if (pair.Key.ScalarValue() is not { } image || pair.Value is not YamlMappingNode body)
            {
                continue;
            }
            entries.Add(new ImageRequirements(image)
            {
                Requires = Strings(body.Child("requires")),
                AnyOf = StringGroups(body.Child("any_of")),
                BothOrNeither = StringGroups(body.Child("both_or_neither")),
                Forbid = Strings(body.Child("forbid")),
                Persist = Strings(body.Child("persist")),
                Unless = Strings(body.Child("unless")),
                When = Strings(body.Child("when")),
                FileAliases = string.Equals(
                    body.Child("file_aliases").ScalarValue(), "true", StringComparison.OrdinalIgnoreCase),
                MinLength = Lengths(body.Child("min_length")),
                Since = body.Child("since").ScalarValue(),
                Command = Strings(body.Child("command")),
            });
        }
        return new ImageCatalogue(entries);
    }

    private static ImageCatalogue LoadBuiltIn()
    {
        try
        {
            using var stream = typeof(ImageCatalogue).Assembly.GetManifestResourceStream(
                "Preflight.Artifacts.Compose.Catalogue.images.yaml");
            if (stream == null)
            {
                return new ImageCatalogue(new List<ImageRequirements>());
            }
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd());
        }
        catch (Exception ex) when (ex is IOException || ex is InvalidOperationException || ex is ArgumentException)
        {
            return new ImageCatalogue(new List<ImageRequirements>());
        }
    }

    private static IReadOnlyList<string> Strings(YamlNode? node)
    {
        var values = new List<string>();
        if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item.ScalarValue() is { } value)
                {
                    values.Add(value);
                }
            }
        }
        else if (node.ScalarValue() is { } single)
        {
            values.Add(single);
        }
        return values;
    }

    private static IReadOnlyDictionary<string, int> Lengths(YamlNode? node)
    {
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        if (node is YamlMappingNode mapping)
        {
            foreach (var pair in mapping.Children)
            {
                if (pair.Key.ScalarValue() is { } name
                    && int.TryParse(
                    pair.Value.ScalarValue(), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var length))
                {
                    lengths[name] = length;
                }
            }
        }
        return lengths;
    }

    private static IReadOnlyList<IReadOnlyList<string>> StringGroups(YamlNode? node)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                var group = Strings(item);
                if (group.Count > 0)
                {
                    groups.Add(group);
                }
            }
        }
        return groups;
    }

    private static IReadOnlyList<string> Values(IReadOnlyList<PreflightValue> values)
    {
        var result = new List<string>(values.Count);
        foreach (var value in values)
        {
            result.Add(value.Value);
        }
        return result;
    }

    private static IReadOnlyList<IReadOnlyList<string>> Groups(IReadOnlyList<PreflightValueGroup> groups)
    {
        var result = new List<IReadOnlyList<string>>(groups.Count);
        foreach (var group in groups)
        {
            result.Add(Values(group.Values));
        }
        return result;
    }
}
