using System.Numerics;
using System.Runtime.CompilerServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// 32-bit hashes for features: a string is hashed once, then combined with a template number and other
/// hashed values. Feature weights are looked up by these hashes, so no feature string is ever built.
/// </summary>
public static class FeatureHash
{
    /// <summary>Hashes text (ordinal); the same text always gives the same value on every machine.</summary>
    public static uint Of(ReadOnlySpan<char> text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return Final(h ^ (uint)text.Length);
    }

    /// <summary>Hashes text lowercased (invariant culture) and with quote marks made canonical (<see cref="Canonical"/>), without allocating.</summary>
    public static uint OfLower(ReadOnlySpan<char> text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ Canonical(LowerInvariant(c))) * 16777619;
        }

        return Final(h ^ (uint)text.Length);
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant"/> with the ASCII letters done inline: the same result, without a call into
    /// the globalisation tables for the characters most words are made of.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char LowerInvariant(char c) => c < 0x80 ? (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c : char.ToLowerInvariant(c);

    /// <summary>
    /// Quote marks the training treebank rarely or never shows («» „ ‚ ‹›) stand for the ones it does (“ ” ‘ ’),
    /// so news in other typographic traditions reads like the training data. Used only for features.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Canonical(char c) => c switch
    {
        '«' or '„' or '‟' => '“',
        '»' => '”',
        '‚' or '‹' or '‛' => '‘',
        '›' => '’',
        '―' => '—',
        _ => c,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint h, uint value)
    {
        value *= 0xcc9e2d51;
        value = BitOperations.RotateLeft(value, 15);
        value *= 0x1b873593;
        h ^= value;
        h = BitOperations.RotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Final(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(uint template, uint a) => Final(Mix(Mix(0x9747b28c, template), a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(uint template, uint a, uint b) => Final(Mix(Mix(Mix(0x9747b28c, template), a), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(uint template, uint a, uint b, uint c) => Final(Mix(Mix(Mix(Mix(0x9747b28c, template), a), b), c));
}

/// <summary>A growable list of feature hashes, reused between decisions so that extraction allocates nothing.</summary>
public sealed class FeatureBuffer
{
    private uint[] _items = new uint[128];

    public int Count { get; private set; }

    public ReadOnlySpan<uint> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(uint feature)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = feature;
    }

    public void Add(uint template, uint a) => Add(FeatureHash.Feature(template, a));

    public void Add(uint template, uint a, uint b) => Add(FeatureHash.Feature(template, a, b));

    public void Add(uint template, uint a, uint b, uint c) => Add(FeatureHash.Feature(template, a, b, c));
}
