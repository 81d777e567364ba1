using System.Collections.Generic;
using Preflight.Artifacts.Yaml;
using YamlDotNet.RepresentationModel;

namespace Preflight.Artifacts.Tye;

/// <summary>
/// A tye.yaml (Project Tye's application file): its services, the project each runs, the variables it sets (<c>env</c>)
/// and its bindings. Tye gives every project the connection strings and service-discovery variables of every service of
/// the file. IO-free; never throws (a file that does not load has no services).
/// </summary>
public sealed class TyeConfig
{
    private TyeConfig(IReadOnlyList<TyeService> services) => Services = services;

    public IReadOnlyList<TyeService> Services { get; }

    public static TyeConfig Parse(string text)
    {
        var services = new List<TyeService>();
        var loaded = YamlDocumentLoader.Load(text);
        if (loaded.Error != null || loaded.Documents.Count == 0
            || loaded.Documents[0].RootNode is not YamlMappingNode root ||
            root.Child("services") is not YamlSequenceNode list)
        {
            return new TyeConfig(services);
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode service || service.Child("name").ScalarValue() is not { Length: > 0 } name)
            {
                continue;
            }
            var env = new List<string>();
            var isOpen = false;
            switch (service.Child("env"))
            {
                case YamlSequenceNode variables:
                    foreach (var variable in variables.Children)
                    {
                        if (variable is YamlMappingNode pair
                            && pair.Child("name").ScalarValue() is { Length: > 0 } variableName)
                        {
                            env.Add(variableName);
                        }
                        else if (variable.ScalarValue() is { Length: > 0 } assignment)
                        {
                            var equals = assignment.IndexOf('=');
                            env.Add(equals > 0 ? assignment.Substring(0, equals) : assignment);
                        }
                    }
                    break;
                case YamlMappingNode map:
                    foreach (var entry in map.Children)
                    {
                        if (entry.Key.ScalarValue() is { Length: > 0 } key)
                        {
                            env.Add(key);
                        }
                    }
                    break;
            }
            isOpen |= service.Child("env_file") != null;
            var bindings = new List<TyeBinding>();
            if (service.Child("bindings") is YamlSequenceNode bindingList)
            {
                foreach (var binding in bindingList.Children)
                {
                    if (binding is YamlMappingNode bindingMap)
                    {
                        bindings.Add(
                            new TyeBinding(
                            bindingMap.Child("name").ScalarValue(), bindingMap.Child("connectionString") != null));
                    }
                }
            }
            services.Add(new TyeService(name, service.Child("project").ScalarValue(), env, bindings, isOpen));
        }
        return new TyeConfig(services);
    }
}

/// <summary>A service of tye.yaml.</summary>
public sealed class TyeService
{
    internal TyeService(
        string name, string? project, IReadOnlyList<string> environment, IReadOnlyList<TyeBinding> bindings,
        bool setsUnknownVariables)
    {
        Name = name;
        Project = project;
        Environment = environment;
        Bindings = bindings;
        SetsUnknownVariables = setsUnknownVariables;
    }

    public string Name { get; }
    /// <summary>The project file it runs, relative to tye.yaml; null for images and executables.</summary>
    public string? Project { get; }
    public IReadOnlyList<string> Environment { get; }
    public IReadOnlyList<TyeBinding> Bindings { get; }
    /// <summary>An <c>env_file</c>: variables Preflight does not see.</summary>
    public bool SetsUnknownVariables { get; }
}

/// <summary>A binding of a tye service: its name (null for the default one) and whether it has a connection
/// string.</summary>
public sealed class TyeBinding
{
    internal TyeBinding(string? name, bool hasConnectionString)
    {
        Name = name;
        HasConnectionString = hasConnectionString;
    }

    public string? Name { get; }
    public bool HasConnectionString { get; }
}
