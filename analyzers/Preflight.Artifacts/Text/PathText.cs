using System;
using System.Collections.Generic;

namespace Preflight.Artifacts;

/// <summary>
/// Path arithmetic on text only (no file system): forward slashes, '.' and '..' resolved. Used by every host so the
/// analyzers (which may not touch the disk) and the task compare paths the same way.
/// </summary>
public static class PathText
{
    public static string Normalize(string path)
    {
        if (string.IsNullOrEmpty(path) || IsNormalized(path))
        {
            return path;
        }
        path = path.Replace('\\', '/');
        var rooted = path.StartsWith("/", StringComparison.Ordinal);
        var drive = path.Length >= 2 && path[1] == ':' ? path.Substring(0, 2) : null;
        var rest = drive != null ? path.Substring(2) : path;
        var parts = new List<string>();
        foreach (var part in rest.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            if (part == ".." && (rooted || drive != null))
            {
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join("/", parts);
        if (drive != null)
        {
            return drive + "/" + joined;
        }
        return rooted ? "/" + joined : (joined.Length == 0 ? "." : joined);
    }

    /// <summary>A path <see cref="Normalize"/> returns unchanged: forward slashes, no empty, <c>.</c> or <c>..</c>
    /// segment, no trailing slash (but <c>/</c> and <c>C:/</c>). Most paths are; checking costs no allocation, and
    /// paths are compared and normalized many times per project.</summary>
    private static bool IsNormalized(string path)
    {
        if (path.IndexOf('\\') >= 0)
        {
            return false;
        }
        var start = 0;
        if (path.Length >= 2 && path[1] == ':')
        {
            if (path.Length == 2 || path[2] != '/')
            {
                return false;
            }
            start = 3;
        }
        else if (path[0] == '/')
        {
            start = 1;
        }
        if (start == path.Length)
        {
            return true;
        }
        var segment = start;
        for (var i = start; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                continue;
            }
            var length = i - segment;
            if (length == 0 || path[segment] == '.' && (length == 1 || length == 2 && path[segment + 1] == '.'))
            {
                return false;
            }
            segment = i + 1;
        }
        return true;
    }

    public static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal)
            || (path.Length >= 2 && path[1] == ':');

    /// <summary>Joins a relative path to a base folder; a rooted path wins.</summary>
    public static string Combine(string baseDirectory, string path) =>
        IsRooted(path) ? Normalize(path) : Normalize(baseDirectory.TrimEnd('/', '\\') + "/" + path);

    public static string GetDirectory(string path)
    {
        path = Normalize(path);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : path.Substring(0, slash);
    }

    public static string GetFileName(string path)
    {
        path = path.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or inside it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        path = Normalize(path);
        directory = Normalize(directory).TrimEnd('/');
        return Equal(path, directory) ||
            (path.Length > directory.Length && path.StartsWith(directory, Comparison) && path[directory.Length] == '/');
    }

    /// <summary>The path of <paramref name="path"/> from <paramref name="directory"/> ("." for the folder itself); the
    /// path itself when it is not under it.</summary>
    public static string Relative(string directory, string path)
    {
        path = Normalize(path);
        directory = Normalize(directory).TrimEnd('/');
        if (Equal(path, directory))
        {
            return ".";
        }
        return IsUnder(path, directory) ? path.Substring(directory.Length + 1) : path;
    }

    public static bool Equal(string a, string b) =>
        string.Equals(Normalize(a).TrimEnd('/'), Normalize(b).TrimEnd('/'), Comparison);

    /// <summary>Paths compare case-sensitively on every platform: Docker build contexts and Linux images are
    /// case-sensitive.</summary>
    public static StringComparison Comparison => StringComparison.Ordinal;
}
