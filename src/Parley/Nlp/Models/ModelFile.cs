using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Nlp.Models;

/// <summary>
/// Parley's one-file model container.
/// <code>
/// magic      8 bytes  "PARLEYM\n"
/// version    uint32   <see cref="FormatVersion"/>
/// manifest   int32 length + UTF-8 JSON: kind, components with their labels, training data, licence, scores
/// blocks     int32 count, then per block: name (length-prefixed UTF-8), flags byte (1 = deflate),
///            int64 stored length, int64 raw length, the stored bytes
/// </code>
/// Little-endian throughout. Readers refuse other magic bytes and versions they do not know.
/// </summary>
public sealed class ModelFile
{
    public const int FormatVersion = 1;

    private const long MaxBlockBytes = 1L << 30;

    private static readonly byte[] Magic = "PARLEYM\n"u8.ToArray();

    public ModelFile(JsonObject manifest)
    {
        Manifest = manifest;
    }

    public JsonObject Manifest { get; }

    /// <summary>Blocks as raw bytes: those added for writing, and those read and already inflated.</summary>
    public Dictionary<string, byte[]> Blocks { get; } = new(StringComparer.Ordinal);

    /// <summary>Blocks as read from the file, inflated only when opened so a large model never holds all of them raw at once.</summary>
    private readonly Dictionary<string, (byte[] Stored, bool Deflated, int RawLength, string Path)> _stored = new(StringComparer.Ordinal);

    public IEnumerable<string> BlockNames => Blocks.Keys.Concat(_stored.Keys).Distinct(StringComparer.Ordinal);

    /// <summary>Forgets a block once its component has been built from it.</summary>
    public void Release(string name)
    {
        Blocks.Remove(name);
        _stored.Remove(name);
    }

    /// <summary>Builds a block with a binary writer.</summary>
    public void AddBlock(string name, Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        Blocks[name] = stream.ToArray();
    }

    /// <summary>A reader over one block; a missing block is a clear error.</summary>
    public BinaryReader OpenBlock(string name, string path)
    {
        if (!Blocks.TryGetValue(name, out var bytes) && _stored.TryGetValue(name, out var stored))
        {
            bytes = stored.Deflated ? Inflate(stored.Stored, stored.RawLength, stored.Path, name) : stored.Stored;
        }

        if (bytes is null)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} has no '{name}' block; it was written for another purpose or is damaged");
        }

        return new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it only when all was written.</summary>
    public void Save(string path)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        string temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write((uint)FormatVersion);
                byte[] manifest = Encoding.UTF8.GetBytes(Manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                writer.Write(manifest.Length);
                writer.Write(manifest);
                writer.Write(Blocks.Count);
                foreach (var (name, raw) in Blocks)
                {
                    byte[] stored = Deflate(raw);
                    writer.Write(name);
                    writer.Write((byte)1);
                    writer.Write((long)stored.Length);
                    writer.Write((long)raw.Length);
                    writer.Write(stored);
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static ModelFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(ErrorCode.ModelMissing, $"{path} does not exist; build it with 'parley train nlp' or restore it from the repository's models/ folder");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(stream, path);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or DecoderFallbackException or JsonException)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} is truncated or damaged ({e.Message})", e);
        }
    }

    public static ModelFile Read(Stream stream, string path)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} is not a Parley model file (its first bytes are not \"PARLEYM\")");
        }

        uint version = reader.ReadUInt32();
        if (version != FormatVersion)
        {
            throw new ParleyException(ErrorCode.ModelFormat,
                $"{path} has model format version {version}, but this Parley reads version {FormatVersion} only; use the models that came with this version of Parley or retrain with 'parley train nlp'");
        }

        int manifestLength = reader.ReadInt32();
        if (manifestLength <= 0 || manifestLength > 1 << 24)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} has a manifest of impossible length {manifestLength}");
        }

        var manifest = JsonNode.Parse(reader.ReadBytes(manifestLength)) as JsonObject
            ?? throw new ParleyException(ErrorCode.ModelFormat, $"{path}: the manifest is not a JSON object");
        var file = new ModelFile(manifest);
        int count = reader.ReadInt32();
        if (count is < 0 or > 1000)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} claims {count} blocks");
        }

        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            byte flags = reader.ReadByte();
            long stored = reader.ReadInt64();
            long raw = reader.ReadInt64();
            if (stored < 0 || raw < 0 || stored > MaxBlockBytes || raw > MaxBlockBytes || (flags & ~1) != 0)
            {
                throw new ParleyException(ErrorCode.ModelFormat, $"{path}: block '{name}' has an impossible header");
            }

            byte[] bytes = reader.ReadBytes((int)stored);
            if (bytes.Length != stored)
            {
                throw new ParleyException(ErrorCode.ModelFormat, $"{path} ends inside block '{name}'; the file is truncated");
            }

            file._stored[name] = (bytes, (flags & 1) != 0, (int)raw, path);
        }

        return file;
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] Inflate(byte[] stored, int rawLength, string path, string name)
    {
        var result = new byte[rawLength];
        using var deflate = new DeflateStream(new MemoryStream(stored), CompressionMode.Decompress);
        int read = 0;
        while (read < rawLength)
        {
            int n = deflate.Read(result, read, rawLength - read);
            if (n == 0)
            {
                throw new ParleyException(ErrorCode.ModelFormat, $"{path}: block '{name}' is shorter than its header says");
            }

            read += n;
        }

        return result;
    }
}
