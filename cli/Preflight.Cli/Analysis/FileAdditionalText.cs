using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Preflight.Cli.Analysis;

/// <summary>A deployment artifact handed to the analyzers, read once on first use (as the compiler reads
/// AdditionalFiles).</summary>
internal sealed class FileAdditionalText : AdditionalText
{
    /// <summary>Beyond this size a file is not read: the parsers would give up on it anyway.</summary>
    private const long MaxBytes = 64L * 1024 * 1024;

    private readonly Lazy<SourceText?> _text;

    public FileAdditionalText(string path)
    {
        Path = path;
        _text = new Lazy<SourceText?>(Read, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text.Value;

    private SourceText? Read()
    {
        try
        {
            // The length of a link's final target: FIFOs and devices report zero and are never opened (opening a FIFO
            // blocks until a writer comes; a device may never end).
            var length = Preflight.Checks.Repository.FileSystem.Length(Path);
            if (length == null || length > MaxBytes)
            {
                return null;
            }
            if (length == 0)
            {
                return SourceText.From(string.Empty, Encoding.UTF8);
            }
            using var stream = File.OpenRead(Path);
            return SourceText.From(stream, Encoding.UTF8, canBeEmbedded: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }
}
