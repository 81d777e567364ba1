using System.Collections.Generic;

namespace Preflight.Analyzers.Configuration.Aspire;

/// <summary>
/// What one C# file of an Aspire AppHost says about the projects it runs: each <c>AddProject</c> and the configuration
/// its chain gives the project, and the methods the file declares (extension methods of its own may change a project in
/// ways that are not followed).
/// </summary>
internal sealed class AppHostSource
{
    public AppHostSource(
        bool createsBuilder, IReadOnlyList<AppHostProject> projects, IReadOnlyDictionary<string, MethodShape> methods,
        IReadOnlyList<string> sharedVariables)
    {
        SharedVariables = sharedVariables;
        CreatesBuilder = createsBuilder;
        Projects = projects;
        Methods = methods;
    }

    /// <summary>True when the file calls <c>DistributedApplication.CreateBuilder</c> in its top-level statements or
    /// <c>Main</c> (an application's entry point, not a test fixture).</summary>
    public bool CreatesBuilder { get; }
    public IReadOnlyList<AppHostProject> Projects { get; }

    /// <summary>The methods the file declares, by name.</summary>
    public IReadOnlyDictionary<string, MethodShape> Methods { get; }

    /// <summary>
    /// Variables set by environment callbacks that are no project's (<c>context.EnvironmentVariables["X"] = …</c> in
    /// an
    /// eventing subscriber that annotates every project): any project may get them.
    /// </summary>
    public IReadOnlyList<string> SharedVariables { get; }

    public static readonly AppHostSource Empty = new AppHostSource(
        false, new AppHostProject[0], new Dictionary<string, MethodShape>(), new string[0]);
}

/// <summary>How a method of the AppHost's own uses its parameters: which of them it calls methods on (it may change
/// them).</summary>
internal sealed class MethodShape
{
    /// <summary>Parameter positions (0 is the extension receiver) that the method calls methods on, other than
    /// <c>GetEndpoint</c>.</summary>
    public HashSet<int> ChangedParameters { get; } = new HashSet<int>();

    public bool IsExtension { get; set; }
}

/// <summary>A project an AppHost runs (<c>AddProject&lt;Projects.X&gt;("name")</c>, <c>AddProject("name",
/// "../X/X.csproj")</c>) and what it is given.</summary>
internal sealed class AppHostProject
{
    public AppHostProject(string? typeName, string? path, string? resourceName, int line)
    {
        TypeName = typeName;
        Path = path;
        ResourceName = resourceName;
        Line = line;
    }

    /// <summary>The <c>X</c> of <c>Projects.X</c>, or null.</summary>
    public string? TypeName { get; }

    /// <summary>The project path as written (relative to the AppHost's folder), or null.</summary>
    public string? Path { get; }
    public string? ResourceName { get; }

    /// <summary>The 1-based line of the <c>AddProject</c> call.</summary>
    public int Line { get; }

    /// <summary>Environment variables it sets (<c>WithEnvironment("A__B", …)</c>, <c>WithHttpEndpoint(env:
    /// "PORT")</c>, <c>ConnectionStrings__db</c>).</summary>
    public List<string> Variables { get; } = new List<string>();

    /// <summary>Prefixes of variables it sets (<c>services__api__</c> for a service reference, whose endpoint names are
    /// not known).</summary>
    public List<string> VariablePrefixes { get; } = new List<string>();

    /// <summary>Calls that pass the project to a method (name, parameter position; 0 is the receiver of an extension
    /// call).</summary>
    public List<KeyValuePair<string, int>> PassedTo { get; } = new List<KeyValuePair<string, int>>();

    /// <summary>True when the AppHost does something with the project that is not followed: its configuration is
    /// unknown.</summary>
    public bool IsOpen { get; set; }
}
