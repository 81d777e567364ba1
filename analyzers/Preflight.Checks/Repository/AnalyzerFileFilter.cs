using System;
using System.IO;

namespace Preflight.Checks.Repository;

/// <summary>
/// Which AdditionalFiles the compiler must not be given, and why (one reason, said once in a message-level note): the
/// build's targets and the CLI drop the same files. FIFOs, devices and sockets, whoever added them (an analyzer reading
/// a FIFO would block the compiler forever); among Preflight's own artifacts, paths that lead out of the repository
/// through a symbolic link (or loop), paths with nothing to read (dangling links), files the build cannot open (CS1504
/// would fail the build: a root-owned file in a bind-mounted folder) and binary files (CS2015).
/// </summary>
public static class AnalyzerFileFilter
{
    /// <summary>Why the file is not passed to the analyzers, or null when it is. <paramref name="canRead"/> replaces
    /// <see cref="CanRead"/> (tests: root reads every file).</summary>
    public static string? SkipReason(
        string path, bool isArtifact, RepositoryBoundary? boundary, Func<string, bool>? canRead = null)
    {
        if (isArtifact && boundary != null && boundary.LeavesRepository(path))
        {
            return "leads out of the repository through a symbolic link (or into a link loop)";
        }
        if (SpecialFiles.IsSpecial(path))
        {
            return "is no regular file (a FIFO, device or socket)";
        }
        if (!isArtifact)
        {
            return null;
        }
        if (FileSystem.Length(path) == null)
        {
            return "has nothing to read (a dangling link or a folder)";
        }
        if (!(canRead ?? CanRead)(path))
        {
            return "cannot be opened for reading (permissions)";
        }
        if (SpecialFiles.IsBinary(path))
        {
            return "is a binary file";
        }
        return null;
    }

    /// <summary>True when the file can be opened for reading (never called for FIFOs: opening one blocks).</summary>
    public static bool CanRead(string path)
    {
        try
        {
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            return true;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return false;
        }
    }
}
