using System.Diagnostics;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Tagging;

/// <summary>Trains <see cref="PosTagger"/>: the tag model with early stopping on the development set, then the feature chooser.</summary>
internal static class PosTaggerTrainer
{
    public sealed record Options(int MaxEpochs = 12, int Patience = 2, int Seed = 1, float Prune = 0f, int Folds = 0);

    /// <summary>
    /// Trains the tagger. With <see cref="Options.Folds"/> above 1 it has two passes: the second reads the first
    /// pass's tags of the words to the right, and learns from first-pass tags made by taggers that did not see
    /// the sentence (jack-knifing), which are also left in <see cref="TrainingSentence.PredictedTags"/>.
    /// </summary>
    public static PosTagger Train(IReadOnlyList<TrainingSentence> train, IReadOnlyList<TrainingSentence>? dev, Options options, TextWriter log,
        LabelSet? tagLabels = null, LabelSet? featsLabels = null)
    {
        var tags = tagLabels ?? new LabelSet();
        var feats = featsLabels ?? new LabelSet();
        var allowedSets = new List<Dictionary<int, int>>();
        var goldTags = new int[train.Count][];
        var goldFeats = new int[train.Count][];
        for (int s = 0; s < train.Count; s++)
        {
            var sentence = train[s];
            goldTags[s] = new int[sentence.Count];
            goldFeats[s] = new int[sentence.Count];
            for (int i = 0; i < sentence.Count; i++)
            {
                var w = sentence.Source.Words[i];
                int t = tags.Add(TrainingSentence.TagOf(w));
                int f = feats.Add(w.Feats);
                goldTags[s][i] = t;
                goldFeats[s][i] = f;
                while (allowedSets.Count <= t)
                {
                    allowedSets.Add([]);
                }

                allowedSets[t][f] = allowedSets[t].GetValueOrDefault(f) + 1;
            }
        }

        while (allowedSets.Count < tags.Count)
        {
            allowedSets.Add([]);
        }

        var allowed = new int[tags.Count][];
        for (int t = 0; t < tags.Count; t++)
        {
            allowed[t] = allowedSets[t].Count == 0 ? [feats.Add("_")] : [.. allowedSets[t].OrderByDescending(kv => kv.Value).Select(kv => kv.Key)];
        }

        var tagModel = TrainTags(train, goldTags, null, dev, null, tags, options, log);
        SparseModel? second = null;
        if (options.Folds > 1)
        {
            var first = new int[train.Count][];
            for (int fold = 0; fold < options.Folds; fold++)
            {
                var rest = new List<int>();
                var held = new List<int>();
                for (int s = 0; s < train.Count; s++)
                {
                    (s % options.Folds == fold ? held : rest).Add(s);
                }

                var foldModel = TrainTags(rest.Select(s => train[s]).ToList(), rest.Select(s => goldTags[s]).ToArray(), null, dev, null, tags,
                    options with { Seed = options.Seed + 100 + fold, MaxEpochs = Math.Min(options.MaxEpochs, 8) }, TextWriter.Null);
                foreach (int s in held)
                {
                    first[s] = Predict(foldModel, null, train[s], null);
                }

                log.WriteLine($"  tagger: jack-knife fold {fold + 1} of {options.Folds} done");
            }

            for (int s = 0; s < train.Count; s++)
            {
                train[s].PredictedTags = first[s];
            }

            var devFirst = dev?.Select(d => Predict(tagModel, null, d, null)).ToArray();
            log.WriteLine("  tagger: second pass");
            second = TrainTags(train, goldTags, first, dev, devFirst, tags, options, log);
        }

        var featsModel = TrainFeats(train, goldTags, goldFeats, allowed, feats, options);
        return new PosTagger(tags, feats, tagModel, second, featsModel, allowed);
    }

    /// <summary>Tags one sentence with one pass of weights (the second pass when <paramref name="first"/> is given).</summary>
    private static int[] Predict(SparseModel model, int[]? first, TrainingSentence sentence, FeatureBuffer? buffer)
    {
        var features = buffer ?? new FeatureBuffer();
        int n = sentence.Count;
        var scores = new int[model.Classes];
        var predicted = new int[n];
        for (int i = 0; i < n; i++)
        {
            features.Clear();
            PosTagger.TagFeatures(sentence.Hashes, predicted, i, n, features);
            if (first is not null)
            {
                PosTagger.RightFeatures(sentence.Hashes, predicted, first, i, n, features);
            }

            Array.Clear(scores);
            model.Score(features.Span, scores);
            predicted[i] = SparseModel.ArgMax(scores, default);
        }

        return predicted;
    }

