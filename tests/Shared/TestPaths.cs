using System;
using System.IO;

namespace Preflight.Tests;

/// <summary>Where the repository, its samples and the shared conformance data (../shared beside the checkout) are.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding Validators.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>../shared beside the checkout; it may be absent (tests that need it skip).</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Corpus(string name) => Path.Combine(SharedDirectory, "corpora", name);

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Validators.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Validators.sln not found above " + AppContext.BaseDirectory);
    }
}
