using System;
using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Rules;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Containers;

/// <summary>
/// PF2006: a variable used in an instruction BuildKit expands itself (FROM, COPY, ADD, ENV, ARG, WORKDIR, USER,
/// EXPOSE, LABEL, STOPSIGNAL, VOLUME) that no ARG or ENV in scope declares, as BuildKit's UndefinedVar and
/// UndefinedArgInFrom checks decide. Not checked: RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK (the shell expands those at run
/// time), ONBUILD triggers (expanded in the image built from this one), heredoc bodies, references with a default or an
/// alternative (<c>${X:-y}</c>, <c>${X:+y}</c>, <c>${X:?msg}</c>). In a stage built from an image, whose own ENV is
/// unknown here, a name is reported only when it is a global ARG not redeclared in the stage or a near miss of a name
/// this Dockerfile declares. Honours <c># check=skip=UndefinedVar</c>.
/// </summary>
public static class DockerUndefinedVariableCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF2006.Id];

    private static readonly HashSet<string> Expanded = new HashSet<string>(StringComparer.Ordinal)
    {
        "FROM", "COPY", "ADD", "ENV", "ARG", "WORKDIR", "USER", "EXPOSE", "LABEL", "STOPSIGNAL", "VOLUME",
    };

    /// <summary>Variables base images commonly set; never reported as a near miss in a stage built from an
    /// image.</summary>
    private static readonly HashSet<string> CommonImageVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "PATH", "HOME", "HOSTNAME", "LANG", "LANGUAGE", "LC_ALL", "TERM", "USER", "SHELL", "PWD", "TZ", "APP_UID",
    };

    private static readonly string[] CommonImagePrefixes =
    {
        "DOTNET_", "ASPNETCORE_", "ASPNET_", "NUGET_", "NODE_", "NPM_", "YARN_", "PYTHON", "PIP_", "JAVA_", "GO",
            "RUBY", "GEM_",
        "BUNDLE_", "PHP", "NGINX_", "MAVEN_", "GRADLE_",
    };

    public static void Run(CheckContext context)
    {
        foreach (var owned in OwnedDockerfiles.Of(context))
        {
            if (owned.SkipsBuildKitCheck("UndefinedVar") || owned.IsTemplate)
            {
                continue;
            }
            var dockerfile = owned.Dockerfile;
            var globalArgs = new HashSet<string>(
                dockerfile.GlobalArgs.SelectMany(a => a.KeyValues()).Select(p => p.Key), StringComparer.Ordinal);
            var declaredInFile = new HashSet<string>(
                dockerfile.Instructions.SelectMany(i => i.KeyValues()).Select(p => p.Key), StringComparer.Ordinal);
            foreach (var instruction in dockerfile.Instructions)
            {
                if (!Expanded.Contains(instruction.Keyword) ||
                    (instruction.Keyword == "FROM" && owned.SkipsBuildKitCheck("UndefinedArgInFrom")))
                {
                    continue;
                }
                var scope = dockerfile.ScopeAt(instruction);
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (word, within) in Words(instruction))
                {
                    var result = scope.Expand(word);
                    if (!result.Success)
                    {
                        continue;
                    }
                    foreach (var name in result.Undefined)
                    {
                        if (!IsIdentifier(name) || reported.Contains(name))
                        {
                            continue;
                        }
                        var hint = Hint(scope, name, globalArgs, declaredInFile);
                        if (hint == null)
                        {
                            continue;
                        }
                        reported.Add(name);
                        var span = owned.Find("${" + name, within, OwnedDockerfiles.EndsName)
                            ?? owned.Find("$" + name, within, OwnedDockerfiles.EndsName) ?? within;
                        context.Findings.Add(
                            Finding.At(
                            Rule, owned.Path, span, name, instruction.Keyword,
                            OwnedDockerfiles.DescribeScope(scope.Stage), hint));
                    }
                }
            }
        }
    }

    /// <summary>The message's hint, or null when the name may legitimately come from the base image.</summary>
    private static string? Hint(
        DockerExpansionScope scope, string name, HashSet<string> globalArgs, HashSet<string> declaredInFile)
    {
        // The image of a stage may set a variable of the same name (DOTNET_VERSION in the .NET images).
        var globalNotVisible = !scope.IsGlobal && globalArgs.Contains(name)
            && !(scope.MayHaveImageEnvironment && IsCommonImageVariable(name));
        if (globalNotVisible)
        {
            return $" (the global ARG {name} is visible only in FROM lines: add 'ARG {name}' after the stage's FROM)";
        }
        var suggestion = scope.Suggest(name);
        var didYouMean = suggestion == null ? null : $" (did you mean '${suggestion}'?)";
        if (scope.IsGlobal || !scope.MayHaveImageEnvironment)
        {
            return didYouMean ?? string.Empty;
        }
        if (suggestion != null && declaredInFile.Contains(suggestion) && !IsCommonImageVariable(name))
        {
            return didYouMean;
        }
        return null;
    }

    private static bool IsCommonImageVariable(string name) =>
        CommonImageVariables.Contains(name)
            || CommonImagePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(OwnedDockerfiles.IsNameChar);

    /// <summary>The words BuildKit expands for an instruction, each with where to look for it in the source.</summary>
    private static IEnumerable<(string Word, SourceSpan Within)> Words(DockerInstruction instruction)
    {
        switch (instruction.Keyword)
        {
            case "FROM":
                if (instruction.Values.Count > 0)
                {
                    yield return (instruction.Values[0], instruction.ArgumentSpan);
                }
                foreach (var flag in instruction.FlagsNamed("platform"))
                {
                    yield return (flag.Value ?? string.Empty, flag.Span);
                }
                break;
            case "COPY":
            case "ADD":
                foreach (var flag in instruction.Flags)
                {
                    if (flag.Name is "from" or "chown" or "chmod" && flag.Value != null)
                    {
                        yield return (flag.Value, flag.Span);
                    }
                }
                foreach (var argument in instruction.Arguments)
                {
                    if (instruction.IsExecForm)
                    {
                        yield return (argument.Value, argument.Span);
                    }
                    else if (!argument.Raw.StartsWith("<<", StringComparison.Ordinal))
                    {
                        yield return (argument.Raw, argument.Span);
                    }
                }
                break;
            case "ENV":
            case "LABEL":
            case "ARG":
                foreach (var pair in instruction.KeyValues())
                {
                    if (instruction.Keyword == "LABEL")
                    {
                        yield return (pair.Key, instruction.ArgumentSpan);
                    }
                    if (pair.Value != null)
                    {
                        yield return (pair.Value, instruction.ArgumentSpan);
                    }
                }
                break;
            case "WORKDIR":
            case "USER":
            case "STOPSIGNAL":
                yield return (instruction.ArgumentText, instruction.ArgumentSpan);
                break;
            case "EXPOSE":
            case "VOLUME":
                foreach (var argument in instruction.Arguments)
                {
                    yield return (instruction.IsExecForm ? argument.Value : argument.Raw, argument.Span);
                }
                break;
        }
    }
}
