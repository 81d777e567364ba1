using System;
using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Docker;

/// <summary>The variables visible to one instruction, and expansion against them (see
/// <see cref="Dockerfile.ScopeAt"/>).</summary>
public sealed class DockerExpansionScope
{
    private readonly DockerScopeView _view;

    internal DockerExpansionScope(
        DockerScopeView view, char escape, bool isGlobal, bool mayHaveImageEnvironment, DockerStage? stage)
    {
        _view = view;
        Variables = view;
        Declared = view.Declared;
        Escape = escape;
        IsGlobal = isGlobal;
        MayHaveImageEnvironment = mayHaveImageEnvironment;
        Stage = stage;
    }

    /// <summary>Variables with a known value: ARGs with a default (or a global default), ENVs, and for FROM the
    /// automatic platform ARGs.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }
    /// <summary>Every name in scope, including ARGs declared without a value (their value comes from
    /// <c>--build-arg</c>).</summary>
    public IReadOnlyCollection<string> Declared { get; }
    public char Escape { get; }
    /// <summary>True for FROM and global ARGs: only global ARGs are visible.</summary>
    public bool IsGlobal { get; }
    /// <summary>
    /// True when the stage is built from an image (not <c>scratch</c>, not only earlier stages), whose own ENV is
    /// unknown here.
    /// </summary>
    public bool MayHaveImageEnvironment { get; }
    /// <summary>The stage the instruction belongs to; null for global ARGs.</summary>
    public DockerStage? Stage { get; }

    public bool IsDeclared(string name) => _view.IsDeclared(name);

    /// <summary>
    /// Expands a word as BuildKit does for this instruction; <see cref="DockerWordResult.Undefined"/> then lists the
    /// variables used without a default that nothing in scope declares (ARGs without a value count as declared).
    /// </summary>
    public DockerWordResult Expand(string word)
    {
        var result = DockerShellLexer.ProcessWords(word, Variables, Escape);
        if (result.Undefined.Count == 0)
        {
            return result;
        }
        var undefined = result.Undefined.Where(n => !IsDeclared(n) && !DockerBuiltInArgs.IsNonEnvArg(n)).ToList();
        return new DockerWordResult(
            result.Result, result.Words, result.Matched, result.Unmatched, undefined, result.Error);
    }

    /// <summary>Above this many names in scope, <see cref="Suggest"/> suggests nothing.</summary>
    internal const int MaxSuggestionCandidates = 2000;

    /// <summary>The name in scope closest to <paramref name="name"/> (a typo or a case difference), or null.</summary>
    public string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, Math.Min(2, name.Length / 3));
        if (_view.NameCountBound > MaxSuggestionCandidates)
        {
            // Looking through every name for every unknown one would be quadratic in a Dockerfile of thousands of ENVs.
            return null;
        }
        foreach (var candidate in Declared)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                continue;
            }
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0
                : Distance(candidate, name);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}

/// <summary>ARGs BuildKit defines itself.</summary>
public static class DockerBuiltInArgs
{
    /// <summary>Platform ARGs: automatic in the global scope (usable in FROM); inside a stage only when declared with
    /// ARG.</summary>
    public static readonly IReadOnlyDictionary<string, string> Platform = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["TARGETPLATFORM"] = "linux/amd64", ["TARGETOS"] = "linux", ["TARGETARCH"] = "amd64",
            ["TARGETVARIANT"] = string.Empty,
        ["BUILDPLATFORM"] = "linux/amd64", ["BUILDOS"] = "linux", ["BUILDARCH"] = "amd64",
            ["BUILDVARIANT"] = string.Empty,
    };

    /// <summary>Predefined ARGs whose value the builder supplies (proxy settings and friends); declared with a bare
    /// ARG.</summary>
    public static readonly IReadOnlyCollection<string> Predefined = new HashSet<string>(StringComparer.Ordinal)
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy",
            "ALL_PROXY", "all_proxy",
        "SOURCE_DATE_EPOCH", "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM",
            "BUILDKIT_SANDBOX_HOSTNAME",
        "BUILDKIT_SYNTAX", "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_DOCKERFILE_CHECK",
    };

    /// <summary>The PATH BuildKit sets in a stage whose image has none.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>ARGs BuildKit never reports as undefined.</summary>
    public static bool IsNonEnvArg(string name) => name == "SOURCE_DATE_EPOCH";
}

/// <summary>
/// Computes <see cref="DockerExpansionScope"/>s for a Dockerfile: global ARGs, per-stage ARG/ENV, stage inheritance.
/// The
/// scopes are snapshots of variable histories (<see cref="DockerVariableHistory"/>): linear in time and memory.
/// </summary>
internal sealed class DockerScopes
{
    private readonly Dockerfile _dockerfile;
    private readonly Dictionary<DockerInstruction, DockerExpansionScope> _scopes = new Dictionary<DockerInstruction,
        DockerExpansionScope>();
    private readonly Dictionary<int, DockerVariableSnapshot> _stageEnvironments = new Dictionary<int,
        DockerVariableSnapshot>();
    private readonly Dictionary<int, bool> _imageEnvironments = new Dictionary<int, bool>();
    private readonly DockerVariableHistory _globals = new DockerVariableHistory();
    private readonly DockerScopeView _globalValues;
    private readonly DockerExpansionScope _globalScope;

