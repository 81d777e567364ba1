using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Preflight.Build.Checks;

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

    private static bool _unavailable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>True when the path (links followed) is a FIFO, a device or a socket. Only length-zero files are asked about.</summary>
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
        catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException || ex is MarshalDirectiveException)
        {
            _unavailable = true;
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
        public static extern int Stat(byte[] path, byte[] status);
    }
}
