using System;
using System.Collections.Generic;
using Preflight.Analyzers.Infrastructure;
using Preflight.Artifacts.Docker;
using Preflight.Artifacts.Text;

namespace Preflight.Analyzers.Deployment;

/// <summary>
/// What the final image of a Dockerfile declares: its base image (through stage aliases), ENV, EXPOSE and HEALTHCHECK,
/// inherited from an earlier stage when the final stage is built FROM it. Reads only instruction keywords and
/// arguments.
/// </summary>
internal sealed class DockerfileFacts
{
    private DockerfileFacts(ArtifactFile file, string text, string? baseImage, Dictionary<string, DockerValue> env,
        List<DockerValue> exposes, DockerInstruction? healthcheck)
    {
        File = file;
        Text = text;
        Map = new LineMap(text);
        BaseImage = baseImage;
        Env = env;
        Exposes = exposes;
        Healthcheck = healthcheck;
    }

    public ArtifactFile File { get; }
    public string Text { get; }
    public LineMap Map { get; }
    /// <summary>The final stage's base image (an external image, aliases resolved); null when unknown
    /// (variables).</summary>
    public string? BaseImage { get; }
    public IReadOnlyDictionary<string, DockerValue> Env { get; }
    public IReadOnlyList<DockerValue> Exposes { get; }
    /// <summary>The final image's HEALTHCHECK CMD; null when none (or NONE).</summary>
    public DockerInstruction? Healthcheck { get; }
    /// <summary>ENTRYPOINT or CMD passes --urls / --http_ports: the command line decides the port.</summary>
    public bool CommandSetsUrls { get; private set; }

    public static DockerfileFacts? Read(ArtifactFile file, Dockerfile dockerfile, string text)
    {
        var stages = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
        Stage? current = null;
        foreach (var instruction in dockerfile.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "FROM":
                    if (instruction.Arguments.Count == 0)
                    {
                        return null;
                    }
                    var image = instruction.Arguments[0].Value;
                    current = stages.TryGetValue(image, out var parent)
                        ? parent.Copy()
                        : new Stage(image.IndexOf('$') >= 0 ? null : image);
                    if (instruction.Arguments.Count >= 3
                        && string.Equals(instruction.Arguments[1].Value, "AS", StringComparison.OrdinalIgnoreCase))
                    {
                        stages[instruction.Arguments[2].Value] = current;
                    }
                    break;
                case "ENV" when current != null:
                    ReadEnv(instruction, current.Env);
                    break;
                case "EXPOSE" when current != null:
                    foreach (var argument in instruction.Arguments)
                    {
                        current.Exposes.Add(new DockerValue(argument.Value, argument.Span));
                    }
                    break;
                case "ENTRYPOINT" or "CMD" when current != null:
                    current.CommandSetsUrls = ListenArguments.SetsUrls(instruction.ArgumentText);
                    break;
                case "HEALTHCHECK" when current != null:
                    current.Healthcheck = instruction.ArgumentText.TrimStart().StartsWith(
                        "CMD", StringComparison.OrdinalIgnoreCase) ? instruction : null;
                    break;
            }
        }
        return current == null ? null
            : new DockerfileFacts(file, text, current.BaseImage, current.Env, current.Exposes, current.Healthcheck)
        {
            CommandSetsUrls = current.CommandSetsUrls,
        };
    }

    private static void ReadEnv(DockerInstruction instruction, Dictionary<string, DockerValue> env)
    {
        var arguments = instruction.Arguments;
        if (arguments.Count == 0)
        {
            return;
        }
        if (arguments[0].Value.IndexOf('=') < 0)
        {
            // Legacy form: ENV NAME value with spaces
            if (arguments.Count >= 2)
            {
                var values = new List<string>();
                for (var i = 1; i < arguments.Count; i++)
                {
                    values.Add(arguments[i].Value);
                }
                env[arguments[0].Value] = new DockerValue(string.Join(" ", values), arguments[1].Span);
            }
            return;
        }
        foreach (var argument in arguments)
        {
            var equals = argument.Value.IndexOf('=');
            if (equals > 0)
            {
                env[argument.Value.Substring(0, equals)] = new DockerValue(
                    argument.Value.Substring(equals + 1), argument.Span);
            }
        }
    }

    private sealed class Stage
    {
        public Stage(string? baseImage) => BaseImage = baseImage;

        public string? BaseImage { get; }
        public Dictionary<string, DockerValue> Env { get; private set; } = new Dictionary<string,
            DockerValue>(StringComparer.Ordinal);
        public List<DockerValue> Exposes { get; private set; } = new List<DockerValue>();
        public DockerInstruction? Healthcheck { get; set; }
        public bool CommandSetsUrls { get; set; }

        public Stage Copy() => new Stage(BaseImage)
        {
            CommandSetsUrls = CommandSetsUrls,
            Env = new Dictionary<string, DockerValue>(Env, StringComparer.Ordinal),
            Exposes = new List<DockerValue>(Exposes),
            Healthcheck = Healthcheck,
        };
    }
}

/// <summary>An ENV value or EXPOSE port of a Dockerfile, and where it is written.</summary>
internal sealed class DockerValue
{
    public DockerValue(string value, SourceSpan span)
    {
        Value = value;
        Span = span;
    }

    public string Value { get; }
    public SourceSpan Span { get; }
}

/// <summary>Command-line arguments that set the listen addresses (<c>--urls</c>, <c>--http_ports</c>, ...).</summary>
internal static class ListenArguments
{
    public static bool SetsUrls(string text) =>
        text.IndexOf("--urls", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("--http_ports", StringComparison.OrdinalIgnoreCase) >= 0 ||
        text.IndexOf("--https_ports", StringComparison.OrdinalIgnoreCase) >= 0;
}
