using System.Text.Json.Nodes;

namespace Parley.Entities.Ner;

/// <summary>
/// The trained named-entity recogniser: a linear model over hashed word features with BILOU tag transitions,
/// decoded exactly (Viterbi) under the constraint that tags form whole spans. Read-only after loading, so one
/// instance serves every thread.
/// </summary>
public sealed class NerModel
{
    public const string Kind = "ner";

    private readonly Dictionary<ulong, int> _rows;
    private readonly float[] _weights;
    private readonly float[] _transitions;
    private readonly NerFeatures _features;

    [ThreadStatic]
    private static Scratch? t_scratch;

    internal NerModel(NerTagSet tags, NerResources resources, Dictionary<ulong, int> rows, float[] weights, float[] transitions, JsonObject manifest)
    {
        Tags = tags;
        Resources = resources;
        _rows = rows;
        _weights = weights;
        _transitions = transitions;
        _features = new NerFeatures(resources);
        Manifest = manifest;
    }

    public NerTagSet Tags { get; }

    public NerResources Resources { get; }

    public JsonObject Manifest { get; }

    public int FeatureCount => _rows.Count;

    internal Dictionary<ulong, int> Rows => _rows;

    internal float[] Weights => _weights;

    internal float[] Transitions => _transitions;

    /// <summary>Entity spans over the words of one sentence.</summary>
    public List<NerSpan> Predict(IReadOnlyList<string> words)
    {
        int n = words.Count;
        if (n == 0)
        {
            return [];
        }

        var scratch = t_scratch ??= new Scratch();
        int t = Tags.Count;
        scratch.Ensure(n, t);
        _features.Prepare(words, scratch.Info);
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxFeatures];
        var emissions = scratch.Emissions.AsSpan(0, n * t);
        emissions.Clear();
        for (int i = 0; i < n; i++)
        {
            int count = _features.Extract(scratch.Info, i, buffer);
            var row = emissions.Slice(i * t, t);
            for (int f = 0; f < count; f++)
            {
                if (_rows.TryGetValue(buffer[f], out int index))
                {
                    var w = _weights.AsSpan(index * t, t);
                    for (int k = 0; k < t; k++)
                    {
                        row[k] += w[k];
                    }
                }
            }
        }