    private static SparseModel TrainTags(IReadOnlyList<TrainingSentence> train, int[][] gold, int[][]? first, IReadOnlyList<TrainingSentence>? dev,
        int[][]? devFirst, LabelSet tags, Options options, TextWriter log)
    {
        var trainer = new PerceptronTrainer(tags.Count);
        var features = new FeatureBuffer();
        var scores = new float[tags.Count];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(options.Seed);
        var predicted = new int[256];
        SparseModel? best = null;
        double bestAccuracy = -1;
        int since = 0;
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int s in order)
            {
                var sentence = train[s];
                int n = sentence.Count;
                if (predicted.Length < n)
                {
                    predicted = new int[n * 2];
                }

                for (int i = 0; i < n; i++)
                {
                    features.Clear();
                    PosTagger.TagFeatures(sentence.Hashes, predicted, i, n, features);
                    if (first is not null)
                    {
                        PosTagger.RightFeatures(sentence.Hashes, predicted, first[s], i, n, features);
                    }

                    Array.Clear(scores);
                    trainer.Score(features.Span, scores);
                    int guess = ArgMax(scores);
                    trainer.Tick();
                    trainer.Update(features.Span, gold[s][i], guess);
                    predicted[i] = guess;
                    correct += guess == gold[s][i] ? 1 : 0;
                    total++;
                }
            }

            var model = trainer.Freeze(options.Prune);
            var (devAccuracy, devUpos) = dev is null ? (0, 0) : Accuracy(model, dev, devFirst, tags);
            log.WriteLine($"  tagger epoch {epoch}: train {100.0 * correct / total:F2}%, dev {100 * devAccuracy:F2}% (UPOS {100 * devUpos:F2}%), {model.FeatureCount:N0} features, {watch.Elapsed.TotalSeconds:F1}s");
            if (dev is null || devAccuracy > bestAccuracy)
            {
                bestAccuracy = devAccuracy;
                best = model;
                since = 0;
            }
            else if (++since >= options.Patience)
            {
                break;
            }
        }

        return best!;
    }

    /// <summary>Tag accuracy (UPOS+XPOS pair) and UPOS accuracy of frozen weights on gold-tokenised sentences.</summary>
    internal static (double Tag, double Upos) Accuracy(SparseModel model, IReadOnlyList<TrainingSentence> sentences, int[][]? first, LabelSet tags)
    {
        var features = new FeatureBuffer();
        int correct = 0, total = 0, upos = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var predicted = Predict(model, first?[s], sentence, features);
            for (int i = 0; i < sentence.Count; i++)
            {
                var w = sentence.Source.Words[i];
                correct += predicted[i] == tags.IndexOf(TrainingSentence.TagOf(w)) ? 1 : 0;
                upos += tags[predicted[i]].AsSpan().StartsWith(w.Upos + "\t") ? 1 : 0;
                total++;
            }
        }

        return total == 0 ? (0, 0) : ((double)correct / total, (double)upos / total);
    }

    private static SparseModel TrainFeats(IReadOnlyList<TrainingSentence> train, int[][] goldTags, int[][] goldFeats, int[][] allowed, LabelSet feats,
        Options options)
    {
        var trainer = new PerceptronTrainer(feats.Count);
        var features = new FeatureBuffer();
        var scores = new float[feats.Count];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(options.Seed + 7);
        for (int epoch = 0; epoch < 6; epoch++)
        {
            random.Shuffle(order);
            foreach (int s in order)
            {
                var sentence = train[s];
                for (int i = 0; i < sentence.Count; i++)
                {
                    var choices = allowed[goldTags[s][i]];
                    if (choices.Length == 1)
                    {
                        continue;
                    }

                    features.Clear();
                    PosTagger.FeatsFeatures(sentence.Hashes, goldTags[s], i, sentence.Count, features);
                    Array.Clear(scores);
                    trainer.Score(features.Span, scores);
                    int guess = -1;
                    float best = float.NegativeInfinity;
                    foreach (int c in choices)
                    {
                        if (scores[c] > best)
                        {
                            best = scores[c];
                            guess = c;
                        }
                    }

                    trainer.Tick();
                    trainer.Update(features.Span, goldFeats[s][i], guess);
                }
            }
        }

        return trainer.Freeze(options.Prune);
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
