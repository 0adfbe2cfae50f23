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

    public NerResources(HashSet<ulong> commonLower, HashSet<ulong> known, Dictionary<ulong, ulong> clusters, IReadOnlyList<INameLexicon> lexicons)
    {
        _commonLower = commonLower;
        _known = known;
        _clusters = clusters;
        Lexicons = lexicons;
    }

    public IReadOnlyList<INameLexicon> Lexicons { get; }

    internal HashSet<ulong> CommonLowerSet => _commonLower;

    internal HashSet<ulong> KnownSet => _known;

    internal Dictionary<ulong, ulong> Clusters => _clusters;

    public bool IsCommonLower(ulong lowerHash) => _commonLower.Contains(lowerHash);

    public bool IsKnown(ulong lowerHash) => _known.Contains(lowerHash);

    /// <summary>The word's cluster as a bit path with a leading 1 (so prefixes are distinct), or 0 when unknown.</summary>
    public ulong ClusterOf(ulong lowerHash) => _clusters.TryGetValue(lowerHash, out var c) ? c : 0;

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
