using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;
using Preflight.Build.Findings;

namespace Preflight.Build.Checks;

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
    private static readonly HashSet<string> Shells = new HashSet<string>(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh" };
    private static readonly HashSet<string> Wrappers = new HashSet<string>(StringComparer.Ordinal) { "tini", "dumb-init", "exec", "env" };

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

    private static (Word Word, string Name, string Explanation)? Check(CheckContext context, DockerImage image, ImageStage final, List<Word> words)
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
            return inner == null ? null : Check(context, image, final, inner.Select(w => new Word(w, script.Instruction, script.Argument)).ToList());
        }
        var arguments = words.Skip(index + 1).ToList();
        if (name == "dotnet")
        {
            var target = arguments.FirstOrDefault(w => !w.Value.StartsWith("-", StringComparison.Ordinal) && w.Value != "exec");
            return target.Value != null && target.Value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? CheckFile(image, final, target, isAssembly: true) : null;
        }
        if (Python.IsMatch(name))
        {
            return CheckPython(context, image, final, arguments);
        }
        if (name == "node" || name == "nodejs")
        {
            var target = FirstOperand(arguments, new[] { "-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file" }, new[] { "-e", "-p", "--eval", "--print" });
            return target != null && Regex.IsMatch(target.Value.Value, @"\.(js|mjs|cjs)$") ? CheckFile(image, final, target.Value, isAssembly: false) : null;
        }
        if (Shells.Contains(name))
        {
            var target = FirstOperand(arguments, new[] { "-o", "+o" }, new[] { "-c", "-s" });
            return target != null ? CheckFile(image, final, target.Value, isAssembly: false) : null;
        }
        if (program.StartsWith("./", StringComparison.Ordinal) || program.StartsWith("../", StringComparison.Ordinal) || program.StartsWith("/", StringComparison.Ordinal))
        {
            return CheckFile(image, final, words[index], isAssembly: false);
        }
        return null;
    }

    private static (Word, string, string)? CheckPython(CheckContext context, DockerImage image, ImageStage final, List<Word> arguments)
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
            if (value == "-m" || (value.StartsWith("-", StringComparison.Ordinal) && !value.StartsWith("--", StringComparison.Ordinal) && value.EndsWith("m", StringComparison.Ordinal) && value.Length > 2 && value.Substring(1, value.Length - 2).All(char.IsLetter)))
            {
                return i + 1 < arguments.Count ? CheckModule(context, image, final, arguments[i + 1]) : null;
            }
            if (value.StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }
            return value.EndsWith(".py", StringComparison.Ordinal) ? CheckFile(image, final, arguments[i], isAssembly: false) : null;
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
        return (word, name, $"{(isAssembly ? "no COPY, ADD or dotnet publish output" : "no COPY or ADD")} puts it at {where}");
    }

    private static (Word, string, string)? CheckModule(CheckContext context, DockerImage image, ImageStage final, Word word)
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
            folders.AddRange(pythonPath.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries).Select(p => PathText.Combine(final.Workdir!, p)));
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
        var local = context.SourceFiles.FirstOrDefault(f => f.EndsWith(".py", StringComparison.Ordinal) && PathText.IsUnder(f, image.BuildContext) &&
            (IsInPackage(PathText.Relative(image.BuildContext, f), top) || PathText.GetFileName(f) == top + ".py"));
        if (local == null)
        {
            return null;
        }
        var searched = folders[0] + " (WORKDIR)" + (folders.Count > 1 ? ", " + string.Join(", ", folders.Skip(1)) + " (PYTHONPATH)" : string.Empty);
        return (word, top, $"python -m {word.Value} finds no package '{top}' in {searched}; the build context has it at {LocalPackage(image.BuildContext, local, top)}");
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

    /// <summary>A path under a folder the Dockerfile creates (a WORKDIR or COPY destination other than '/'), outside system folders.</summary>
    private static bool InApplicationFolder(ImageStage final, string path)
    {
        if (DockerImage.IsSystemPath(path))
        {
            return false;
        }
        return DockerImage.Chain(final).SelectMany(s => s.Ops).Any(op =>
            (op.Kind == ImageOpKind.Workdir || op.Kind == ImageOpKind.Publish || ((op.Kind == ImageOpKind.ContextCopy || op.Kind == ImageOpKind.StageCopy || op.Kind == ImageOpKind.Glob) && op.DestinationIsFolder)) &&
            op.Destination != "/" && PathText.IsUnder(path, op.Destination));
    }
}
