using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Preflight.Artifacts;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Text;

namespace Preflight.Checks.Containers;

/// <summary>A Dockerfile the current project checks, read and parsed once per run.</summary>
public sealed class OwnedDockerfile
{
    internal OwnedDockerfile(string path, string text, Dockerfile dockerfile)
    {
        Path = path;
        Text = text;
        Dockerfile = dockerfile;
        Map = new LineMap(text);
    }

    public string Path { get; }
    public string Text { get; }
    public Dockerfile Dockerfile { get; }
    public LineMap Map { get; }

    private static readonly string[] TemplateExtensions =
    {
        ".template", ".tmpl", ".tpl", ".j2", ".jinja", ".jinja2", ".in", ".example", ".sample", ".erb", ".mustache",
            ".hbs", ".gotmpl",
    };

    /// <summary>
    /// True for a Dockerfile template (<c>Dockerfile.template</c>, <c>Dockerfile.j2</c>, or lines that start with
    /// <c>{{</c> / <c>{%</c>): it is rendered before it is built, so its syntax and variables are not checked.
    /// </summary>
    public bool IsTemplate
    {
        get
        {
            var name = PathText.GetFileName(Path);
            foreach (var extension in TemplateExtensions)
            {
                if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            foreach (var line in OwnedDockerfiles.Lines(Text))
            {
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("{{", StringComparison.Ordinal)
                    || trimmed.StartsWith("{%", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>True when a <c># check=skip=...</c> directive turns off BuildKit's check of that name (or
    /// <c>all</c>).</summary>
    public bool SkipsBuildKitCheck(string name)
    {
        foreach (var directive in Dockerfile.Directives)
        {
            if (directive.Name != "check")
            {
                continue;
            }
            foreach (var part in directive.Value.Split(';'))
            {
                var trimmed = part.Trim();
                if (!trimmed.StartsWith("skip=", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                foreach (var skipped in trimmed.Substring(5).Split(','))
                {
                    var value = skipped.Trim();
                    if (string.Equals(value, "all", StringComparison.OrdinalIgnoreCase)
                        || string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Where <paramref name="needle"/> first occurs in the source within <paramref name="within"/> (continuation lines
    /// included), or null.
    /// </summary>
    public SourceSpan? Find(string needle, SourceSpan within, Func<string, int, int, bool>? accept = null)
    {
        var start = within.Start;
        var end = Math.Min(Text.Length, within.End);
        while (start < end)
        {
            var index = Text.IndexOf(needle, start, end - start, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }
            if (accept == null || accept(Text, index, index + needle.Length))
            {
                return Map.Span(index, index + needle.Length);
            }
            start = index + 1;
        }
        return null;
    }
}

/// <summary>
/// The Dockerfiles the current project checks: each Dockerfile is checked by the project that builds it
/// (<see cref="RepositoryLayout.CurrentChecksDockerfile"/>), so a solution build reports each finding once.
/// </summary>
public static class OwnedDockerfiles
{
    private static readonly ConditionalWeakTable<CheckContext,
        List<OwnedDockerfile>> Cache = new ConditionalWeakTable<CheckContext, List<OwnedDockerfile>>();

    public static IReadOnlyList<OwnedDockerfile> Of(CheckContext context) => Cache.GetValue(context, Load);

    /// <summary>The Dockerfiles of <see cref="DockerfileSet"/> (same ownership, parsed once per run), with what the
    /// BuildKit-style checks use.</summary>
    private static List<OwnedDockerfile> Load(CheckContext context) =>
        DockerfileSet.Of(context).Select(
            dockerfile => new OwnedDockerfile(dockerfile.Path, dockerfile.Text, dockerfile.Model)).ToList();

    /// <summary>"stage 'build'", "stage 2" or "the global scope (before the first FROM)" for messages.</summary>
    public static string DescribeScope(DockerStage? stage) =>
        stage == null ? "the global scope (before the first FROM)" : stage.Name != null ? $"stage '{stage.Name}'"
            : $"stage {stage.Index}";

    internal static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Accepts a match of <c>$NAME</c> or <c>${NAME</c> that is not a prefix of a longer name.</summary>
    internal static bool EndsName(string text, int start, int end) => end >= text.Length || !IsNameChar(text[end]);

    /// <summary>Accepts a match of NAME that is neither inside nor a prefix of a longer name.</summary>
    internal static bool WholeName(string text, int start, int end) => EndsName(text, start, end)
        && (start == 0 || !IsNameChar(text[start - 1]));

    internal static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
