using System;
using System.IO;
using System.Text;

namespace Preflight.Build.Checks;

/// <summary>The file-system reads the checks make, bounded and never throwing.</summary>
public static class FileSystem
{
    /// <summary>Files above this size are not read (no finding rather than a slow build).</summary>
    public const long MaxReadBytes = 8 * 1024 * 1024;

    public static bool FileExists(string path)
    {
        try
        {
            return File.Exists(path);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            return false;
        }
    }

    public static bool DirectoryExists(string path)
    {
        try
        {
            return Directory.Exists(path);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            return false;
        }
    }

    public static bool Exists(string path) => FileExists(path) || DirectoryExists(path);

    /// <summary>The text of a file (UTF-8, BOM honoured), or null when it is missing, unreadable or too large.</summary>
    public static string? ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxReadBytes)
            {
                return null;
            }
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            return null;
        }
    }

    /// <summary>Some file inside a folder (for watching that the folder still has content), or null.</summary>
    public static string? AnyFileUnder(string directory)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly))
            {
                return file;
            }
            return null;
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            return null;
        }
    }

    public static bool IsIoFailure(Exception ex) =>
        ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException ||
        ex is System.Security.SecurityException;
}
