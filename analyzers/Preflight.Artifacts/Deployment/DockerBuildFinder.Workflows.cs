using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Deployment;

public sealed partial class DockerBuildFinder
{
    /// <summary>Matrix rows expanded per job at most (a larger matrix is read from its first rows only).</summary>
    private const int MaxMatrixRows = 64;

    /// <summary>
    /// GitHub workflows: <c>run:</c> steps from the repository root (or <c>working-directory</c>, the step's or the
    /// job's/workflow's <c>defaults.run</c>), <c>docker/build-push-action</c> steps (<c>context</c> default '.',
    /// <c>file</c>,
    /// <c>build-contexts</c>) from the root; <c>${{ matrix.x }}</c>, <c>${{ env.x }}</c> and <c>$X</c> expanded where
    /// the
    /// workflow sets them.
    /// </summary>
    private void ReadWorkflow(string file, string text)
    {
        var loaded = YamlDocumentLoader.Load(text);
        if (loaded.Documents.Count == 0 || loaded.Documents[0].RootNode is not YamlMappingNode root)
        {
            return;
        }
        var workflowEnv = Scalars(root.Child("env"));
        var workflowDirectory = (root.Child("defaults") as YamlMappingNode)?.Child("run") is YamlMappingNode run
            ? run.Child("working-directory").ScalarValue() : null;
        if (root.Child("jobs") is not YamlMappingNode jobs)
        {
            return;
        }
        foreach (var job in jobs.Children)
        {
            if (job.Value is not YamlMappingNode jobMap || jobMap.Child("steps") is not YamlSequenceNode steps)
            {
                continue;
            }
            var jobId = job.Key.ScalarValue() ?? "?";
            var jobEnv = Merge(workflowEnv, Scalars(jobMap.Child("env")));
            var jobDirectory = (jobMap.Child("defaults") as YamlMappingNode)?.Child("run") is YamlMappingNode jobRun
                ? jobRun.Child("working-directory").ScalarValue() ?? workflowDirectory
                : workflowDirectory;
            var rows = MatrixRows((jobMap.Child("strategy") as YamlMappingNode)?.Child("matrix") as YamlMappingNode);
            foreach (var stepNode in steps.Children)
            {
                if (stepNode is not YamlMappingNode step)
                {
                    continue;
                }
                var env = Merge(jobEnv, Scalars(step.Child("env")));
                var uses = step.Child("uses").ScalarValue();
                var runText = step.Child("run").ScalarValue();
                var directory = step.Child("working-directory").ScalarValue() ?? jobDirectory;
                foreach (var row in rows)
                {
                    var values = Values(env, row);
                    if (uses != null && uses.StartsWith("docker/build-push-action", StringComparison.OrdinalIgnoreCase))
                    {
                        var with = step.Child("with") as YamlMappingNode;
                        var context = Expand(with?.Child("context").ScalarValue() ?? ".", values, null, _root);
                        var dockerfile = with?.Child("file").ScalarValue() is { } f
                            ? Expand(f, values, null, _root) : null;
                        var named = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (var line in (with?.Child("build-contexts").ScalarValue() ?? string.Empty).Split(
                            '\n', ','))
                        {
                            var pair = Expand(line.Trim(), values, null, _root);
                            var equals = pair.IndexOf('=');
                            if (equals > 0 && pair.IndexOf("://", StringComparison.Ordinal) < 0
                                && pair.IndexOf(':', equals) < 0)
                            {
                                named[pair.Substring(0, equals).Trim()] = pair.Substring(equals + 1).Trim();
                            }
                        }
                        // The action's 'file' is read from the workspace (the root), like its context.
                        Add(dockerfile, context, new[] { _root }, fileRelativeToContext: false,
                            DockerBuildSource.GitHubWorkflow, file,
                            $"the build-push-action step in {Display(file)} (job {jobId})", named);
                        continue;
                    }
                    if (runText == null)
                    {
                        continue;
                    }
                    var workingDirectory = directory == null ? _root : Expand(directory, values, null, _root);
                    if (HasVariable(workingDirectory))
                    {
                        continue;
                    }
                    workingDirectory = PathText.Combine(_root, workingDirectory);
                    foreach (var line in ShellWords.LogicalLines(
                        runText, powerShell: string.Equals(
                        step.Child("shell").ScalarValue(), "pwsh", StringComparison.OrdinalIgnoreCase)))
                    {
                        AddShell(Expand(line, values, null, workingDirectory), new[] { workingDirectory },
                            DockerBuildSource.GitHubWorkflow, file,
                            $"the run step in {Display(file)} (job {jobId})");
                    }
                }
            }
        }
    }

