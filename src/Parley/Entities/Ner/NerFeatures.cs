using System.Runtime.CompilerServices;

namespace Parley.Entities.Ner;

/// <summary>
/// Integer-hashed features of each word of a sentence: the word and its neighbours, shape, affixes, capitalisation
/// patterns, whether the word is usually written in lower case, word clusters and lexicon (gazetteer) matches.
/// Strings are hashed once per word; features are 64-bit mixes of a template number and those hashes.
/// </summary>
public sealed class NerFeatures
{
    public const int MaxFeatures = 64;

    private readonly NerResources _resources;

    public NerFeatures(NerResources resources)
    {
        _resources = resources;
    }

    /// <summary>Per-sentence scratch: hashes and flags of every word.</summary>
    public sealed class SentenceInfo
    {
        public int Count;
        public ulong[] Lower = [];
        public ulong[] Exact = [];
        public ulong[] Shape = [];
        public ulong[] ShortShape = [];
        public ulong[] Cluster = [];
        public ulong[] Prefix = [];
        public ulong[] Suffix = [];
        public byte[] Flags = [];
        public byte[] Profile = [];
        public List<LexiconMatch> Matches = [];
        public List<ulong>[] Lexicon = [];
        public byte[] RunLength = [];
        public byte[] RunPosition = [];
        public bool TitleCase;

        public void Ensure(int n)
        {
            if (Lower.Length >= n)
            {
                return;
            }

            int size = Math.Max(n, Lower.Length * 2);
            Lower = new ulong[size];
            Exact = new ulong[size];
            Shape = new ulong[size];
            ShortShape = new ulong[size];
            Cluster = new ulong[size];
            Prefix = new ulong[size * 4];
            Suffix = new ulong[size * 4];
            Flags = new byte[size];
            Profile = new byte[size];
            RunLength = new byte[size];
            RunPosition = new byte[size];
            var lexicon = new List<ulong>[size];
            for (int i = 0; i < size; i++)
            {
                lexicon[i] = [];
            }

            Lexicon = lexicon;
        }
    }

    private const byte Capitalised = 1, AllCaps = 2, HasDigit = 4, CommonLower = 8, Known = 16;

    /// <summary>Fills <paramref name="info"/> for the words of one sentence.</summary>
    public void Prepare(IReadOnlyList<string> words, SentenceInfo info)
    {
        int n = words.Count;
        info.Ensure(n);
        info.Count = n;
        int capitalised = 0, alphabetic = 0;
        for (int i = 0; i < n; i++)
        {
            var word = words[i].AsSpan();
            if (word.Length > 64)
            {
                word = word[..64];
            }

            ulong lower = HashLower(word);
            info.Lower[i] = lower;
            info.Exact[i] = Hash(word);
            info.Shape[i] = ShapeHash(word, compress: false);
            info.ShortShape[i] = ShapeHash(word, compress: true);
            info.Cluster[i] = _resources.ClusterOf(info.Exact[i]);
            for (int k = 0; k < 4; k++)
            {
                info.Prefix[i * 4 + k] = k < word.Length ? HashLower(word[..(k + 1)]) : 0;
                info.Suffix[i * 4 + k] = k < word.Length ? HashLower(word[^(k + 1)..]) : 0;
            }

            byte flags = 0;
            if (word.Length > 0 && char.IsUpper(word[0]))
            {
                flags |= Capitalised;
                capitalised++;
            }

            if (word.Length > 0 && char.IsLetter(word[0]))
            {
                alphabetic++;
            }

            bool allCaps = word.Length > 1;
            foreach (char c in word)
            {
                if (char.IsDigit(c))
                {
                    flags |= HasDigit;
                }

                if (char.IsLower(c))
                {
                    allCaps = false;
                }
            }

            if (allCaps)
            {
                flags |= AllCaps;
            }

            if (_resources.IsCommonLower(lower))
            {
                flags |= CommonLower;
            }

            if (_resources.IsKnown(lower))
            {
                flags |= Known;
            }

            info.Flags[i] = flags;
            info.Profile[i] = _resources.ProfileOf(lower);
            info.Lexicon[i].Clear();
        }

        info.TitleCase = alphabetic >= 4 && capitalised * 10 >= alphabetic * 7;

        // Runs of capitalised words: "Sergei Lavrov" is a run of 2; position 0 is its first word.
        for (int i = 0; i < n;)
        {
            if ((info.Flags[i] & Capitalised) == 0)
            {
                info.RunLength[i] = 0;
                info.RunPosition[i] = 0;
                i++;
                continue;
            }

            int j = i;
            while (j < n && (info.Flags[j] & Capitalised) != 0)
            {
                j++;
            }

            for (int k = i; k < j; k++)
            {
                info.RunLength[k] = (byte)Math.Min(j - i, 4);
                info.RunPosition[k] = (byte)Math.Min(k - i, 3);
            }

            i = j;
        }

        info.Matches.Clear();
        foreach (var lexicon in _resources.Lexicons)
        {
            lexicon.Find(words, info.Matches);
        }

        foreach (var m in info.Matches)
        {
            ulong category = Hash(m.Category);
            for (int k = Math.Max(0, m.Start); k < Math.Min(n, m.End); k++)
            {
                ulong position = m.End - m.Start == 1 ? 'U' : k == m.Start ? 'B' : k == m.End - 1 ? 'L' : 'I';
                info.Lexicon[k].Add(Mix(category, position));
            }
        }
    }

