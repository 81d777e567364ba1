using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary><c>extends</c> and <c>include</c>.</summary>
internal sealed partial class ComposeLoader
{
    private const int MaxExtendsDepth = 32;

    private static readonly string[] NotInheritedFromOtherFiles = { "extends", "depends_on", "links", "volumes_from" };
    private static readonly string[] NotInherited = { "extends" };

    private ComposeMapping ResolveExtends(ComposeMapping services, string? path)
    {
        var memo = new Dictionary<string, ComposeNode>(StringComparer.Ordinal);
        var entries = new List<ComposeMappingEntry>(services.Entries.Count);
        foreach (var entry in services.Entries)
        {
            entries.Add(
                new ComposeMappingEntry(
                entry.Key, ResolveService(entry.Name, services, path, new List<string>(), memo)));
        }
        return services.WithEntries(entries, services.Tag);
    }

    private ComposeNode ResolveService(
        string name, ComposeMapping services, string? path, List<string> chain, Dictionary<string, ComposeNode>? memo)
    {
        var node = services[name]!;
        if (memo != null && memo.TryGetValue(name, out var done))
        {
            return done;
        }
        if (node is not ComposeMapping body || body["extends"] is not { } extends)
        {
            return node;
        }
        var id = (path ?? string.Empty) + "#" + name;
        if (chain.Contains(id))
        {
            var names = new List<string>();
            foreach (var link in chain)
            {
                names.Add(link.Substring(link.LastIndexOf('#') + 1));
            }
            names.Add(name);
            _errors.Add(
                new ComposeError(
                $"extends cycle: {string.Join(" -> ", names)}", extends.Span, ComposeErrorKind.Cycle,
                extends.SourceFile));
            return node;
        }
        if (chain.Count >= MaxExtendsDepth || !_budget.Take())
        {
            return node;
        }
        string? baseName = null;
        ComposeScalar? fileScalar = null;
        ComposeNode baseNameNode = extends;
        if (extends is ComposeScalar scalar)
        {
            baseName = scalar.Text;
        }
        else if (extends is ComposeMapping mapping)
        {
            baseNameNode = mapping["service"] ?? extends;
            baseName = ComposeModelReader.Text(mapping["service"]);
            fileScalar = mapping["file"] as ComposeScalar;
        }
        if (baseName == null)
        {
            return node;
        }
        ComposeNode? baseNode;
        var otherFile = fileScalar != null && !fileScalar.IsNull;
        chain.Add(id);
        try
        {
            if (otherFile)
            {
                var file = fileScalar!.Value;
                if (ComposeReferences.IsRemote(file))
                {
                    _errors.Add(
                        new ComposeError(
                        $"extends file {file} is remote and is not fetched", fileScalar.Span, ComposeErrorKind.Remote,
                        fileScalar.SourceFile));
                    return node;
                }
                if (body.Source.Path == null || _readText == null)
                {
                    return node;
                }
                var filePath = PathText.Combine(PathText.GetDirectory(body.Source.Path), file);
                var other = LoadExtendedFile(filePath);
                if (other == null)
                {
                    _errors.Add(
                        new ComposeError(
                        $"extends: the file {file} does not exist", fileScalar.Span, ComposeErrorKind.MissingFile,
                        fileScalar.SourceFile));
                    return node;
                }
                if (other["services"] is not ComposeMapping otherServices || otherServices[baseName] == null)
                {
                    _errors.Add(
                        new ComposeError(
                        $"extends: service \"{baseName}\" is not defined in {file}", baseNameNode.Span,
                        ComposeErrorKind.Reference, baseNameNode.SourceFile));
                    return node;
                }
                baseNode = ResolveService(baseName, otherServices, filePath, chain, null);
            }
            else
            {
                if (services[baseName] == null)
                {
                    _errors.Add(
                        new ComposeError(
                        $"extends: service \"{baseName}\" is not defined", baseNameNode.Span,
                        ComposeErrorKind.Reference, baseNameNode.SourceFile));
                    return node;
                }
                baseNode = ResolveService(baseName, services, path, chain, memo);
            }
        }
        finally
        {
            chain.RemoveAt(chain.Count - 1);
        }
        if (baseNode is not ComposeMapping baseBody)
        {
            return node;
        }
        var result = _merger.MergeMappings(
            Without(baseBody, otherFile ? NotInheritedFromOtherFiles : NotInherited), body);
        if (memo != null)
        {
            memo[name] = result;
        }
        return result;
    }