    /// <summary>The scalar entries of a mapping (env:, variables:).</summary>
    private static Dictionary<string, string> Scalars(YamlNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
        {
            foreach (var entry in map.Children)
            {
                if (entry.Key.ScalarValue() is { } key && entry.Value.ScalarValue() is { } value)
                {
                    values[key] = value;
                }
            }
        }
        return values;
    }

    private static Dictionary<string,
        string> Merge(IReadOnlyDictionary<string, string> outer, IReadOnlyDictionary<string, string> inner)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in outer)
        {
            merged[pair.Key] = pair.Value;
        }
        foreach (var pair in inner)
        {
            merged[pair.Key] = pair.Value;
        }
        return merged;
    }

    /// <summary>env values by name and as <c>env.NAME</c>; the matrix row as <c>matrix.NAME</c>.</summary>
    private static Dictionary<string,
        string> Values(IReadOnlyDictionary<string, string> env, IReadOnlyDictionary<string, string> row)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in env)
        {
            values[pair.Key] = pair.Value;
            values["env." + pair.Key] = pair.Value;
        }
        foreach (var pair in row)
        {
            values["matrix." + pair.Key] = pair.Value;
        }
        return values;
    }

    /// <summary>The rows of a matrix: the product of its scalar lists, extended by <c>include</c> entries; one empty
    /// row without a matrix.</summary>
    private static List<Dictionary<string, string>> MatrixRows(YamlMappingNode? matrix)
    {
        var rows = new List<Dictionary<string, string>> { new Dictionary<string, string>(StringComparer.Ordinal) };
        if (matrix == null)
        {
            return rows;
        }
        foreach (var entry in matrix.Children)
        {
            var key = entry.Key.ScalarValue();
            if (key == null || key == "include" || key == "exclude" || entry.Value is not YamlSequenceNode list)
            {
                continue;
            }
            var scalars = list.Children.Select(c => c.ScalarValue()).Where(v => v != null).ToList();
            if (scalars.Count == 0)
            {
                continue;
            }
            rows = rows.SelectMany(
                row => scalars.Select(
                value => new Dictionary<string, string>(row, StringComparer.Ordinal) { [key] = value! })).Take(
                MaxMatrixRows).ToList();
        }
        if (matrix.Child("include") is YamlSequenceNode include)
        {
            var hasProduct = rows.Count > 1 || rows[0].Count > 0;
            var included = new List<Dictionary<string, string>>();
            foreach (var item in include.Children)
            {
                var values = Scalars(item);
                if (values.Count == 0)
                {
                    continue;
                }
                // An include adds keys to the rows it matches, else it is a row of its own; both are read as rows here.
                var matched = hasProduct
                    ? rows.Where(r => values.All(v => !r.TryGetValue(v.Key, out var existing) || existing == v.Value))
                    .ToList() : new List<Dictionary<string, string>>();
                if (matched.Count == 0)
                {
                    included.Add(values);
                }
                foreach (var row in matched)
                {
                    foreach (var pair in values)
                    {
                        row[pair.Key] = pair.Value;
                    }
                }
            }
            rows.AddRange(included);
            if (!hasProduct && included.Count > 0)
            {
                rows.RemoveAt(0);
            }
        }
        return rows.Take(MaxMatrixRows).ToList();
    }
}
