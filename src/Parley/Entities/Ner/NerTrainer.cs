using System.Text.Json.Nodes;

namespace Parley.Entities.Ner;

public sealed class NerTrainingOptions
{
    public int Epochs { get; init; } = 8;

    /// <summary>Features seen fewer times than this in the training data are dropped.</summary>
    public int MinFeatureCount { get; init; } = 2;

    public int Seed { get; init; } = 1;
}

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged structured perceptron (Collins 2002): decode each sentence with the
/// current weights; where the best path differs from the gold tags, move weight from the predicted tags' features
/// to the gold tags' features. The average of the weights over all steps is the model.
/// </summary>
public static class NerTrainer
{
    public static NerModel Train(IReadOnlyList<NerSentence> sentences, NerResources resources, string[] types, NerTrainingOptions options,
        JsonObject manifest, TextWriter? log = null, IReadOnlyList<NerSentence>? dev = null)
    {
        var tags = new NerTagSet(types);
        int t = tags.Count;
        var features = new NerFeatures(resources);
        var info = new NerFeatures.SentenceInfo();
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxFeatures];

        // Pass 1: count features, keep the frequent ones.
        var counts = new Dictionary<ulong, int>();
        foreach (var s in sentences)
        {
            features.Prepare(s.Words, info);
            for (int i = 0; i < s.Words.Length; i++)
            {
                int c = features.Extract(info, i, buffer);
                for (int f = 0; f < c; f++)
                {
                    counts[buffer[f]] = counts.GetValueOrDefault(buffer[f]) + 1;
                }
            }
        }

        var rows = new Dictionary<ulong, int>();
        foreach (var (key, n) in counts)
        {
            if (n >= options.MinFeatureCount)
            {
                rows[key] = rows.Count;
            }
        }

        counts = null;
        log?.WriteLine($"ner: {sentences.Count:N0} sentences, {rows.Count:N0} features kept (seen at least {options.MinFeatureCount} times)");

        // Pass 2: each word's feature rows, packed.
        var starts = new int[sentences.Count + 1];
        var wordStarts = new List<int>();
        var packed = new List<int>();
        var gold = new int[sentences.Count][];
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            starts[si] = wordStarts.Count;
            gold[si] = tags.Encode(s);
            features.Prepare(s.Words, info);
            for (int i = 0; i < s.Words.Length; i++)
            {
                wordStarts.Add(packed.Count);
                int c = features.Extract(info, i, buffer);
                for (int f = 0; f < c; f++)
                {
                    if (rows.TryGetValue(buffer[f], out int r))
                    {
                        packed.Add(r);
                    }
                }
            }
        }

        starts[sentences.Count] = wordStarts.Count;
        wordStarts.Add(packed.Count);
        var featureRows = packed.ToArray();
        var wordOffsets = wordStarts.ToArray();

        var weights = new float[rows.Count * t];
        var totals = new float[rows.Count * t];
        var transitions = new float[(t + 1) * t];
        var transitionTotals = new float[(t + 1) * t];
        var scratch = new NerModel.Scratch();
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(options.Seed);
        float step = 1;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0;
            foreach (int si in order)
            {
                int n = sentences[si].Words.Length;
                if (n == 0)
                {
                    continue;
                }

                scratch.Ensure(n, t);
                var emissions = scratch.Emissions.AsSpan(0, n * t);
                emissions.Clear();
                for (int i = 0; i < n; i++)
                {
                    int w = starts[si] + i;
                    var row = emissions.Slice(i * t, t);
                    for (int f = wordOffsets[w]; f < wordOffsets[w + 1]; f++)
                    {
                        var weight = weights.AsSpan(featureRows[f] * t, t);
                        for (int k = 0; k < t; k++)
                        {
                            row[k] += weight[k];
                        }
                    }
                }

                var path = scratch.Path.AsSpan(0, n);
                NerModel.Viterbi(tags, emissions, transitions, n, path, scratch);
                var g = gold[si];
                bool wrong = false;
                for (int i = 0; i < n; i++)
                {
                    int prevGold = i == 0 ? -1 : g[i - 1], prevPred = i == 0 ? -1 : path[i - 1];
                    if (g[i] == path[i] && prevGold == prevPred)
                    {
                        continue;
                    }

                    wrong = true;
                    Update(transitions, transitionTotals, (prevGold + 1) * t + g[i], 1, step);
                    Update(transitions, transitionTotals, (prevPred + 1) * t + path[i], -1, step);
                    if (g[i] == path[i])
                    {
                        continue;
                    }

                    int w = starts[si] + i;
                    for (int f = wordOffsets[w]; f < wordOffsets[w + 1]; f++)
                    {
                        int r = featureRows[f] * t;
                        Update(weights, totals, r + g[i], 1, step);
                        Update(weights, totals, r + path[i], -1, step);
                    }
                }

                if (wrong)
                {
                    errors++;
                }

                step++;
            }

            string devScore = "";
            if (dev is not null && (epoch % 3 == 0 || epoch == options.Epochs))
            {
                var model = Averaged(tags, resources, rows, weights, totals, transitions, transitionTotals, step, manifest);
                devScore = $", dev F1 {NerScore.Evaluate(model, dev).Overall.F1 * 100:F1}";
            }

            log?.WriteLine($"ner: epoch {epoch}: {errors:N0} sentences wrong of {sentences.Count:N0}{devScore}");
        }

        return Averaged(tags, resources, rows, weights, totals, transitions, transitionTotals, step, manifest);
    }

    private static void Update(float[] weights, float[] totals, int index, float delta, float step)
    {
        weights[index] += delta;
        totals[index] += delta * step;
    }

    private static NerModel Averaged(NerTagSet tags, NerResources resources, Dictionary<ulong, int> rows, float[] weights, float[] totals,
        float[] transitions, float[] transitionTotals, float step, JsonObject manifest)
    {
        int t = tags.Count;
        var average = new float[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            average[i] = weights[i] - totals[i] / step;
        }

        var averageTransitions = new float[transitions.Length];
        for (int i = 0; i < transitions.Length; i++)
        {
            averageTransitions[i] = transitions[i] - transitionTotals[i] / step;
        }

        // Drop rows that averaged to nothing, so the file holds only features that matter.
        var kept = new Dictionary<ulong, int>();
        var compact = new List<float>();
        foreach (var (key, row) in rows)
        {
            bool any = false;
            for (int k = 0; k < t; k++)
            {
                any |= MathF.Abs(average[row * t + k]) >= 1e-3f;
            }

            if (!any)
            {
                continue;
            }

            kept[key] = kept.Count;
            for (int k = 0; k < t; k++)
            {
                compact.Add(average[row * t + k]);
            }
        }

        return new NerModel(tags, resources, kept, [.. compact], averageTransitions, manifest);
    }
}