    private static ComposeMapping Without(ComposeMapping mapping, string[] keys)
    {
        var entries = new List<ComposeMappingEntry>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            if (Array.IndexOf(keys, entry.Name) < 0)
            {
                entries.Add(entry);
            }
        }
        return mapping.WithEntries(entries, mapping.Tag);
    }

    private ComposeMapping? LoadExtendedFile(string path)
    {
        if (_extendedFiles.TryGetValue(path, out var known))
        {
            return known;
        }
        _extendedFiles[path] = null;
        var text = _readText?.Invoke(path);
        var root = text == null ? null : LoadDocument(path, PathText.GetDirectory(path), text);
        if (text != null && root == null)
        {
            root = new ComposeMapping(
                new ComposeSource(path, PathText.GetDirectory(path), text), default, null,
                Array.Empty<ComposeMappingEntry>());
        }
        _extendedFiles[path] = root;
        return root;
    }

    private void ApplyIncludes(ComposeFile file, string projectDirectory, List<string> includeStack)
    {
        if (file.Includes.Count == 0)
        {
            return;
        }
        var services = new List<ComposeService>(file.Services);
        var volumes = new List<ComposeVolumeDefinition>(file.Volumes);
        var networks = new List<ComposeNetworkDefinition>(file.Networks);
        var secrets = new List<ComposeSecretDefinition>(file.Secrets);
        var configs = new List<ComposeConfigDefinition>(file.Configs);
        foreach (var include in file.Includes)
        {
            var paths = new List<string>();
            var skip = false;
            foreach (var value in include.Paths)
            {
                if (ComposeReferences.IsRemote(value.Value))
                {
                    _errors.Add(
                        new ComposeError(
                        $"include {value.Value} is remote and is not fetched", value.Span, ComposeErrorKind.Remote,
                        value.SourceFile));
                    skip = true;
                    break;
                }
                var resolved = PathText.Combine(include.BaseDirectory ?? projectDirectory, value.Value);
                if (includeStack.Contains(resolved))
                {
                    _errors.Add(new ComposeError(
                        $"include cycle: {PathText.GetFileName(resolved)} includes itself " +
                        $"(through {string.Join(" -> ", includeStack.ConvertAll(PathText.GetFileName))})",
                        value.Span, ComposeErrorKind.Cycle, value.SourceFile));
                    skip = true;
                    break;
                }
                if (_readText?.Invoke(resolved) == null)
                {
                    _errors.Add(
                        new ComposeError(
                        $"include: the file {value.Value} does not exist", value.Span, ComposeErrorKind.MissingFile,
                        value.SourceFile));
                    skip = true;
                    break;
                }
                paths.Add(resolved);
            }
            if (skip || paths.Count == 0 || includeStack.Count >= MaxIncludeDepth || !_budget.Take())
            {
                continue;
            }
            var directory = include.ResolveProjectDirectory();
            List<string>? envFiles = null;
            if (include.EnvFiles.Count > 0)
            {
                envFiles = new List<string>();
                foreach (var envFile in include.EnvFiles)
                {
                    envFiles.Add(PathText.Combine(include.BaseDirectory ?? projectDirectory, envFile.Value));
                }
            }
            var stack = new List<string>(includeStack);
            stack.AddRange(paths);
            var loader = new ComposeLoader(_readText, _budget, _errors) { ValidateReferences = false };
            var included = loader.LoadProject(paths, directory, envFiles, null, stack);
            foreach (var service in included.Services)
            {
                if (file.FindService(service.Name) != null)
                {
                    _errors.Add(
                        new ComposeError(
                        $"include: service \"{service.Name}\" of {PathText.GetFileName(paths[0])} conflicts with a " +
                        $"service of the same name",
                        include.Span, ComposeErrorKind.Reference, include.SourceFile));
                    continue;
                }
                services.Add(service);
            }
            AddMissing(volumes, included.Volumes);
            AddMissing(networks, included.Networks);
            AddMissing(secrets, included.Secrets);
            AddMissing(configs, included.Configs);
            _references.AddRange(included.Variables);
            _unset.AddRange(included.UnsetVariables);
            _files.AddRange(included.Files);
        }
        file.Services = services;
        file.Volumes = volumes;
        file.Networks = networks;
        file.Secrets = secrets;
        file.Configs = configs;
    }

    private static void AddMissing<T>(List<T> into, IReadOnlyList<T> from) where T : ComposeResourceDefinition
    {
        foreach (var item in from)
        {
            if (!into.Exists(existing => existing.Name == item.Name))
            {
                into.Add(item);
            }
        }
    }
}
