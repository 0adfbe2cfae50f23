using System.Runtime.CompilerServices;
using Parley.Nlp.Learning;

namespace Parley.Nlp;

/// <summary>Hashes of one word's strings, computed once per sentence and shared by the tagger, lemmatizer and parser.</summary>
internal struct WordHashes
{
    public uint Form;
    public uint Lower;
    public uint Shape;
    public uint Prefix1;
    public uint Prefix2;
    public uint Prefix3;
    public uint Suffix1;
    public uint Suffix2;
    public uint Suffix3;
    public uint Suffix4;
    public uint Suffix5;
    public uint Flags;
}

/// <summary>
/// One sentence's words and the analysis filled in for them, in reusable arrays. Tags, features and
/// relations are label indices of the model that assigned them; heads are 0-based word indices, -1 for root.
/// </summary>
internal sealed class NlpSentence
{
    public const uint FlagUpper = 1, FlagTitle = 2, FlagDigit = 4, FlagHyphen = 8, FlagPunct = 16, FlagAllDigits = 32, FlagLong = 64;

    public int Count { get; private set; }

    public string[] Forms = new string[64];
    public WordHashes[] Hashes = new WordHashes[64];
    public int[] Tags = new int[64];

    /// <summary>The first tagging pass, which the second pass reads for the words to the right.</summary>
    public int[] FirstTags = new int[64];
    public int[] Feats = new int[64];
    public string?[] Lemmas = new string?[64];
    public int[] Heads = new int[64];
    public int[] Rels = new int[64];

    public void Reset(int count)
    {
        if (count > Forms.Length)
        {
            int size = Math.Max(count, Forms.Length * 2);
            Forms = new string[size];
            Hashes = new WordHashes[size];
            Tags = new int[size];
            FirstTags = new int[size];
            Feats = new int[size];
            Lemmas = new string?[size];
            Heads = new int[size];
            Rels = new int[size];
        }

        Count = count;
    }

    /// <summary>Computes the word hashes; call after setting the forms.</summary>
    public void ComputeHashes()
    {
        for (int i = 0; i < Count; i++)
        {
            Hashes[i] = HashWord(Forms[i]);
        }
    }

    public static WordHashes HashWord(ReadOnlySpan<char> original)
    {
        Span<char> form = original.Length <= 128 ? stackalloc char[original.Length] : new char[original.Length];
        for (int i = 0; i < original.Length; i++)
        {
            form[i] = FeatureHash.Canonical(original[i]);
        }

        Span<char> lower = form.Length <= 128 ? stackalloc char[form.Length] : new char[form.Length];
        ((ReadOnlySpan<char>)form).ToLowerInvariant(lower);
        var h = new WordHashes
        {
            Form = FeatureHash.Of(form),
            Lower = FeatureHash.Of(lower),
            Shape = ShapeHash(form),
            Prefix1 = FeatureHash.Of(lower[..Math.Min(1, lower.Length)]),
            Prefix2 = FeatureHash.Of(lower[..Math.Min(2, lower.Length)]),
            Prefix3 = FeatureHash.Of(lower[..Math.Min(3, lower.Length)]),
            Suffix1 = FeatureHash.Of(lower[Math.Max(0, lower.Length - 1)..]),
            Suffix2 = FeatureHash.Of(lower[Math.Max(0, lower.Length - 2)..]),
            Suffix3 = FeatureHash.Of(lower[Math.Max(0, lower.Length - 3)..]),
            Suffix4 = FeatureHash.Of(lower[Math.Max(0, lower.Length - 4)..]),
            Suffix5 = FeatureHash.Of(lower[Math.Max(0, lower.Length - 5)..]),
        };
        uint flags = 0;
        bool allDigits = form.Length > 0;
        bool anyLetter = false, allUpper = true;
        foreach (char c in form)
        {
            if (char.IsDigit(c))
            {
                flags |= FlagDigit;
            }
            else
            {
                allDigits = false;
            }

            if (c == '-')
            {
                flags |= FlagHyphen;
            }

            if (char.IsLetter(c))
            {
                anyLetter = true;
                allUpper &= char.IsUpper(c);
            }
        }

        if (anyLetter && allUpper)
        {
            flags |= FlagUpper;
        }

        if (form.Length > 0 && char.IsUpper(form[0]))
        {
            flags |= FlagTitle;
        }

        if (allDigits)
        {
            flags |= FlagAllDigits;
        }

        if (!anyLetter && !allDigits && (flags & FlagDigit) == 0)
        {
            flags |= FlagPunct;
        }

        if (form.Length > 12)
        {
            flags |= FlagLong;
        }

        h.Flags = flags;
        return h;
    }

    /// <summary>The word's shape (X for capitals, x for small letters, d for digits, other characters as they are), runs cut to three.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ShapeHash(ReadOnlySpan<char> form)
    {
        uint h = 2166136261;
        char last = '\0';
        int run = 0;
        foreach (char ch in form)
        {
            char c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'l' : FeatureHash.Canonical(ch);
            if (c == last)
            {
                if (++run > 3)
                {
                    continue;
                }
            }
            else
            {
                last = c;
                run = 1;
            }

            h = (h ^ c) * 16777619;
        }

        return FeatureHash.Final(h);
    }
}
