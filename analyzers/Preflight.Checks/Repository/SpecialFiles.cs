using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Preflight.Checks.Repository;

/// <summary>
/// Tells FIFOs (named pipes), devices and sockets from regular files on Unix. They report length zero, like an empty
/// file, but opening a FIFO for reading blocks until a writer comes and a device may never end: the compiler reading
/// one as an AdditionalFile, or a check reading it, would hang the build. .NET has no public API for the file type, so
/// this asks the runtime's own native library (the <c>stat</c> the BCL uses); any failure answers "not special".
/// </summary>
public static class SpecialFiles
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    /// <summary>How much of a file <see cref="IsBinary"/> looks at.</summary>
    public const int MaxScannedBytes = 1024 * 1024;

    private static bool _unavailable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>True when the path (links followed) is a FIFO, a device or a socket. Only length-zero files are asked
    /// about.</summary>
    public static bool IsSpecial(string path)
    {
        if (_unavailable || FileSystem.Length(path) != 0)
        {
            return false;
        }
        try
        {
            var status = new byte[512];
            if (NativeMethods.Stat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0)
            {
                return false;
            }
            // FileStatus of System.Native: int Flags, int Mode, ... with the S_IF* type bits in Mode.
            var type = BitConverter.ToInt32(status, 4) & TypeMask;
            return type == Fifo || type == CharacterDevice || type == BlockDevice || type == Socket;
        }
        catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException
            || ex is BadImageFormatException || ex is MarshalDirectiveException)
        {
            _unavailable = true;
            return false;
        }
    }

    /// <summary>
    /// True when the file holds two NUL bytes in a row, which the compiler takes for a binary file (CS2015) when an
    /// analyzer reads it as an AdditionalFile. UTF-16 and UTF-32 texts (with a byte-order mark) are text. It runs on
    /// every build, so only the first <see cref="MaxScannedBytes"/> are looked at (binary files show NULs early), and
    /// files larger than <see cref="FileSystem.MaxReadBytes"/> not at all (false).
    /// </summary>
    public static bool IsBinary(string path)
    {
        // The same criterion as IsBinaryText, on the bytes of the file's beginning.
        var length = FileSystem.Length(path);
        if (length == null || length < 2 || length > FileSystem.MaxReadBytes || IsSpecial(path))
        {
            return false;
        }
        try
        {
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024,
                FileOptions.SequentialScan);
            var buffer = new byte[64 * 1024];
            var previousWasNul = false;
            var first = true;
            long total = 0;
            int read;
            while (total < MaxScannedBytes && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (first && read >= 2
                    && (buffer[0] == 0xFF && buffer[1] == 0xFE || buffer[0] == 0xFE && buffer[1] == 0xFF ||
                    read >= 4 && buffer[0] == 0 && buffer[1] == 0 && buffer[2] == 0xFE && buffer[3] == 0xFF))
                {
                    return false;
                }
                first = false;
                for (var i = 0; i < read; i++)
                {
                    var nul = buffer[i] == 0;
                    if (nul && previousWasNul)
                    {
                        return true;
                    }
                    previousWasNul = nul;
                }
                total += read;
            }
            return false;
        }
        catch (Exception ex) when (FileSystem.IsIoFailure(ex))
        {
            return false;
        }
    }

    /// <summary>The criterion of <see cref="IsBinary"/> on a text already read: two NULs in a row.</summary>
    public static bool IsBinaryText(string text) => text.IndexOf("\0\0", StringComparison.Ordinal) >= 0;

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
        public static extern int Stat(byte[] path, byte[] status);
    }
}
