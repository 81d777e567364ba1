using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Deployment;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2003: the final stage's ENTRYPOINT/CMD runs something the image does not contain: <c>dotnet X.dll</c> where X is
/// not the assembly the published project builds, <c>python -m pkg.mod</c> whose package (part of the build context) is
/// not under WORKDIR or PYTHONPATH, <c>python file.py</c>, <c>node file.js</c> or a script (<c>./run.sh</c>,
/// <c>sh run.sh</c>, an absolute path) that nothing copied there. Only paths under a folder the Dockerfile itself
/// creates (WORKDIR, COPY destinations) are checked; whatever the model cannot follow is not reported.
/// </summary>
public static partial class EntrypointTargetCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2003.Id];
    private static readonly Regex Python = new Regex(@"^python(\d+(\.\d+)?)?$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> Shells = new HashSet<string>(
        StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh" };
    private static readonly HashSet<string> Wrappers = new HashSet<string>(
        StringComparer.Ordinal) { "tini", "dumb-init", "exec", "env" };

    public static void Run(CheckContext context)
    {
        foreach (var dockerfile in DockerfileSet.Of(context))
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (buildContext, _) in dockerfile.Contexts)
            {
                var image = dockerfile.Image(context, buildContext);
                var final = image.Final;
                if (final == null || final.Workdir == null)
                {
                    continue;
                }
                var words = CommandLine(final);
                if (words == null)
                {
                    continue;
                }
                var finding = Check(context, image, final, words);
                if (finding == null)
                {
                    continue;
                }
                var (word, name, explanation) = finding.Value;
                var span = ArgumentSpan(dockerfile.Text, word.Instruction, word.Argument);
                if (reported.Add(name + "|" + span.Start))
                {
                    context.Findings.Add(Finding.At(Rule, dockerfile.Path, span, name, explanation));
                }
            }
        }
    }

    private static (Word Word, string Name, string Explanation)? Check(
        CheckContext context, DockerImage image, ImageStage final, List<Word> words)
    {
        var index = SkipWrappers(words, 0);
        if (index >= words.Count)
        {
            return null;
        }
        var program = words[index].Value;
        if (program.IndexOf('$') >= 0)
        {
            return null;
        }
        var name = PathText.GetFileName(program);
        if (Shells.Contains(name) && index + 2 < words.Count && words[index + 1].Value == "-c")
        {
            // sh -c "dotnet App.dll": the script's first command, located at the script argument.
            var script = words[index + 2];
            var inner = ShellCommands.Split(script.Value).FirstOrDefault();
            return inner == null ? null
                : Check(context, image, final,
                inner.Select(w => new Word(w, script.Instruction, script.Argument)).ToList());
        }
        var arguments = words.Skip(index + 1).ToList();
        if (name == "dotnet")
        {
            var target = arguments.FirstOrDefault(
                w => !w.Value.StartsWith("-", StringComparison.Ordinal) && w.Value != "exec");
            return target.Value != null
                && target.Value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? CheckFile(image, final, target, isAssembly: true) : null;
        }
        if (Python.IsMatch(name))
        {
            return CheckPython(context, image, final, arguments);
        }
        if (name == "node" || name == "nodejs")
        {
            var target = FirstOperand(
                arguments, new[] { "-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file" },
                new[] { "-e", "-p", "--eval", "--print" });
            return target != null
                && Regex.IsMatch(target.Value.Value, @"\.(js|mjs|cjs)$")
                ? CheckFile(image, final, target.Value, isAssembly: false) : null;
        }
        if (Shells.Contains(name))
        {
            var target = FirstOperand(arguments, new[] { "-o", "+o" }, new[] { "-c", "-s" });
            return target != null ? CheckFile(image, final, target.Value, isAssembly: false) : null;
        }
        if (program.StartsWith("./", StringComparison.Ordinal) || program.StartsWith("../", StringComparison.Ordinal)
            || program.StartsWith("/", StringComparison.Ordinal))
        {
            return CheckFile(image, final, words[index], isAssembly: false);
        }
        return null;
    }

    private static (Word, string, string)? CheckPython(
        CheckContext context, DockerImage image, ImageStage final, List<Word> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value == "-c" || value == "-")
            {
                return null;
            }
            if (value == "-X" || value == "-W" || value == "--check-hash-based-pycs")
            {
                i++;
                continue;
            }
            if (value == "-m"
                || (value.StartsWith("-", StringComparison.Ordinal) && !value.StartsWith("--", StringComparison.Ordinal)
                && value.EndsWith("m", StringComparison.Ordinal) && value.Length > 2
                && value.Substring(1, value.Length - 2).All(char.IsLetter)))
            {
                return i + 1 < arguments.Count ? CheckModule(context, image, final, arguments[i + 1]) : null;
            }
            if (value.StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }
            return value.EndsWith(".py", StringComparison.Ordinal)
                ? CheckFile(image, final, arguments[i], isAssembly: false) : null;
        }
        return null;
    }

    private static (Word, string, string)? CheckFile(DockerImage image, ImageStage final, Word word, bool isAssembly)
    {
        if (word.Value.IndexOf('$') >= 0)
        {
            return null;
        }
        var path = PathText.Combine(final.Workdir!, word.Value);
        if (!InApplicationFolder(final, path))
        {
            return null;
        }
        var evidence = new List<PublishedProject>();
        if (image.Resolve(final, path, evidence).Presence != Presence.Absent)
        {
            return null;
        }
        var folder = PathText.GetDirectory(path);
        var name = PathText.GetFileName(word.Value);
        if (isAssembly && evidence.Count > 0)
        {
            var published = evidence
                .Select(p => $"{p.AssemblyName}.dll published from {(p.Project == null ? "?" : image.DisplayProject(p.Project))}")
                .Distinct(StringComparer.Ordinal);
            return (word, name, $"{folder} contains {string.Join(" and ", published)}");
        }
        var where = PathText.IsRooted(word.Value) ? path : $"{path} (WORKDIR {final.Workdir})";
        return (word, name,
            $"{(isAssembly ? "no COPY, ADD or dotnet publish output" : "no COPY or ADD")} puts it at {where}");
    }

    private static (Word, string, string)? CheckModule(
        CheckContext context, DockerImage image, ImageStage final, Word word)
    {
        var top = word.Value.Split('.')[0];
        if (top.Length == 0 || !Regex.IsMatch(top, @"^[A-Za-z_][A-Za-z0-9_]*$"))
        {
            return null;
        }
        var folders = new List<string> { final.Workdir! };
        if (final.Environment.IsDeclared("PYTHONPATH"))
        {
            var pythonPath = final.Environment.Value("PYTHONPATH");
            if (pythonPath == null)
            {
                return null;
            }
            folders.AddRange(
                pythonPath.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries).Select(
                p => PathText.Combine(final.Workdir!, p)));
        }
        foreach (var folder in folders)
        {
            if (!InApplicationFolder(final, folder + "/" + top))
            {
                return null;
            }
            foreach (var candidate in new[] { folder + "/" + top, folder + "/" + top + ".py" })
            {
                if (image.Resolve(final, PathText.Normalize(candidate)).Presence != Presence.Absent)
                {
                    return null;
                }
            }
        }
        // Only the project's own packages: a module that is not in the build context is an installed package.
        var local = context.SourceFiles.FirstOrDefault(
            f => f.EndsWith(".py", StringComparison.Ordinal) && PathText.IsUnder(f, image.BuildContext) &&
            (IsInPackage(PathText.Relative(image.BuildContext, f), top) || PathText.GetFileName(f) == top + ".py"));
        var searched = folders[0] + " (WORKDIR)"
            + (folders.Count > 1 ? ", " + string.Join(", ", folders.Skip(1)) + " (PYTHONPATH)" : string.Empty);
        if (local == null)
        {
            return ElsewhereModule(context, image, final, word, top, folders, searched);
        }
        return (word, top,
            $"python -m {word.Value} finds no package '{top}' in {searched}; the build context has it at " +
            $"{LocalPackage(image.BuildContext, local, top)}");
    }

    /// <summary>
    /// <c>python -m src.worker</c> where neither the image nor the build context has a package <c>src</c>, but the
    /// build
    /// context has the module's last part (<c>app/worker.py</c>): <c>No module named 'src'</c>. The suggestion is the
    /// module path under which the image has that file, when there is one.
    /// </summary>
    private static (Word, string, string)? ElsewhereModule(
        CheckContext context, DockerImage image, ImageStage final, Word word, string top, List<string> folders,
        string searched)
    {
        var parts = word.Value.Split('.');
        var last = parts[parts.Length - 1];
        if (parts.Length < 2 || !Regex.IsMatch(last, @"^[A-Za-z_][A-Za-z0-9_]*$"))
        {
            return null;
        }
        var candidates = context.SourceFiles
            .Where(f => PathText.IsUnder(f, image.BuildContext) && !PathText.Equal(f, image.BuildContext) &&
                (PathText.GetFileName(f) == last + ".py"
                    || (PathText.GetFileName(f) == "__init__.py"
                    && PathText.GetFileName(PathText.GetDirectory(f)) == last)))
            .Select(f => PathText.Relative(image.BuildContext, f))
            .OrderBy(f => f.Count(c => c == '/'))
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        foreach (var relative in candidates)
        {
            var segments = relative.Substring(0, relative.Length - 3).Split('/').ToList();
            if (segments[segments.Count - 1] == "__init__")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            for (var start = 0; start < segments.Count; start++)
            {
                var module = string.Join(".", segments.Skip(start));
                var modulePath = string.Join("/", segments.Skip(start));
                if (module == word.Value
                    || !segments.Skip(start).All(s => Regex.IsMatch(s, @"^[A-Za-z_][A-Za-z0-9_]*$")))
                {
                    continue;
                }
                foreach (var folder in folders)
                {
                    foreach (var candidate in new[] { folder + "/" + modulePath + ".py",
                        folder + "/" + modulePath + "/__init__.py" })
                    {
                        if (image.Resolve(final, PathText.Normalize(candidate)).Presence == Presence.Present)
                        {
                            return (word, top,
                                $"python -m {word.Value} finds no package '{top}' in {searched}; the build context " +
                                $"has no '{top}' but has {relative}: did you mean 'python -m {module}'?");
                        }
                    }
                }
            }
        }
        return (word, top,
            $"python -m {word.Value} finds no package '{top}' in {searched}; the build context has no '{top}' but " +
            $"has {candidates[0]}");
    }

    private static bool IsInPackage(string relative, string top)
    {
        var parts = relative.Split('/');
        return Array.IndexOf(parts, top, 0, parts.Length - 1) >= 0;
    }

    private static string LocalPackage(string buildContext, string file, string top)
    {
        var relative = PathText.Relative(buildContext, file);
        if (PathText.GetFileName(relative) == top + ".py")
        {
            return relative;
        }
        var parts = relative.Split('/');
        var index = Array.IndexOf(parts, top);
        return string.Join("/", parts.Take(index + 1)) + "/";
    }

    /// <summary>A path under a folder the Dockerfile creates (a WORKDIR or COPY destination other than '/'), outside
    /// system folders.</summary>
    private static bool InApplicationFolder(ImageStage final, string path)
    {
        if (DockerImage.IsSystemPath(path))
        {
            return false;
        }
        return DockerImage.Chain(final).SelectMany(s => s.Ops).Any(op =>
            (op.Kind == ImageOpKind.Workdir || op.Kind == ImageOpKind.Publish
                || ((op.Kind == ImageOpKind.ContextCopy || op.Kind == ImageOpKind.StageCopy
                || op.Kind == ImageOpKind.Glob) && op.DestinationIsFolder)) &&
            op.Destination != "/" && PathText.IsUnder(path, op.Destination));
    }
}