    public DockerScopes(Dockerfile dockerfile)
    {
        _dockerfile = dockerfile;
        var globals = new List<DockerInstruction>();
        foreach (var pair in DockerBuiltInArgs.Platform)
        {
            _globals.Set(pair.Key, pair.Value);
        }
        foreach (var instruction in dockerfile.Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                break;
            }
            if (instruction.Keyword != "ARG")
            {
                continue;
            }
            globals.Add(instruction);
            var values = new DockerScopeView(_globals.Now, null);
            _scopes[instruction] = new DockerExpansionScope(values, dockerfile.EscapeToken, true, false, null);
            foreach (var (name, rawValue) in ArgPairs(instruction))
            {
                if (rawValue != null)
                {
                    _globals.Set(name, DockerShellLexer.ProcessWord(rawValue, values, dockerfile.EscapeToken).Result);
                }
                else if (!_globals.Now.Contains(name))
                {
                    _globals.Set(name, null);
                }
            }
        }
        GlobalArgs = globals;
        _globalValues = new DockerScopeView(_globals.Now, null);
        _globalScope = new DockerExpansionScope(_globalValues, dockerfile.EscapeToken, true, false, null);
    }

    public IReadOnlyList<DockerInstruction> GlobalArgs { get; }

    public DockerExpansionScope ScopeAt(DockerInstruction instruction)
    {
        if (_scopes.TryGetValue(instruction, out var scope))
        {
            return scope;
        }
        if (instruction.Keyword == "FROM" || instruction.StageIndex < 0
            || instruction.StageIndex >= _dockerfile.Stages.Count)
        {
            return _globalScope;
        }
        var stage = _dockerfile.Stages[instruction.StageIndex];
        // Stages in order: a stage's base stage comes before it, so no recursion (a chain of thousands of stages).
        for (var i = 0; i <= instruction.StageIndex; i++)
        {
            if (!_stageEnvironments.ContainsKey(_dockerfile.Stages[i].Index))
            {
                ComputeStage(_dockerfile.Stages[i]);
            }
        }
        if (_scopes.TryGetValue(instruction, out scope))
        {
            return scope;
        }
        // An ONBUILD trigger: the scope of its ONBUILD.
        foreach (var candidate in stage.Instructions)
        {
            if (candidate.Inner == instruction && _scopes.TryGetValue(candidate, out scope))
            {
                return scope;
            }
        }
        return _globalScope;
    }

    /// <summary>The image name a FROM refers to, expanded with the global ARGs.</summary>
    public string ExpandBaseImage(DockerStage stage) =>
        DockerShellLexer.ProcessWord(stage.BaseImage, _globalValues, _dockerfile.EscapeToken).Result;

    private void ComputeStage(DockerStage stage)
    {
        var inherited = stage.BaseStage != null && stage.BaseStage.Index < stage.Index &&
            _stageEnvironments.TryGetValue(stage.BaseStage.Index, out var parent) ? parent : null;
        var env = new DockerVariableHistory(inherited);
        if (inherited == null)
        {
            // BuildKit gives every stage a default PATH when its image has none (a stage's base stage has one).
            env.Set("PATH", DockerBuiltInArgs.DefaultPath);
        }
        var args = new DockerVariableHistory();
        // Built from a stage: as that stage (computed before this one); else from an image unless scratch.
        var imageEnvironment = inherited != null
            && _imageEnvironments.TryGetValue(stage.BaseStage!.Index, out var fromBase)
            ? fromBase
            : MayHaveImageEnvironment(stage);
        _imageEnvironments[stage.Index] = imageEnvironment;
        foreach (var instruction in stage.Instructions)
        {
            var values = new DockerScopeView(env.Now, args.Now);
            _scopes[instruction] = new DockerExpansionScope(
                values, _dockerfile.EscapeToken, false, imageEnvironment, stage);
            if (instruction.Keyword == "ARG")
            {
                foreach (var (name, rawValue) in ArgPairs(instruction))
                {
                    if (rawValue != null)
                    {
                        args.Set(name, DockerShellLexer.ProcessWord(rawValue, values, _dockerfile.EscapeToken).Result);
                    }
                    else if (_globalValues.TryGetValue(name, out var global)
                        && !DockerBuiltInArgs.Platform.ContainsKey(name))
                    {
                        args.Set(name, global);
                    }
                    else if (DockerBuiltInArgs.Platform.TryGetValue(name, out var platform))
                    {
                        args.Set(name, platform);
                    }
                    else if (!args.Now.Contains(name))
                    {
                        args.Set(name, null);
                    }
                }
            }
            else if (instruction.Keyword == "ENV")
            {
                var pairs = instruction.Values;
                for (var i = 0; i + 1 < pairs.Count; i += 3)
                {
                    env.Set(pairs[i],
                        DockerShellLexer.ProcessWord(pairs[i + 1], values, _dockerfile.EscapeToken).Result);
                }
            }
        }
        _stageEnvironments[stage.Index] = env.Now;
    }

    private static bool MayHaveImageEnvironment(DockerStage stage)
    {
        var seen = new HashSet<int>();
        var current = stage;
        while (current.BaseStage != null && seen.Add(current.Index))
        {
            current = current.BaseStage;
        }
        return !string.Equals(current.BaseImage, "scratch", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>ARG words as name and raw value (null when there is no '=').</summary>
    internal static IEnumerable<(string Name, string? Value)> ArgPairs(DockerInstruction instruction)
    {
        foreach (var word in instruction.Values)
        {
            var equals = word.IndexOf('=');
            if (equals < 0)
            {
                yield return (word, null);
            }
            else if (equals > 0)
            {
                yield return (word.Substring(0, equals), word.Substring(equals + 1));
            }
        }
    }
}
