using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Parley.Nlp.Learning;

/// <summary>
/// Frozen, averaged perceptron weights: for each feature hash, the classes it votes for with 16-bit
/// weights. One open-addressing probe finds a feature; its votes lie next to each other in one array.
/// Features that vote for many classes are kept as dense rows in memory and added with SIMD.
/// Read-only once built, so one instance serves any number of threads.
/// </summary>
public sealed class SparseModel
{
    /// <summary>An empty slot has Start -1; a dense row has End -1 and Start at its offset in the dense weights.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public uint Key;
        public int Start;
        public int End;
    }

    /// <summary>Dense rows: every class's weight, one row per feature that votes for many classes.</summary>
    private readonly short[] _dense;

    private readonly Slot[] _table;
    private readonly int _mask;
    private readonly int _featureCount;

    /// <summary>Packed votes: class in the low 16 bits, signed weight in the high 16 bits.</summary>
    private readonly uint[] _votes;

    private SparseModel(int classes, float scale, uint[] keys, int[] rowStart, uint[] votes)
    {
        Classes = classes;
        Scale = scale;
        _featureCount = keys.Length;
        _votes = votes;
        int size = 16;
        while (size < keys.Length * 2)
        {
            size <<= 1;
        }

        _table = new Slot[size];
        _mask = size - 1;
        for (int i = 0; i < _table.Length; i++)
        {
            _table[i].Start = -1;
        }

        // Rows voting for many classes are cheaper to add as one dense vector than vote by vote.
        int denseThreshold = classes >= 16 ? Math.Max(8, classes / 8) : int.MaxValue;
        int denseRows = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            denseRows += rowStart[r + 1] - rowStart[r] >= denseThreshold ? 1 : 0;
        }

        _dense = new short[(long)denseRows * classes];
        int denseNext = 0;

        for (int r = 0; r < keys.Length; r++)
        {
            int i = (int)(keys[r] & (uint)_mask);
            while (_table[i].Start >= 0)
            {
                if (_table[i].Key == keys[r])
                {
                    throw new ParleyException(ErrorCode.ModelFormat, "a weight table holds the same feature twice; the model file is damaged");
                }

                i = (i + 1) & _mask;
            }

            if (rowStart[r + 1] - rowStart[r] >= denseThreshold)
            {
                int offset = denseNext;
                denseNext += classes;
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
                {
                    _dense[offset + (int)(votes[e] & 0xFFFF)] = (short)(votes[e] >> 16);
                }

                _table[i] = new Slot { Key = keys[r], Start = offset, End = -1 };
            }
            else
            {
                _table[i] = new Slot { Key = keys[r], Start = rowStart[r], End = rowStart[r + 1] };
            }
        }
    }

    public int Classes { get; }

    /// <summary>The weight of one quantisation step.</summary>
    public float Scale { get; }

    public int FeatureCount => _featureCount;

    public int VoteCount => _votes.Length;

    internal static SparseModel Build(int classes, List<(uint Key, List<(int Cls, float W)> Entries)> rows, float maxAbs)
    {
        if (classes > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "at most 65535 classes");
        }

        float scale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
        var keys = new List<uint>(rows.Count);
        var starts = new List<int>(rows.Count + 1);
        var votes = new List<uint>();
        foreach (var (key, entries) in rows)
        {
            int start = votes.Count;
            foreach (var (cls, w) in entries)
            {
                int q = (int)MathF.Round(w / scale);
                if (q == 0)
                {
                    continue;
                }

                votes.Add((uint)cls | ((uint)(ushort)(short)Math.Clamp(q, short.MinValue, short.MaxValue) << 16));
            }

            if (votes.Count > start)
            {
                keys.Add(key);
                starts.Add(start);
            }
        }

        starts.Add(votes.Count);
        return new SparseModel(classes, scale, [.. keys], [.. starts], [.. votes]);
    }

    /// <summary>Adds every feature's votes to <paramref name="scores"/> (in quantisation steps); <paramref name="scores"/> holds one entry per class.</summary>
    public unsafe void Score(ReadOnlySpan<uint> features, Span<int> scores)
    {
        if (scores.Length < Classes)
        {
            ThrowHelper.ThrowIndexOutOfRange(nameof(scores));
        }

        var votes = _votes;
        int mask = _mask;
        fixed (Slot* table = _table)
        {
            // Ask for every slot first, so the memory reads overlap instead of waiting one by one.
            if (Sse.IsSupported)
            {
                foreach (uint f in features)
                {
                    Sse.Prefetch0(table + (f & (uint)mask));
                }
            }

            foreach (uint f in features)
            {
                Slot* slot = table + (f & (uint)mask);
                while (slot->Start >= 0)
                {
                    if (slot->Key == f)
                    {
                        if (slot->End < 0)
                        {
                            AddDense(slot->Start, scores);
                        }
                        else
                        {
                            for (int e = slot->Start; e < slot->End; e++)
                            {
                                uint v = votes[e];
                                scores[(int)(v & 0xFFFF)] += (short)(v >> 16);
                            }
                        }

                        break;
                    }

                    slot = table + (((int)(slot - table) + 1) & mask);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddDense(int offset, Span<int> scores)
    {
        var row = _dense.AsSpan(offset, Classes);
        int c = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<short>.Count;
            ref short rowRef = ref MemoryMarshal.GetReference(row);
            ref int scoreRef = ref MemoryMarshal.GetReference(scores);
            for (; c + step <= row.Length; c += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref rowRef, (nuint)c), out Vector<int> low, out Vector<int> high);
                (Vector.LoadUnsafe(ref scoreRef, (nuint)c) + low).StoreUnsafe(ref scoreRef, (nuint)c);
                (Vector.LoadUnsafe(ref scoreRef, (nuint)(c + Vector<int>.Count)) + high).StoreUnsafe(ref scoreRef, (nuint)(c + Vector<int>.Count));
            }
        }

        for (; c < row.Length; c++)
        {
            scores[c] += row[c];
        }
    }

    /// <summary>The best class among those allowed (all when <paramref name="allowed"/> is empty).</summary>
    public static int ArgMax(ReadOnlySpan<int> scores, ReadOnlySpan<int> allowed)
    {
        int best = -1;
        int bestScore = int.MinValue;
        if (allowed.IsEmpty)
        {
            for (int c = 0; c < scores.Length; c++)
            {
                if (scores[c] > bestScore)
                {
                    bestScore = scores[c];
                    best = c;
                }
            }

            return best;
        }

        foreach (int c in allowed)
        {
            if (scores[c] > bestScore)
            {
                bestScore = scores[c];
                best = c;
            }
        }

        return best;
    }

    /// <summary>Writes the table as rows sorted by feature hash (dense rows written back as their non-zero votes).</summary>
    public void Write(BinaryWriter writer)
    {
        var slots = _table.Where(slot => slot.Start >= 0).OrderBy(slot => slot.Key).ToArray();
        var keys = new uint[slots.Length];
        var starts = new int[slots.Length + 1];
        var votes = new List<uint>(_votes.Length);
        for (int r = 0; r < slots.Length; r++)
        {
            keys[r] = slots[r].Key;
            starts[r] = votes.Count;
            if (slots[r].End < 0)
            {
                for (int c = 0; c < Classes; c++)
                {
                    short w = _dense[slots[r].Start + c];
                    if (w != 0)
                    {
                        votes.Add((uint)c | ((uint)(ushort)w << 16));
                    }
                }
            }
            else
            {
                for (int e = slots[r].Start; e < slots[r].End; e++)
                {
                    votes.Add(_votes[e]);
                }
            }
        }

        starts[slots.Length] = votes.Count;
        writer.Write(Classes);
        writer.Write(Scale);
        writer.Write(keys.Length);
        writer.Write(votes.Count);
        writer.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(starts.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(votes)));
    }

    public static SparseModel Read(BinaryReader reader)
    {
        int classes = reader.ReadInt32();
        float scale = reader.ReadSingle();
        int rows = reader.ReadInt32();
        int votes = reader.ReadInt32();
        if (classes <= 0 || classes > ushort.MaxValue || rows < 0 || votes < 0)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "a weight table has impossible sizes; the model file is damaged");
        }

        var keys = ReadArray<uint>(reader, rows);
        var starts = ReadArray<int>(reader, rows + 1);
        var packed = ReadArray<uint>(reader, votes);
        for (int r = 0; r < rows; r++)
        {
            if (starts[r] < 0 || starts[r] > starts[r + 1] || starts[r + 1] > votes)
            {
                throw new ParleyException(ErrorCode.ModelFormat, "a weight table has a bad row; the model file is damaged");
            }
        }

        foreach (uint v in packed)
        {
            if ((v & 0xFFFF) >= classes)
            {
                throw new ParleyException(ErrorCode.ModelFormat, "a weight names a class the model does not have; the model file is damaged");
            }
        }

        return new SparseModel(classes, scale, keys, starts, packed);
    }

    internal static T[] ReadArray<T>(BinaryReader reader, int count)
        where T : unmanaged
    {
        var stream = reader.BaseStream;
        if (count < 0 || (stream.CanSeek && (long)count * Unsafe.SizeOf<T>() > stream.Length - stream.Position))
        {
            throw new ParleyException(ErrorCode.ModelFormat, "an array is longer than what is left of its block; the model file is damaged");
        }

        var result = new T[count];
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        int read = 0;
        while (read < bytes.Length)
        {
            int n = reader.Read(bytes[read..]);
            if (n == 0)
            {
                throw new ParleyException(ErrorCode.ModelFormat, "the model file ends too early; it is truncated or damaged");
            }

            read += n;
        }

        return result;
    }
}
