using System;
using System.IO;
using System.Reflection;
using System.Text;

namespace Preflight.Checks.Repository;

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

    /// <summary>
    /// The text of a file (UTF-8, BOM honoured), or null when it is missing, unreadable or too large. A file of length
    /// zero is read as empty without being opened: named pipes (FIFOs) and devices report length zero, and opening a
    /// FIFO blocks until something writes to it (the build would hang), reading a device may never end. At most
    /// <see cref="MaxReadBytes"/> are read even if the file grows meanwhile.
    /// </summary>
    public static string? ReadText(string path)
    {
        try
        {
            var info = FinalTarget(new FileInfo(path));
            if (info == null || !info.Exists || info.Length > MaxReadBytes)
            {
                return null;
            }
            if (info.Length == 0)
            {
                return string.Empty;
            }
            using var stream = new FileStream(
                info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096,
                FileOptions.SequentialScan);
            var buffer = new byte[(int)info.Length + 1];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += count;
            }
            if (read > MaxReadBytes)
            {
                return null;
            }
            using var reader = new StreamReader(
                new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            return null;
        }
    }

    /// <summary>The length of the file (of a link's final target), or null when it is missing, a folder or
    /// unreadable.</summary>
    public static long? Length(string path)
    {
        try
        {
            var info = FinalTarget(new FileInfo(path));
            return info != null && info.Exists ? info.Length : (long?)null;
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            return null;
        }
    }

    private static readonly MethodInfo? ResolveLinkTarget = typeof(FileSystemInfo).GetMethod(
        "ResolveLinkTarget", new[] { typeof(bool) });

    /// <summary>
    /// The file a symbolic link finally points to (a link's own length is that of its target's path, so a link to a
    /// FIFO
    /// or to /dev/zero would look like a small regular file); the file itself when it is no link or the runtime cannot
    /// resolve links (.NET Framework, where there are no FIFOs); null for a link loop.
    /// </summary>
    private static FileInfo? FinalTarget(FileInfo info)
    {
        if (ResolveLinkTarget == null || (info.Attributes & FileAttributes.ReparsePoint) == 0)
        {
            return info;
        }
        try
        {
            return ResolveLinkTarget.Invoke(info, new object[] { true }) as FileInfo ?? info;
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null && IsIoFailure(ex.InnerException))
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
        ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException
            || ex is NotSupportedException ||
        ex is System.Security.SecurityException;
}
