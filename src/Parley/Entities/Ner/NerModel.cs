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