        var path = scratch.Path.AsSpan(0, n);
        Viterbi(Tags, emissions, _transitions, n, path, scratch);
        var spans = Tags.Decode(path);
        spans.RemoveAll(s => s.Type == HelperType);
        return spans;
    }

    /// <summary>
    /// A type the model learns but never outputs: other names (events, works, products, nationalities in WikiGold).
    /// Learning them keeps the model from reading every capitalised non-entity as a plain word.
    /// </summary>
    public const string HelperType = "MISC";

    /// <summary>
    /// Entity spans over each sentence of one document. After tagging sentence by sentence, a name the model found
    /// once is also found where it recurs untagged ("Sergei Lavrov" … "Lavrov"; the same name in a headline), provided
    /// the words are capitalised there and not a word usually written in lower case.
    /// </summary>
    public List<List<NerSpan>> PredictDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var result = new List<List<NerSpan>>(sentences.Count);
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Vote(string key, string type, int weight)
        {
            if (!votes.TryGetValue(key, out var byType))
            {
                votes[key] = byType = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            byType[type] = byType.GetValueOrDefault(type) + weight;
        }

        foreach (var words in sentences)
        {
            var spans = Predict(words);
            result.Add(spans);
            foreach (var span in spans)
            {
                if (span.Type != "PER")
                {
                    continue; // places and organisations recur as parts of other names too often ("Washington" in "Washington Post")
                }

                Vote(Key(words, span.Start, span.End), span.Type, 2);
                if (span.End - span.Start > 1 && IsNameLike(words[span.Start]))
                {
                    Vote(words[span.End - 1], "PER", 1); // the surname alone
                }
            }
        }

        if (votes.Count == 0)
        {
            return result;
        }

        int longest = votes.Keys.Max(k => k.Count(c => c == ' ') + 1);
        for (int si = 0; si < sentences.Count; si++)
        {
            var words = sentences[si];
            var spans = result[si];
            var taken = new bool[words.Count];
            foreach (var span in spans)
            {
                for (int k = span.Start; k < span.End; k++)
                {
                    taken[k] = true;
                }
            }

            bool added = false;
            for (int i = 0; i < words.Count; i++)
            {
                if (taken[i] || !IsNameLike(words[i]))
                {
                    continue;
                }

                for (int length = Math.Min(longest, words.Count - i); length >= 1; length--)
                {
                    if (!IsNameLike(words[i + length - 1]) || !votes.TryGetValue(Key(words, i, i + length), out var byType))
                    {
                        continue;
                    }

                    bool free = true;
                    for (int k = i; k < i + length; k++)
                    {
                        free &= !taken[k];
                    }

                    // The name must stand alone: not the edge of a longer capitalised run the model left untagged.
                    bool alone = (i == 0 || !IsNameLike(words[i - 1]) || taken[i - 1]) && (i + length == words.Count || !IsNameLike(words[i + length]) || taken[i + length]);
                    if (!free || !alone)
                    {
                        continue;
                    }

                    string type = byType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
                    spans.Add(new NerSpan(i, i + length, type));
                    for (int k = i; k < i + length; k++)
                    {
                        taken[k] = true;
                    }

                    added = true;
                    break;
                }
            }

            if (added)
            {
                spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }

        return result;

        bool IsNameLike(string word) => word.Length > 1 && char.IsUpper(word[0])
            && (Resources.ProfileOf(NerFeatures.HashLower(word)) >> 4) != 1;

        static string Key(IReadOnlyList<string> words, int start, int end)
        {
            var sb = new System.Text.StringBuilder();
            for (int k = start; k < end; k++)
            {
                if (k > start)
                {
                    sb.Append(' ');
                }

                sb.Append(words[k]);
            }

            return sb.ToString();
        }
    }

    /// <summary>The best legal tag sequence for the emission scores (n × tags) and transition scores ((tags+1) × tags).</summary>
    internal static void Viterbi(NerTagSet tags, ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<int> path, Scratch scratch)
    {
        int t = tags.Count;
        var allowed = tags.Allowed;
        var score = scratch.Score.AsSpan(0, n * t);
        var back = scratch.Back.AsSpan(0, n * t);
        for (int k = 0; k < t; k++)
        {
            score[k] = allowed[k] ? emissions[k] + transitions[k] : float.NegativeInfinity;
            back[k] = -1;
        }

        for (int i = 1; i < n; i++)
        {
            for (int k = 0; k < t; k++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < t; p++)
                {
                    if (!allowed[(p + 1) * t + k])
                    {
                        continue;
                    }

                    float s = score[(i - 1) * t + p] + transitions[(p + 1) * t + k];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                score[i * t + k] = best + emissions[i * t + k];
                back[i * t + k] = arg;
            }
        }

        float bestEnd = float.NegativeInfinity;
        int last = 0;
        for (int k = 0; k < t; k++)
        {
            if (NerTagSet.CanEnd(k) && score[(n - 1) * t + k] > bestEnd)
            {
                bestEnd = score[(n - 1) * t + k];
                last = k;
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            path[i] = last;
            last = back[i * t + last];
        }
    }

    internal sealed class Scratch
    {
        public readonly NerFeatures.SentenceInfo Info = new();
        public float[] Emissions = [];
        public float[] Score = [];
        public int[] Back = [];
        public int[] Path = [];

        public void Ensure(int n, int t)
        {
            if (Emissions.Length < n * t)
            {
                int size = Math.Max(n * t, Emissions.Length * 2);
                Emissions = new float[size];
                Score = new float[size];
                Back = new int[size];
            }

            if (Path.Length < n)
            {
                Path = new int[Math.Max(n, Path.Length * 2)];
            }
        }
    }
}
