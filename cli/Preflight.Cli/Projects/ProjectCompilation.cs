using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Preflight.Artifacts;
using Preflight.Artifacts.Repository;

namespace Preflight.Cli.Projects;

/// <summary>
/// A compilation of a project built without restore: its C# files (the SDK's default globs minus nested projects, plus
/// simple Compile items), the SDK's implicit global usings, and the targeting pack of its framework (with the ASP.NET
/// Core
/// pack for web, worker and generic-host projects, <see cref="SharedFrameworkUse"/>). Types from
/// packages that were not restored stay unresolved; the rules treat what they cannot resolve as unknown.
/// </summary>
internal static class ProjectCompilation
{
    private static readonly string[] CommonUsings =
        { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
            "System.Threading.Tasks" };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
            "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
            "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private static readonly string[] WorkerUsings =
        { "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" };

    /// <summary>C# files larger than this are generated in practice; they are left out.</summary>
    private const long MaxSourceBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<string> SourceFiles(
        ProjectInfo project, IReadOnlyList<string> repositoryCSharpFiles, IReadOnlyList<string> allProjects) =>
        SourceFiles(project, repositoryCSharpFiles, new ProjectFolders(repositoryCSharpFiles, allProjects));

    /// <summary>The project's C# files: its default items (<paramref name="folders"/>, computed once per run) and
    /// Compile includes.</summary>
    public static IReadOnlyList<string> SourceFiles(
        ProjectInfo project, IReadOnlyList<string> repositoryCSharpFiles, ProjectFolders folders)
    {
        var removes = project.CompileRemoves.Select(p => new RepositoryGlob(p)).ToList();
        var files = new List<string>();
        if (project.DefaultCompileItems)
        {
            foreach (var file in folders.FilesOf(project.Directory))
            {
                var relative = removes.Count == 0 ? null : PathText.Relative(project.Directory, file);
                if (relative == null || !removes.Any(glob => glob.IsMatch(relative)))
                {
                    files.Add(file);
                }
            }
        }
        foreach (var include in project.CompileIncludes)
        {
            var glob = new RepositoryGlob(include);
            foreach (var file in repositoryCSharpFiles)
            {
                var relative = RelativeTo(project.Directory, file);
                if (relative != null && glob.IsMatch(relative) && !files.Contains(file))
                {
                    files.Add(file);
                }
            }
        }
        return files;
    }

    public static CSharpCompilation Create(
        ProjectInfo project, IReadOnlyList<string> sourceFiles, ReferencePacks packs,
        CancellationToken cancellationToken)
    {
        // Documentation comments as plain comments: no rule reads them, and their structured trivia cost parse time and
        // memory.
        var parseOptions = new CSharpParseOptions(
            LanguageVersion.Latest, DocumentationMode.None, preprocessorSymbols: new[] { "NET", "RELEASE" });
        var trees = new List<SyntaxTree>();
        foreach (var file in sourceFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadSource(file) is { } text)
            {
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, file, cancellationToken));
            }
        }
        if (project.ImplicitUsings)
        {
            var usings = CommonUsings.Concat(
                project.IsWeb ? WebUsings : project.IsWorker ? WorkerUsings : Array.Empty<string>());
            var globalUsings = string.Join("\n", usings.Select(u => $"global using global::{u};"));
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(globalUsings, Encoding.UTF8), parseOptions,
                PathText.Combine(project.Directory, "obj/" + project.Name + ".GlobalUsings.g.cs"), cancellationToken));
        }
        var outputKind = string.Equals(project.OutputType, "Exe", StringComparison.OrdinalIgnoreCase)
            || string.Equals(project.OutputType, "WinExe", StringComparison.OrdinalIgnoreCase)
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(
            outputKind,
            nullableContextOptions: project.NullableEnabled ? NullableContextOptions.Enable
                : NullableContextOptions.Disable,
            concurrentBuild: false);
        return CSharpCompilation.Create(
            project.Property("AssemblyName") ?? project.Name, trees,
            packs.For(project.TargetFramework, project.UsesAspNetCore), options);
    }

    private static SourceText? ReadSource(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxSourceBytes)
            {
                return null;
            }
            using var stream = File.OpenRead(path);
            return SourceText.From(stream, Encoding.UTF8, canBeEmbedded: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private static string? RelativeTo(string directory, string file)
    {
        var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
        return Path.IsPathRooted(relative) ? null : relative;
    }
}
