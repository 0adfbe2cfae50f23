namespace Parley.Entities.Ner;

/// <summary>
/// What the recogniser knows about words apart from its weights: which words are usually written in lower case
/// (so a capitalised "Police" at the start of a sentence is probably not a name), which words it has seen at all,
/// word clusters induced from unlabelled text, and the lexicons (gazetteers) it reads as features.
/// </summary>
public sealed class NerResources
{
    private readonly HashSet<ulong> _commonLower;
    private readonly HashSet<ulong> _known;
    private readonly Dictionary<ulong, ulong> _clusters;
    private readonly Dictionary<ulong, byte> _profiles;

    public NerResources(HashSet<ulong> commonLower, HashSet<ulong> known, Dictionary<ulong, ulong> clusters, IReadOnlyList<INameLexicon> lexicons,
        Dictionary<ulong, byte>? profiles = null)
    {
        _commonLower = commonLower;
        _known = known;
        _clusters = clusters;
        _profiles = profiles ?? [];
        Lexicons = lexicons;
    }

    internal Dictionary<ulong, byte> Profiles => _profiles;

    /// <summary>
    /// How the word is written in unlabelled text, packed in a byte: high nibble the case habit (1 mostly lower case,
    /// 2 mixed, 3 mostly capitalised away from a sentence start, 4 only capitalised), low nibble log2 of its frequency.
    /// 0 for an unseen word.
    /// </summary>
    public byte ProfileOf(ulong lowerHash) => _profiles.GetValueOrDefault(lowerHash);

    /// <summary>Case habits and frequencies of words in unlabelled sentences (see <see cref="ProfileOf"/>).</summary>
    public static Dictionary<ulong, byte> CountProfiles(IEnumerable<string[]> sentences)
    {
        var lower = new Dictionary<ulong, int>();
        var upper = new Dictionary<ulong, int>();
        var total = new Dictionary<ulong, int>();
        foreach (var words in sentences)
        {
            for (int i = 0; i < words.Length; i++)
            {
                var w = words[i];
                if (w.Length == 0)
                {
                    continue;
                }

                ulong h = NerFeatures.HashLower(w);
                total[h] = total.GetValueOrDefault(h) + 1;
                if (char.IsLower(w[0]))
                {
                    lower[h] = lower.GetValueOrDefault(h) + 1;
                }
                else if (i > 0 && char.IsUpper(w[0]))
                {
                    upper[h] = upper.GetValueOrDefault(h) + 1;
                }
            }
        }

        var profiles = new Dictionary<ulong, byte>(total.Count);
        foreach (var (h, n) in total)
        {
            int l = lower.GetValueOrDefault(h), u = upper.GetValueOrDefault(h);
            int habit = l + u == 0 ? 2 : l > 2 * u ? 1 : u > 2 * l ? (l == 0 && u >= 3 ? 4 : 3) : 2;
            int frequency = Math.Min(15, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n));
            profiles[h] = (byte)(habit << 4 | frequency);
        }

        return profiles;
    }

    public IReadOnlyList<INameLexicon> Lexicons { get; }

    internal HashSet<ulong> CommonLowerSet => _commonLower;

    internal HashSet<ulong> KnownSet => _known;

    internal Dictionary<ulong, ulong> Clusters => _clusters;

    public bool IsCommonLower(ulong lowerHash) => _commonLower.Contains(lowerHash);

    public bool IsKnown(ulong lowerHash) => _known.Contains(lowerHash);

    /// <summary>The word's clusters (see <see cref="WordClusters"/>) by its exact spelling's hash, or 0 when it has none.</summary>
    public ulong ClusterOf(ulong exactHash) => _clusters.TryGetValue(exactHash, out var c) ? c : 0;

    /// <summary>
    /// Counts, over unlabelled sentences, how often each word is written in lower case and capitalised away from
    /// the start of a sentence. A word is "common lower" when it is mostly written in lower case.
    /// </summary>
    public static (HashSet<ulong> CommonLower, HashSet<ulong> Known) CountCase(IEnumerable<string[]> sentences)
    {
        var lower = new Dictionary<ulong, int>();
        var upper = new Dictionary<ulong, int>();
        foreach (var words in sentences)
        {
            for (int i = 0; i < words.Length; i++)
            {
                var w = words[i];
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    continue;
                }

                ulong h = NerFeatures.HashLower(w);
                if (char.IsLower(w[0]))
                {
                    lower[h] = lower.GetValueOrDefault(h) + 1;
                }
                else if (i > 0)
                {
                    upper[h] = upper.GetValueOrDefault(h) + 1;
                }
            }
        }

        var common = new HashSet<ulong>();
        var known = new HashSet<ulong>();
        foreach (var (h, n) in lower)
        {
            int u = upper.GetValueOrDefault(h);
            if (n >= 2 && n > 2 * u)
            {
                common.Add(h);
            }

            if (n + u >= 2)
            {
                known.Add(h);
            }
        }

        foreach (var (h, n) in upper)
        {
            if (n >= 2)
            {
                known.Add(h);
            }
        }

        return (common, known);
    }
}
