using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Entities.Ner;

/// <summary>
/// Reads and writes the recogniser in Parley's one-file model layout:
/// <code>
/// magic      8 bytes  "PARLEYM\n"
/// version    uint32   1
/// manifest   int32 length + UTF-8 JSON: kind "ner", types, lexicons, training data and licences, scores
/// blocks     int32 count, then per block: name (length-prefixed UTF-8), flags byte (1 = deflate),
///            int64 stored length, int64 raw length, the stored bytes
/// </code>
/// Blocks: "ner.weights" (sparse rows: feature hash, tag mask, half-precision weights), "ner.transitions",
/// "ner.words" (common-lower-case and known word hashes), "ner.profiles" (case habit and frequency of
/// each word), "ner.clusters". Little-endian throughout.
/// </summary>
public static class NerModelFile
{
    public const int FormatVersion = 1;
    public const string DefaultFileName = "ner.parley";

    private static readonly byte[] Magic = "PARLEYM\n"u8.ToArray();
    private const long MaxBlockBytes = 1L << 30;

    public static void Save(NerModel model, string path)
    {
        var blocks = new List<(string, byte[])>
        {
            ("ner.weights", Block(w => WriteWeights(model, w))),
            ("ner.transitions", Block(w =>
            {
                w.Write(model.Transitions.Length);
                foreach (var v in model.Transitions)
                {
                    w.Write(v);
                }
            })),
            ("ner.words", Block(w =>
            {
                WriteSet(w, model.Resources.CommonLowerSet);
                WriteSet(w, model.Resources.KnownSet);
            })),
            ("ner.profiles", Block(w =>
            {
                w.Write(model.Resources.Profiles.Count);
                foreach (var (k, v) in model.Resources.Profiles.OrderBy(p => p.Key))
                {
                    w.Write(k);
                    w.Write(v);
                }
            })),
            ("ner.clusters", Block(w =>
            {
                w.Write(model.Resources.Clusters.Count);
                foreach (var (k, v) in model.Resources.Clusters.OrderBy(p => p.Key))
                {
                    w.Write(k);
                    w.Write(v);
                }
            })),
        };

        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write((uint)FormatVersion);
                byte[] manifest = Encoding.UTF8.GetBytes(model.Manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                writer.Write(manifest.Length);
                writer.Write(manifest);
                writer.Write(blocks.Count);
                foreach (var (name, raw) in blocks)
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

    /// <summary>Loads a model; <paramref name="lexicons"/> must be the lexicons it was trained with (checked by name).</summary>
    public static NerModel Load(string path, IReadOnlyList<INameLexicon> lexicons)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(ErrorCode.ModelMissing, $"{path} does not exist; build it with 'parley train ner' or restore it from the repository's models/ folder");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(stream, path, lexicons);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or DecoderFallbackException or JsonException or ArgumentException)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} is truncated or damaged ({e.Message})", e);
        }
    }

    public static NerModel Read(Stream stream, string path, IReadOnlyList<INameLexicon> lexicons)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} is not a Parley model file (its first bytes are not \"PARLEYM\")");
        }

        uint version = reader.ReadUInt32();
        if (version != FormatVersion)
        {
            throw new ParleyException(ErrorCode.ModelFormat,
                $"{path} has model format version {version}, but this Parley reads version {FormatVersion} only; use the models that came with this version of Parley or retrain with 'parley train ner'");
        }

        int manifestLength = reader.ReadInt32();
        if (manifestLength <= 0 || manifestLength > 1 << 24)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} has a manifest of impossible length {manifestLength}");
        }

        var manifest = JsonNode.Parse(reader.ReadBytes(manifestLength)) as JsonObject
            ?? throw new ParleyException(ErrorCode.ModelFormat, $"{path}: the manifest is not a JSON object");
        if ((string?)manifest["kind"] != NerModel.Kind)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} holds a '{manifest["kind"]}' model, not a named-entity model");
        }

        int count = reader.ReadInt32();
        if (count is < 0 or > 1000)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} claims {count} blocks");
        }

        var blocks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
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

            blocks[name] = (flags & 1) != 0 ? Inflate(bytes, (int)raw, path, name) : bytes;
        }

        var types = manifest["types"]?.AsArray().Select(n => (string)n!).ToArray()
            ?? throw new ParleyException(ErrorCode.ModelFormat, $"{path}: the manifest lists no entity types");
        var expected = manifest["lexicons"]?.AsArray().Select(n => (string)n!).ToArray() ?? [];
        var given = lexicons.Select(l => l.Name).ToArray();
        if (!expected.SequenceEqual(given))
        {
            throw new ParleyException(ErrorCode.ModelFormat,
                $"{path} was trained with the lexicons [{string.Join(", ", expected)}] but this Parley has [{string.Join(", ", given)}]; retrain it with 'parley train ner'");
        }

        var tags = new NerTagSet(types);
        var rows = new Dictionary<ulong, int>();
        float[] weights;
        using (var w = Open(blocks, "ner.weights", path))
        {
            int t = w.ReadInt32();
            int n = w.ReadInt32();
            if (t != tags.Count || n < 0 || n > 50_000_000)
            {
                throw new ParleyException(ErrorCode.ModelFormat, $"{path}: the weights do not match the {tags.Count} tags of the manifest");
            }

            weights = new float[n * t];
            rows.EnsureCapacity(n);
            for (int r = 0; r < n; r++)
            {
                rows[w.ReadUInt64()] = r;
                uint mask = w.ReadUInt32();
                for (int k = 0; k < t; k++)
                {
                    if ((mask & (1u << k)) != 0)
                    {
                        weights[r * t + k] = (float)w.ReadHalf();
                    }
                }
            }
        }

        float[] transitions;
        using (var w = Open(blocks, "ner.transitions", path))
        {
            int n = w.ReadInt32();
            if (n != (tags.Count + 1) * tags.Count)
            {
                throw new ParleyException(ErrorCode.ModelFormat, $"{path}: the transitions do not match the tags");
            }

            transitions = new float[n];
            for (int i = 0; i < n; i++)
            {
                transitions[i] = w.ReadSingle();
            }
        }

        HashSet<ulong> common, known;
        using (var w = Open(blocks, "ner.words", path))
        {
            common = ReadSet(w);
            known = ReadSet(w);
        }

        var clusters = new Dictionary<ulong, ulong>();
        using (var w = Open(blocks, "ner.clusters", path))
        {
            int n = w.ReadInt32();
            for (int i = 0; i < n; i++)
            {
                clusters[w.ReadUInt64()] = w.ReadUInt64();
            }
        }

        var profiles = new Dictionary<ulong, byte>();
        using (var w = Open(blocks, "ner.profiles", path))
        {
            int n = w.ReadInt32();
            if (n < 0 || n > 50_000_000)
            {
                throw new InvalidDataException("impossible profile count");
            }

            for (int i = 0; i < n; i++)
            {
                profiles[w.ReadUInt64()] = w.ReadByte();
            }
        }

        return new NerModel(tags, new NerResources(common, known, clusters, lexicons, profiles), rows, weights, transitions, manifest);
    }

    private static void WriteWeights(NerModel model, BinaryWriter w)
    {
        int t = model.Tags.Count;
        var weights = model.Weights;
        var rows = model.Rows.OrderBy(p => p.Key).ToList();
        w.Write(t);
        w.Write(rows.Count);
        foreach (var (key, row) in rows)
        {
            w.Write(key);
            uint mask = 0;
            for (int k = 0; k < t; k++)
            {
                if ((Half)weights[row * t + k] != Half.Zero)
                {
                    mask |= 1u << k;
                }
            }

            w.Write(mask);
            for (int k = 0; k < t; k++)
            {
                if ((mask & (1u << k)) != 0)
                {
                    w.Write((Half)weights[row * t + k]);
                }
            }
        }
    }

    private static void WriteSet(BinaryWriter w, HashSet<ulong> set)
    {
        w.Write(set.Count);
        foreach (var h in set.Order())
        {
            w.Write(h);
        }
    }

    private static HashSet<ulong> ReadSet(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 50_000_000)
        {
            throw new InvalidDataException("impossible word count");
        }

        var set = new HashSet<ulong>(n);
        for (int i = 0; i < n; i++)
        {
            set.Add(r.ReadUInt64());
        }

        return set;
    }

    private static BinaryReader Open(Dictionary<string, byte[]> blocks, string name, string path) =>
        blocks.TryGetValue(name, out var bytes)
            ? new BinaryReader(new MemoryStream(bytes, writable: false))
            : throw new ParleyException(ErrorCode.ModelFormat, $"{path} has no '{name}' block; it was written for another purpose or is damaged");

    private static byte[] Block(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
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
