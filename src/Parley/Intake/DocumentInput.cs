using System.IO.Compression;
using System.Text;

namespace Parley.Intake;

/// <summary>Raw input for one document: its bytes and what the caller knows about it.</summary>
public sealed class DocumentInput
{
    public DocumentInput(string id, byte[] bytes)
    {
        Id = id;
        Bytes = bytes;
    }

    /// <summary>How the input is named in messages and metadata: a path, "-", a URL or a caller's id.</summary>
    public string Id { get; }

    public byte[] Bytes { get; }

    public string? Url { get; init; }

    /// <summary>A publication date or time the caller knows (ISO 8601), used when the text gives none.</summary>
    public string? Published { get; init; }

    /// <summary>A media type the caller knows ("text/html"); sniffing still checks the content.</summary>
    public string? MediaType { get; init; }

    public static DocumentInput FromText(string id, string text) => new(id, Encoding.UTF8.GetBytes(text));

    /// <summary>Reads a file, refusing anything larger than <see cref="IntakeOptions.MaxInputBytes"/>.</summary>
    public static DocumentInput FromFile(string path, IntakeOptions? options = null)
    {
        options ??= IntakeOptions.Default;
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ParleyException(ErrorCode.NotFound, $"{path}: no such file");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ParleyException(ErrorCode.UnreadableInput, $"{path}: {e.Message}", e);
        }

        if (info.Length > options.MaxInputBytes)
        {
            throw new ParleyException(ErrorCode.InputTooLarge,
                $"{path} is {info.Length:N0} bytes; the limit is {options.MaxInputBytes:N0} (raise it with --max-bytes)");
        }

        try
        {
            return new DocumentInput(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParleyException(ErrorCode.UnreadableInput, $"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a stream to its end, refusing more than <see cref="IntakeOptions.MaxInputBytes"/>.</summary>
    public static DocumentInput FromStream(string id, Stream stream, IntakeOptions? options = null)
    {
        options ??= IntakeOptions.Default;
        return new DocumentInput(id, ReadBounded(stream, options.MaxInputBytes, id));
    }

    internal static byte[] ReadBounded(Stream stream, long limit, string id)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                throw new ParleyException(ErrorCode.InputTooLarge, $"{id} is larger than the limit of {limit:N0} bytes (raise it with --max-bytes)");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    /// <summary>True when the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>Decompresses gzip, bounded so that a small "zip bomb" cannot exhaust memory.</summary>
    internal static byte[] Gunzip(byte[] bytes, long limit, string id)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            return ReadBounded(gz, limit, id + " (decompressed)");
        }
        catch (InvalidDataException e)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"{id}: corrupt gzip data ({e.Message})", e);
        }
    }
}

/// <summary>Limits and switches for reading input.</summary>
public sealed class IntakeOptions
{
    public static IntakeOptions Default { get; } = new();

    /// <summary>Largest input accepted, after decompression. Large enough for any real article page.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Remove trailing site furniture (comment forms, share bars) from plain text.</summary>
    public bool RemoveFurniture { get; init; } = true;
}
