using System;
using System.Collections.Generic;
using System.Text.Json;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Deployment;

public sealed partial class DockerBuildFinder
{
    /// <summary>
    /// Azure Dev Spaces' <c>azds.yaml</c>: <c>build.context</c> (default '.') and <c>build.dockerfile</c> (default
    /// 'Dockerfile'), and the same under <c>configurations.*.build</c>; both relative to the azds.yaml's folder (the
    /// Dockerfile, when not found there, relative to the context).
    /// </summary>
    private void ReadAzds(string file, string text)
    {
        var loaded = YamlDocumentLoader.Load(text);
        if (loaded.Documents.Count == 0 || loaded.Documents[0].RootNode is not YamlMappingNode root)
        {
            return;
        }
        var folder = PathText.GetDirectory(file);
        var top = root.Child("build") as YamlMappingNode;
        var topContext = top?.Child("context").ScalarValue() ?? ".";
        var builds = new List<(string? Context,
            string? Dockerfile)> { (topContext, top?.Child("dockerfile").ScalarValue() ?? "Dockerfile") };
        if (root.Child("configurations") is YamlMappingNode configurations)
        {
            foreach (var configuration in configurations.Children)
            {
                if ((configuration.Value as YamlMappingNode)?.Child("build") is YamlMappingNode build)
                {
                    builds.Add(
                        (build.Child("context").ScalarValue() ?? topContext, build.Child("dockerfile").ScalarValue()
                        ?? "Dockerfile"));
                }
            }
        }
        foreach (var (context, dockerfile) in builds)
        {
            if (context == null || dockerfile == null)
            {
                continue;
            }
            var description = $"{Display(file)}";
            if (!Add(PathText.Combine(folder, dockerfile), context, new[] { folder }, fileRelativeToContext: false,
                DockerBuildSource.Azds, file, description))
            {
                Add(dockerfile, context, new[] { folder }, fileRelativeToContext: true, DockerBuildSource.Azds, file,
                    description);
            }
        }
    }

    /// <summary>
    /// Skaffold: every <c>build.artifacts[]</c> (and under <c>profiles[].build</c>), <c>context</c> (default '.')
    /// relative
    /// to skaffold.yaml's folder, <c>docker.dockerfile</c> (default 'Dockerfile') relative to the context.
    /// </summary>
    private void ReadSkaffold(string file, string text)
    {
        var loaded = YamlDocumentLoader.Load(text);
        var folder = PathText.GetDirectory(file);
        foreach (var document in loaded.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }
            var builds = new List<YamlMappingNode>();
            if (root.Child("build") is YamlMappingNode build)
            {
                builds.Add(build);
            }
            if (root.Child("profiles") is YamlSequenceNode profiles)
            {
                foreach (var profile in profiles.Children)
                {
                    if ((profile as YamlMappingNode)?.Child("build") is YamlMappingNode profileBuild)
                    {
                        builds.Add(profileBuild);
                    }
                }
            }
            foreach (var section in builds)
            {
                if (section.Child("artifacts") is not YamlSequenceNode artifacts)
                {
                    continue;
                }
                foreach (var artifact in artifacts.Children)
                {
                    if (artifact is not YamlMappingNode map)
                    {
                        continue;
                    }
                    var docker = map.Child("docker") as YamlMappingNode;
                    if (docker == null
                        && (map.Child("jib") != null || map.Child("bazel") != null || map.Child("buildpacks") != null
                        || map.Child("ko") != null || map.Child("custom") != null))
                    {
                        continue;
                    }
                    var context = map.Child("context").ScalarValue() ?? ".";
                    var dockerfile = docker?.Child("dockerfile").ScalarValue() ?? "Dockerfile";
                    var image = map.Child("image").ScalarValue();
                    Add(dockerfile, context, new[] { folder }, fileRelativeToContext: true,
                        DockerBuildSource.Skaffold, file,
                        image == null ? Display(file) : $"artifact '{image}' of {Display(file)}");
                }
            }
        }
    }

    /// <summary>devcontainer.json: <c>build.dockerfile</c> and <c>build.context</c> (default '.'), or the older
    /// top-level <c>dockerFile</c>/<c>context</c>, relative to its folder.</summary>
    private void ReadDevContainer(string file, string text)
    {
        using var document = JsonDocument.Parse(text, DeploymentFiles.DevContainerJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var root = document.RootElement;
        string? dockerfile = null, context = null;
        if (root.TryGetProperty("build", out var build) && build.ValueKind == JsonValueKind.Object)
        {
            dockerfile = String(build, "dockerfile") ?? String(build, "dockerFile");
            context = String(build, "context");
        }
        dockerfile ??= String(root, "dockerFile") ?? String(root, "dockerfile");
        context ??= String(root, "context");
        if (dockerfile == null)
        {
            return;
        }
        var folder = PathText.GetDirectory(file);
        Add(dockerfile, context ?? ".", new[] { folder }, fileRelativeToContext: false, DockerBuildSource.DevContainer,
            file, Display(file));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