    /// <summary>Writes the features of word <paramref name="i"/>; returns how many.</summary>
    public int Extract(SentenceInfo s, int i, Span<ulong> output)
    {
        int n = s.Count, c = 0;
        ulong prev = i > 0 ? s.Lower[i - 1] : Boundary, next = i + 1 < n ? s.Lower[i + 1] : Boundary;
        ulong prev2 = i > 1 ? s.Lower[i - 2] : Boundary, next2 = i + 2 < n ? s.Lower[i + 2] : Boundary;
        ulong prevShape = i > 0 ? s.ShortShape[i - 1] : Boundary, nextShape = i + 1 < n ? s.ShortShape[i + 1] : Boundary;
        byte flags = s.Flags[i];
        output[c++] = F(1, 0);
        output[c++] = F(2, s.Lower[i]);
        output[c++] = F(3, s.Exact[i]);
        output[c++] = F(4, s.Shape[i]);
        output[c++] = F(5, s.ShortShape[i]);
        for (int k = 0; k < 4; k++)
        {
            if (s.Prefix[i * 4 + k] != 0)
            {
                output[c++] = F(6 + (ulong)k, s.Prefix[i * 4 + k]);
                output[c++] = F(10 + (ulong)k, s.Suffix[i * 4 + k]);
            }
        }

        output[c++] = F(14, prev);
        output[c++] = F(15, next);
        output[c++] = F(16, prev2);
        output[c++] = F(17, next2);
        output[c++] = F(18, Mix(prevShape, s.ShortShape[i]));
        output[c++] = F(19, Mix(s.ShortShape[i], nextShape));
        output[c++] = F(20, Mix(prev, s.Lower[i]));
        output[c++] = F(21, Mix(s.Lower[i], next));
        output[c++] = F(22, Mix(i == 0 ? 1UL : 0UL, s.ShortShape[i]));
        output[c++] = F(23, (ulong)(byte)(flags & (Capitalised | CommonLower | Known | AllCaps)) + (i == 0 ? 64UL : 0UL));
        output[c++] = F(24, Mix(s.RunLength[i], s.RunPosition[i]));
        output[c++] = F(25, Mix(prev, s.ShortShape[i]));
        output[c++] = F(26, Mix(s.ShortShape[i], next));
        output[c++] = F(27, Mix(s.TitleCase ? 1UL : 0UL, s.ShortShape[i]));
        ulong capital = ((flags & Capitalised) != 0 ? 1UL : 0UL) + (i == 0 ? 2UL : 0UL);
        ulong profile = s.Profile[i], habit = profile >> 4;
        ulong habitBefore = i > 0 ? (ulong)(s.Profile[i - 1] >> 4) : 7UL, habitAfter = i + 1 < n ? (ulong)(s.Profile[i + 1] >> 4) : 7UL;
        output[c++] = F(35, (profile << 2) + capital);
        output[c++] = F(36, (habit << 2) + capital);
        output[c++] = F(37, (habitBefore << 4) + habitAfter);
        // Clusters: (coarse + 1) << 16 | (fine + 1), 0 when the word is too rare to have one.
        ulong cluster = s.Cluster[i], before = i > 0 ? s.Cluster[i - 1] : 1UL << 40, after = i + 1 < n ? s.Cluster[i + 1] : 1UL << 40;
        output[c++] = F(28, cluster & 0xFFFF);
        output[c++] = F(29, cluster >> 16);
        output[c++] = F(30, before & 0xFFFF);
        output[c++] = F(31, after & 0xFFFF);
        output[c++] = F(38, Mix(cluster >> 16, s.ShortShape[i]));
        output[c++] = F(39, Mix(before >> 16, after >> 16));

        AddLexicon(s, i, 32, output, ref c);
        if (i > 0)
        {
            AddLexicon(s, i - 1, 33, output, ref c);
        }

        if (i + 1 < n)
        {
            AddLexicon(s, i + 1, 34, output, ref c);
        }

        return c;
    }

    private static void AddLexicon(SentenceInfo s, int i, ulong template, Span<ulong> output, ref int c)
    {
        foreach (var h in s.Lexicon[i])
        {
            if (c >= output.Length)
            {
                return;
            }

            output[c++] = F(template, h);
        }
    }

    private const ulong Boundary = 0x5bd1e995UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(ulong template, ulong value) => Mix(template * 0x9E3779B97F4A7C15UL, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b)
    {
        ulong x = a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2));
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a over the characters.</summary>
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char ch in s)
        {
            h = (h ^ ch) * 1099511628211UL;
        }

        return h;
    }

    public static ulong HashLower(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char ch in s)
        {
            h = (h ^ Parley.Nlp.Learning.FeatureHash.LowerInvariant(ch)) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>"Lavrov" → Xxxxxx (or Xx compressed); "U.S." → X.X.; "1991" → dddd (dd).</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> word, bool compress)
    {
        ulong h = compress ? 7UL : 13UL;
        char last = '\0';
        int repeat = 0;
        foreach (char ch in word)
        {
            char k = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (k == last)
            {
                repeat++;
                if (compress || repeat >= 4)
                {
                    continue;
                }
            }
            else
            {
                repeat = 0;
            }

            last = k;
            h = (h ^ k) * 1099511628211UL;
        }

        return h;
    }
}
